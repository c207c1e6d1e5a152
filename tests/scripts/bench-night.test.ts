/**
 * The bench's quiet night (scripts/lib/bench/night.ts) on the small demo's lake: which records it lands again and
 * how they come back, for both spreads.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../extract/core/duckdb.ts';
import { landNight } from '../../scripts/lib/bench/night.ts';
import { sharedSmallDemo } from '../e2e/helpers.ts';

let lake: string;

beforeAll(async () => {
  const { env } = await sharedSmallDemo();
  lake = join(env.CSW_DATA_DIR!, 'lake');
}, 600_000);

const files = (stream: string) => `read_parquet('${join(lake, 'raw', 'demo', stream)}/*/*.parquet', union_by_name = true)`;
const ofLoad = (stream: string, loadId: string) => `(select * from ${files(stream)} where _load_id = '${loadId}')`;
const before = (stream: string, loadId: string) => `(select * from ${files(stream)} where _load_id < '${loadId}')`;

async function withLakeDb<T>(use: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    await db.run(`set TimeZone = 'UTC'`);
    return await use(db);
  } finally {
    db.close();
  }
}

const one = async (db: Db, sql: string) => (await db.all<Record<string, string | number | null>>(sql))[0]!;

describe('a recent night', () => {
  it('lands the most recently updated tenth of the tickets with their whole trail a day later, and orders edited a day later', async () => {
    const { loadId } = await landNight(lake, 0.1, 'recent');
    await withLakeDb(async (db) => {
      // the demo lake holds one load per stream before the night, so each record once
      const tickets = await one(
        db,
        `select
           (select count(*) from ${before('tickets', loadId)})::int as all_tickets,
           (select count(*) from ${ofLoad('tickets', loadId)})::int as landed,
           (select min(cast(updated_at as timestamptz)) from ${before('tickets', loadId)}
              where id in (select id from ${ofLoad('tickets', loadId)}))::varchar as oldest_landed,
           (select max(cast(updated_at as timestamptz)) from ${before('tickets', loadId)}
              where id not in (select id from ${ofLoad('tickets', loadId)}))::varchar as newest_left`,
      );
      expect(tickets.landed).toBe(Math.round(Number(tickets.all_tickets) * 0.1));
      expect(String(tickets.oldest_landed) >= String(tickets.newest_left)).toBe(true);

      // every timestamp of a landed ticket and of its trail is a day later; nothing else changed
      for (const [stream, pick, moved] of [
        ['tickets', 'id', ['created_at', 'updated_at']],
        ['ticket_comments', 'ticket_id', ['created_at']],
        ['ticket_audits', 'ticket_id', ['created_at']],
        ['satisfaction_ratings', 'ticket_id', ['created_at', 'updated_at']],
      ] as const) {
        const columns = (await db.all<{ column_name: string }>(`select column_name from (describe select * from ${files(stream)})`)).map((c) => c.column_name);
        const kept = columns.filter((c) => !['_load_id', '_extracted_at', ...moved].includes(c));
        const row = await one(
          db,
          `select
             (select count(*) from ${before(stream, loadId)} where ${pick} in (select id from ${ofLoad('tickets', loadId)}))::int as trail,
             count(*)::int as landed,
             count(*) filter (where ${moved.map((c) => `cast(n.${c} as timestamptz) is not distinct from cast(o.${c} as timestamptz) + interval 1 day`).join(' and ')})::int as a_day_later,
             count(*) filter (where row(${kept.map((c) => `n.${c}`).join(', ')}) is not distinct from row(${kept.map((c) => `o.${c}`).join(', ')}))::int as otherwise_same
           from ${ofLoad(stream, loadId)} as n
           inner join ${before(stream, loadId)} as o on n.id = o.id`,
        );
        expect(row.landed, stream).toBeGreaterThan(0);
        expect(row, stream).toEqual({ trail: row.landed, landed: row.landed, a_day_later: row.landed, otherwise_same: row.landed });
      }

      const orders = await one(
        db,
        `select
           count(*)::int as landed,
           count(*) filter (where cast(n.updated_at as timestamptz) = cast(o.updated_at as timestamptz) + interval 1 day
             and n.created_at = o.created_at)::int as edited_a_day_later
         from ${ofLoad('orders', loadId)} as n
         inner join ${before('orders', loadId)} as o on n.id = o.id`,
      );
      expect(orders.landed).toBeGreaterThan(0);
      expect(orders.edited_a_day_later).toBe(orders.landed);
    });
  });
});

describe('a uniform night', () => {
  it('lands records picked evenly across the history, edited a second later', async () => {
    const { loadId } = await landNight(lake, 0.1, 'uniform');
    await withLakeDb(async (db) => {
      const row = await one(
        db,
        `select
           count(*)::int as landed,
           count(*) filter (where hash(n.id) % 10 = 0)::int as picked_by_hash,
           count(*) filter (where cast(n.updated_at as timestamptz) = cast(o.updated_at as timestamptz) + interval 1 second
             and n.created_at = o.created_at)::int as edited_a_second_later,
           count(distinct date_trunc('week', cast(n.created_at as timestamptz)))::int as weeks
         from ${ofLoad('tickets', loadId)} as n
         inner join (select * from ${before('tickets', loadId)}
                     qualify row_number() over (partition by id order by _extracted_at desc, _load_id desc) = 1) as o
           on n.id = o.id`,
      );
      expect(row.landed).toBeGreaterThan(0);
      expect(row.picked_by_hash).toBe(row.landed);
      expect(row.edited_a_second_later).toBe(row.landed);
      // the small demo spans six weeks: picked evenly, the night touches every one of them
      expect(row.weeks).toBeGreaterThanOrEqual(6);
    });
  });
});
