/**
 * What the incremental models of the warehouse were last built from, kept in the warehouse itself (table
 * `pipeline_state.transform_state`, one row) so it can never disagree with the tables it describes:
 *
 * - `watermark_load_id`: the newest load of the lake when the last complete build started. The incremental
 *   models rebuild only the conversations and orders that loads after it touched (macro `changed_since_load_id`).
 * - `project_fingerprint`: a hash of everything that decides what the models compute and test (models, macros,
 *   seeds, the singular tests, dbt_project.yml and the environment variables they read; paths inside the data
 *   folder count relative to it, so a data folder moved or copied elsewhere, its lake, warehouse and state together,
 *   builds on incrementally). When it differs, the next
 *   build is a full refresh: a changed rule or seed row applies to every row, not only to the changed ones, and a
 *   new or changed test checks every row (a night's tests otherwise look at the rows it wrote).
 *
 * The state is written only after a whole build succeeds; a failed or partial (`--select`) build leaves it as it
 * was, so the next build looks again at everything since the last complete one (rebuilding a conversation twice
 * gives the same rows).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT, type Config } from '../../extract/core/config.ts';
import { openDb } from '../../extract/core/duckdb.ts';
import { LoadsManifest } from '../../extract/core/loads.ts';
import { dbtEnv } from './dbt.ts';

export interface TransformState {
  watermark_load_id: string;
  project_fingerprint: string;
  built_at: string;
}

/** Folders and files whose content decides what the models compute and what their data tests check. */
const PROJECT_INPUTS = ['models', 'macros', 'seeds', 'tests/dbt', 'dbt_project.yml'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** sha256 of the project's model inputs and of the values of the environment variables they read. */
export function projectFingerprint(config: Config, root = PROJECT_ROOT): string {
  const hash = createHash('sha256');
  const envNames = new Set<string>();
  for (const file of PROJECT_INPUTS.flatMap((p) => filesUnder(join(root, p)))) {
    const content = readFileSync(file);
    hash.update(relative(root, file)).update('\0').update(content).update('\0');
    for (const match of content.toString('utf8').matchAll(/env_var\(\s*['"]([A-Z0-9_]+)['"]/g)) envNames.add(match[1]!);
  }
  const env = dbtEnv(config);
  // as dbt sees them: the paths inside the data folder relative to it (dbtEnv)
  for (const name of [...envNames].sort()) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex');
}

/** The newest load the lake holds (load ids sort in creation order), or null for an empty lake. */
export function lakeHighWaterMark(config: Config): string | null {
  return new LoadsManifest(config.lakeDir).list().at(-1)?.load_id ?? null;
}

/** Ids of every load the lake's manifest records (the manifest keeps them when a snapshot's files are replaced). */
export function lakeLoadIds(config: Config): Set<string> {
  return new Set(new LoadsManifest(config.lakeDir).list().map((load) => load.load_id));
}

/**
 * Full refresh or incremental, and why: incremental only when a complete build is recorded, the project is as it
 * was then, and the lake still holds the load that build reached (its watermark). A lake replaced or restored from
 * an older copy may lack rows the warehouse holds: only a full build is safe then. An empty watermark (that build
 * saw an empty lake) is held by every lake.
 *
 * After a project change dbt also parses the project in full (`parseInFull`) rather than patching the parse it
 * saved for the data folder: its partial parsing, patched across code versions back and forth (a checkout of an
 * older version and back), was seen to leave out the tests a changed YAML file added for a new model. Once per
 * change of the project, about 10 s.
 */
export function decideBuild(input: {
  asked: boolean;
  state: TransformState | null;
  fingerprint: string;
  loads: ReadonlySet<string>;
}): { fullRefresh: boolean; reason: string; parseInFull?: boolean } {
  const { asked, state, fingerprint, loads } = input;
  if (asked) return { fullRefresh: true, reason: 'full refresh asked for' };
  if (!state) return { fullRefresh: true, reason: 'full build: no previous complete build in this warehouse' };
  if (state.project_fingerprint !== fingerprint) {
    return { fullRefresh: true, reason: 'full refresh: models, macros, seeds or their settings changed since the last build', parseInFull: true };
  }
  if (state.watermark_load_id !== '' && !loads.has(state.watermark_load_id)) {
    return {
      fullRefresh: true,
      reason: `full refresh: the lake no longer holds load ${state.watermark_load_id}, the last build's (a lake replaced or restored from an older copy)`,
    };
  }
  return { fullRefresh: false, reason: `incremental: conversations and orders changed by loads after ${state.watermark_load_id || 'none'}` };
}

export async function readTransformState(config: Config): Promise<TransformState | null> {
  if (!existsSync(config.warehousePath)) return null;
  const db = await openDb(config.warehousePath, { readOnly: true });
  try {
    const exists = await db.all(
      "select 1 from information_schema.tables where table_schema = 'pipeline_state' and table_name = 'transform_state'",
    );
    if (exists.length === 0) return null;
    const rows = await db.all<TransformState>('select watermark_load_id, project_fingerprint, cast(built_at as varchar) as built_at from pipeline_state.transform_state');
    return rows[0] ?? null;
  } finally {
    db.close();
  }
}

export async function writeTransformState(config: Config, state: Omit<TransformState, 'built_at'>): Promise<void> {
  const db = await openDb(config.warehousePath);
  try {
    await db.run('create schema if not exists pipeline_state');
    await db.run(
      'create or replace table pipeline_state.transform_state (watermark_load_id varchar, project_fingerprint varchar, built_at timestamptz)',
    );
    await db.run('insert into pipeline_state.transform_state values ($w, $f, now())', {
      w: state.watermark_load_id,
      f: state.project_fingerprint,
    });
  } finally {
    db.close();
  }
}
