/**
 * The Shopify connector end to end against a local GraphQL Admin API (shopify-server.ts): the real connector,
 * the real runner and lake writer (real Parquet in a temporary lake), and for the kill and 401 cases the real
 * `scripts/extract.ts` in its own process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../extract/core/config.ts';
import { openDb } from '../../../extract/core/duckdb.ts';
import { silentLogger } from '../../../extract/core/log.ts';
import { runSource } from '../../../extract/core/runner.ts';
import { loadShopifyConfig } from '../../../extract/sources/shopify/config.ts';
import { createShopifySource } from '../../../extract/sources/shopify/index.ts';
import { ShopifyServer, type ShopifyServerOptions } from './shopify-server.ts';

type Row = Record<string, any>;

let server: ShopifyServer;
let dir: string;
let lake: string;

async function startServer(options: ShopifyServerOptions = {}) {
  server = await new ShopifyServer(options).start();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'csw-shopify-'));
  lake = join(dir, 'data', 'lake');
});
afterEach(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function extract(options: { env?: Record<string, string>; fullRefresh?: boolean; streams?: string[] } = {}) {
  const config = loadShopifyConfig(server.env(options.env));
  const db = await openDb();
  try {
    return await runSource(createShopifySource(config), { db, lakeDir: lake, log: silentLogger, fullRefresh: options.fullRefresh, streams: options.streams, batchSize: 1000 });
  } finally {
    db.close();
  }
}

const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** Every row the lake holds for a stream, nested JSON parsed. */
async function lakeRows(stream: string): Promise<Row[]> {
  const glob = join(lake, 'raw', 'shopify', stream, '*', '*.parquet');
  const db = await openDb();
  try {
    const rows = await db.all<Row>(`select * from read_parquet('${glob}', union_by_name = true) order by _extracted_at`);
    // BIGINT columns come back as strings (JSON-safe); the ids here are below 2^53.
    for (const row of rows) for (const key of ['id', 'order_id', 'order_number']) if (typeof row[key] === 'string') row[key] = Number(row[key]);
    for (const row of rows) for (const key of Object.keys(row)) if (/^(line_items|fulfillments|refunds|return_line_items|variants|customer|shipping_address|_extra)$/.test(key)) row[key] = parse(row[key]);
    return rows.filter((row) => row.id !== null);
  } finally {
    db.close();
  }
}

/** The newest version of each record: by updated_at when the stream has it, else the last extracted. */
function latest(rows: Row[]): Map<number, Row> {
  const out = new Map<number, Row>();
  for (const row of rows) {
    const prev = out.get(row.id);
    if (!prev || row.updated_at === undefined || Date.parse(row.updated_at) >= Date.parse(prev.updated_at)) out.set(row.id, row);
  }
  return out;
}

/** The lake's orders as the server's `expectedOrders()` describes them. */
function orderView(row: Row) {
  return {
    id: row.id,
    name: row.name,
    updated_at: row.updated_at,
    currency: row.currency,
    presentment_currency: row.presentment_currency,
    total_price: row.total_price,
    total_presentment: row._extra.total_price_set.presentment_money.amount,
    line_item_ids: row.line_items.map((l: Row) => l.id),
    fulfillments: row.fulfillments.map((f: Row) => ({ id: f.id, tracking_number: f.tracking_number, shipment_status: f.shipment_status, delivered_at: f.delivered_at })),
    refunds: row.refunds.map((r: Row) => ({ id: r.id, return_id: r.return_id, amount: r.transactions[0].amount, line_item_id: r.refund_line_items[0].line_item_id })),
    tags: row.tags,
  };
}

async function expectLakeMatchesServer() {
  const orders = latest(await lakeRows('orders'));
  expect([...orders.values()].map(orderView).sort((a, b) => a.id - b.id)).toEqual(server.expectedOrders().sort((a, b) => a.id - b.id));
  const returns = latest(await lakeRows('returns'));
  expect(
    [...returns.values()]
      .map((r) => ({ id: r.id, order_id: r.order_id, status: r.status, reasons: r.return_line_items.map((l: Row) => l.return_reason), line_item_ids: r.return_line_items.map((l: Row) => l.line_item_id) }))
      .sort((a, b) => a.id - b.id),
  ).toEqual(server.expectedReturns().sort((a, b) => a.id - b.id));
  const products = latest(await lakeRows('products'));
  expect([...products.values()].map((p) => ({ id: p.id, title: p.title, updated_at: p.updated_at, variant_prices: p.variants.map((v: Row) => v.price) })).sort((a, b) => a.id - b.id)).toEqual(
    server.expectedProducts().sort((a, b) => a.id - b.id),
  );
}

function state(): Record<string, { updated_at: string }> {
  return JSON.parse(readFileSync(join(lake, '_state', 'shopify.json'), 'utf8')).streams;
}

const maxUpdatedAt = (items: { updated_at: string }[]) => new Date(Math.max(...items.map((i) => Date.parse(i.updated_at)))).toISOString();

function runExtract(env: Record<string, string>, onSpawn?: (kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    // node itself with tsx as a loader (not the tsx CLI, which runs node as a child a SIGKILL would not reach).
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'extract.ts'), '--source', 'shopify', '--quiet'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CSW_DATA_DIR: join(dir, 'data'), CSW_LOG_DIR: join(dir, 'logs'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output: stderr }));
    onSpawn?.(() => child.kill('SIGKILL'));
  });
}

describe('shopify connector against a local Admin API', () => {
  it('a full run lands exactly the server records, through 429, 5xx and a page refused as too expensive', async () => {
    await startServer();
    server.faults.set(3, 429);
    server.faults.set(9, 503);
    const load = await extract();
    expect(load.status).toBe('completed');
    expect(Object.fromEntries(load.streams.map((s) => [s.stream, [s.rows, s.quarantined]]))).toEqual({
      orders: [server.orders.length, 0],
      returns: [server.expectedReturns().length, 0],
      products: [server.products.length, 0],
    });
    await expectLakeMatchesServer();
    // Nothing duplicated on a clean run; CJK text, both currencies and REST-style values survive the mapping.
    const orders = await lakeRows('orders');
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
    expect(new Set(orders.map((o) => o.presentment_currency))).toEqual(new Set(['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'AUD']));
    expect(orders.some((o) => o.tags.includes('老客户') && o.shipping_address.city !== null)).toBe(true);
    expect(orders.some((o) => o.financial_status === 'partially_refunded')).toBe(true);
    expect((await lakeRows('products')).some((p) => p.title.startsWith('无线耳机'))).toBe(true);
    // Orders with more lines than the orders query reads got the rest through their own line-item pages.
    expect(orders.filter((o) => o.line_items.length === 61).length).toBe(server.orders.filter((o) => o.lines.length === 61).length);
    expect(server.log.some((e) => e.operation === 'ShopifyOrderLineItems')).toBe(true);
    // The faults were met and retried; the first page at the configured size was refused and shrunk to fit.
    expect(server.log.find((e) => e.n === 3)!.status).toBe(429);
    expect(server.log.find((e) => e.n === 9)!.status).toBe(503);
    const orderPages = server.log.filter((e) => e.operation === 'ShopifyOrders' && e.status === 200);
    expect(orderPages[0]!.requested).toBeGreaterThan(1000);
    expect(orderPages.slice(1).every((e) => e.requested! <= 1000 && e.first! < 50)).toBe(true);
    // Only the first query of a kind was ever refused as too expensive.
    const refused = server.log.filter((e) => e.requested !== undefined && e.requested > 1000);
    expect(refused.map((e) => e.operation).sort()).toEqual(['ShopifyOrders', 'ShopifyProducts']);
    expect(refused.every((e) => server.log.find((x) => x.operation === e.operation && x.status === 200) === e)).toBe(true);
    // State: the newest updated_at landed per stream.
    expect(state().orders!.updated_at).toBe(maxUpdatedAt(server.expectedOrders()));
    expect(state().products!.updated_at).toBe(maxUpdatedAt(server.expectedProducts()));
  });

  it('an incremental run lands exactly the changed records and the lookback window; the newest versions equal the server', async () => {
    await startServer();
    // A 30-day lookback, so the re-read window holds a few dozen unchanged orders besides the changed ones.
    const env = { CSW_SHOPIFY_LOOKBACK_HOURS: '720' };
    await extract({ env });
    const firstRows = (await lakeRows('orders')).length;
    const watermark = Date.parse(state().orders!.updated_at);
    const before = new Map(server.orders.map((o) => [o.id, o.updatedAt]));
    const [a, b, c] = [server.orders[10]!.id, server.orders[20]!.id, server.orders[33]!.id];
    server.updateOrder(a);
    server.addRefund(b);
    server.addReturn(c);
    server.updateProduct(server.products[5]!.id);

    const load = await extract({ env });
    const window = watermark - 720 * 3_600_000;
    const expectedIds = server.orders.filter((o) => Date.parse(before.get(o.id)!) >= window || [a, b, c].includes(o.id)).map((o) => o.id);
    const orders = await lakeRows('orders');
    const second = orders.filter((o) => o._load_id === load.load_id);
    expect(second.map((o) => o.id).sort()).toEqual(expectedIds.sort());
    expect(expectedIds.length).toBeGreaterThan(10);
    expect(expectedIds.length).toBeLessThan(server.orders.length / 4);
    expect(orders.length).toBe(firstRows + expectedIds.length);
    // The new refund and the new return landed, and the newest version of everything equals the server.
    const newest = latest(orders);
    expect(newest.get(b)!.refunds).toHaveLength(server.order(b).refunds.length);
    expect(newest.get(a)!.tags).toContain('updated 已更新');
    const returns = (await lakeRows('returns')).filter((r) => r._load_id === load.load_id);
    expect(returns.map((r) => r.order_id)).toContain(c);
    expect(returns.find((r) => r.order_id === c && r.status === 'REQUESTED')).toBeDefined();
    await expectLakeMatchesServer();

    // --full-refresh replaces what the lake holds with one complete load.
    const full = await extract({ env, fullRefresh: true });
    const after = await lakeRows('orders');
    expect(after.length).toBe(server.orders.length);
    expect(new Set(after.map((o) => o._load_id))).toEqual(new Set([full.load_id]));
    await expectLakeMatchesServer();
  });

  it('--stream runs one stream and leaves the others alone', async () => {
    await startServer({ orders: 40, products: 8 });
    const load = await extract({ streams: ['products'] });
    expect(load.streams.map((s) => s.stream)).toEqual(['products']);
    expect(existsSync(join(lake, 'raw', 'shopify', 'orders'))).toBe(false);
    expect(Object.keys(state())).toEqual(['products']);
  });

  it('a run killed mid-way and run again loses nothing and duplicates only the re-read window', async () => {
    await startServer();
    const lookbackHours = 6;
    const env = { ...server.env(), CSW_SOURCES: 'shopify', CSW_SHOPIFY_LOOKBACK_HOURS: String(lookbackHours) };
    // The 12th orders page is slow; the process is killed while it waits for it.
    const killed = await runExtract(env, (kill) => {
      server.hold = { operation: 'ShopifyOrders', nth: 12, ms: 30_000, onHold: kill };
    });
    expect(killed.signal).toBe('SIGKILL');
    const watermark = Date.parse(state().orders!.updated_at);
    const landed = await lakeRows('orders');
    expect(landed.length).toBeGreaterThan(0);
    expect(landed.length).toBeLessThan(server.orders.length);
    // State never runs ahead of the lake: everything up to the watermark is in the lake.
    const landedIds = new Set(landed.map((o) => o.id));
    expect(server.orders.filter((o) => Date.parse(o.updatedAt) <= watermark).every((o) => landedIds.has(o.id))).toBe(true);

    server.hold = undefined;
    const again = await runExtract(env);
    expect(again.code, again.output).toBe(0);
    await expectLakeMatchesServer();
    // Duplicates: only records updated in [watermark - lookback, watermark], each landed at most twice.
    const orders = await lakeRows('orders');
    const counts = new Map<number, number>();
    for (const o of orders) counts.set(o.id, (counts.get(o.id) ?? 0) + 1);
    const duplicated = server.orders.filter((o) => counts.get(o.id)! > 1);
    expect(duplicated.length).toBeGreaterThan(0);
    for (const o of duplicated) {
      expect(counts.get(o.id)).toBe(2);
      expect(Date.parse(o.updatedAt)).toBeGreaterThanOrEqual(watermark - lookbackHours * 3_600_000);
      expect(Date.parse(o.updatedAt)).toBeLessThanOrEqual(watermark);
    }
    expect(readFileSync(join(lake, '_state', 'shopify.json'), 'utf8')).not.toContain('.tmp');
  });

  it('a wrong token fails with one clear sentence and a non-zero exit, without printing the token', async () => {
    await startServer({ orders: 5, products: 2 });
    const wrong = 'shpat_wrong_secret_value';
    const result = await runExtract({ ...server.env({ CSW_SHOPIFY_ACCESS_TOKEN: wrong }), CSW_SOURCES: 'shopify' });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Shopify refused the credentials \(401\) at .*graphql\.json: check CSW_SHOPIFY_ACCESS_TOKEN/);
    expect(result.output).not.toContain(wrong);
    expect(result.output).not.toMatch(/\n\s+at /); // no stack trace
    const logs = join(dir, 'logs', 'runs');
    for (const file of existsSync(logs) ? readdirSync(logs) : []) expect(readFileSync(join(logs, file), 'utf8')).not.toContain(wrong);
    // Missing settings are one sentence too.
    const missing = await runExtract({ CSW_SOURCES: 'shopify', CSW_SHOPIFY_SHOP: '', CSW_SHOPIFY_ACCESS_TOKEN: '' });
    expect(missing.code).not.toBe(0);
    expect(missing.output).toMatch(/The shopify source is not configured: CSW_SHOPIFY_SHOP is missing.*CSW_SHOPIFY_ACCESS_TOKEN is missing/);
  });

  it('paces itself on the cost bucket, waits for the restore when throttled anyway, and still lands everything', async () => {
    // A small bucket restoring 1,500 points a second; another app empties it twice during the run.
    await startServer({ orders: 60, products: 10, maximumAvailable: 1000, restoreRate: 1500 });
    server.drainAt.add(6);
    server.drainAt.add(14);
    const started = Date.now();
    await extract();
    const elapsed = Date.now() - started;
    await expectLakeMatchesServer();
    const throttled = server.log.filter((e) => e.throttled);
    // Throttled where the bucket was emptied behind the connector's back, and at most on the first query of a
    // kind (whose cost it cannot know before Shopify tells it): its own pacing never ran the bucket dry.
    const firstOfKind = (e: (typeof server.log)[number]) => server.log.find((x) => x.operation === e.operation && x.status === 200) === e;
    expect(throttled.filter((e) => !server.drainAt.has(e.n) && !firstOfKind(e))).toEqual([]);
    expect(throttled.filter((e) => server.drainAt.has(e.n)).map((e) => e.n)).toEqual([6, 14]);
    // Its pacing was needed: some queries were asked for when the previous answer left less than they cost.
    const answered = server.log.filter((e) => e.status === 200 && !e.throttled && e.requested !== undefined && e.requested <= 1000);
    const tight = answered.filter((e, i) => i > 0 && answered[i - 1]!.availableAfter! < e.requested!);
    expect(tight.length).toBeGreaterThan(0);
    // After THROTTLED it waited for the bucket to restore the requested cost before asking again.
    for (const t of throttled) {
      const retry = server.log.find((e) => e.n === t.n + 1)!;
      expect(retry.operation).toBe(t.operation);
      expect(retry.at - t.at).toBeGreaterThanOrEqual(Math.floor(((t.requested! - t.available!) / 1500) * 1000) - 20);
    }
    expect(elapsed).toBeGreaterThan(throttled.reduce((s, t) => s + ((t.requested! - t.available!) / 1500) * 1000, 0) - 50);
  });
});
