/**
 * A pipeline run: holds the lock, runs the steps asked for in order, stops at the first failure, writes the run
 * record (`data/runs/<run_id>.json`) and the JSON-lines log (`logs/runs/<run_id>.jsonl`), and prints the summary.
 */
import { join } from 'node:path';
import type { Config } from '../../extract/core/config.ts';
import { UserError } from '../../extract/core/errors.ts';
import { writeJsonAtomic } from '../../extract/core/fs-atomic.ts';
import { newLoadId } from '../../extract/core/loads.ts';
import { createLogger, type Logger } from '../../extract/core/log.ts';
import { acquireLock } from './lock.ts';
import { Progress } from './progress.ts';
import { formatSummary } from './summary.ts';
import type { StepResult } from './steps/types.ts';

export type StepName = StepResult['step'];

export interface RunContext {
  config: Config;
  log: Logger;
  runId: string;
  progress: Progress;
}

export interface RunRecord {
  run_id: string;
  command: string;
  status: 'success' | 'failed';
  started_at: string;
  finished_at: string;
  duration_ms: number;
  steps: StepResult[];
  warnings: string[];
  quarantined: number;
  error: string | null;
}

export interface RunOptions {
  command: string;
  quiet?: boolean;
}

export interface PipelineStep {
  name: StepName;
  run: (ctx: RunContext) => Promise<StepResult>;
}

/** Runs `steps` under the lock. Returns the process exit code (0 only when every step succeeded). */
export async function runPipeline(
  config: Config,
  options: RunOptions,
  steps: PipelineStep[],
): Promise<number> {
  const runId = newLoadId();
  const log = createLogger(
    { file: join(config.logDir, 'runs', `${runId}.jsonl`), console: options.quiet ? 'warn' : config.logLevel === 'debug' ? 'debug' : 'warn' },
    { run_id: runId },
  );
  const lock = acquireLock(config.lockPath);
  if (lock.recoveredStale) log.warn('found the lock of a run that is no longer running and cleared it');
  const progress = new Progress(!options.quiet && process.stderr.isTTY === true);
  const started = new Date();
  const results: StepResult[] = [];
  let error: string | null = null;
  log.info(`${options.command} started`, { command: options.command, data_dir: config.dataDir });
  try {
    for (const step of steps) {
      if (!options.quiet) process.stderr.write(`▶ ${step.name} ...\n`);
      const t0 = Date.now();
      let result: StepResult;
      try {
        result = await step.run({ config, log: log.child({ step: step.name }), runId, progress });
      } catch (e) {
        progress.done();
        const message = e instanceof Error ? e.message : String(e);
        if (!(e instanceof UserError)) log.error(`${step.name} failed: ${message}`, { stack: e instanceof Error ? e.stack : undefined });
        result = { step: step.name, status: 'failed', duration_ms: Date.now() - t0, items: [], warnings: [], error: message };
      }
      results.push(result);
      if (result.status === 'failed') {
        error = `${step.name} failed: ${result.error ?? 'see the log'}`;
        break;
      }
    }
  } finally {
    lock.release();
  }
  const finished = new Date();
  const record: RunRecord = {
    run_id: runId,
    command: options.command,
    status: error ? 'failed' : 'success',
    started_at: started.toISOString(),
    finished_at: finished.toISOString(),
    duration_ms: finished.getTime() - started.getTime(),
    steps: results,
    warnings: results.flatMap((r) => r.warnings),
    quarantined: results.flatMap((r) => r.items).reduce((sum, item) => sum + (item.quarantined ?? 0), 0),
    error,
  };
  writeJsonAtomic(join(config.runsDir, `${runId}.json`), record);
  log.info(`${options.command} ${record.status}`, { status: record.status, duration_ms: record.duration_ms, error });
  process.stdout.write(formatSummary(record, { quiet: options.quiet, logFile: join(config.logDir, 'runs', `${runId}.jsonl`) }));
  return error ? 1 : 0;
}
