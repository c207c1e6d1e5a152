/**
 * The bare-DuckDB baseline of `npm run bench`: runs baseline.sql (the same reading of the lake and the same core
 * aggregations as the warehouse, in plain SQL) on a fresh DuckDB file with the settings dbt uses
 * (CSW_DUCKDB_THREADS, CSW_DUCKDB_MEMORY_LIMIT), so the pipeline's transform can be compared with it.
 *
 * Run as its own process by scripts/bench.ts: `tsx scripts/lib/bench/baseline.ts <lake dir> <database file>`;
 * prints one JSON line `{ "seconds": s, "tables": { name: rows } }`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../../extract/core/duckdb.ts';

const [lakeDir, dbFile] = process.argv.slice(2);
if (!lakeDir || !dbFile) {
  process.stderr.write('usage: baseline.ts <lake dir> <database file>\n');
  process.exit(2);
}
const sql = readFileSync(join(import.meta.dirname, 'baseline.sql'), 'utf8').replaceAll('{{lake}}', lakeDir.replaceAll("'", "''"));
const statements = sql
  .split(/;\s*\n/)
  .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
  .filter(Boolean);
rmSync(dbFile, { force: true });
const db = await openDb(dbFile, {
  threads: Number(process.env.CSW_DUCKDB_THREADS ?? 2),
  memoryLimit: process.env.CSW_DUCKDB_MEMORY_LIMIT || undefined,
});
const started = process.hrtime.bigint();
for (const statement of statements) await db.run(statement);
await db.run('checkpoint');
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const tables: Record<string, number> = {};
for (const row of await db.all<{ table_name: string; n: string }>(`select table_name, estimated_size::varchar as n from duckdb_tables() order by 1`)) {
  tables[row.table_name] = Number(row.n);
}
db.close();
rmSync(dbFile, { force: true });
rmSync(`${dbFile}.wal`, { force: true });
process.stdout.write(JSON.stringify({ seconds, tables }) + '\n');
