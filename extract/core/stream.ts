/**
 * The stream contract every connector implements.
 *
 * A source is a list of declared streams. Each stream names its primary key, its cursor field (for incremental
 * streams), how a load is written to the lake, and the zod schema its records must satisfy, and exposes an async
 * generator that yields raw records as the source API returns them. Paging, retries, validation, batching,
 * writing and state live in the shared core (`runner.ts`), never in a connector.
 */
import type { z } from 'zod';
import type { Logger } from './log.ts';

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
  read(ctx: ReadContext, state: StreamState | undefined): AsyncIterable<RawRecord>;
}

export interface SourceDefinition {
  /** Lake folder name: `data/lake/raw/<name>/<stream>/`. */
  name: string;
  description: string;
  streams: StreamDefinition[];
}

/** Identity helper that keeps a stream's schema type while checking it against the contract. */
export function defineStream<Schema extends z.ZodObject>(stream: StreamDefinition<Schema>): StreamDefinition<Schema> {
  return stream;
}
