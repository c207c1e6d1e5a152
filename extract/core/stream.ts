/**
 * The stream contract every connector implements.
 *
 * A source is a list of declared streams. Each stream names its primary key, its cursor field (for incremental
 * streams), how a load is written to the lake, and the zod schema its records must satisfy, and exposes an async
 * generator that yields raw records as the source API returns them, one at a time or a page (an array) at a time.
 * Paging, retries, validation, batching, writing and state live in the shared core (`runner.ts`), never in a
 * connector.
 */
import type { z } from 'zod';
import type { Db } from './duckdb.ts';
import type { LakeWriter } from './lake-writer.ts';
import type { StreamLoadSummary } from './loads.ts';
import type { Logger } from './log.ts';
import type { StateStore } from './state.ts';

/**
 * - `replace`: every load is a complete snapshot; once a load of the stream finishes, older loads are removed.
 * - `merge`: loads carry new and changed records; the newest version of each primary key wins (in staging).
 * - `append`: immutable events; every record is kept once per primary key.
 */
export type WriteDisposition = 'replace' | 'merge' | 'append';

/** Opaque per-stream state a connector stores between runs (for example `{ cursor: "..." }`). */
export type StreamState = Record<string, unknown>;

export type RawRecord = Record<string, unknown>;

export interface ReadContext {
  /** Id of this load (also written to every row as `_load_id`). */
  loadId: string;
  log: Logger;
  /** Aborted when the run is asked to stop; long reads should pass it to fetch and stop early. */
  signal: AbortSignal;
  /**
   * Persist state after the records yielded so far are durably written. A connector calls this between pages:
   * the core writes the pending batch first, then stores the state, so state never runs ahead of the lake.
   */
  checkpoint(state: StreamState): Promise<void>;
}

export interface StreamDefinition<Schema extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  primaryKey: string[];
  /** Field whose value orders versions of a record and drives incremental reads; absent for snapshots. */
  cursorField?: string;
  writeDisposition: WriteDisposition;
  /** Validates each record. Declared fields become typed Parquet columns; unknown fields are kept in `_extra`. */
  schema: Schema;
  /** Records one at a time, or a page at a time (an array: no trip through the event loop per record). */
  read(ctx: ReadContext, state: StreamState | undefined): AsyncIterable<RawRecord | RawRecord[]>;
}

export interface SourceDefinition {
  /** Lake folder name: `data/lake/raw/<name>/<stream>/`. */
  name: string;
  description: string;
  streams: StreamDefinition[];
  /**
   * The bulk path, for sources whose data is already in files DuckDB reads faster than JavaScript could (file
   * exports). When present, the runner calls it instead of reading the streams record by record: the source moves
   * its rows with SQL (`LakeWriter.writeQuery`), under the same lake layout, load id and loads manifest, and is
   * itself responsible for typing rows, quarantining bad ones (with the reason) and advancing its state only after
   * the rows it covers are written. Its `streams` then only declare what it lands (name, key, schema): their
   * `read` is never called.
   */
  load?(ctx: BulkLoadContext): Promise<BulkLoadResult>;
}

export interface BulkLoadContext {
  loadId: string;
  log: Logger;
  signal: AbortSignal;
  db: Db;
  lakeDir: string;
  writer: LakeWriter;
  state: StateStore;
  /** The streams to load (all, or those asked for with --stream). */
  streams: string[];
  /** Ignore stored state. */
  fullRefresh: boolean;
  onProgress?: (progress: { source: string; stream: string; rows: number; quarantined: number }) => void;
}

export interface BulkLoadResult {
  streams: StreamLoadSummary[];
  /** Sentences for the run summary (e.g. a file that could not be read at all). */
  warnings: string[];
}

/** Identity helper that keeps a stream's schema type while checking it against the contract. */
export function defineStream<Schema extends z.ZodObject>(stream: StreamDefinition<Schema>): StreamDefinition<Schema> {
  return stream;
}
