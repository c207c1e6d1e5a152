/**
 * End to end: `npm run elt` on a small demo with the real dbt and DuckDB, then checks on what it published.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../extract/core/config.ts';
import { openDb } from '../../extract/core/duckdb.ts';
import { DEMO_TEAMS, businessSeconds, isOpen } from './demo-opening-hours.ts';
import { copyProject, count, publishedFingerprint, runScript, sharedSmallDemo, smallDemoEnv, startScript, withDb, type CommandResult } from './helpers.ts';

let env: Record<string, string>;
let data: string;
let lake: string;
let published: string;
let first: CommandResult;
let rerun: CommandResult;
/** Run ids of the runs killed by the fault test, in order. */
let killedRuns: string[] = [];
/** Rows and a hash of every published table of the first run (the run history aside), for the fault tests. */
let firstFingerprint: Record<string, string>;

/** The run record of the run in progress (the newest), once it exists. */
function currentRun(): { status: string; steps: unknown[] } | undefined {
  const names = readdirSync(join(data, 'runs')).filter((n) => n.endsWith('.json')).sort();
  const newest = names.at(-1);
  return newest ? JSON.parse(readFileSync(join(data, 'runs', newest), 'utf8')) : undefined;
}

beforeAll(async () => {
  // the first run: the small demo's, shared with the report page test (a copy of its data folder)
  ({ env, elt: first } = await sharedSmallDemo());
  data = env.CSW_DATA_DIR!;
  lake = join(data, 'lake', 'raw', 'demo');
  published = join(data, 'published', 'marts.duckdb');
  firstFingerprint = await publishedFingerprint(published);
});

describe('npm run elt on the demo', () => {
  it('prints a summary with every step and the rows per stream', () => {
    expect(first.stdout).toMatch(/elt succeeded in [\d.]+ s/);
    for (const step of ['extract', 'transform', 'publish']) expect(first.stdout).toMatch(new RegExp(`\\b${step}\\s+success`));
    expect(first.stdout).toMatch(/demo\.tickets\s+[\d,]+/);
    expect(first.stdout).toMatch(/fct_conversations\s+[\d,]+/);
  });

  it('reconciles conversations from the lake to fct_conversations to the daily mart', async () => {
    const lakeTickets = await withDb(':memory:', (db) =>
      count(db, `select count(distinct id) as n from read_parquet('${lake}/tickets/*/*.parquet')`),
    );
    expect(lakeTickets).toBeGreaterThan(1000);
    await withDb(published, async (db) => {
      expect(await count(db, 'select count(*) as n from fct_conversations')).toBe(lakeTickets);
      expect(await count(db, 'select sum(conversations) as n from support_kpis_daily')).toBe(lakeTickets);
      expect(await count(db, 'select sum(conversations_answered) as n from support_kpis_daily')).toBe(
        await count(db, 'select count(*) as n from fct_conversations where has_agent_reply'),
      );
    });
  });

  it('computes first response times that match the raw messages, worked out independently', async () => {
    // From the raw lake: every public comment with whether its author was then a human agent, the bot or a
    // customer (the user version current at the comment, or the user's first version for earlier comments).
    const comments = await withDb(':memory:', (db) =>
      db.all<{ ticket_id: string; created_at: string; kind: string }>(`
        with users as (select * from read_parquet('${lake}/users/*/*.parquet')),
        first_versions as (select * from users qualify row_number() over (partition by id order by updated_at) = 1)
        select c.ticket_id, c.created_at,
            case when c.via ->> 'channel' = 'answer_bot' or coalesce(cast(coalesce(u.user_fields, f.user_fields) ->> 'is_bot' as boolean), false) then 'bot'
                 when coalesce(u.role, f.role) in ('agent', 'admin') then 'agent' else 'customer' end as kind
        from read_parquet('${lake}/ticket_comments/*/*.parquet') as c
        asof left join users as u on c.author_id = u.id and cast(c.created_at as timestamptz) >= cast(u.updated_at as timestamptz)
        left join first_versions as f on c.author_id = f.id
        where c.public
        order by c.ticket_id, c.created_at, c.id`),
    );
    const byTicket = new Map<string, { at: number; kind: string }[]>();
    for (const c of comments) {
      const list = byTicket.get(c.ticket_id) ?? [];
      list.push({ at: Date.parse(c.created_at), kind: c.kind });
      byTicket.set(c.ticket_id, list);
    }
    const expected = (messages: { at: number; kind: string }[]) => {
      const firstCustomer = messages.find((m) => m.kind === 'customer');
      if (!firstCustomer) return { frt: null, bot: null };
      const after = messages.filter((m) => m.at >= firstCustomer.at);
      const agent = after.find((m) => m.kind === 'agent');
      const bot = after.find((m) => m.kind === 'bot');
      return { frt: agent ? (agent.at - firstCustomer.at) / 1000 : null, bot: bot ? (bot.at - firstCustomer.at) / 1000 : null };
    };
    const pick = (predicate: (m: { at: number; kind: string }[]) => boolean) =>
      [...byTicket.entries()].find(([, messages]) => predicate(messages))?.[0];
    const cases = {
      answered: pick((m) => m[0]?.kind === 'customer' && m.some((x) => x.kind === 'agent') && !m.some((x) => x.kind === 'bot')),
      neverAnswered: pick((m) => m.every((x) => x.kind === 'customer')),
      botOnly: pick((m) => m.some((x) => x.kind === 'bot') && !m.some((x) => x.kind === 'agent')),
      botThenHuman: pick((m) => m[1]?.kind === 'bot' && m.some((x) => x.kind === 'agent')),
    };
    for (const [name, ticket] of Object.entries(cases)) expect(ticket, `a ${name} ticket in the demo`).toBeDefined();

    await withDb(published, async (db) => {
      for (const [name, ticket] of Object.entries(cases)) {
        const [row] = await db.all<{ first_response_seconds: number | null; first_bot_reply_seconds: number | null }>(
          'select first_response_seconds, first_bot_reply_seconds from fct_conversations where conversation_id = $id',
          { id: `demo-${ticket}` },
        );
        const want = expected(byTicket.get(ticket!)!);
        expect({ case: name, frt: row!.first_response_seconds === null ? null : Number(row!.first_response_seconds), bot: row!.first_bot_reply_seconds === null ? null : Number(row!.first_bot_reply_seconds) }).toEqual({
          case: name,
          frt: want.frt,
          bot: want.bot,
        });
      }
      const [never] = await db.all<{ first_response_seconds: number | null; is_bot_only: boolean }>(
        'select first_response_seconds, is_bot_only from fct_conversations where conversation_id = $id',
        { id: `demo-${cases.botOnly}` },
      );
      expect(never).toEqual({ first_response_seconds: null, is_bot_only: true });
    });
  });

  it('times waits in business hours as the demo teams keep them, worked out independently', async () => {
    const waits = await withDb(join(data, 'warehouse.duckdb'), (db) =>
      db.all<{ wait_id: string; group_id: string; wait_kind: string; started_ms: string; ended_ms: string; business_seconds: string }>(`
        select wait_id, group_id, wait_kind, epoch_ms(started_at) as started_ms, epoch_ms(ended_at) as ended_ms, business_seconds
        from intermediate.int_support_waits_timed
        where group_id in ('demo-360000100001', 'demo-360000100002') and ended_at is not null`),
    );
    expect(waits.length).toBeGreaterThan(1000);
    const wrong: string[] = [];
    const closedReplies: string[] = [];
    let acrossFallBack = 0;
    let acrossHoliday = 0;
    for (const wait of waits) {
      const team = DEMO_TEAMS[wait.group_id]!;
      const [start, end] = [Number(wait.started_ms), Number(wait.ended_ms)];
      const want = businessSeconds(team, start, end);
      if (Number(wait.business_seconds) !== want) wrong.push(`${wait.wait_id}: ${wait.business_seconds} != ${want}`);
      // Human agents reply only while their team is open: the seeds agree with the demo's shifts.
      if ((wait.wait_kind === 'response' || wait.wait_kind === 'first_response') && !isOpen(team, end)) closedReplies.push(wait.wait_id);
      if (team.timeZone === 'Europe/Berlin' && start < Date.UTC(2026, 9, 25, 1) && end > Date.UTC(2026, 9, 25, 1)) acrossFallBack++;
      if (team.timeZone === 'Asia/Shanghai' && start < Date.UTC(2026, 9, 1, 2) && end > Date.UTC(2026, 9, 1, 11)) acrossHoliday++;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(closedReplies.slice(0, 5)).toEqual([]);
    // The small demo's window holds Berlin's fall-back change (25 October) and Golden Week in Shenzhen.
    expect(acrossFallBack).toBeGreaterThan(0);
    expect(acrossHoliday).toBeGreaterThan(0);
  });

  it('reconciles orders, refunds, returns and reviews from the raw lake to the commerce facts and the returns mart', async () => {
    // Worked out here from the raw Shopify-shaped JSON, independently of the dbt models.
    const raw = await withDb(':memory:', async (db) => ({
      orders: await db.all<{ id: string; refunds: string }>(
        `select cast(id as varchar) as id, cast(refunds as varchar) as refunds from read_parquet('${lake}/orders/*/*.parquet')
         qualify row_number() over (partition by id order by _extracted_at desc, _load_id desc) = 1`,
      ),
      returns: await count(db, `select count(distinct id) as n from read_parquet('${lake}/returns/*/*.parquet')`),
      reviews: await count(db, `select count(distinct platform || review_id) as n from read_parquet('${lake}/reviews/*/*.parquet')`),
      lowRatings: await count(db, `select count(distinct platform || review_id) as n from read_parquet('${lake}/reviews/*/*.parquet') where rating <= 2`),
    }));
    type RawRefund = { return_id: number | null; transactions: { kind: string; status: string; amount: string }[] };
    const cents = (amount: string) => Math.round(Number(amount) * 100);
    let refundCents = 0;
    let returnRefundCents = 0;
    let refunds = 0;
    for (const order of raw.orders) {
      for (const refund of JSON.parse(order.refunds) as RawRefund[]) {
        refunds += 1;
        const amount = refund.transactions.filter((t) => t.kind === 'refund' && t.status === 'success').reduce((sum, t) => sum + cents(t.amount), 0);
        refundCents += amount;
        if (refund.return_id !== null) returnRefundCents += amount;
      }
    }
    expect(refunds).toBeGreaterThan(50);
    expect(returnRefundCents).toBeGreaterThan(0);
    expect(returnRefundCents).toBeLessThan(refundCents);

    await withDb(published, async (db) => {
      expect(await count(db, 'select count(*) as n from fct_orders')).toBe(raw.orders.length);
      const [orderTotals] = await db.all<{ refunds: string; refunded: string; refunded_reporting: string }>(
        'select sum(refund_count) as refunds, sum(refunded_amount) as refunded, sum(refunded_amount_reporting) as refunded_reporting from fct_orders',
      );
      expect(Number(orderTotals!.refunds)).toBe(refunds);
      expect(cents(orderTotals!.refunded)).toBe(refundCents);
      // The demo's amounts are in USD, the default reporting currency: the conversion keeps them.
      expect(cents(orderTotals!.refunded_reporting)).toBe(refundCents);
      expect(await count(db, 'select count(*) as n from fct_returns')).toBe(raw.returns);
      expect(await count(db, 'select sum(return_requests) as n from returns_refunds_weekly')).toBe(raw.returns);
      const [mart] = await db.all<{ refunded: string }>('select sum(refund_amount_reporting) as refunded from returns_refunds_weekly');
      expect(cents(mart!.refunded)).toBe(returnRefundCents);
      expect(await count(db, 'select count(*) as n from fct_reviews')).toBe(raw.reviews);
      expect(await count(db, 'select count(*) as n from fct_reviews where is_low_rating')).toBe(raw.lowRatings);
    });
  });

  it('computes delivery delays in local days of the destination market, and processing days, matching the raw records', async () => {
    const timeZones = new Map(
      readFileSync(join(PROJECT_ROOT, 'seeds', 'markets.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .map((fields) => [fields[0]!, fields[3]!] as const),
    );
    const localDay = (iso: string, timeZone: string) =>
      Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso)));
    const raw = await withDb(':memory:', async (db) => ({
      orders: await db.all<{ id: string; market: string; fulfillments: string }>(
        `select cast(id as varchar) as id, upper(shipping_address ->> 'country_code') as market, cast(fulfillments as varchar) as fulfillments
         from read_parquet('${lake}/orders/*/*.parquet')
         qualify row_number() over (partition by id order by _extracted_at desc, _load_id desc) = 1`,
      ),
      returns: await db.all<{ id: string; created_at: string; closed_at: string }>(
        `select cast(id as varchar) as id, created_at, closed_at from read_parquet('${lake}/returns/*/*.parquet') where status = 'CLOSED'`,
      ),
    }));
    const expectedDelay = new Map<string, number>();
    const lost = new Set<string>();
    for (const order of raw.orders) {
      const parcels = JSON.parse(order.fulfillments) as { shipment_status: string; estimated_delivery_at: string; delivered_at: string | null }[];
      if (parcels.length !== 1) continue;
      const parcel = parcels[0]!;
      const timeZone = timeZones.get(order.market)!;
      if (parcel.delivered_at !== null) {
        expectedDelay.set(order.id, (localDay(parcel.delivered_at, timeZone) - localDay(parcel.estimated_delivery_at, timeZone)) / 86_400_000);
      } else if (parcel.shipment_status === 'failure') lost.add(order.id);
    }
    const delays = [...expectedDelay.values()];
    expect(delays.some((d) => d < 0) && delays.some((d) => d === 0) && delays.some((d) => d > 0)).toBe(true);

    await withDb(published, async (db) => {
      const rows = await db.all<{ id: string; delay: number | null; is_late: boolean | null; status: string }>(
        `select cast(source_order_id as varchar) as id, delivery_delay_days as delay, is_late, delivery_status as status from fct_orders where fulfillment_count = 1`,
      );
      let delivered = 0;
      for (const row of rows) {
        if (expectedDelay.has(row.id)) {
          delivered += 1;
          expect({ id: row.id, delay: Number(row.delay), late: row.is_late }).toEqual({ id: row.id, delay: expectedDelay.get(row.id), late: expectedDelay.get(row.id)! > 0 });
        } else if (lost.has(row.id)) {
          expect({ id: row.id, delay: row.delay, late: row.is_late, status: row.status }).toEqual({ id: row.id, delay: null, late: true, status: 'lost' });
        }
      }
      expect(delivered).toBe(expectedDelay.size);

      const processing = new Map(
        (await db.all<{ id: string; days: number }>(`select cast(source_return_id as varchar) as id, processing_days as days from fct_returns where return_status = 'closed'`)).map(
          (r) => [r.id, Number(r.days)] as const,
        ),
      );
      expect(processing.size).toBe(raw.returns.length);
      for (const ret of raw.returns) {
        // A closed return's refund is made when it closes (demo README), so request -> close is request -> refund.
        const days = (Date.parse(ret.closed_at) - Date.parse(ret.created_at)) / 86_400_000;
        expect(Math.abs(processing.get(ret.id)! - days), `return ${ret.id}`).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    });
  });

  it('rates returned and kept orders in rating_drivers as the raw reviews, orders and returns say, and splits contact reasons whole', async () => {
    // Worked out here from the raw records: a review links to the order with its number on its platform.
    const raw = await withDb(':memory:', (db) =>
      db.all<{ bucket: string; reviews: string; stars: string; low: string }>(
        `with orders as (
           select id, name, case when source_name = 'web' then 'shopify' else source_name end as platform
           from read_parquet('${lake}/orders/*/*.parquet', union_by_name = true)
           qualify row_number() over (partition by id order by _extracted_at desc, _load_id desc) = 1
         ),
         returned as (select distinct order_id from read_parquet('${lake}/returns/*/*.parquet')),
         reviews as (
           select platform, review_id, order_number, rating from read_parquet('${lake}/reviews/*/*.parquet')
           qualify row_number() over (partition by platform, review_id order by _extracted_at desc, _load_id desc) = 1
         )
         select
           case when orders.id is null then 'unknown' when returned.order_id is not null then 'returned' else 'kept' end as bucket,
           count(*) as reviews, sum(rating) as stars, count(*) filter (where rating <= 2) as low
         from reviews
         left join orders on orders.platform = reviews.platform and orders.name = reviews.order_number
         left join returned on returned.order_id = orders.id
         group by 1 order by 1`,
      ),
    );
    expect(raw.map((r) => r.bucket)).toEqual(['kept', 'returned', 'unknown']);
    await withDb(published, async (db) => {
      const mart = await db.all<{ bucket: string; reviews: string; stars: number; low: string }>(
        `select bucket, sum(reviews) as reviews, sum(avg_rating * reviews) as stars, sum(low_rating_reviews) as low
         from rating_drivers where driver = 'return' group by 1 order by 1`,
      );
      expect(mart.map((r) => [r.bucket, Number(r.reviews), Math.round(r.stars), Number(r.low)])).toEqual(
        raw.map((r) => [r.bucket, Number(r.reviews), Number(r.stars), Number(r.low)]),
      );
      // Returned orders are rated lower than kept ones (the demo's story).
      const rate = (b: string) => Number(raw.find((r) => r.bucket === b)!.stars) / Number(raw.find((r) => r.bucket === b)!.reviews);
      expect(rate('returned')).toBeLessThan(rate('kept'));
      // Every conversation counted once, under one contact reason, and shares per week and market add up to 1.
      expect(await count(db, 'select sum(conversations) as n from contact_reasons_weekly')).toBe(
        await count(db, 'select count(*) as n from fct_conversations'),
      );
      expect(
        await count(
          db,
          `select count(*) as n from (
             select week_start_date, market_code, sum(share_of_market_conversations) as total
             from contact_reasons_weekly group by all having abs(total - 1) > 1e-9)`,
        ),
      ).toBe(0);
    });
  });

  it('publishes one Parquet and one CSV file per table, matching the published tables', async () => {
    const manifest = JSON.parse(readFileSync(join(data, 'published', 'manifest.json'), 'utf8')) as {
      tables: { table: string; rows: number }[];
    };
    // every model under models/marts/ (star schema and BI marts) is published, nothing else
    const martModels = readdirSync(join(PROJECT_ROOT, 'models', 'marts'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.sql'))
      .map((file) => basename(file, '.sql'))
      .sort();
    expect(martModels).toContain('fct_conversations');
    expect(manifest.tables.map((t) => t.table).sort()).toEqual(martModels);
    await withDb(':memory:', async (db) => {
      for (const { table, rows } of manifest.tables) {
        expect(await count(db, `select count(*) as n from read_parquet('${data}/published/parquet/${table}.parquet')`)).toBe(rows);
        expect(await count(db, `select count(*) as n from read_csv('${data}/published/csv/${table}.csv')`)).toBe(rows);
      }
    });
    await withDb(published, async (db) => {
      const [comment] = await db.all<{ comment: string }>(
        `select comment from duckdb_columns() where table_name = 'fct_conversations' and column_name = 'first_response_seconds'`,
      );
      expect(comment!.comment).toContain('First response time');
    });
  });

  it('writes CSV as UTF-8 with a byte-order mark, and Chinese text round-trips', async () => {
    const manifest = JSON.parse(readFileSync(join(data, 'published', 'manifest.json'), 'utf8'));
    expect(manifest.csv).toMatchObject({ encoding: 'UTF-8 with byte-order mark', delimiter: ',' });
    for (const { table } of manifest.tables as { table: string }[]) {
      const head = readFileSync(join(data, 'published', 'csv', `${table}.csv`)).subarray(0, 4);
      expect([...head.subarray(0, 3)], table).toEqual([0xef, 0xbb, 0xbf]);
      expect(head[3], `${table}: one BOM, then the header`).not.toBe(0xef);
    }
    const text = readFileSync(join(data, 'published', 'csv', 'dim_languages.csv'), 'utf8');
    const [header, ...lines] = text.replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(header).toBe('language_code,language_name,language_name_zh,native_name');
    const fromCsv = Object.fromEntries(lines.map((line) => line.split(',')).map(([code, , zh, native]) => [code, { zh, native }]));
    const fromDb = await withDb(published, (db) => db.all<{ language_code: string; language_name_zh: string; native_name: string }>('select * from dim_languages'));
    expect(fromDb.length).toBe(lines.length);
    for (const row of fromDb) expect(fromCsv[row.language_code], row.language_code).toEqual({ zh: row.language_name_zh, native: row.native_name });
    expect(fromCsv['zh']).toEqual({ zh: '中文', native: '中文' });
    // Timestamps and booleans in the documented form.
    const conversations = readFileSync(join(data, 'published', 'csv', 'fct_conversations.csv'), 'utf8').split('\n', 3);
    const columns = conversations[0]!.replace(/^\uFEFF/, '').split(',');
    const first = conversations[1]!.split(',');
    expect(first[columns.indexOf('created_at')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(first[columns.indexOf('is_solved')]).toMatch(/^(true|false)$/);
  });

  it('publishes a data dictionary covering every published table and column in English and Chinese', async () => {
    const dir = join(data, 'published', 'dictionary');
    const columns = await withDb(published, (db) =>
      db.all<{ table_name: string; column_name: string; data_type: string }>(
        `select table_name, column_name, data_type from duckdb_columns() where database_name = 'marts' order by table_name, column_index`,
      ),
    );
    expect(columns.length).toBeGreaterThan(400);
    const dictionary = await withDb(':memory:', (db) =>
      db.all<{ table: string; column: string; type: string; description_en: string; description_zh: string; grain_en: string; grain_zh: string }>(
        `select * from read_csv('${dir}/data_dictionary.csv', header = true, all_varchar = true)`,
      ),
    );
    const key = (table: string, column: string) => `${table}.${column}`;
    expect(dictionary.map((d) => key(d.table, d.column)).sort()).toEqual(columns.map((c) => key(c.table_name, c.column_name)).sort());
    const types = new Map(columns.map((c) => [key(c.table_name, c.column_name), c.data_type]));
    for (const row of dictionary) {
      expect(row.type, key(row.table, row.column)).toBe(types.get(key(row.table, row.column)));
      for (const field of ['description_en', 'description_zh', 'grain_en', 'grain_zh'] as const) expect(row[field]?.trim(), `${key(row.table, row.column)} ${field}`).toBeTruthy();
      expect(row.description_zh, key(row.table, row.column)).toMatch(/[\u4e00-\u9fff]/);
    }
    const markdown = { en: readFileSync(join(dir, 'data_dictionary.en.md'), 'utf8'), zh: readFileSync(join(dir, 'data_dictionary.zh-CN.md'), 'utf8') };
    for (const table of new Set(columns.map((c) => c.table_name))) {
      for (const text of Object.values(markdown)) expect(text).toContain(`\n## ${table}\n`);
    }
    for (const c of columns) for (const text of Object.values(markdown)) expect(text).toContain(`| \`${c.column_name}\` | ${c.data_type} |`);
    expect(markdown.zh).toContain('首次响应时间');
    expect(markdown.en).not.toContain('{{');
  });

  it('publishes BI connection files that parse: Power BI, Tableau and FineBI', async () => {
    const dir = join(data, 'published', 'bi');
    const { xmlProblem } = await import('../scripts/xml.ts');
    expect(readdirSync(dir).sort()).toEqual(['connections.md', 'finebi-connections.json', 'power-bi-postgres.pbids', 'tableau-duckdb.tds', 'tableau-postgres.tds']);
    const pbids = JSON.parse(readFileSync(join(dir, 'power-bi-postgres.pbids'), 'utf8'));
    expect(pbids.connections[0].details).toEqual({ protocol: 'postgresql', address: { server: 'localhost:5432', database: 'csw' } });
    for (const tds of ['tableau-postgres.tds', 'tableau-duckdb.tds']) expect(xmlProblem(join(dir, tds)), tds).toBeNull();
    const finebi = JSON.parse(readFileSync(join(dir, 'finebi-connections.json'), 'utf8'));
    // The published copy (of the data folder it was published in: this one is a copy), never the private
    // warehouse, and read-only.
    const url = /^jdbc:duckdb:\/\S+\/data\/published\/marts\.duckdb;duckdb\.read_only=true$/;
    expect(finebi.duckdb.url).toMatch(url);
    expect(readFileSync(join(dir, 'tableau-duckdb.tds'), 'utf8')).toContain(finebi.duckdb.url);
  });

  it('refuses a second run while one holds the lock', async () => {
    writeFileSync(join(data, '.elt.lock'), JSON.stringify({ pid: process.pid, started_at: new Date().toISOString() }));
    try {
      const second = await runScript('elt', [], env);
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(`Another pipeline run is in progress (pid ${process.pid}`);
    } finally {
      writeFileSync(join(data, '.elt.lock'), '');
      const { rmSync } = await import('node:fs');
      rmSync(join(data, '.elt.lock'));
    }
  });

  it('leaves runs killed with SIGKILL (the whole process group) mid-extract, mid-transform and mid-publish as they fell', async () => {
    // The next test's run is the one after them; the history test checks it publishes what the first run did.
    const runsBefore = new Set(readdirSync(join(data, 'runs')));
    const newRun = () => {
      const fresh = readdirSync(join(data, 'runs')).filter((n) => !runsBefore.has(n) && n.endsWith('.json'));
      return fresh.length > 0 ? currentRun() : undefined;
    };
    const killWhen = async (ready: (run: { status: string; steps: unknown[] } | undefined, startedAt: number) => boolean, label: string) => {
      const startedAt = Date.now();
      const run = startScript('elt', ['--quiet'], env);
      const deadline = startedAt + 240_000;
      while (!ready(newRun(), startedAt)) {
        if (Date.now() > deadline) throw new Error(`never reached ${label}`);
        const exited = await Promise.race([run.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 20))]);
        if (exited) throw new Error(`the run ended before ${label}`);
      }
      await run.kill();
      const killed = newRun()!;
      for (const name of readdirSync(join(data, 'runs'))) runsBefore.add(name);
      return killed;
    };
    /** Parquet files the run in progress has written to the lake (committed under their final names). */
    const lakeFilesSince = (t: number) =>
      readdirSync(lake, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.parquet') && statSync(join(lake, f)).mtimeMs > t).length;
    // mid-extract: the run has committed some of its Parquet files, no step finished yet
    const a = await killWhen((run, t) => run?.steps.length === 0 && lakeFilesSince(t) > 0, 'mid-extract');
    expect(a.steps).toHaveLength(0);
    // mid-transform: extract finished, dbt has been building for two seconds
    let extracted = 0;
    const b = await killWhen((run) => run?.steps.length === 1 && (extracted ||= Date.now()) < Date.now() - 2000, 'mid-transform');
    expect(b.steps).toHaveLength(1);
    // mid-publish: transform finished (its record is written just before publish starts)
    const c = await killWhen((run) => run?.steps.length === 2, 'mid-publish');
    expect(c.steps).toHaveLength(2);
    killedRuns = [a, b, c].map((run) => (run as unknown as { run_id: string }).run_id);
  });

  it('lets a reader keep the published file open read-only while elt runs again, then see the new run', async () => {
    const before = JSON.parse(readFileSync(join(data, 'published', 'manifest.json'), 'utf8')).run_id as string;
    // The record of a run that died mid-way (as a SIGKILL leaves it), for the run history test below.
    writeFileSync(
      join(data, 'runs', '20261101T020000000Z-dead00.json'),
      JSON.stringify({ run_id: '20261101T020000000Z-dead00', command: 'elt', status: 'running', started_at: '2026-11-01T02:00:00.000Z', finished_at: null, duration_ms: 5000, steps: [], warnings: [], quarantined: 0, error: null }),
    );
    const reader = await openDb(published, { readOnly: true });
    try {
      rerun = await runScript('elt', ['--quiet'], env);
      expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
      // The old reader still answers from the copy it opened.
      expect(await count(reader, 'select count(*) as n from fct_conversations')).toBeGreaterThan(1000);
    } finally {
      reader.close();
    }
    const after = JSON.parse(readFileSync(join(data, 'published', 'manifest.json'), 'utf8')).run_id as string;
    expect(after).not.toBe(before);
  });

  it('publishes the run history (dead runs interrupted, the building run running) and, after the killed runs, what the first run published', async () => {
    const firstRun = first.stdout.match(/elt succeeded in [\d.]+ s \(run (\S+)\)/)![1]!;
    const rerunId = rerun.stdout.match(/\(run (\S+)\)/)![1]!;
    type RunFile = { steps: { step: string; items: { name: string; rows: number }[] }[] };
    const record = (id: string) => JSON.parse(readFileSync(join(data, 'runs', `${id}.json`), 'utf8')) as RunFile;
    const extracted = (id: string) => record(id).steps.find((s) => s.step === 'extract')!.items;
    const rowsOf = (id: string) => String(extracted(id).reduce((n, i) => n + i.rows, 0));
    await withDb(published, async (db) => {
      const runs = await db.all<{ [k: string]: unknown }>(
        `select run_id, status, is_current_run, transform_seconds is not null as transformed, rows_extracted::bigint::varchar as rows, error is not null as has_error
         from pipeline_runs order by started_at`,
      );
      expect(runs).toEqual([
        { run_id: '20261101T020000000Z-dead00', status: 'interrupted', is_current_run: false, transformed: false, rows: '0', has_error: true },
        { run_id: firstRun, status: 'success', is_current_run: false, transformed: true, rows: rowsOf(firstRun), has_error: false },
        // killed mid-extract, mid-transform, mid-publish: their records hold the steps they had finished
        ...killedRuns.map((run_id, i) => ({ run_id, status: 'interrupted', is_current_run: false, transformed: i === 2, rows: i === 0 ? '0' : rowsOf(run_id), has_error: true })),
        // the run that built this publication, as far as it had got: its extract
        { run_id: rerunId, status: 'running', is_current_run: true, transformed: false, rows: rowsOf(rerunId), has_error: false },
      ]);
      const tickets = await db.all<{ [k: string]: unknown }>(
        `select last_run_id, last_run_rows::int as last_rows, extract_runs::int as runs, hours_since_extracted::double as hours, is_stale
         from pipeline_stream_freshness where stream = 'demo.tickets'`,
      );
      const ticketRows = extracted(rerunId).find((i) => i.name === 'demo.tickets')!.rows;
      // extracted successfully by the first run, the runs killed mid-transform and mid-publish, and this one
      expect(tickets).toEqual([{ last_run_id: rerunId, last_rows: ticketRows, runs: 4, hours: 0, is_stale: false }]);
    });
    // after the killed runs, the next run published exactly what the first, uninterrupted run did
    expect(await publishedFingerprint(published)).toEqual(firstFingerprint);
    // the dead run's record itself is marked, with a reason
    expect(JSON.parse(readFileSync(join(data, 'runs', '20261101T020000000Z-dead00.json'), 'utf8'))).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/stopped before it finished/) });
  });

  it('exits non-zero on a broken model and leaves the previous publication intact', async () => {
    const project = copyProject();
    writeFileSync(join(project, 'models', 'marts', 'support', 'broken_mart.sql'), 'select no_such_column from {{ ref("fct_conversations") }}\n');
    const manifestBefore = readFileSync(join(data, 'published', 'manifest.json'), 'utf8');
    const fileBefore = statSync(published);
    const broken = await runScript('elt', [], env, project);
    expect(broken.code).not.toBe(0);
    expect(broken.stdout).toMatch(/elt FAILED/);
    expect(broken.stdout).toContain('broken_mart');
    expect(readFileSync(join(data, 'published', 'manifest.json'), 'utf8')).toBe(manifestBefore);
    expect(statSync(published).ino).toBe(fileBefore.ino);
    expect(statSync(published).mtimeMs).toBe(fileBefore.mtimeMs);
    expect(existsSync(join(data, 'published', 'parquet', 'broken_mart.parquet'))).toBe(false);
    // a failed build is not one whose rows the next build may take as tested (it tests whole tables)
    const [last] = await withDb(join(data, 'warehouse.duckdb'), (db) => db.all<{ succeeded: boolean }>('select succeeded from pipeline_state.last_build'));
    expect(last!.succeeded).toBe(false);
  });

  it('builds and tests every model when no enabled source has a helpdesk or a store (empty facts, full calendar)', async () => {
    // CSW_SOURCES names the sources the warehouse models; with none, every canonical entity is an empty relation
    // with its contract's columns, so all marts still build and every data test still runs.
    const empty: Record<string, string> = { ...smallDemoEnv(), CSW_SOURCES: '' };
    const result = await runScript('transform', ['--quiet'], empty);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const warehouse = join(empty.CSW_DATA_DIR!, 'warehouse.duckdb');
    await withDb(warehouse, async (db) => {
      expect(await count(db, 'select count(*) as n from core.fct_conversations')).toBe(0);
      expect(await count(db, 'select count(*) as n from core.fct_orders')).toBe(0);
      expect(await count(db, 'select count(*) as n from marts.support_kpis_daily')).toBe(0);
      expect(await count(db, 'select count(*) as n from core.dim_date')).toBeGreaterThan(1000);
      const [column] = await db.all<{ data_type: string }>(
        `select data_type from information_schema.columns where table_schema = 'core' and table_name = 'fct_orders' and column_name = 'ordered_at'`,
      );
      expect(column!.data_type).toBe('TIMESTAMP');
    });
  });


});
