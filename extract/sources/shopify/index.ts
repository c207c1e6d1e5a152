/**
 * The Shopify source: orders (with line items, fulfillments, refunds with their lines and transactions, shop and
 * presentment money), products (with variants) and returns, from the GraphQL Admin API, landed in the REST-shaped
 * records of `schemas.ts` (see `mapping.ts`) so that the demo and a real shop share one staging.
 *
 * Why GraphQL with cursor paging:
 * - Shopify made the REST Admin API legacy (October 2024) and returns exist only in GraphQL.
 * - Cursor paging with `sortKey: UPDATED_AT` and `query: "updated_at:>='...'"` reads the changed records in
 *   order, so state can advance after every page (a killed run resumes near where it stopped). Bulk operations
 *   would avoid the per-query cost limit but produce one file at the end of a server-side job, with nothing to
 *   checkpoint until it finishes and one job per shop at a time; a nightly incremental read is small enough for
 *   paging. (A first backfill of a very large shop is the case where bulk operations would win.)
 *
 * Incremental rule (orders, returns, products): state per stream is `{ updated_at }`, the newest `updatedAt` of
 * the records of the pages already landed. A run reads every record with `updated_at >= state - lookback`
 * (CSW_SHOPIFY_LOOKBACK_HOURS, default 6: Shopify's search index lags writes a little, and a record updated while
 * a run pages past it is caught next time), oldest first, and checkpoints after each page. Without state (first
 * run, `--full-refresh`) it starts at CSW_SHOPIFY_START_DATE, or reads all history. Records in the lookback window
 * are landed again: the streams are `merge`, and staging keeps the newest version per id (orders and products by
 * `updated_at`; returns, which have no `updatedAt`, by `_extracted_at`). The returns stream follows orders'
 * `updated_at` (a return changes its order) and fetches the returns of the orders it pages.
 *
 * Page size: each answer's `requestedQueryCost` divided by the page size gives the cost of one record, and the
 * next page is as large as fits in 95% of Shopify's 1,000-point single-query limit (at most CSW_SHOPIFY_PAGE_SIZE).
 * A page refused as too expensive (MAX_COST_EXCEEDED) is asked again at the size the error's cost allows.
 * Throttling: see `client.ts`.
 */
import type { RawRecord, ReadContext, SourceDefinition, StreamState } from '../../core/stream.ts';
import { defineStream } from '../../core/stream.ts';
import { QueryTooCostlyError, ShopifyClient } from './client.ts';
import type { ShopifyConfig } from './config.ts';
import {
  mapOrder,
  mapProduct,
  mapReturn,
  type GqlLineItem,
  type GqlOrder,
  type GqlProduct,
  type GqlRefund,
  type GqlReturn,
} from './mapping.ts';
import {
  LINE_ITEMS_PER_PAGE,
  MAX_QUERY_COST,
  NESTED,
  ORDER_LINE_ITEMS_QUERY,
  ORDER_RETURN_IDS_QUERY,
  ORDERS_QUERY,
  PRODUCTS_QUERY,
  REFUNDS_BY_ID_QUERY,
  REFUNDS_PER_CALL,
  RETURNS_BY_ID_QUERY,
  RETURNS_PER_CALL,
} from './queries.ts';
import { orderSchema, productSchema, returnSchema } from './schemas.ts';

interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** Where a run starts reading: the stored watermark minus the lookback, else the start date, else everything. */
export function readFrom(state: StreamState | undefined, config: Pick<ShopifyConfig, 'lookbackHours' | 'startDate'>): string | undefined {
  const watermark = typeof state?.updated_at === 'string' ? Date.parse(state.updated_at) : NaN;
  if (Number.isFinite(watermark)) {
    const from = new Date(watermark - config.lookbackHours * 3_600_000);
    const start = config.startDate ? Date.parse(config.startDate) : -Infinity;
    return new Date(Math.max(from.getTime(), start)).toISOString();
  }
  return config.startDate;
}

/** The Shopify search query of a run: `updated_at:>='<from>'`, or none (all history). */
export function searchQuery(from: string | undefined): string | null {
  return from === undefined ? null : `updated_at:>='${from.replace(/\.\d{3}Z$/, 'Z')}'`;
}

/** The next page size: as many records as fit in 95% of the single-query cost limit, within 1..max. */
export function nextPageSize(requestedCost: number | undefined, pageSize: number, max: number): number {
  if (!requestedCost || requestedCost <= 0) return pageSize;
  const perRecord = requestedCost / pageSize;
  return Math.max(1, Math.min(max, Math.floor((MAX_QUERY_COST * 0.95) / perRecord)));
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface PagedRead<Node extends { updatedAt: string }> {
  client: ShopifyClient;
  config: ShopifyConfig;
  ctx: ReadContext;
  state: StreamState | undefined;
  document: string;
  connection: 'orders' | 'products';
  variables: Record<string, unknown>;
  /** Turns a page of nodes into records (it may query more, e.g. the refunds of the page's orders). */
  records(nodes: Node[]): AsyncIterable<RawRecord>;
}

/** Pages a connection by `updated_at`, oldest first, yielding each page's records then checkpointing. */
async function* pagedByUpdatedAt<Node extends { updatedAt: string }>(read: PagedRead<Node>): AsyncGenerator<RawRecord> {
  const { client, config, ctx } = read;
  const from = readFrom(read.state, config);
  const query = searchQuery(from);
  let watermark = typeof read.state?.updated_at === 'string' ? Date.parse(read.state.updated_at) : -Infinity;
  let after: string | null = null;
  let first = config.pageSize;
  let pages = 0;
  ctx.log.debug(`shopify ${read.connection}: reading records updated since ${from ?? 'the beginning'}`, { query });
  for (;;) {
    if (ctx.signal.aborted) return;
    let page: Connection<Node>;
    let pageCost: number | undefined;
    try {
      const data: Record<string, Connection<Node>> = await client.query(read.document, { ...read.variables, first, after, query });
      page = data[read.connection]!;
      pageCost = client.lastCost?.requestedQueryCost;
    } catch (error) {
      if (error instanceof QueryTooCostlyError && first > 1 && error.cost > 0) {
        first = Math.max(1, Math.min(first - 1, Math.floor((first * error.maxCost * 0.95) / error.cost)));
        ctx.log.debug(`shopify ${read.connection}: page too expensive (${error.cost} points); asking for ${first} records`);
        continue;
      }
      throw error;
    }
    yield* read.records(page.nodes);
    for (const node of page.nodes) watermark = Math.max(watermark, Date.parse(node.updatedAt));
    pages++;
    if (Number.isFinite(watermark)) await ctx.checkpoint({ updated_at: new Date(watermark).toISOString() });
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
    first = nextPageSize(pageCost, first, config.pageSize);
  }
  ctx.log.debug(`shopify ${read.connection}: ${pages} page(s)`, { throttled: client.throttledCount, paused_ms: client.pausedMs });
}

/** `nodes(ids:)` in chunks, keeping only the nodes Shopify found. */
async function fetchNodes<T>(client: ShopifyClient, document: string, ids: string[], perCall: number, variables: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (const ids_ of chunks(ids, perCall)) {
    const data = await client.query<{ nodes: (T | null)[] }>(document, { ...variables, ids: ids_ });
    for (const node of data.nodes) if (node) out.push(node);
  }
  return out;
}

/** Completes an order's line items when it has more than the orders query reads (in place). */
async function completeLineItems(client: ShopifyClient, order: GqlOrder): Promise<void> {
  let pageInfo = order.lineItems.pageInfo;
  while (pageInfo?.hasNextPage && pageInfo.endCursor) {
    const data = await client.query<{ order: { lineItems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlLineItem[] } } | null }>(
      ORDER_LINE_ITEMS_QUERY,
      { id: order.id, first: LINE_ITEMS_PER_PAGE, after: pageInfo.endCursor },
    );
    if (!data.order) break;
    order.lineItems.nodes.push(...data.order.lineItems.nodes);
    pageInfo = data.order.lineItems.pageInfo;
  }
  order.lineItems.pageInfo = pageInfo;
}

export interface ShopifySourceOptions {
  /** For tests: how the HTTP client waits between retries. */
  sleep?: (ms: number) => Promise<void>;
}

export function createShopifySource(config: ShopifyConfig, options: ShopifySourceOptions = {}): SourceDefinition {
  const client = (ctx: ReadContext) => new ShopifyClient(config, ctx.log, ctx.signal, { sleep: options.sleep });

  return {
    name: 'shopify',
    description: `Shopify Admin API (GraphQL ${config.apiVersion}) of ${config.shop}`,
    streams: [
      defineStream({
        name: 'orders',
        description: 'Orders with line items, fulfillments (shipment status, carrier, tracking, delivery times) and refunds (lines, transactions), in shop and presentment money.',
        primaryKey: ['id'],
        cursorField: 'updated_at',
        writeDisposition: 'merge',
        schema: orderSchema,
        read(ctx, state) {
          const shopify = client(ctx);
          return pagedByUpdatedAt<GqlOrder>({
            client: shopify,
            config,
            ctx,
            state,
            document: ORDERS_QUERY,
            connection: 'orders',
            variables: { lineItems: NESTED.lineItems, fulfillments: NESTED.fulfillments, refunds: NESTED.refunds },
            async *records(nodes) {
              const refundIds = nodes.flatMap((order) => order.refunds.map((r) => r.id));
              const refunds = await fetchNodes<GqlRefund>(shopify, REFUNDS_BY_ID_QUERY, refundIds, REFUNDS_PER_CALL, {
                refundLineItems: NESTED.refundLineItems,
                transactions: NESTED.transactions,
              });
              const byId = new Map(refunds.map((r) => [r.id, r]));
              for (const order of nodes) {
                await completeLineItems(shopify, order);
                const cut: string[] = [];
                if (order.fulfillments.length >= NESTED.fulfillments) cut.push(`fulfillments beyond ${NESTED.fulfillments}`);
                if (order.refunds.length >= NESTED.refunds) cut.push(`refunds beyond ${NESTED.refunds}`);
                const own = order.refunds.map((r) => byId.get(r.id)).filter((r): r is GqlRefund => r !== undefined);
                for (const r of own) {
                  if (r.refundLineItems.pageInfo?.hasNextPage) cut.push(`refund lines beyond ${NESTED.refundLineItems}`);
                  if (r.transactions.pageInfo?.hasNextPage) cut.push(`refund transactions beyond ${NESTED.transactions}`);
                }
                if (cut.length > 0) ctx.log.warn(`shopify order ${order.name} may be incomplete in the lake: ${cut.join(', ')} are not read`, { order_id: order.id });
                yield mapOrder(order, own);
              }
            },
          });
        },
      }),
      defineStream({
        name: 'returns',
        description: 'Returns (GraphQL only) with their lines, reasons and customer notes, read through the orders updated since the last run.',
        primaryKey: ['id'],
        writeDisposition: 'merge',
        schema: returnSchema,
        read(ctx, state) {
          const shopify = client(ctx);
          type OrderReturnIds = { id: string; updatedAt: string; returns: { pageInfo?: { hasNextPage: boolean }; nodes: { id: string }[] } };
          return pagedByUpdatedAt<OrderReturnIds>({
            client: shopify,
            config,
            ctx,
            state,
            document: ORDER_RETURN_IDS_QUERY,
            connection: 'orders',
            variables: { returns: NESTED.returns },
            async *records(nodes) {
              for (const order of nodes) {
                if (order.returns.pageInfo?.hasNextPage) ctx.log.warn(`shopify order ${order.id} has more than ${NESTED.returns} returns; the rest are not read`);
              }
              const ids = nodes.flatMap((order) => order.returns.nodes.map((r) => r.id));
              const returns = await fetchNodes<GqlReturn>(shopify, RETURNS_BY_ID_QUERY, ids, RETURNS_PER_CALL, { returnLineItems: NESTED.returnLineItems });
              for (const ret of returns) {
                if (ret.returnLineItems.pageInfo?.hasNextPage) ctx.log.warn(`shopify return ${ret.name} has more than ${NESTED.returnLineItems} lines; the rest are not read`);
                yield mapReturn(ret);
              }
            },
          });
        },
      }),
      defineStream({
        name: 'products',
        description: 'Products with their variants (SKU, price in the shop currency).',
        primaryKey: ['id'],
        cursorField: 'updated_at',
        writeDisposition: 'merge',
        schema: productSchema,
        read(ctx, state) {
          return pagedByUpdatedAt<GqlProduct>({
            client: client(ctx),
            config,
            ctx,
            state,
            document: PRODUCTS_QUERY,
            connection: 'products',
            variables: { variants: NESTED.variants },
            async *records(nodes) {
              for (const product of nodes) {
                if (product.variants.pageInfo?.hasNextPage) ctx.log.warn(`shopify product ${product.title} has more than ${NESTED.variants} variants; the rest are not read`);
                yield mapProduct(product);
              }
            },
          });
        },
      }),
    ],
  };
}
