/**
 * A pipeline run: holds the lock, runs the steps asked for in order, stops at the first failure, writes the run
 * record (`data/runs/<run_id>.json`) and the JSON-lines log (`logs/runs/<run_id>.jsonl`), and prints the summary.
 *
 * The run record is written when the run starts (status `running`), again after each step, and last with the
 * outcome, so the run history (dbt source `pipeline.runs`, marts `pipeline_runs` and `pipeline_stream_freshness`)
 * includes the run that is building the warehouse, as far as it got. A record still `running` when the next run
 * takes the lock belongs to a run that died (killed, machine down): it is marked `interrupted`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../extract/core/config.ts';
import { UserError } from '../../extract/core/errors.ts';
import { ensureWritableDir, fileErrorReason, writeJsonAtomic } from '../../extract/core/fs-atomic.ts';
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
  status: 'running' | 'success' | 'failed' | 'interrupted';
  started_at: string;
  /** Null while running (and for an interrupted run). */
  finished_at: string | null;
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
  ensureWritableDir(config.dataDir, 'CSW_DATA_DIR');
  ensureWritableDir(config.logDir, 'CSW_LOG_DIR');
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
  const record = (status: RunRecord['status'], finished: Date | null): RunRecord => ({
    run_id: runId,
    command: options.command,
    status,
    started_at: started.toISOString(),
    finished_at: finished?.toISOString() ?? null,
    duration_ms: (finished ?? new Date()).getTime() - started.getTime(),
    steps: results,
    warnings: results.flatMap((r) => r.warnings),
    quarantined: results.flatMap((r) => r.items).reduce((sum, item) => sum + (item.quarantined ?? 0), 0),
    error,
  });
  const recordPath = join(config.runsDir, `${runId}.json`);
  /** Writes the run record; a failure (the disk filled up) comes back as the run's error instead of ending it unreported. */
  const save = (run: RunRecord): string | null => {
    try {
      writeJsonAtomic(recordPath, run);
      return null;
    } catch (e) {
      return `could not write the run record ${recordPath} (${fileErrorReason(e) ?? (e instanceof Error ? e.message : String(e))})`;
    }
  };
  log.info(`${options.command} started`, { command: options.command, data_dir: config.dataDir });
  try {
    for (const dead of markInterruptedRuns(config.runsDir)) log.warn(`run ${dead} did not finish (killed or stopped); marked interrupted in the run history`);
    error = save(record('running', null));
    for (const step of error ? [] : steps) {
      if (!options.quiet) process.stderr.write(`▶ ${step.name} ...\n`);
      const t0 = Date.now();
      let result: StepResult;
      try {
        result = await step.run({ config, log: log.child({ step: step.name }), runId, progress });
      } catch (e) {
        progress.done();
        const message = e instanceof Error ? e.message : String(e);
        const reason = fileErrorReason(e);
        if (!(e instanceof UserError) && !reason) log.error(`${step.name} failed: ${message}`, { stack: e instanceof Error ? e.stack : undefined });
        result = { step: step.name, status: 'failed', duration_ms: Date.now() - t0, items: [], warnings: [], error: reason ? `${reason}: ${message}` : message };
      }
      results.push(result);
      const unsaved = save(record('running', null));
      if (result.status === 'failed') {
        error = `${step.name} failed: ${result.error ?? 'see the log'}`;
        break;
      }
      if (unsaved) {
        // the next step would write to the same disk: stop here, nothing further is published
        error = `${step.name} finished, but ${unsaved}`;
        break;
      }
    }
  } catch (e) {
    error = `${options.command} failed: ${fileErrorReason(e) ? `${fileErrorReason(e)}: ` : ''}${e instanceof Error ? e.message : String(e)}`;
  } finally {
    lock.release();
  }
  const final = record(error ? 'failed' : 'success', new Date());
  const unsaved = save(final);
  log.info(`${options.command} ${final.status}`, { status: final.status, duration_ms: final.duration_ms, error });
  process.stdout.write(formatSummary(final, { quiet: options.quiet, logFile: join(config.logDir, 'runs', `${runId}.jsonl`) }));
  if (unsaved) process.stderr.write(`WARN: ${unsaved}; the next run marks this one interrupted\n`);
  return error ? 1 : 0;
}

/**
 * Marks every run record still `running` as `interrupted` and returns their run ids. Only called under the lock,
 * when no other run can be alive, so such a record is a dead run's.
 */
function markInterruptedRuns(runsDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(runsDir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const marked: string[] = [];
  for (const name of names) {
    const path = join(runsDir, name);
    let run: RunRecord;
    try {
      run = JSON.parse(readFileSync(path, 'utf8')) as RunRecord;
    } catch {
      continue; // not a run record (written atomically, so never half a record)
    }
    if (run.status !== 'running') continue;
    writeJsonAtomic(path, { ...run, status: 'interrupted', error: run.error ?? 'the run stopped before it finished (killed, or the machine went down)' });
    marked.push(run.run_id);
  }
  return marked;
}
