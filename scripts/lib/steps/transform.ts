/**
 * The transform step: `dbt build` (seeds, models, data tests, and unit tests when the build is a full one), in dependency order. dbt's own
 * progress lines go to the terminal and the log; the result lists each model with its status and, for tables,
 * its row count, and fails with dbt's failing nodes named.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Config } from '../../../extract/core/config.ts';
import { openDb, sqlIdentifier } from '../../../extract/core/duckdb.ts';
import type { Logger } from '../../../extract/core/log.ts';
import { readManifestModels, readRunResults, runDbt, type DbtNodeResult } from '../dbt.ts';
import { Progress } from '../progress.ts';
import { decideBuild, lakeHighWaterMark, lakeLoadIds, projectFingerprint, readTransformState, writeTransformState } from '../transform-state.ts';
import type { StepItem, StepResult } from './types.ts';

export interface TransformOptions {
  /** Extra arguments for `dbt build` (e.g. `--select marts`). */
  dbtArgs?: string[];
  progress?: Progress;
  /** Echo dbt's output lines to stderr (for `npm run transform` on a terminal). */
  echo?: boolean;
  /** Rebuild every incremental model from the whole lake (also done when the project changed, see transform-state.ts). */
  fullRefresh?: boolean;
}

/** dbt arguments that build only part of the project: such a build must not advance the incremental state. */
const SELECTING_ARGS = new Set(['--select', '-s', '--models', '-m', '--exclude', '--selector', '--resource-type', '--resource-types']);

/**
 * What an incremental build leaves out: dbt's unit tests (they check the models' logic), the seeds, the models built
 * from seeds alone (tag `built_from_seeds`: the calendar, the business clock, the daily currency rates and the
 * dimensions that are a seed's rows), and the data tests whose every parent is one of these (a seed's or a calendar
 * day's unique and not-null tests). All change only with the project, which forces a full build, so they ran and
 * passed in the last complete build (the state advances only after one), whose tables stay as it built them. Tests
 * between a model and one of them (a relationships test of a fact's market or channel, say) look at the model's rows
 * and still run: `cautious` leaves out only the tests whose every parent is left out. The on-run-end hook counts
 * such a build as whole (macros/incremental/incremental_writes.sql, which names these exclusions too), and
 * tests/e2e/sources.test.ts checks that every model tagged so is built from seeds and tagged models alone.
 */
const NIGHT_EXCLUSIONS = [
  '--exclude-resource-type',
  'unit_test',
  '--exclude',
  'resource_type:seed',
  'tag:built_from_seeds',
  '--indirect-selection',
  'cautious',
];
/** The same for a build of a selection (`npm run transform -- --select ...`), whose tests dbt picks as usual. */
const PARTIAL_NIGHT_EXCLUSIONS = ['--exclude-resource-type', 'unit_test', '--exclude-resource-type', 'seed'];

/** Full refresh or incremental, and why (decideBuild), with the fingerprint and watermark to record after it. */
async function buildMode(config: Config, options: TransformOptions): Promise<ReturnType<typeof decideBuild> & { fingerprint: string; watermark: string }> {
  const fingerprint = projectFingerprint(config);
  const watermark = lakeHighWaterMark(config) ?? '';
  const asked = options.fullRefresh === true || (options.dbtArgs ?? []).includes('--full-refresh');
  const decision = decideBuild({ asked, state: await readTransformState(config), fingerprint, loads: lakeLoadIds(config) });
  return { ...decision, fingerprint, watermark };
}

async function tableRowCounts(config: Config): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const tables = readManifestModels(config.dbtTargetDir).filter((m) => m.materialized === 'table' || m.materialized === 'incremental');
  if (tables.length === 0) return counts;
  const db = await openDb(config.warehousePath, { readOnly: true });
  try {
    const sql = tables
      .map((t) => `select '${t.name}' as name, count(*) as n from ${sqlIdentifier(t.schema)}.${sqlIdentifier(t.name)}`)
      .join(' union all ');
    for (const row of await db.all<{ name: string; n: string }>(sql)) counts.set(row.name, Number(row.n));
  } finally {
    db.close();
  }
  return counts;
}

export async function transformStep(config: Config, log: Logger, options: TransformOptions = {}): Promise<StepResult> {
  const started = Date.now();
  const progress = options.progress ?? new Progress(false);
  const dbtLog = log.child({ step: 'transform' });
  // A failure before any node runs (a YAML or Jinja error) writes no run results: never read the last run's.
  rmSync(join(config.dbtTargetDir, 'run_results.json'), { force: true });
  // dbt's own words for such a failure: the lines from "Encountered an error" on (without colour codes).
  const errorLines: string[] = [];
  // DuckDB's words for a full disk, in any line dbt printed (the run results may be missing or cut short then).
  let sawDiskFull = false;
  const mode = await buildMode(config, options);
  const dbtArgs = options.dbtArgs ?? [];
  const partial = dbtArgs.some((a) => SELECTING_ARGS.has(a.split('=')[0]!));
  log.info(`transform: ${mode.reason}`, { step: 'transform', full_refresh: mode.fullRefresh, watermark_load_id: mode.watermark });
  const args = [
    ...(mode.parseInFull ? ['--no-partial-parse'] : []),
    'build',
    ...(mode.fullRefresh ? (dbtArgs.includes('--full-refresh') ? [] : ['--full-refresh']) : partial ? PARTIAL_NIGHT_EXCLUSIONS : NIGHT_EXCLUSIONS),
    ...dbtArgs,
  ];
  const code = await runDbt(config, args, {
    onLine: (line) => {
      dbtLog.debug(line);
      const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
      if (/No space left on device/i.test(plain)) sawDiskFull = true;
      if (errorLines.length > 0 || /Encountered an error/.test(plain)) {
        if (errorLines.length < 12 && plain.trim() !== '' && !/^\s*-{5,}\s*$/.test(plain)) errorLines.push(plain.replace(/^\d\d:\d\d:\d\d(\.\d+)?\s+(\[error\]\s+\[\w+\]:\s*)?/, '').trim());
      }
      if (options.echo) process.stderr.write(line + '\n');
      else if (/\d+ of \d+ (START|OK|PASS|ERROR|FAIL|WARN)/.test(line)) progress.update(`transform: ${line.replace(/^\S+\s+/, '')}`);
    },
  });
  progress.done();
  const result: StepResult = { step: 'transform', status: code === 0 ? 'success' : 'failed', duration_ms: 0, items: [], warnings: [], detail: mode.reason };
  let nodes: ReturnType<typeof readRunResults> = [];
  try {
    nodes = readRunResults(config.dbtTargetDir);
  } catch {
    result.error =
      errorLines.length > 0
        ? `dbt stopped before running any node: ${errorLines.join(' ').replace(/^Encountered an error:\s*/, '')}`
        : `dbt exited with code ${code} before running any node (see logs/dbt/dbt.log)`;
  }
  const counts = code === 0 ? await tableRowCounts(config) : new Map<string, number>();
  for (const node of nodes) {
    const [kind, , name] = node.unique_id.split('.');
    if (kind === 'model' || kind === 'seed') {
      const item: StepItem = {
        name: name!,
        rows: counts.get(name!) ?? null,
        status: node.status,
        duration_ms: Math.round(node.execution_time * 1000),
      };
      result.items.push(item);
    }
    if (node.status === 'warn') result.warnings.push(`dbt ${node.unique_id}: ${node.message ?? 'warning'}`);
  }
  const failed = nodes.filter((n) => n.status === 'error' || n.status === 'fail');
  if (code !== 0) {
    result.error ??= failed.length > 0 ? failureMessage(failed) : `dbt build exited with code ${code} (see logs/dbt/dbt.log)`;
    // DuckDB's words for it, wherever it struck (a node, or the checkpoint before any node ran)
    const diskFull = sawDiskFull || [result.error, ...failed.map((n) => n.message ?? '')].some((m) => /No space left on device/i.test(m));
    if (diskFull) result.error = `the disk is full: ${result.error}`;
  }
  // The next build starts from here: only after a complete build of the whole project.
  if (code === 0 && !partial) await writeTransformState(config, { watermark_load_id: mode.watermark, project_fingerprint: mode.fingerprint });
  const tests = nodes.filter((n) => n.unique_id.startsWith('test.') || n.unique_id.startsWith('unit_test.'));
  log.info(`dbt build: ${result.items.length} models/seeds, ${tests.length} tests, ${failed.length} failed`, {
    step: 'transform',
    exit_code: code,
  });
  result.duration_ms = Date.now() - started;
  return result;
}

/**
 * One sentence for a failed build: the first failed nodes with their cause (dbt's message is "Runtime Error in
 * model x (path)" and, on the next line, the database's reason), then how many more.
 */
function failureMessage(failed: DbtNodeResult[]): string {
  const describe = (node: DbtNodeResult) => {
    const [first = '', ...cause] = (node.message ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
    return `${node.unique_id} (${node.status}: ${cause.length > 0 ? cause.join(' ') : first})`;
  };
  const shown = failed.slice(0, 3).map(describe).join('; ');
  const more = failed.length > 3 ? `; and ${failed.length - 3} more (see logs/dbt/dbt.log)` : '';
  return `dbt build failed: ${shown}${more}`;
}
