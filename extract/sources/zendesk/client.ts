/**
 * How the Zendesk connector talks to the API: authentication, the rate-limit throttle, and the two paging
 * schemes it uses. Retries (429 with Retry-After, 5xx, timeouts) and the one-sentence fatal errors are the shared
 * HttpClient's (extract/core/http.ts); this module adds only what is Zendesk's own.
 *
 * - Incremental exports, cursor based (`/api/v2/incremental/{tickets|users}/cursor.json`): the first request
 *   carries `start_time` (Unix seconds, at least one minute in the past or Zendesk answers 400), every later one
 *   `cursor={after_cursor}`; up to 1000 items a page; `end_of_stream: true` on the last page, whose
 *   `after_cursor` is where the next run starts.
 * - Cursor pagination of list endpoints (`page[size]`, `page[after]`, `meta.has_more`, `meta.after_cursor`).
 *
 * Rate limits: Zendesk sends `X-Rate-Limit` (requests per minute for the account) and `X-Rate-Limit-Remaining`
 * (and on some endpoints `ratelimit-reset`, seconds until the window resets). `rateLimitPause` slows down before
 * the limit is hit (the pause is shared by the streams of a run); the HttpClient handles the 429 + Retry-After that
 * may still come (the incremental exports have their own limit of 10 requests a minute, and their 429 says how long
 * to wait: a nightly run makes a few export calls per stream, a first load of a large account waits out that limit).
 */
import { lookup } from 'node:dns/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { FatalError, UserError } from '../../core/errors.ts';
import { HttpClient, type HttpResponse } from '../../core/http.ts';
import type { Logger } from '../../core/log.ts';
import type { RawRecord } from '../../core/stream.ts';
import { authorizationHeader, type ZendeskConfig } from './config.ts';

/** Below this share of the window's budget, the throttle starts spacing requests out. */
export const THROTTLE_RESERVE = 0.2;

function headerNumber(headers: Headers, ...names: string[]): number | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  return undefined;
}

/**
 * Milliseconds to wait before the next request, from the rate-limit headers of the last response.
 * While more than THROTTLE_RESERVE (20 %) of the window's requests remain: no pause. Below that, the remaining
 * requests are spread evenly over what is left of the window (`ratelimit-reset`, or a full minute when Zendesk does
 * not say), so the account never runs dry; with none left, wait for the window to reset.
 */
export function rateLimitPause(headers: Headers): number {
  const limit = headerNumber(headers, 'x-rate-limit', 'ratelimit-limit');
  const remaining = headerNumber(headers, 'x-rate-limit-remaining', 'ratelimit-remaining');
  if (limit === undefined || remaining === undefined || limit <= 0) return 0;
  if (remaining > Math.max(1, Math.floor(limit * THROTTLE_RESERVE))) return 0;
  const reset = headerNumber(headers, 'ratelimit-reset');
  const windowLeftMs = (reset !== undefined && reset > 0 ? reset : 60) * 1000;
  return remaining <= 0 ? windowLeftMs : windowLeftMs / (remaining + 1);
}

export interface ExportPage {
  items: RawRecord[];
  /** The sideloaded records asked for with `include` (e.g. `metric_sets`), as the page carried them. */
  included: RawRecord[];
  /** Where the next page, or the next run, starts. */
  cursor: string;
  endOfStream: boolean;
}

interface IncrementalBody {
  after_cursor?: string | null;
  end_of_stream?: boolean;
  [key: string]: unknown;
}

interface ListBody {
  meta?: { has_more?: boolean; after_cursor?: string | null };
  [key: string]: unknown;
}

/** A FatalError from a 404 (the HttpClient says "(404)"): used where a missing record is expected (deleted ticket). */
export function isNotFound(error: unknown): boolean {
  return error instanceof FatalError && /\(404\)/.test(error.message);
}

/** When the next request may go, shared by the clients of one source so a pause carries over from stream to stream. */
export interface Pacer {
  until: number;
}

export class ZendeskClient {
  readonly http: HttpClient;
  private checked = false;

  constructor(
    private readonly config: ZendeskConfig,
    log: Logger,
    private readonly signal?: AbortSignal,
    private readonly pacer: Pacer = { until: 0 },
  ) {
    this.http = new HttpClient({
      service: 'Zendesk',
      baseUrl: config.baseUrl,
      headers: { authorization: authorizationHeader(config.auth) },
      log,
      signal,
      authHint: `check ${config.authSettings} (and that the user is an admin or agent with access to the data)`,
      throttle: (response) => {
        const pause = rateLimitPause(response.headers);
        if (pause > 0) pacer.until = Math.max(pacer.until, Date.now() + pause);
        return pause;
      },
    });
  }

  /**
   * Fails fast with one sentence when the account's host does not resolve (a wrong subdomain), instead of
   * retrying a DNS failure for a minute.
   */
  private async preflight(): Promise<void> {
    if (this.checked) return;
    this.checked = true;
    const host = new URL(this.config.baseUrl).hostname;
    try {
      await lookup(host);
    } catch {
      throw new UserError(`Zendesk account ${host} cannot be found (DNS): check CSW_ZENDESK_SUBDOMAIN (or CSW_ZENDESK_BASE_URL).`);
    }
  }

  async get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<HttpResponse<T>> {
    await this.preflight();
    const wait = this.pacer.until - Date.now();
    if (wait > 0) await sleep(wait, undefined, { signal: this.signal });
    try {
      return await this.http.request<T>(path, { query });
    } catch (error) {
      if (isNotFound(error) && path.startsWith('api/v2/incremental/')) {
        // The exports exist on every account: a 404 there means the address is not a Zendesk account.
        const message = (error as Error).message.replace(/: check the account address$/, '');
        throw new FatalError(`${message}: check CSW_ZENDESK_SUBDOMAIN (or CSW_ZENDESK_BASE_URL)`);
      }
      throw error;
    }
  }

  /**
   * Pages of a cursor-based incremental export (`tickets` or `users`), from `cursor` when there is one, else from
   * `startTime` (Unix seconds; kept at least two minutes in the past, as the API requires one).
   */
  async *incrementalExport(
    resource: 'tickets' | 'users',
    from: { cursor?: string; startTime: number },
    extraQuery: Record<string, string> = {},
  ): AsyncGenerator<ExportPage> {
    let cursor = from.cursor;
    const latestStart = Math.floor(Date.now() / 1000) - 120;
    for (;;) {
      const query = cursor ? { ...extraQuery, cursor } : { ...extraQuery, start_time: Math.min(from.startTime, latestStart) };
      const { body } = await this.get<IncrementalBody>(`api/v2/incremental/${resource}/cursor.json`, query);
      const items = body[resource];
      if (!Array.isArray(items)) {
        throw new FatalError(`Zendesk's ${resource} export answered without a "${resource}" list: is CSW_ZENDESK_BASE_URL a Zendesk account?`);
      }
      const next = body.after_cursor ?? cursor;
      if (!next) throw new FatalError(`Zendesk's ${resource} export answered without an after_cursor`);
      const endOfStream = body.end_of_stream === true;
      const included = extraQuery.include ? body[extraQuery.include] : undefined;
      yield { items: items as RawRecord[], included: Array.isArray(included) ? (included as RawRecord[]) : [], cursor: next, endOfStream };
      if (endOfStream) return;
      if (!body.after_cursor) throw new FatalError(`Zendesk's ${resource} export said there is more but gave no after_cursor`);
      cursor = body.after_cursor;
    }
  }

  /** Every item of a list endpoint with cursor pagination, page by page, with the server's clock of each page. */
  async *list(
    path: string,
    key: string,
    query: Record<string, string | number | undefined> = {},
    pageSize = 100,
  ): AsyncGenerator<{ items: RawRecord[]; serverTime: number }> {
    let after: string | undefined;
    for (;;) {
      const response = await this.get<ListBody>(path, { ...query, 'page[size]': pageSize, 'page[after]': after });
      const items = response.body[key];
      if (!Array.isArray(items)) throw new FatalError(`Zendesk answered ${path} without a "${key}" list`);
      const date = Date.parse(response.headers.get('date') ?? '');
      yield { items: items as RawRecord[], serverTime: Number.isNaN(date) ? Date.now() : date };
      const meta = response.body.meta;
      if (!meta?.has_more || !meta.after_cursor) return;
      after = meta.after_cursor;
    }
  }
}
