/** Helpers for end-to-end tests: run the real npm scripts (real dbt, real DuckDB) in a throwaway data folder. */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { PROJECT_ROOT } from '../../extract/core/config.ts';
import { openDb, type Db } from '../../extract/core/duckdb.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tsx scripts/<script>.ts` as its own process, as `npm run <script>` would. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  projectRoot = PROJECT_ROOT,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'scripts', `${script}.ts`), ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * Starts `tsx scripts/<script>.ts` in its own process group and returns at once: `kill()` sends SIGKILL to the
 * whole group (the node process, and dbt's Python below it), as a killed cron job or a machine going down would.
 */
export function startScript(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    exited,
    kill: async () => {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

/** A small demo in a fresh data folder. */
export function smallDemoEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'csw-e2e-'));
  return {
    CSW_DATA_DIR: join(dir, 'data'),
    CSW_LOG_DIR: join(dir, 'logs'),
    CSW_DEMO_SCALE: '1500',
    CSW_DEMO_DAYS: '42',
    CSW_DEMO_SEED: '7',
    // On small data dbt's per-node overhead dominates: more nodes at once shortens each run (measured 59 -> 53 s).
    CSW_DBT_THREADS: '8',
  };
}

/**
 * The small demo after one `npm run elt`, made once per test run and copied into a fresh data folder for each
 * caller, so test files that check its publication, or run again on it, do not each pay for the first run. The
 * original lives in the run's shared folder (tests/global-setup.ts; test files run in vitest's child processes,
 * two at a time): the first caller to create its `demo` folder makes the demo, the others wait for the result.
 */
export async function sharedSmallDemo(): Promise<{ env: Record<string, string>; elt: CommandResult }> {
  const root = join(inject('sharedRoot'), 'demo');
  const result = join(root, 'elt.json');
  const failure = join(root, 'failed.txt');
  let maker = false;
  try {
    mkdirSync(root);
    maker = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (maker) {
    try {
      const env = { ...smallDemoEnv(), CSW_DATA_DIR: join(root, 'data'), CSW_LOG_DIR: join(root, 'logs') };
      const elt = await runScript('elt', [], env);
      if (elt.code !== 0) throw new Error(`npm run elt failed:\n${elt.stdout}\n${elt.stderr}`);
      // written whole, then renamed: a waiter never reads half of it
      writeFileSync(`${result}.tmp`, JSON.stringify(elt));
      renameSync(`${result}.tmp`, result);
    } catch (error) {
      writeFileSync(failure, String(error));
      throw error;
    }
  } else {
    // less than the hook timeout, so a waiter fails with this sentence rather than vitest's
    const deadline = Date.now() + 480_000;
    while (!existsSync(result)) {
      if (existsSync(failure)) throw new Error(`the shared demo failed to build: ${readFileSync(failure, 'utf8')}`);
      if (Date.now() > deadline) throw new Error(`the shared demo in ${root} was not ready after 8 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const env = smallDemoEnv();
  cpSync(join(root, 'data'), env.CSW_DATA_DIR!, { recursive: true });
  return { env, elt: JSON.parse(readFileSync(result, 'utf8')) as CommandResult };
}

/**
 * A copy of the project's code (models, scripts, extract, config) in a temporary folder, sharing node_modules
 * and .venv, for tests that must change a model without touching the working tree.
 */
export function copyProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'csw-project-'));
  for (const entry of readdirSync(PROJECT_ROOT)) {
    if (['node_modules', '.venv', 'data', 'target', 'logs', '.git'].includes(entry)) continue;
    cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(join(PROJECT_ROOT, '.venv'), join(root, '.venv'));
  return root;
}

/** Opens a DuckDB file (read-only) or `:memory:` for the length of `use`. */
export async function withDb<T>(path: string, use: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(path, { readOnly: path !== ':memory:' });
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

/** The number in column `n` of the first row. */
export const count = async (db: Db, sql: string) => Number((await db.all<{ n: string }>(sql))[0]!.n);

/** Rows and an order-independent hash of the contents of every table of a published DuckDB file except the run history. */
export async function publishedFingerprint(path: string): Promise<Record<string, string>> {
  return withDb(path, async (db) => {
    const tables = await db.all<{ table_name: string }>(`select table_name from duckdb_tables() where table_name not like 'pipeline_%' order by 1`);
    const result: Record<string, string> = {};
    for (const { table_name } of tables) {
      const [row] = await db.all<{ n: string; h: string }>(`select count(*)::varchar as n, bit_xor(hash(t))::varchar as h from "${table_name}" as t`);
      result[table_name] = `${row!.n} rows, hash ${row!.h}`;
    }
    return result;
  });
}

/**
 * Row-for-row differences between the warehouse tables of two builds (staging to marts), as sentences: the tables
 * an incremental build keeps and the same tables of a full refresh of the same lake must hold the same rows. The
 * build's own bookkeeping (pipeline state, the changed-keys lists) is left out. Returns the tables compared too.
 */
export async function warehouseDifferences(incrementalPath: string, rebuiltPath: string): Promise<{ tables: string[]; differences: string[] }> {
  return withDb(':memory:', async (db) => {
    await db.run(`attach '${incrementalPath}' as incremental (read_only)`);
    await db.run(`attach '${rebuiltPath}' as rebuilt (read_only)`);
    const tables = await db.all<{ table_schema: string; table_name: string }>(
      `select table_schema, table_name from information_schema.tables
       where table_catalog = 'incremental' and table_type = 'BASE TABLE'
         and table_schema in ('staging', 'intermediate', 'core', 'marts')
         and table_name not like 'pipeline%' and table_name not like '%_changed' and table_name not like '%_remeasured'
         and table_name not like '%_landed'
       order by 1, 2`,
    );
    const differences: string[] = [];
    for (const { table_schema: schema, table_name: name } of tables) {
      const a = `incremental.${schema}.${name}`;
      const b = `rebuilt.${schema}.${name}`;
      const onlyIncremental = await count(db, `select count(*) as n from (select * from ${a} except all select * from ${b})`);
      const onlyRebuilt = await count(db, `select count(*) as n from (select * from ${b} except all select * from ${a})`);
      if (onlyIncremental + onlyRebuilt > 0) differences.push(`${schema}.${name}: ${onlyIncremental} rows only incremental, ${onlyRebuilt} only in the full refresh`);
    }
    return { tables: tables.map((t) => t.table_name), differences };
  });
}
