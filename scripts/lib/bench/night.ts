/**
 * A quiet night for `npm run bench`: a new load in the demo lake holding a fraction (default 1%) of the
 * conversations and orders again, the way an incremental API export lands the records changed since the last run:
 * each chosen ticket with its whole trail (comments, audits, CSAT rating), each chosen order (with its lines,
 * fulfillments and refunds) with its returns, and the same share of reviews. The records get the new load's id and
 * a later extraction time, so the next transform sees them as changed. Two ways to choose them (`spread`):
 *
 * - `recent` (the default, what a real night brings): the export a day later. The most recently updated tickets,
 *   orders and reviews, since that is what changes from one day to the next, and time moves on: each ticket comes
 *   back with its whole trail a day later (every timestamp of the ticket, its comments, audits and rating), so the
 *   conversations' days and waits change and the helpdesk data reaches a day further; each order comes back edited
 *   a day later (`updated_at`), so the orders' data reaches a day further too and parcels in transit are measured
 *   again.
 * - `uniform`: records picked evenly across the whole history (by a hash of the key) and landed edited a second
 *   later (`updated_at`): the worst case for the models kept by key, whose changed keys are then spread over every
 *   day, week and customer, with the data's reach left where it was.
 *
 * Bulk work in DuckDB (read_parquet -> COPY to Parquet); the loads manifest gets the load's record.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, sqlLiteral, type Db } from '../../../extract/core/duckdb.ts';
import { LoadsManifest, newLoadId } from '../../../extract/core/loads.ts';

export const NIGHT_SPREADS = ['recent', 'uniform'] as const;
export type NightSpread = (typeof NIGHT_SPREADS)[number];

/** The records a night chooses: tickets, orders and reviews, by their key and how recent they are. */
const CHOSEN: Record<string, { key: string; recency: string }> = {
  tickets: { key: 'id', recency: 'updated_at' },
  orders: { key: 'id', recency: 'updated_at' },
  reviews: { key: 'review_id', recency: 'created_at' },
};

/**
 * Demo streams: which chosen record each belongs to (`of`) through which column (`pick`), its primary key, and its
 * timestamps that change when it lands again: `moved` in a recent night (the ticket's trail, a day later),
 * `edited` (an edited ticket or order coming back from the API: a day later in a recent night, a second later in a
 * uniform one, so the uniform night leaves the data's reach where it was).
 */
const STREAMS: Record<string, { of: keyof typeof CHOSEN; pick: string; key: string; moved?: string[]; edited?: string }> = {
  tickets: { of: 'tickets', pick: 'id', key: 'id', moved: ['created_at'], edited: 'updated_at' },
  ticket_comments: { of: 'tickets', pick: 'ticket_id', key: 'id', moved: ['created_at'] },
  ticket_audits: { of: 'tickets', pick: 'ticket_id', key: 'id', moved: ['created_at'] },
  satisfaction_ratings: { of: 'tickets', pick: 'ticket_id', key: 'id', moved: ['created_at', 'updated_at'] },
  orders: { of: 'orders', pick: 'id', key: 'id', edited: 'updated_at' },
  returns: { of: 'orders', pick: 'order_id', key: 'id' },
  reviews: { of: 'reviews', pick: 'review_id', key: 'review_id' },
};

const streamFiles = (lakeDir: string, stream: string) => sqlLiteral(join(lakeDir, 'raw', 'demo', stream, '*', '*.parquet'));

/** A stream's records as the lake now holds them (the newest version of each), those `where` chooses. */
const latest = (lakeDir: string, stream: string, key: string, where = 'true') =>
  `select * from read_parquet(${streamFiles(lakeDir, stream)}, union_by_name = true)
   where ${where}
   qualify row_number() over (partition by ${key} order by _extracted_at desc, _load_id desc) = 1`;

/** An ISO-8601 UTC timestamp column (as the demo lands them) moved later by an interval. */
const later = (column: string, interval: string) =>
  `strftime(timezone('UTC', cast(${column} as timestamptz)) + interval ${interval}, '%Y-%m-%dT%H:%M:%SZ') as ${column}`;

/** Recent night: temp tables `chosen_<stream>` with the keys of the most recently updated records of each. */
async function chooseRecent(db: Db, lakeDir: string, fraction: number): Promise<void> {
  for (const [stream, { key, recency }] of Object.entries(CHOSEN)) {
    await db.run(
      `create temp table chosen_${stream} as
       select key from (
         select ${key} as key, row_number() over (order by cast(${recency} as timestamptz) desc, ${key} desc) as rank, count(*) over () as records
         from (${latest(lakeDir, stream, key)})
       )
       where rank <= round(records * ${fraction})`,
    );
  }
}

export async function landNight(lakeDir: string, fraction: number, spread: NightSpread = 'recent'): Promise<{ loadId: string; rows: number }> {
  const modulus = Math.max(1, Math.round(1 / fraction));
  const loadId = newLoadId();
  const started = new Date();
  const day = started.toISOString().slice(0, 10);
  const manifest = new LoadsManifest(lakeDir);
  const streams = [];
  const db = await openDb();
  try {
    await db.run(`set TimeZone = 'UTC'`);
    if (spread === 'recent') await chooseRecent(db, lakeDir, fraction);
    for (const [stream, { of, pick, key, moved, edited }] of Object.entries(STREAMS)) {
      const shifted = [
        ...(spread === 'recent' ? (moved ?? []).map((c) => later(c, '1 day')) : []),
        ...(edited ? [later(edited, spread === 'recent' ? '1 day' : '1 second')] : []),
      ];
      const chosen = spread === 'recent' ? `${pick} in (select key from chosen_${of})` : `hash(${pick}) % ${modulus} = 0`;
      const t0 = Date.now();
      const dir = join(lakeDir, 'raw', 'demo', stream, day);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${loadId}-00001.parquet`);
      await db.run(
        `copy (
           select * replace (${[`${sqlLiteral(loadId)} as _load_id`, '_extracted_at + interval 1 day as _extracted_at', ...shifted].join(', ')})
           from (${latest(lakeDir, stream, key, chosen)})
         ) to ${sqlLiteral(file)} (format parquet)`,
      );
      const rows = Number((await db.all<{ n: string }>(`select count(*)::varchar as n from read_parquet(${sqlLiteral(file)})`))[0]!.n);
      streams.push({ stream, rows, quarantined: 0, files: 1, duration_ms: Date.now() - t0 });
    }
  } finally {
    db.close();
  }
  manifest.write({ load_id: loadId, source: 'demo', status: 'completed', started_at: started.toISOString(), finished_at: new Date().toISOString(), streams, error: null });
  return { loadId, rows: streams.reduce((sum, s) => sum + s.rows, 0) };
}
