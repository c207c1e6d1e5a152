/**
 * Error types the pipeline tells apart.
 * - UserError: something the user can fix (bad config, missing Python, a lock held by another run). Printed as
 *   one sentence, no stack trace, non-zero exit.
 * - RetriableError: a transient failure (429, 5xx, timeout) the HTTP layer may retry.
 * - FatalError: a failure retrying cannot fix (401, 403, 404 on a configured resource).
 */
export class UserError extends Error {
  override name = 'UserError';
}

export class RetriableError extends Error {
  override name = 'RetriableError';
  constructor(
    message: string,
    /** Seconds the server asked us to wait (Retry-After), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export class FatalError extends Error {
  override name = 'FatalError';
}
