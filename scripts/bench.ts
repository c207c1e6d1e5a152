/**
 * `npm run bench -- --scale <conversations>`: the pipeline's benchmark on the demo at a given scale, in its own
 * data folder (`<CSW_DATA_DIR>/bench/scale-<n>`, or --dir). Phases, each its own process, measured for wall time,
 * rows per second and the peak resident memory of its whole process tree:
 *
 * - extract: the demo simulator landing the lake (`npm run extract`); skipped with --reuse-lake when the folder
 *   already holds a lake of that scale, days and seed;
 * - transform: `npm run transform -- --full-refresh` (dbt build: models, data tests, unit tests);
 * - publish: `npm run publish` from scratch (the published DuckDB file, Parquet, CSV, dictionary, connection files);
 * - a quiet night: a new load landing again 1% of the conversations and orders (--night-fraction), the most
 *   recently updated ones a day later as a real night's export, or picked evenly across the history with
 *   --night-spread uniform (see lib/bench/night.ts), then `npm run transform` (incremental) and `npm run publish`
 *   again; --skip-night;
 * - baseline: bare DuckDB doing the same reading of the lake and the core aggregations in plain SQL
 *   (scripts/lib/bench/baseline.sql), for the transform's overhead as a ratio measured in the same run;
 * - extract core: N synthetic ticket comments through the real runner (JSON records to Parquet), for its
 *   records-per-second (scripts/lib/bench/extract-core.ts; --core-records, default 1,000,000).
 *
 * Prints a table and the targets of docs/benchmarks.md, and writes the figures as JSON next to the data
 * (`<dir>/results/<timestamp>.json`). Options: --scale (required), --days, --seed, --dir, --reuse-lake,
 * --core-records, --skip-core, --night-fraction, --night-spread, --skip-night.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../extract/core/config.ts';
import { UserError } from '../extract/core/errors.ts';
import { measure, type PhaseMeasure } from './lib/bench/measure.ts';
import { landNight, NIGHT_SPREADS, type NightSpread } from './lib/bench/night.ts';
import { main, parseArgs } from './lib/cli.ts';
import type { RunRecord } from './lib/run.ts';

const GIB = 1024 ** 3;
const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

interface PhaseResult {
  phase: string;
  wall_s: number;
  rows: number;
  rows_per_s: number;
  peak_rss_gib: number;
  note?: string;
}

const intFlag = (value: string | true | undefined, name: string, fallback?: number): number => {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = typeof value === 'string' ? Number(value.replaceAll('_', '')) : NaN;
  if (!Number.isInteger(n) || n <= 0) throw new UserError(`--${name} needs a positive whole number`);
  return n;
};

/** The run record a pipeline command just wrote (the newest in the folder). */
function latestRun(runsDir: string): RunRecord {
  const newest = readdirSync(runsDir).filter((n) => n.endsWith('.json')).sort().at(-1);
  if (!newest) throw new Error(`no run record in ${runsDir}`);
  return JSON.parse(readFileSync(join(runsDir, newest), 'utf8')) as RunRecord;
}

const stepRows = (run: RunRecord) => run.steps.flatMap((s) => s.items).reduce((sum, item) => sum + (item.rows ?? 0), 0);

function check(phase: string, m: PhaseMeasure): void {
  if (m.exit_code !== 0) throw new Error(`${phase} failed (exit ${m.exit_code}):\n${m.stdout}\n${m.stderr}`);
}

await main(async () => {
  const flags = parseArgs(process.argv.slice(2), {
    scale: 'value',
    days: 'value',
    seed: 'value',
    dir: 'value',
    'reuse-lake': 'switch',
    'core-records': 'value',
    'skip-core': 'switch',
    'night-fraction': 'value',
    'night-spread': 'value',
    'skip-night': 'switch',
  });
  if (flags.scale === undefined) throw new UserError('give the demo scale: npm run bench -- --scale <conversations>, e.g. --scale 1000000');
  const config = loadConfig();
  const scale = intFlag(flags.scale, 'scale');
  const days = intFlag(flags.days, 'days', config.demo.days);
  const seed = intFlag(flags.seed, 'seed', config.demo.seed);
  const coreRecords = intFlag(flags['core-records'], 'core-records', 1_000_000);
  const nightFraction = flags['night-fraction'] === undefined ? 0.01 : Number(flags['night-fraction']);
  if (!(nightFraction > 0 && nightFraction <= 1)) throw new UserError('--night-fraction needs a number above 0 and at most 1, e.g. 0.01');
  const nightSpread = (flags['night-spread'] ?? 'recent') as NightSpread;
  if (!NIGHT_SPREADS.includes(nightSpread)) throw new UserError(`--night-spread is one of ${NIGHT_SPREADS.join(', ')}, not '${String(flags['night-spread'])}'`);
  const dir = typeof flags.dir === 'string' ? flags.dir : join(config.dataDir, 'bench', `scale-${scale}`);
  const dataDir = join(dir, 'data');
  const env: NodeJS.ProcessEnv = {
    CSW_DATA_DIR: dataDir,
    CSW_LOG_DIR: join(dir, 'logs'),
    CSW_SOURCES: 'demo',
    CSW_DEMO_SCALE: String(scale),
    CSW_DEMO_DAYS: String(days),
    CSW_DEMO_SEED: String(seed),
    // the same DuckDB settings for dbt (through dbtEnv) and for the baseline
    CSW_DUCKDB_THREADS: String(config.duckdbThreads),
    CSW_DUCKDB_MEMORY_LIMIT: config.duckdbMemoryLimit,
    // The simulator holds the demo world in memory: give Node room at large scales (the run's own figure).
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${Math.max(4096, Math.ceil(scale / 1000) * 20)}`.trim(),
  };
  const runsDir = join(dataDir, 'runs');
  const lakeMarker = join(dir, 'lake.json');
  const lakeSpec = JSON.stringify({ scale, days, seed });
  const results: PhaseResult[] = [];
  const say = (line: string) => process.stderr.write(line + '\n');
  const phase = (name: string, m: PhaseMeasure, rows: number, note?: string): PhaseResult => {
    const result = { phase: name, wall_s: m.wall_s, rows, rows_per_s: rows / m.wall_s, peak_rss_gib: m.peak_rss_bytes / GIB, note };
    say(`  ${name}: ${m.wall_s.toFixed(1)} s, ${rows.toLocaleString('en')} rows, peak ${result.peak_rss_gib.toFixed(2)} GiB`);
    results.push(result);
    return result;
  };
  mkdirSync(dir, { recursive: true });
  say(`bench: demo at ${scale.toLocaleString('en')} conversations over ${days} days (seed ${seed}) in ${dir}`);

  let lakeRows: number;
  if (flags['reuse-lake'] === true && existsSync(lakeMarker) && readFileSync(lakeMarker, 'utf8') === lakeSpec) {
    lakeRows = (JSON.parse(readFileSync(join(dir, 'lake-rows.json'), 'utf8')) as { rows: number }).rows;
    say(`  extract: reusing the lake (${lakeRows.toLocaleString('en')} rows)`);
  } else {
    say('  extract ...');
    const m = await measure(TSX, [join(PROJECT_ROOT, 'scripts', 'extract.ts'), '--quiet', '--full-refresh'], env, PROJECT_ROOT);
    check('extract', m);
    lakeRows = stepRows(latestRun(runsDir));
    phase('extract (demo simulator -> lake)', m, lakeRows);
    writeFileSync(lakeMarker, lakeSpec);
    writeFileSync(join(dir, 'lake-rows.json'), JSON.stringify({ rows: lakeRows }));
  }

  say('  transform ...');
  const transform = await measure(TSX, [join(PROJECT_ROOT, 'scripts', 'transform.ts'), '--quiet', '--full-refresh'], env, PROJECT_ROOT);
  check('transform', transform);
  const transformed = latestRun(runsDir);
  const models = transformed.steps[0]!.items.length;
  phase('transform (dbt build)', transform, lakeRows, `${models} models and seeds; rows/s = lake rows read per second`);

  say('  publish ...');
  // a publication from scratch, as the first night's: nothing of an earlier run's to keep
  rmSync(join(dataDir, 'published'), { recursive: true, force: true });
  const publish = await measure(TSX, [join(PROJECT_ROOT, 'scripts', 'publish.ts'), '--quiet'], env, PROJECT_ROOT);
  check('publish', publish);
  phase('publish', publish, stepRows(latestRun(runsDir)));

  let night: { fraction: number; spread: NightSpread; rows: number; transform_s: number; publish_s: number } | undefined;
  if (flags['skip-night'] !== true) {
    const landed = await landNight(join(dataDir, 'lake'), nightFraction, nightSpread);
    const which = nightSpread === 'recent' ? 'the most recently updated, a day later' : 'picked evenly across the history';
    say(`  night: load ${landed.loadId} lands ${landed.rows.toLocaleString('en')} records again (${nightFraction * 100}% of conversations and orders, ${which})`);
    say('  night transform ...');
    const t = await measure(TSX, [join(PROJECT_ROOT, 'scripts', 'transform.ts'), '--quiet'], env, PROJECT_ROOT);
    check('night transform', t);
    phase(`night: transform (incremental)`, t, landed.rows, 'rows = records of the night load');
    say('  night publish ...');
    const p = await measure(TSX, [join(PROJECT_ROOT, 'scripts', 'publish.ts'), '--quiet'], env, PROJECT_ROOT);
    check('night publish', p);
    phase('night: publish', p, stepRows(latestRun(runsDir)));
    night = { fraction: nightFraction, spread: nightSpread, rows: landed.rows, transform_s: t.wall_s, publish_s: p.wall_s };
  }

  say('  baseline ...');
  const baseline = await measure(TSX, [join(PROJECT_ROOT, 'scripts', 'lib', 'bench', 'baseline.ts'), join(dataDir, 'lake'), join(dir, 'baseline.duckdb')], env, PROJECT_ROOT);
  check('baseline', baseline);
  const baselineOut = JSON.parse(baseline.stdout.trim().split('\n').at(-1)!) as { seconds: number };
  phase('baseline (bare DuckDB, plain SQL)', baseline, lakeRows, `${baselineOut.seconds.toFixed(1)} s of SQL`);

  let core: { records: number; seconds: number } | undefined;
  if (flags['skip-core'] !== true) {
    say('  extract core ...');
    const m = await measure(TSX, [join(PROJECT_ROOT, 'scripts', 'lib', 'bench', 'extract-core.ts'), String(coreRecords), join(dir, 'core-lake')], env, PROJECT_ROOT);
    check('extract core', m);
    core = JSON.parse(m.stdout.trim().split('\n').at(-1)!) as { records: number; seconds: number };
    phase('extract core (JSON records -> Parquet)', { ...m, wall_s: core.seconds }, core.records, 'timed inside the process (runner only)');
  }

  const fromLake = transform.wall_s + publish.wall_s;
  const fromLakePeak = Math.max(transform.peak_rss_bytes, publish.peak_rss_bytes) / GIB;
  const ratio = transform.wall_s / baseline.wall_s;
  const lines: string[] = [];
  lines.push(`\nbench: scale ${scale.toLocaleString('en')} conversations, ${days} days, seed ${seed}; ${lakeRows.toLocaleString('en')} lake rows\n`);
  const rows = [['phase', 'wall s', 'rows', 'rows/s', 'peak GiB'], ...results.map((r) => [r.phase, r.wall_s.toFixed(1), r.rows.toLocaleString('en'), Math.round(r.rows_per_s).toLocaleString('en'), r.peak_rss_gib.toFixed(2)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) lines.push('  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  lines.push('');
  lines.push(`  elt from the lake (transform + publish): ${fromLake.toFixed(1)} s (target 90 s at 1M), peak ${fromLakePeak.toFixed(2)} GiB (target 4 GiB)`);
  lines.push(`  transform / bare DuckDB baseline: ${ratio.toFixed(2)}x (target 2x)`);
  if (night) {
    const nightTotal = night.transform_s + night.publish_s;
    lines.push(`  a night with ${night.fraction * 100}% of the data new (${night.spread}): ${nightTotal.toFixed(1)} s from the lake, ${((100 * nightTotal) / fromLake).toFixed(0)}% of the full run's ${fromLake.toFixed(1)} s`);
  }
  if (core) lines.push(`  extract core: ${Math.round(core.records / core.seconds).toLocaleString('en')} records/s (target 200,000)`);
  process.stdout.write(lines.join('\n') + '\n');

  const resultsDir = join(dir, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        scale,
        days,
        seed,
        lake_rows: lakeRows,
        threads: { duckdb: config.duckdbThreads, dbt: config.dbtThreads },
        duckdb_memory_limit: config.duckdbMemoryLimit || null,
        phases: results,
        elt_from_lake_s: fromLake,
        elt_from_lake_peak_gib: fromLakePeak,
        transform_over_baseline: ratio,
        extract_core_records_per_s: core ? core.records / core.seconds : null,
        night: night ?? null,
      },
      null,
      2,
    ),
  );
  process.stdout.write(`  figures: ${file}\n`);
  return 0;
});
