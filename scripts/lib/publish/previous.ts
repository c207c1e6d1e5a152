/**
 * What the publish step can reuse from the previous publication, so a quiet night does not copy every table again.
 *
 * Each published table's manifest entry records a checksum of its contents: the row count and the sum of the
 * rows' hashes (DuckDB `hash` of the whole row; a sum, so duplicate rows do not cancel out as with xor), with the
 * column names and types. A table whose warehouse checksum equals the previous one is kept as it is (the previous
 * database file is the starting point, the previous Parquet and CSV files are linked). A table kept incrementally
 * by key in the warehouse (dbt meta `incremental_key`, `changed_keys_model`) is patched: the rows of the keys the
 * last build changed are deleted and inserted again, and the result must have the warehouse's checksum, or the
 * table is copied whole after all (e.g. after a transform that was never published).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../extract/core/duckdb.ts';

export interface TableChecksum {
  rows: number;
  /** Sum of the rows' hashes, as a decimal string. */
  hash: string;
  /** `name type` of every column, in order. */
  columns: string[];
}

export interface PreviousTable {
  checksum: TableChecksum;
  files: { parquet: string; csv: string };
  /** The table and column descriptions it was published with (commentsOf), to skip unchanged comments. */
  comments: string;
}

/** A table's descriptions, as compared between publications. */
export const commentsOf = (description: string, columns: { name: string; description: string }[]) =>
  JSON.stringify([description, columns.map((c) => [c.name, c.description])]);

/**
 * The tables of the previous publication in `publishedDir` that carry a checksum, by name; empty when there is no
 * previous publication (or one from before checksums), so every table is copied.
 */
export function previousTables(publishedDir: string, database: string): Map<string, PreviousTable> {
  const manifestPath = join(publishedDir, 'manifest.json');
  if (!existsSync(manifestPath) || !existsSync(join(publishedDir, database))) return new Map();
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      tables?: { table: string; description: string; columns: { name: string; description: string }[]; checksum?: TableChecksum; files: PreviousTable['files'] }[];
    };
    return new Map(
      (manifest.tables ?? [])
        .filter((t) => t.checksum && existsSync(join(publishedDir, t.files.parquet)) && existsSync(join(publishedDir, t.files.csv)))
        .map((t) => [t.table, { checksum: t.checksum!, files: t.files, comments: commentsOf(t.description, t.columns) }]),
    );
  } catch {
    return new Map(); // an unreadable manifest: publish everything afresh
  }
}

/** The checksum of a table (`catalog.schema.table`, quoted), computed by DuckDB in one pass. */
export async function tableChecksum(db: Db, table: string, catalog: string, schema: string, name: string): Promise<TableChecksum> {
  const [row] = await db.all<{ n: string; h: string }>(
    `select count(*)::varchar as n, coalesce(sum(hash(published_row)::hugeint), 0)::varchar as h from ${table} as published_row`,
  );
  const columns = await db.all<{ column_name: string; data_type: string }>(
    `select column_name, data_type from duckdb_columns() where database_name = $catalog and schema_name = $schema and table_name = $name order by column_index`,
    { catalog, schema, name },
  );
  return { rows: Number(row!.n), hash: row!.h, columns: columns.map((c) => `${c.column_name} ${c.data_type}`) };
}

/** Same column names and types, in the same order (a table can then be patched row by row). */
export const sameColumns = (a: TableChecksum, b: TableChecksum) => a.columns.join(',') === b.columns.join(',');

export const sameChecksum = (a: TableChecksum, b: TableChecksum) => a.rows === b.rows && a.hash === b.hash && sameColumns(a, b);
