/**
 * The lake writer: turns a batch of JSON records into one Parquet file under
 * `<lake>/raw/<source>/<stream>/<YYYY-MM-DD>/<load_id>-<seq>.parquet`, with `_load_id`, `_extracted_at` and
 * `_extra` (fields the schema does not declare) on every row.
 *
 * The records go to DuckDB as newline-delimited JSON and DuckDB writes the Parquet (no row-by-row appends from
 * JavaScript). The Parquet is written under a temporary name and renamed into place once complete and synced, so
 * a reader (dbt's `read_parquet` glob) never sees a partial file, and a killed run leaves only `.tmp` debris that
 * the next run removes.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './duckdb.ts';
import { sqlIdentifier, sqlLiteral } from './duckdb.ts';
import { commitFile } from './fs-atomic.ts';
import { METADATA_COLUMNS, type LakeColumn } from './columns.ts';
import type { NdjsonBatch } from './ndjson-batch.ts';

export interface BatchTarget {
  source: string;
  stream: string;
  loadId: string;
  /** Declared columns of the stream (without metadata columns). */
  columns: LakeColumn[];
}

export interface WrittenFile {
  path: string;
  rows: number;
}

export function streamDir(lakeDir: string, source: string, stream: string): string {
  return join(lakeDir, 'raw', source, stream);
}

function structSpec(columns: LakeColumn[]): string {
  return `{${columns.map((c) => `${sqlLiteral(c.name)}: ${sqlLiteral(c.type)}`).join(', ')}}`;
}

export class LakeWriter {
  private seq = new Map<string, number>();

  constructor(
    private readonly db: Db,
    readonly lakeDir: string,
  ) {}

  private nextFile(target: BatchTarget, extractedAt: Date): { temp: string; final: string } {
    const key = `${target.source}/${target.stream}`;
    const seq = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, seq);
    const dir = join(streamDir(this.lakeDir, target.source, target.stream), extractedAt.toISOString().slice(0, 10));
    mkdirSync(dir, { recursive: true });
    const final = join(dir, `${target.loadId}-${String(seq).padStart(5, '0')}.parquet`);
    return { temp: `${final}.tmp`, final };
  }

  /**
   * Writes a batch of JSON lines (one object per line, each already validated, with unknown fields under
   * `_extra`) as one Parquet file. Returns once the file is in its final place and synced to disk.
   */
  async writeBatch(target: BatchTarget, batch: NdjsonBatch): Promise<WrittenFile> {
    const extractedAt = new Date();
    const { temp, final } = this.nextFile(target, extractedAt);
    const tmpDir = join(this.lakeDir, '_tmp');
    mkdirSync(tmpDir, { recursive: true });
    const ndjson = join(tmpDir, `${target.loadId}-${target.source}-${target.stream}.ndjson`);
    writeFileSync(ndjson, batch.bytes());
    const declared = [...target.columns, METADATA_COLUMNS[0]!];
    const select = [
      ...declared.map((c) => sqlIdentifier(c.name)),
      `${sqlLiteral(target.loadId)} as _load_id`,
      `${sqlLiteral(extractedAt.toISOString())}::timestamptz at time zone 'UTC' as _extracted_at`,
    ].join(', ');
    try {
      await this.db.run(
        `copy (select ${select} from read_json(${sqlLiteral(ndjson)}, format = 'newline_delimited', ` +
          `columns = ${structSpec(declared)}, maximum_object_size = 134217728)) ` +
          `to ${sqlLiteral(temp)} (format parquet, compression zstd)`,
      );
      commitFile(temp, final);
    } finally {
      rmSync(ndjson, { force: true });
      rmSync(temp, { force: true });
    }
    return { path: final, rows: batch.rows };
  }

  /**
   * The bulk path: writes the rows of a DuckDB query as one Parquet file of the stream (same folder, name and
   * atomic commit as `writeBatch`), adding `_load_id` and `_extracted_at`. The query decides the other columns
   * (a bulk source types its rows in SQL). `target.columns` is not used.
   */
  async writeQuery(target: Omit<BatchTarget, 'columns'>, query: string): Promise<string> {
    const extractedAt = new Date();
    const { temp, final } = this.nextFile({ ...target, columns: [] }, extractedAt);
    try {
      await this.db.run(
        `copy (select q.*, ${sqlLiteral(target.loadId)} as _load_id, ` +
          `${sqlLiteral(extractedAt.toISOString())}::timestamptz at time zone 'UTC' as _extracted_at from (${query}) as q) ` +
          `to ${sqlLiteral(temp)} (format parquet, compression zstd)`,
      );
      commitFile(temp, final);
    } finally {
      rmSync(temp, { force: true });
    }
    return final;
  }

  /** Writes a zero-row file with the stream's columns, so the stream is readable before it has any data. */
  async writeEmpty(target: BatchTarget): Promise<WrittenFile> {
    const { temp, final } = this.nextFile(target, new Date());
    const select = [...target.columns, ...METADATA_COLUMNS]
      .map((c) => `cast(null as ${c.type}) as ${sqlIdentifier(c.name)}`)
      .join(', ');
    await this.db.run(`copy (select ${select} where false) to ${sqlLiteral(temp)} (format parquet)`);
    commitFile(temp, final);
    return { path: final, rows: 0 };
  }
}

/** Parquet files of a stream, oldest first, with their load id. */
export function listStreamFiles(lakeDir: string, source: string, stream: string): { path: string; loadId: string }[] {
  const root = streamDir(lakeDir, source, stream);
  const out: { path: string; loadId: string }[] = [];
  let partitions: string[];
  try {
    partitions = readdirSync(root);
  } catch {
    return out;
  }
  for (const partition of partitions.sort()) {
    const dir = join(root, partition);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.parquet')) continue;
      out.push({ path: join(dir, file), loadId: file.replace(/-\d{5}\.parquet$/, '') });
    }
  }
  return out;
}

/** Removes `.tmp` debris and staged NDJSON left by a run that was killed. Call only while holding the run lock. */
export function removeDebris(lakeDir: string): number {
  let removed = 0;
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.tmp') || dir.endsWith('_tmp')) {
        rmSync(path, { force: true });
        removed++;
      }
    }
  };
  walk(lakeDir);
  return removed;
}
