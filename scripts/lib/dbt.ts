/**
 * Runs the project's dbt (from .venv) with the environment it needs: profiles and project in the repo, paths to
 * the lake and warehouse from the configuration, anonymous usage stats off. Output lines are passed to a
 * callback (the terminal shows them as progress) and dbt's run results are read back for the run summary.
 *
 * dbt runs inside the data folder and sees the lake, the run records and the warehouse relative to it. What dbt
 * parsed is then the same for every data folder: a copied or moved data folder reuses the parse its
 * `dbt-target/partial_parse.msgpack` holds (dbt keeps it only while the paths it rendered and the profile's are
 * unchanged; 14.9 -> 5.5 s for `dbt parse` of this project), and the warehouse's views over the lake keep working
 * when the folder moves. Such a view reads its files relative to the data folder: `npm run sql -- --warehouse`
 * opens the warehouse there.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT, type Config } from '../../extract/core/config.ts';
import { UserError } from '../../extract/core/errors.ts';
import { ensureDbtRuntime, venvBin } from './python.ts';

export function dbtEnv(config: Config): NodeJS.ProcessEnv {
  const inDataDir = (path: string) => relative(config.dataDir, path);
  return {
    ...process.env,
    DBT_PROFILES_DIR: PROJECT_ROOT,
    DBT_PROJECT_DIR: PROJECT_ROOT,
    DBT_SEND_ANONYMOUS_USAGE_STATS: 'false',
    DBT_VERSION_CHECK: 'false',
    DBT_LOG_PATH: join(config.logDir, 'dbt'),
    // Each data folder keeps its own manifest and run results, so builds of two data folders from one checkout
    // (the bench beside the nightly warehouse, test runs side by side) never read each other's.
    DBT_TARGET_PATH: config.dbtTargetDir,
    // relative to the data folder, dbt's working directory (runDbt)
    CSW_LAKE_DIR: inDataDir(config.lakeDir),
    // The run history (dbt source `pipeline.runs`).
    CSW_RUNS_DIR: inDataDir(config.runsDir),
    CSW_WAREHOUSE_PATH: inDataDir(config.warehousePath),
    CSW_DUCKDB_MEMORY_LIMIT: config.duckdbMemoryLimit,
    CSW_DUCKDB_THREADS: String(config.duckdbThreads),
    CSW_DBT_THREADS: String(config.dbtThreads),
    CSW_REPORTING_CURRENCY: config.reportingCurrency,
    // The sources the warehouse reads (dbt var `sources`): a run that extracts only some still models them all.
    CSW_SOURCES: config.sources.join(','),
  };
}

export interface DbtRunOptions {
  /** Each line dbt prints (stdout and stderr). Default: echo to stderr. */
  onLine?: (line: string) => void;
}

/** Runs `dbt <args>` on the project, in the data folder; resolves with dbt's exit code. */
export async function runDbt(config: Config, args: string[], options: DbtRunOptions = {}): Promise<number> {
  ensureDbtRuntime();
  const onLine = options.onLine ?? ((line: string) => process.stderr.write(line + '\n'));
  mkdirSync(config.dataDir, { recursive: true });
  const child = spawn(venvBin('dbt'), args, { cwd: config.dataDir, env: dbtEnv(config), stdio: ['ignore', 'pipe', 'pipe'] });
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

export interface DbtNodeResult {
  unique_id: string;
  status: string;
  execution_time: number;
  message: string | null;
  rows_affected?: number;
}

/** Results of the last dbt invocation (`<targetDir>/run_results.json`). */
export function readRunResults(targetDir: string): DbtNodeResult[] {
  const raw = JSON.parse(readFileSync(join(targetDir, 'run_results.json'), 'utf8')) as {
    results: (DbtNodeResult & { adapter_response?: { rows_affected?: number } })[];
  };
  return raw.results.map((r) => ({
    unique_id: r.unique_id,
    status: r.status,
    execution_time: r.execution_time,
    message: r.message,
    rows_affected: r.adapter_response?.rows_affected,
  }));
}

export interface ManifestModel {
  name: string;
  schema: string;
  materialized: string;
  description: string;
  path: string;
  /** The model's `config.meta` (e.g. `grain` for published models). */
  meta: Record<string, unknown>;
  columns: Record<string, { description: string }>;
}

/** The manifest dbt wrote for this data folder's last build, or a clear error when no build wrote one yet. */
function readManifest(targetDir: string): unknown {
  const path = join(targetDir, 'manifest.json');
  if (!existsSync(path)) throw new UserError(`there is no dbt manifest at ${path}: run \`npm run transform\` (or \`npm run elt\`) first`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Models of the last compiled manifest (`<targetDir>/manifest.json`: a data folder's `dbtTargetDir`). */
export function readManifestModels(targetDir: string): ManifestModel[] {
  const manifest = readManifest(targetDir) as {
    nodes: Record<
      string,
      {
        resource_type: string;
        name: string;
        schema: string;
        description: string;
        original_file_path: string;
        config: { materialized: string; enabled?: boolean; meta?: Record<string, unknown> };
        columns: Record<string, { description: string }>;
      }
    >;
  };
  return Object.values(manifest.nodes)
    .filter((n) => n.resource_type === 'model' && n.config.enabled !== false)
    .map((n) => ({
      name: n.name,
      schema: n.schema,
      materialized: n.config.materialized,
      description: n.description,
      path: n.original_file_path,
      meta: n.config.meta ?? {},
      columns: n.columns,
    }));
}

export interface ManifestTableKeys {
  /** Column sets declared unique by a `unique` or `unique_combination_of_columns` test. */
  uniqueKeys: string[][];
  /** Columns with a `not_null` test. */
  notNullColumns: string[];
  /** Columns with a `relationships` test (foreign keys). */
  foreignKeyColumns: string[];
}

/** Keys each model declares through its data tests (`<targetDir>/manifest.json`), by model name. */
export function readManifestTableKeys(targetDir: string): Map<string, ManifestTableKeys> {
  const manifest = readManifest(targetDir) as {
    nodes: Record<
      string,
      {
        resource_type: string;
        attached_node?: string | null;
        column_name?: string | null;
        test_metadata?: { name: string; kwargs: { combination_of_columns?: string[] } } | null;
      }
    >;
  };
  const keys = new Map<string, ManifestTableKeys>();
  for (const node of Object.values(manifest.nodes)) {
    if (node.resource_type !== 'test' || !node.test_metadata || !node.attached_node?.startsWith('model.')) continue;
    const model = node.attached_node.split('.').at(-1)!;
    const entry = keys.get(model) ?? { uniqueKeys: [], notNullColumns: [], foreignKeyColumns: [] };
    keys.set(model, entry);
    const column = node.column_name;
    switch (node.test_metadata.name) {
      case 'unique':
        if (column) entry.uniqueKeys.push([column]);
        break;
      case 'unique_combination_of_columns':
        if (node.test_metadata.kwargs.combination_of_columns) entry.uniqueKeys.push(node.test_metadata.kwargs.combination_of_columns);
        break;
      case 'not_null':
        if (column) entry.notNullColumns.push(column);
        break;
      case 'relationships':
        if (column) entry.foreignKeyColumns.push(column);
        break;
    }
  }
  return keys;
}
