/** The extract step: runs each configured source into the lake (see extract/core/runner.ts). */
import type { Config } from '../../../extract/core/config.ts';
import { openDb } from '../../../extract/core/duckdb.ts';
import { removeDebris } from '../../../extract/core/lake-writer.ts';
import type { Logger } from '../../../extract/core/log.ts';
import { runSource } from '../../../extract/core/runner.ts';
import { createSource } from '../../../extract/sources/index.ts';
import { Progress } from '../progress.ts';
import type { StepResult } from './types.ts';

export interface ExtractOptions {
  sources?: string[];
  streams?: string[];
  fullRefresh?: boolean;
  progress?: Progress;
}

export async function extractStep(config: Config, log: Logger, options: ExtractOptions = {}): Promise<StepResult> {
  const started = Date.now();
  const result: StepResult = { step: 'extract', status: 'success', duration_ms: 0, items: [], warnings: [] };
  const progress = options.progress ?? new Progress(false);
  const sources = (options.sources ?? config.sources).map((name) => createSource(name, config));
  const debris = removeDebris(config.lakeDir);
  if (debris > 0) log.warn(`removed ${debris} unfinished file(s) left in the lake by an interrupted run`);
  const db = await openDb(':memory:', { memoryLimit: config.duckdbMemoryLimit, threads: config.duckdbThreads });
  try {
    for (const source of sources) {
      const load = await runSource(source, {
        db,
        lakeDir: config.lakeDir,
        log,
        streams: options.streams,
        fullRefresh: options.fullRefresh,
        batchSize: config.batchSize,
        onProgress: (p) => progress.update(`extract ${p.source}.${p.stream}: ${p.rows.toLocaleString('en')} rows`),
      });
      for (const warning of load.warnings ?? []) result.warnings.push(`${source.name}: ${warning}`);
      for (const stream of load.streams) {
        result.items.push({
          name: `${source.name}.${stream.stream}`,
          rows: stream.rows,
          quarantined: stream.quarantined,
          duration_ms: stream.duration_ms,
        });
        if (stream.quarantined > 0) {
          result.warnings.push(
            `${stream.quarantined} ${source.name}.${stream.stream} record(s) failed validation and were quarantined (lake/raw/${source.name}/_quarantine)`,
          );
        }
      }
    }
  } finally {
    progress.done();
    db.close();
  }
  result.duration_ms = Date.now() - started;
  return result;
}
