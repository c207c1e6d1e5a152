/**
 * Runs a source's streams into the lake: validates every record against its stream's schema, batches valid
 * records into Parquet files, sends invalid ones to the source's `_quarantine` stream with the reason and the raw
 * payload, advances state only after the batch it covers is written, and records the load in the manifest.
 */
import type { z } from 'zod';
import type { Db } from './duckdb.ts';
import { lakeColumns, type LakeColumn } from './columns.ts';
import { LakeWriter, listStreamFiles, type BatchTarget } from './lake-writer.ts';
import { NdjsonBatch } from './ndjson-batch.ts';
import { LoadsManifest, newLoadId, type LoadRecord, type StreamLoadSummary } from './loads.ts';
import { StateStore } from './state.ts';
import type { Logger } from './log.ts';
import type { RawRecord, SourceDefinition, StreamDefinition, StreamState } from './stream.ts';
import { rmSync } from 'node:fs';

export const QUARANTINE_STREAM = '_quarantine';
export const QUARANTINE_COLUMNS: LakeColumn[] = [
  { name: 'stream', type: 'VARCHAR' },
  { name: 'reason', type: 'VARCHAR' },
  { name: 'payload', type: 'VARCHAR' },
];

export interface StreamProgress {
  source: string;
  stream: string;
  rows: number;
  quarantined: number;
}

export interface RunSourceOptions {
  db: Db;
  lakeDir: string;
  log: Logger;
  signal?: AbortSignal;
  /** Only these streams (default: all). */
  streams?: string[];
  /** Ignore stored state and replace what the lake holds for the selected streams. */
  fullRefresh?: boolean;
  /** Records per Parquet file. */
  batchSize?: number;
  loadId?: string;
  onProgress?: (progress: StreamProgress) => void;
}

/** One JSON line for the lake: declared fields as they came, undeclared ones gathered under `_extra`. */
export function toLakeLine(record: RawRecord, declared: ReadonlySet<string>): string {
  let extra: RawRecord | undefined;
  for (const key in record) {
    if (!declared.has(key)) (extra ??= {})[key] = record[key];
  }
  if (!extra) return JSON.stringify(record);
  const known: RawRecord = {};
  for (const key in record) if (declared.has(key)) known[key] = record[key];
  known._extra = extra;
  return JSON.stringify(known);
}

/** One readable sentence per failed field: `rating: Too big: expected number to be <=5`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ');
}

const PROGRESS_EVERY = 10_000;
/** A quarantine batch starts small: most batches quarantine nothing (it grows when they do). */
const QUARANTINE_BATCH_BYTES = 64 * 1024;

async function runStream(
  source: SourceDefinition,
  stream: StreamDefinition,
  loadId: string,
  writer: LakeWriter,
  stateStore: StateStore,
  options: RunSourceOptions,
): Promise<StreamLoadSummary> {
  const started = Date.now();
  const log = options.log.child({ source: source.name, stream: stream.name, load_id: loadId });
  const columns = lakeColumns(stream.schema);
  const declared = new Set(columns.map((c) => c.name));
  const target: BatchTarget = { source: source.name, stream: stream.name, loadId, columns };
  const quarantineTarget: BatchTarget = {
    source: source.name,
    stream: QUARANTINE_STREAM,
    loadId,
    columns: QUARANTINE_COLUMNS,
  };
  const batchSize = options.batchSize ?? 50_000;
  const replacing = stream.writeDisposition === 'replace' || options.fullRefresh === true;
  if (options.fullRefresh) stateStore.clear(source.name, stream.name);
  const state = stateStore.get(source.name, stream.name);

  let lines = new NdjsonBatch();
  let bad = new NdjsonBatch(QUARANTINE_BATCH_BYTES);
  const summary: StreamLoadSummary = { stream: stream.name, rows: 0, quarantined: 0, files: 0, duration_ms: 0 };

  // Batches are written while the next one is read and validated: DuckDB turns batch N into Parquet on its own
  // threads while JavaScript works on batch N+1. At most one write is in flight (memory stays at two batches),
  // and `settle` waits for it, so a checkpoint's state never runs ahead of the files.
  // Two batch buffers take turns: the one just written is reused for the batch after next. A fresh buffer for every
  // batch (tens of megabytes outside V8's heap) made V8 collect its whole heap each time, which in a process
  // holding the demo's simulated world cost a fifth of the demo extract's time (docs/benchmarks.md, sixth session).
  let inFlight: Promise<void> | undefined;
  let inFlightRows = 0;
  let inFlightBatch: NdjsonBatch | undefined;
  let spare: NdjsonBatch | undefined;
  const settle = async () => {
    const write = inFlight;
    inFlight = undefined;
    await write;
    spare = inFlightBatch ?? spare;
    inFlightBatch = undefined;
  };
  const startWrite = async () => {
    await settle();
    const good = lines;
    const quarantined = bad;
    // the next batch reuses the buffer written before, else starts a little above the size this one reached
    lines = spare?.reset() ?? new NdjsonBatch(Math.ceil(good.bytes().length * 1.25) || undefined);
    spare = undefined;
    bad = new NdjsonBatch(QUARANTINE_BATCH_BYTES);
    if (good.rows === 0 && quarantined.rows === 0) return;
    inFlightRows = good.rows;
    inFlightBatch = good;
    const write = (async () => {
      if (good.rows > 0) {
        await writer.writeBatch(target, good);
        summary.rows += good.rows;
        summary.files++;
        inFlightRows = 0;
      }
      if (quarantined.rows > 0) {
        await writer.writeBatch(quarantineTarget, quarantined);
        summary.quarantined += quarantined.rows;
      }
    })();
    write.catch(() => {}); // its error is raised where it is awaited (settle), not as an unhandled rejection
    inFlight = write;
  };
  const flush = async () => {
    await startWrite();
    await settle();
  };

  const ctx = {
    loadId,
    log,
    signal: options.signal ?? new AbortController().signal,
    async checkpoint(next: StreamState) {
      await flush();
      stateStore.set(source.name, stream.name, next);
    },
  };

  let seen = 0;
  /** Validates and stages one record; true when the batch is full. */
  const take = (record: RawRecord): boolean => {
    const parsed = stream.schema.safeParse(record);
    if (parsed.success) {
      lines.push(toLakeLine(record, declared));
    } else {
      const reason = describeIssues(parsed.error);
      bad.push(JSON.stringify({ stream: stream.name, reason, payload: JSON.stringify(record) }));
      log.warn(`quarantined a ${source.name}.${stream.name} record: ${reason}`, { reason });
    }
    if (++seen % PROGRESS_EVERY === 0) {
      options.onProgress?.({
        source: source.name,
        stream: stream.name,
        rows: summary.rows + inFlightRows + lines.rows,
        quarantined: summary.quarantined + bad.rows,
      });
    }
    return lines.rows >= batchSize;
  };
  try {
    for await (const item of stream.read(ctx, state)) {
      // a page (an array) is taken record by record without going back to the event loop between records
      if (!Array.isArray(item)) {
        if (take(item)) await startWrite();
      } else {
        for (const record of item) if (take(record)) await startWrite();
      }
    }
    // A read that stopped because the run was asked to stop is not a whole stream (a snapshot must not replace
    // the previous one with part of itself): it fails like any other interrupted read.
    if (ctx.signal.aborted) throw new Error(`${source.name}.${stream.name}: the run was asked to stop before the stream was read to its end`);
    await flush();
  } catch (error) {
    await settle().catch(() => {}); // let a write in flight finish before the failure is reported
    throw error;
  }

  const files = listStreamFiles(options.lakeDir, source.name, stream.name);
  if (replacing) {
    for (const file of files) if (file.loadId !== loadId) rmSync(file.path, { force: true });
  }
  if (!files.some((f) => f.loadId === loadId) && (replacing || files.length === 0)) {
    // Keep the stream readable (dbt globs it) even when this load and all before it brought no rows.
    await writer.writeEmpty(target);
  }
  summary.duration_ms = Date.now() - started;
  options.onProgress?.({ source: source.name, stream: stream.name, rows: summary.rows, quarantined: summary.quarantined });
  log.info(`${source.name}.${stream.name}: ${summary.rows} rows, ${summary.quarantined} quarantined`, {
    rows: summary.rows,
    quarantined: summary.quarantined,
    duration_ms: summary.duration_ms,
  });
  return summary;
}

/**
 * Extracts one source into the lake as one load. Throws (after recording the failed load) if a stream fails.
 * A source with a bulk path (`SourceDefinition.load`, the file exports) loads itself inside the same load.
 */
export async function runSource(source: SourceDefinition, options: RunSourceOptions): Promise<LoadRecord> {
  const loadId = options.loadId ?? newLoadId();
  const manifest = new LoadsManifest(options.lakeDir);
  const writer = new LakeWriter(options.db, options.lakeDir);
  const stateStore = new StateStore(options.lakeDir);
  const unknown = (options.streams ?? []).filter((name) => !source.streams.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `source ${source.name} has no stream ${unknown.join(', ')}; its streams are ${source.streams.map((s) => s.name).join(', ')}`,
    );
  }
  const selected = options.streams ? source.streams.filter((s) => options.streams!.includes(s.name)) : source.streams;
  const load: LoadRecord = {
    load_id: loadId,
    source: source.name,
    status: 'running',
    started_at: new Date().toISOString(),
    finished_at: null,
    streams: [],
    error: null,
  };
  manifest.write(load);
  try {
    if (source.load) {
      const result = await source.load({
        loadId,
        log: options.log.child({ source: source.name, load_id: loadId }),
        signal: options.signal ?? new AbortController().signal,
        db: options.db,
        lakeDir: options.lakeDir,
        writer,
        state: stateStore,
        streams: selected.map((s) => s.name),
        fullRefresh: options.fullRefresh === true,
        onProgress: options.onProgress,
      });
      load.streams.push(...result.streams);
      if (result.warnings.length > 0) load.warnings = result.warnings;
    } else {
      for (const stream of selected) {
        load.streams.push(await runStream(source, stream, loadId, writer, stateStore, options));
      }
    }
    load.status = 'completed';
  } catch (error) {
    load.status = 'failed';
    load.error = error instanceof Error ? error.message : String(error);
    throw error;
  } finally {
    load.finished_at = new Date().toISOString();
    manifest.write(load);
  }
  return load;
}
