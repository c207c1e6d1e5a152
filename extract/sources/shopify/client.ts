/**
 * The GraphQL Admin API over the shared HTTP client (extract/core/http.ts), which does the retries: this module
 * adds what is particular to Shopify's cost-based throttle and GraphQL errors.
 *
 * Throttle rule. Every answer carries `extensions.cost`: the query's `requestedQueryCost` and the bucket's
 * `throttleStatus` (`maximumAvailable`, `currentlyAvailable`, `restoreRate` points per second). Shopify needs
 * the whole requested cost in the bucket before it runs a query, so after each answer the connector pauses
 * `(needed - currentlyAvailable) / restoreRate` seconds when the bucket holds less than `needed`, the largest
 * requested cost of the queries it has sent (the next query may be any of them: a page of orders or the refunds
 * of a page), so its own queries never find the bucket short. If it is throttled anyway
 * (another app sharing the bucket), Shopify answers HTTP 200 with an error whose `extensions.code` is
 * `THROTTLED`; that answer is turned into a RetriableError carrying the time the bucket needs to restore the
 * requested cost, so the shared client waits exactly that long and sends the query again (within its retry
 * budget). 429 and 5xx are the shared client's ordinary retries.
 *
 * Other GraphQL errors (a field the API version does not have, a missing access scope) cannot be fixed by
 * retrying: they are one FatalError sentence.
 */
import { FatalError, RetriableError } from '../../core/errors.ts';
import { HttpClient, type HttpResponse } from '../../core/http.ts';
import type { Logger } from '../../core/log.ts';
import { DEFAULT_API_VERSION, type ShopifyConfig } from './config.ts';

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

interface GraphQLError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: GraphQLError[] | string;
  extensions?: { cost?: QueryCost };
}

/** Milliseconds to wait before the next query so the bucket holds `needed` points (0 when it already does). */
export function costPauseMs(status: ThrottleStatus, needed: number): number {
  const missing = Math.min(needed, status.maximumAvailable) - status.currentlyAvailable;
  if (missing <= 0 || status.restoreRate <= 0) return 0;
  return Math.ceil((missing / status.restoreRate) * 1000);
}

function errorList(body: GraphQLBody<unknown>): GraphQLError[] {
  if (!body.errors) return [];
  return typeof body.errors === 'string' ? [{ message: body.errors }] : body.errors;
}

/** A query whose requested cost is above Shopify's single-query limit; the caller asks for a smaller page. */
export class QueryTooCostlyError extends FatalError {
  override name = 'QueryTooCostlyError';
  constructor(
    message: string,
    readonly cost: number,
    readonly maxCost: number,
  ) {
    super(message);
  }
}

export class ShopifyClient {
  readonly http: HttpClient;
  private readonly path: string;
  /** The last answer's cost, for the page-size rule and tests. */
  lastCost: QueryCost | undefined;
  throttledCount = 0;
  pausedMs = 0;
  /** The largest requested cost of a query Shopify ran (refused, too-expensive queries excluded). */
  private largestCost = 0;

  constructor(config: ShopifyConfig, log: Logger, signal?: AbortSignal, overrides: { sleep?: (ms: number) => Promise<void>; baseDelayMs?: number } = {}) {
    this.path = `/admin/api/${config.apiVersion}/graphql.json`;
    this.http = new HttpClient({
      service: 'Shopify',
      baseUrl: config.baseUrl,
      headers: { 'X-Shopify-Access-Token': config.accessToken },
      log,
      signal,
      // THROTTLED answers use this budget too; a shared bucket can throttle a few times in a row.
      maxRetries: 10,
      authHint: `check CSW_SHOPIFY_ACCESS_TOKEN (an Admin API access token of a custom app installed on ${config.shop}) and CSW_SHOPIFY_SHOP`,
      throttle: (response) => this.throttle(response as HttpResponse<GraphQLBody<unknown>>),
      ...overrides,
    });
  }

  /** Called by the shared client with every HTTP-successful answer; see the module doc. */
  private throttle(response: HttpResponse<GraphQLBody<unknown>>): number {
    const body = response.body ?? {};
    const cost = body.extensions?.cost;
    if (cost) this.lastCost = cost;
    const throttled = errorList(body).some((e) => e.extensions?.code === 'THROTTLED' || e.message === 'Throttled');
    if (throttled) {
      this.throttledCount++;
      const wait = cost ? costPauseMs(cost.throttleStatus, cost.requestedQueryCost) : 1000;
      throw new RetriableError('Shopify throttled the query (its cost bucket is empty)', Math.max(wait, 100) / 1000);
    }
    if (!cost) return 0;
    if (cost.actualQueryCost !== null) this.largestCost = Math.max(this.largestCost, cost.requestedQueryCost);
    const pause = costPauseMs(cost.throttleStatus, Math.max(this.largestCost, cost.requestedQueryCost));
    this.pausedMs += pause;
    return pause;
  }

  /** Runs one query and returns its `data`; GraphQL errors other than THROTTLED are fatal. */
  async query<T>(document: string, variables: Record<string, unknown>): Promise<T> {
    this.lastCost = undefined;
    const response = await this.http.request<GraphQLBody<T>>(this.path, { method: 'POST', body: { query: document, variables } });
    const body = response.body ?? {};
    const errors = errorList(body);
    if (errors.length > 0 || !body.data) {
      const operation = /query\s+(\w+)/.exec(document)?.[1] ?? 'query';
      const first = errors[0];
      const code = first?.extensions?.code;
      if (code === 'ACCESS_DENIED') {
        throw new FatalError(`Shopify denied ${operation}: the app's access token lacks a scope it needs (read_orders, read_products, read_returns): ${first!.message}`);
      }
      if (code === 'MAX_COST_EXCEEDED') {
        const cost = Number(first!.extensions?.cost ?? body.extensions?.cost?.requestedQueryCost);
        const maxCost = Number(first!.extensions?.maxCost ?? 1000);
        throw new QueryTooCostlyError(`Shopify refused ${operation} as too expensive: ${first!.message}`, cost, maxCost);
      }
      throw new FatalError(
        `Shopify answered ${operation} with an error${code ? ` (${code})` : ''}: ${first?.message ?? 'no data'}; check CSW_SHOPIFY_API_VERSION (this connector is written for ${DEFAULT_API_VERSION})`,
      );
    }
    return body.data;
  }
}
