/**
 * The HTTP layer every API connector uses: JSON requests with a timeout, retries with exponential backoff and
 * full jitter for what retrying can fix (429, 5xx, timeouts, dropped connections), the server's Retry-After
 * honoured, an optional pause the connector computes from rate-limit headers before the limit is hit, and one
 * clear sentence for what retrying cannot fix (401/403: credentials or scope; 404; other 4xx).
 *
 * Secrets: request headers (tokens) are never logged; URLs are logged without their query string.
 */
import { setMaxListeners } from 'node:events';
import { FatalError, RetriableError, UserError } from './errors.ts';
import type { Logger } from './log.ts';

export interface HttpClientOptions {
  /** Service name for messages: "Zendesk", "Shopify". */
  service: string;
  baseUrl: string;
  /** Sent with every request (authentication goes here; never logged). */
  headers?: Record<string, string>;
  log: Logger;
  signal?: AbortSignal;
  /** Retries after the first attempt (default: CSW_HTTP_MAX_RETRIES, else 6). */
  maxRetries?: number;
  /** First backoff (default 1 s); doubles per retry up to `maxDelayMs` (default 60 s), with full jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per-request timeout (default 60 s). */
  timeoutMs?: number;
  /** What to tell the user on 401/403, e.g. "check ZENDESK_EMAIL and ZENDESK_API_TOKEN". */
  authHint?: string;
  /**
   * Called with every successful response; returns milliseconds to wait before the next request (to slow
   * down before the rate limit is reached), or 0. It may also throw a RetriableError (with `retryAfterSeconds`)
   * for an answer that is a throttle in disguise (Shopify's HTTP 200 `THROTTLED`): the request is then retried
   * like a 429, within the same retry budget.
   */
  throttle?: (response: HttpResponse) => number;
  /** For tests: how to wait. */
  sleep?: (ms: number) => Promise<void>;
  /** For tests: randomness of the jitter (0..1). */
  random?: () => number;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  url: string;
}

export interface RequestOptions {
  method?: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

function withoutQuery(url: string): string {
  const i = url.indexOf('?');
  return i === -1 ? url : url.slice(0, i);
}

export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

/**
 * How many times a failing request is retried (CSW_HTTP_MAX_RETRIES, default 6: with the doubling backoff about a
 * minute of trying before a source counts as down). 0 fails at the first error.
 */
export function defaultMaxRetries(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CSW_HTTP_MAX_RETRIES;
  if (raw === undefined || raw === '') return 6;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 20) throw new UserError(`CSW_HTTP_MAX_RETRIES must be a whole number from 0 to 20 (got "${raw}")`);
  return n;
}

export class HttpClient {
  private pauseUntil = 0;

  constructor(private readonly options: HttpClientOptions) {
    // One abort listener per request in flight (connectors may run many at once): not a leak.
    if (options.signal) setMaxListeners(256, options.signal);
  }

  private sleep(ms: number): Promise<void> {
    return this.options.sleep ? this.options.sleep(ms) : defaultSleep(ms, this.options.signal);
  }

  url(pathOrUrl: string, query?: RequestOptions['query']): string {
    const url = new URL(pathOrUrl, this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  /** GET (or another method) and parse the JSON body; retries what retrying can fix. */
  async request<T = unknown>(pathOrUrl: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const { service, log } = this.options;
    const url = this.url(pathOrUrl, options.query);
    const maxRetries = this.options.maxRetries ?? defaultMaxRetries();
    for (let attempt = 0; ; attempt++) {
      const wait = this.pauseUntil - Date.now();
      if (wait > 0) {
        await this.sleep(wait);
        this.pauseUntil = 0;
      }
      let error: RetriableError;
      try {
        const response = await this.attempt<T>(url, options);
        const pause = this.options.throttle?.(response) ?? 0;
        if (pause > 0) {
          log.debug(`${service}: pausing ${Math.round(pause)} ms to stay under the rate limit`);
          this.pauseUntil = Date.now() + pause;
        }
        return response;
      } catch (e) {
        if (!(e instanceof RetriableError)) throw e;
        error = e;
      }
      if (attempt >= maxRetries) {
        throw new FatalError(`${service} kept failing at ${withoutQuery(url)} after ${maxRetries + 1} attempts: ${error.message}`);
      }
      const base = this.options.baseDelayMs ?? 1000;
      const cap = this.options.maxDelayMs ?? 60_000;
      const backoff = (this.options.random ?? Math.random)() * Math.min(cap, base * 2 ** attempt);
      const delay = error.retryAfterSeconds !== undefined ? Math.max(error.retryAfterSeconds * 1000, 0) : backoff;
      log.warn(`${service}: ${error.message}; retrying in ${(delay / 1000).toFixed(1)} s (${attempt + 1}/${maxRetries})`, { url: withoutQuery(url) });
      await this.sleep(delay);
    }
  }

  /**
   * One request with its own timeout, covering the body as well as the headers. The run's abort signal is
   * linked by a listener removed afterwards (AbortSignal.any would add one per request to the run's signal).
   */
  private async attempt<T>(url: string, options: RequestOptions): Promise<HttpResponse<T>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, this.options.timeoutMs ?? 60_000);
    const parent = this.options.signal;
    const onAbort = () => controller.abort(parent?.reason);
    parent?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.exchange<T>(url, options, controller.signal, () => timedOut);
    } finally {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    }
  }

  private async exchange<T>(url: string, options: RequestOptions, signal: AbortSignal, timedOut: () => boolean): Promise<HttpResponse<T>> {
    const { service } = this.options;
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method ?? 'GET',
        headers: { accept: 'application/json', ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...this.options.headers },
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
        signal,
      });
    } catch (e) {
      if (this.options.signal?.aborted) throw e;
      const reason = timedOut() ? 'the request timed out' : `the connection failed (${(e as Error).cause ? String(((e as Error).cause as Error).message ?? (e as Error).cause) : (e as Error).message})`;
      throw new RetriableError(reason);
    }
    const where = withoutQuery(url);
    if (response.status === 429) {
      await response.body?.cancel();
      const ms = retryAfterMs(response.headers);
      throw new RetriableError(`${service} is rate limiting (429)`, ms === undefined ? undefined : ms / 1000);
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      const ms = retryAfterMs(response.headers);
      throw new RetriableError(`${service} answered ${response.status}`, ms === undefined ? undefined : ms / 1000);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      const what = response.status === 401 ? 'refused the credentials (401)' : 'denied access (403: the token lacks a permission or scope)';
      throw new FatalError(`${service} ${what} at ${where}${this.options.authHint ? `: ${this.options.authHint}` : ''}`);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new FatalError(`${service} has nothing at ${where} (404): check the account address`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (e) {
      if (this.options.signal?.aborted) throw e;
      throw new RetriableError(timedOut() ? 'the response timed out' : `the connection dropped while reading the response (${(e as Error).message})`);
    }
    if (response.status >= 400) {
      throw new FatalError(`${service} rejected the request to ${where} (${response.status}): ${text.slice(0, 300)}`);
    }
    let body: T;
    try {
      body = (text ? JSON.parse(text) : null) as T;
    } catch {
      throw new RetriableError(`${service} sent a response that is not JSON (${text.slice(0, 80)})`);
    }
    return { status: response.status, headers: response.headers, body, url };
  }
}
