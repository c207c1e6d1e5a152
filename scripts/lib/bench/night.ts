/**
 * A quiet night for `npm run bench`: a new load in the demo lake that lands again a fraction (default 1%) of the
 * conversations and orders, the way an incremental API export lands the records changed since the last run:
 * each chosen ticket with its whole trail (comments, audits, CSAT rating), each chosen order (with its lines,
 * fulfillments and refunds) with its returns, and the same share of reviews. The records get the new load's id and
 * a later extraction time, so the next transform sees them as changed; tickets and orders also come back edited
 * (`updated_at` a second later), so their facts change and the publication has rows to patch.
 *
 * Bulk work in DuckDB (read_parquet -> COPY to Parquet); the loads manifest gets the load's record.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, sqlLiteral } from '../../../extract/core/duckdb.ts';
import { LoadsManifest, newLoadId } from '../../../extract/core/loads.ts';

/**
 * Demo streams: the column whose hash picks the records of one conversation or order, the primary key, and whether
 * the record lands changed (`updated_at` one second later, as an edited ticket or order comes back from the API;
 * comments, audits and ratings come back as they were).
 */
const STREAMS: Record<string, { pick: string; key: string; touch?: true }> = {
  tickets: { pick: 'id', key: 'id', touch: true },
  ticket_comments: { pick: 'ticket_id', key: 'id' },
  ticket_audits: { pick: 'ticket_id', key: 'id' },
  satisfaction_ratings: { pick: 'ticket_id', key: 'id' },
  orders: { pick: 'id', key: 'id', touch: true },
  returns: { pick: 'order_id', key: 'id' },
  reviews: { pick: 'review_id', key: 'review_id' },
};

export async function landNight(lakeDir: string, fraction: number): Promise<{ loadId: string; rows: number }> {
  const modulus = Math.max(1, Math.round(1 / fraction));
  const loadId = newLoadId();
  const started = new Date();
  const day = started.toISOString().slice(0, 10);
  const manifest = new LoadsManifest(lakeDir);
  const streams = [];
  const db = await openDb();
  try {
    await db.run(`set TimeZone = 'UTC'`);
    for (const [stream, { pick, key, touch }] of Object.entries(STREAMS)) {
      const touched = touch ? `, strftime(timezone('UTC', cast(updated_at as timestamptz)) + interval 1 second, '%Y-%m-%dT%H:%M:%SZ') as updated_at` : '';
      const t0 = Date.now();
      const dir = join(lakeDir, 'raw', 'demo', stream, day);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${loadId}-00001.parquet`);
      const source = sqlLiteral(join(lakeDir, 'raw', 'demo', stream, '*', '*.parquet'));
      await db.run(
        `copy (
           select * replace (${sqlLiteral(loadId)} as _load_id, _extracted_at + interval 1 day as _extracted_at${touched})
           from read_parquet(${source}, union_by_name = true)
           where hash(${pick}) % ${modulus} = 0
           qualify row_number() over (partition by ${key} order by _extracted_at desc, _load_id desc) = 1
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
