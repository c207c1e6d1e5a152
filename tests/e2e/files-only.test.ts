/**
 * End to end from file exports alone: `npm run elt` with CSW_SOURCES=files over a drop folder holding an Amazon
 * order report (CSV), its return report (TSV), a Freshdesk conversation export (CSV) with its messages (NDJSON)
 * and a review export (tests/e2e/fixtures/files-only). Every figure below is worked out by hand from those files.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../extract/core/config.ts';
import type { Db } from '../../extract/core/duckdb.ts';
import { count, runScript, smallDemoEnv, withDb, type CommandResult } from './helpers.ts';

let env: Record<string, string>;
let elt: CommandResult;

const withPublished = <T>(use: (db: Db) => Promise<T>) => withDb(join(env.CSW_DATA_DIR!, 'published', 'marts.duckdb'), use);
type Row = Record<string, unknown>;
/** Rows for toEqual, with numbers as numbers (Db.all gives BIGINTs and DECIMALs as text, so does a numeric text). */
const rows = (db: Db, sql: string) =>
  db.all<Row>(sql).then((rs) => rs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v]))));

beforeAll(async () => {
  env = { ...smallDemoEnv(), CSW_SOURCES: 'files', CSW_FILES_DIR: join(PROJECT_ROOT, 'tests', 'e2e', 'fixtures', 'files-only') };
  elt = await runScript('elt', [], env);
  if (elt.code !== 0) throw new Error(`npm run elt failed:\n${elt.stdout}\n${elt.stderr}`);
});

describe('npm run elt on file exports alone', () => {
  it('lands every file and quarantines the message with an unknown author role', () => {
    expect(elt.stdout).toMatch(/files\.orders\s+4\b/);
    expect(elt.stdout).toMatch(/files\.messages\s+6\s+1\b/);
    expect(elt.stdout).toMatch(/\btransform\s+success/);
    expect(elt.stdout).toMatch(/\bpublish\s+success/);
  });

  it('sums order lines to orders, with parcels, lateness and cancellation', async () => {
    await withPublished(async (db) => {
      expect(
        await rows(db, `select order_number, market_code, total_amount, order_currency, is_cancelled, fulfillment_status, delivery_status, delivery_delay_days, fulfillment_count from fct_orders order by 1`),
      ).toEqual([
        // 2 x SKU-A for 40.00 + 1 x SKU-B for 15.50, one parcel (T1), promised 10-04, delivered 10-05
        { order_number: '302-1', market_code: 'DE', total_amount: 55.5, order_currency: 'EUR', is_cancelled: false, fulfillment_status: 'fulfilled', delivery_status: 'delivered', delivery_delay_days: 1, fulfillment_count: 1 },
        { order_number: '302-2', market_code: 'DE', total_amount: 20, order_currency: 'EUR', is_cancelled: false, fulfillment_status: 'fulfilled', delivery_status: 'delivered', delivery_delay_days: -1, fulfillment_count: 1 },
        // "1,099.99" with a thousands separator; shipped to Austria from the German marketplace: the market is AT
        { order_number: '302-3', market_code: 'AT', total_amount: 1099.99, order_currency: 'EUR', is_cancelled: true, fulfillment_status: 'unfulfilled', delivery_status: 'cancelled', delivery_delay_days: null, fulfillment_count: 0 },
      ]);
      expect(await count(db, 'select count(*) as n from fct_order_lines')).toBe(4);
      // AT is not in the markets seed: it joins all the same
      expect(await rows(db, `select market_code, is_listed from dim_markets where market_code = 'AT'`)).toEqual([{ market_code: 'AT', is_listed: false }]);
    });
  });

  it('links returns to their orders when an order report has them, and keeps the ones it does not', async () => {
    await withPublished(async (db) => {
      expect(
        await rows(db, `select source_return_id, order_number, platform, market_code, return_status, return_reason, sku, refund_amount, refund_currency, processing_days from fct_returns order by 1`),
      ).toEqual([
        // APPAREL_TOO_SMALL, requested 10-08 10:00, refunded 20.00 EUR on 10-10 10:00: two days
        { source_return_id: 'amazon:R1', order_number: '302-1', platform: 'amazon', market_code: 'DE', return_status: 'closed', return_reason: 'size_too_small', sku: 'SKU-A', refund_amount: 20, refund_currency: 'EUR', processing_days: 2 },
        // "Defekt" for order 999-9, which no file has: kept, with the return's own platform and market
        { source_return_id: 'amazon:R2', order_number: null, platform: 'amazon', market_code: 'DE', return_status: 'requested', return_reason: 'defective', sku: null, refund_amount: 0, refund_currency: null, processing_days: null },
      ]);
      expect(await rows(db, `select refund_type, refund_amount, return_id from fct_refunds`)).toEqual([{ refund_type: 'return', refund_amount: 20, return_id: 'files-amazon:R1' }]);
      expect(await count(db, `select returned_quantity as n from fct_order_lines where order_line_id = 'files-amazon:302-1:SKU-A'`)).toBe(1);
    });
  });

  it('times conversations from their messages, links them to orders and rates them', async () => {
    await withPublished(async (db) => {
      expect(
        await rows(
          db,
          `select source_conversation_id, status, channel, order_link_method, first_response_seconds, first_bot_reply_seconds,
             first_resolution_seconds, resolution_type, csat_score, is_csat_satisfied, agent_reply_count, bot_reply_count, internal_note_count
           from fct_conversations order by 1`,
        ),
      ).toEqual([
        // customer 09:00, Lena 09:30, resolved 15:00 (the system notice is not a reply), 5 stars
        { source_conversation_id: 'freshdesk:1001', status: 'solved', channel: 'email', order_link_method: 'order_number_field', first_response_seconds: 1800, first_bot_reply_seconds: null, first_resolution_seconds: 21600, resolution_type: 'one_touch', csat_score: 5, is_csat_satisfied: true, agent_reply_count: 1, bot_reply_count: 0, internal_note_count: 1 },
        // no order number: Ben's latest order by e-mail; the bot answered after 60 s, Lena only left a note
        { source_conversation_id: 'freshdesk:1002', status: 'open', channel: 'chat', order_link_method: 'customer_email', first_response_seconds: null, first_bot_reply_seconds: 60, first_resolution_seconds: null, resolution_type: 'unresolved', csat_score: null, is_csat_satisfied: null, agent_reply_count: 0, bot_reply_count: 1, internal_note_count: 1 },
      ]);
      expect(await rows(db, `select agent_name, is_bot from dim_agents order by 1`)).toEqual([
        { agent_name: 'Freddy', is_bot: true },
        { agent_name: 'Lena', is_bot: false },
        { agent_name: 'system', is_bot: true },
      ]);
      // the helpdesk customer and the buyer are one customer (same e-mail)
      expect(await rows(db, `select customer_name, orders, conversations from dim_customers order by 1`)).toEqual([
        { customer_name: 'Anna Schmidt', orders: 2, conversations: 1 },
        { customer_name: 'Ben Müller', orders: 1, conversations: 1 },
      ]);
      expect(await rows(db, `select tag from bridge_conversation_tags order by 1`)).toEqual([{ tag: 'delivery' }, { tag: 'late' }]);
    });
  });

  it('links the review to its order and feeds the rating marts', async () => {
    await withPublished(async (db) => {
      expect(await rows(db, `select order_number, rating, order_id is not null as linked from fct_reviews`)).toEqual([{ order_number: '302-2', rating: 2, linked: true }]);
      expect(await count(db, 'select sum(reviews) as n from rating_trends_weekly')).toBe(1);
    });
  });
});
