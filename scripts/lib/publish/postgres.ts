/**
 * The PostgreSQL target: every table of the published read copy (the star schema and the BI marts) loaded into
 * one PostgreSQL schema, which Power BI, Tableau and FineBI all reach with their native connectors.
 *
 * How a publication reaches readers without a half-published or mixed state:
 * 1. Each table is created in a loading schema (`<schema>__loading`, cleared first if a killed run left it),
 *    filled with COPY ... FROM STDIN from a CSV file DuckDB writes (bytes are streamed; no row passes through
 *    JavaScript objects), then given its primary key, indexes on its foreign keys, comments from the dbt docs
 *    and fresh planner statistics.
 * 2. One transaction swaps it in: it takes ACCESS EXCLUSIVE locks on the tables of the current schema (so it
 *    waits until every reader that has read them has finished its transaction: such a reader keeps seeing one
 *    complete publication to its end), renames the current schema to `<schema>__previous_<run>` and the loading
 *    schema to `<schema>`, and grants the reader role. A reader's next statement sees the whole new publication.
 *    If readers hold the tables longer than the lock timeout, the swap is retried a few times, then the step
 *    fails with a clear message and the previous publication stays in place.
 * 3. The previous schema is dropped, unless objects of the user's (views in other schemas) depend on it: then it
 *    is kept with a warning, so nothing of the user's is dropped behind their back.
 *
 * Caveat, as for any swap of whole tables in PostgreSQL: a REPEATABLE READ or SERIALIZABLE transaction that
 * took its snapshot before the swap but first reads a published table after it sees that table empty. Readers
 * in the default READ COMMITTED mode, and any transaction that read a table before the swap, are not affected.
 */
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { UserError } from '../../../extract/core/errors.ts';
import type { Db } from '../../../extract/core/duckdb.ts';
import { sqlIdentifier, sqlLiteral } from '../../../extract/core/duckdb.ts';
import type { Logger } from '../../../extract/core/log.ts';
import type { ManifestModel, ManifestTableKeys } from '../dbt.ts';
import type { StepItem } from '../steps/types.ts';

export interface PostgresTarget {
  /** libpq URL: postgres://user:password@host:port/database (the password is never logged). */
  url: string;
  /** Schema the BI tools read. */
  schema: string;
  /** Role granted read access to the schema (created, NOLOGIN unless a password is given, when missing). */
  readerRole?: string;
  readerPassword?: string;
  /** How long one swap attempt waits for readers to release the tables. */
  lockTimeoutMs?: number;
  swapAttempts?: number;
}

export interface PublishedColumn {
  name: string;
  /** DuckDB type in the read copy. */
  type: string;
  description: string;
  notNull: boolean;
}

export interface PublishedTable {
  name: string;
  description: string;
  columns: PublishedColumn[];
  /** Declared unique and not null by the dbt tests: becomes the primary key. */
  primaryKey: string[] | null;
  /** Column sets worth an index: foreign keys, and a unique key that cannot be a primary key. */
  indexes: string[][];
}

/** The PostgreSQL type for a DuckDB column type of the read copy. Lists, structs and maps are refused. */
export function postgresType(duckdbType: string): string {
  const type = duckdbType.trim().toUpperCase();
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal) return `numeric(${decimal[1]},${decimal[2]})`;
  const simple: Record<string, string> = {
    VARCHAR: 'text',
    BOOLEAN: 'boolean',
    TINYINT: 'smallint',
    SMALLINT: 'smallint',
    INTEGER: 'integer',
    BIGINT: 'bigint',
    HUGEINT: 'numeric(38,0)',
    UTINYINT: 'smallint',
    USMALLINT: 'integer',
    UINTEGER: 'bigint',
    UBIGINT: 'numeric(20,0)',
    FLOAT: 'real',
    DOUBLE: 'double precision',
    DATE: 'date',
    TIME: 'time',
    TIMESTAMP: 'timestamp',
    'TIMESTAMP WITH TIME ZONE': 'timestamptz',
    INTERVAL: 'interval',
    UUID: 'uuid',
    JSON: 'jsonb',
  };
  const mapped = simple[type];
  if (!mapped) throw new UserError(`cannot publish a ${duckdbType} column to PostgreSQL: BI tables must hold plain values (use a bridge table for lists)`);
  return mapped;
}

/**
 * What to publish: every table of the read copy, with the descriptions of its dbt model and the keys its data
 * tests declare.
 */
export async function describePublishedTables(
  db: Db,
  catalog: string,
  models: ManifestModel[],
  keys: Map<string, ManifestTableKeys>,
): Promise<PublishedTable[]> {
  const columns = await db.all<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from duckdb_columns() where database_name = $catalog and schema_name = 'main'
     order by table_name, column_index`,
    { catalog },
  );
  const byModel = new Map(models.map((m) => [m.name, m]));
  const tables = new Map<string, PublishedColumn[]>();
  for (const c of columns) {
    const list = tables.get(c.table_name) ?? [];
    tables.set(c.table_name, list);
    list.push({ name: c.column_name, type: c.data_type, description: byModel.get(c.table_name)?.columns[c.column_name]?.description?.trim() ?? '', notNull: false });
  }
  return [...tables.entries()].map(([name, cols]) => {
    const declared = keys.get(name) ?? { uniqueKeys: [], notNullColumns: [], foreignKeyColumns: [] };
    const present = new Set(cols.map((c) => c.name));
    const notNull = new Set(declared.notNullColumns);
    for (const c of cols) c.notNull = notNull.has(c.name);
    const uniqueKeys = declared.uniqueKeys.filter((key) => key.every((c) => present.has(c)));
    const primaryKey = uniqueKeys.find((key) => key.every((c) => notNull.has(c))) ?? null;
    const indexes = [
      ...uniqueKeys.filter((key) => key !== primaryKey),
      ...[...new Set(declared.foreignKeyColumns)].filter((c) => present.has(c) && !(primaryKey?.length === 1 && primaryKey[0] === c)).map((c) => [c]),
    ];
    return { name, description: byModel.get(name)?.description?.trim() ?? '', columns: cols, primaryKey, indexes };
  });
}

/**
 * Host, port and database of a libpq URL: never the user or the password (messages, BI connection files).
 * `database` is empty when the URL names none.
 */
export function postgresAddress(url: string): { host: string; port: number; database: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo the URL: it holds the password.
    throw new UserError('CSW_POSTGRES_URL is not a valid URL: use postgres://user:password@host:port/dbname');
  }
  return {
    // An IPv6 host keeps its brackets, as host:port needs them.
    host: parsed.hostname || 'localhost',
    port: parsed.port ? Number(parsed.port) : 5432,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
}

/** `host:port/database` of a libpq URL, for messages. */
export function describeTarget(url: string): string {
  const { host, port, database } = postgresAddress(url);
  return `${host}:${port}/${database || 'postgres'}`;
}

/** One sentence for the errors a user meets when connecting (server down, wrong password, no database, no rights). */
export function explainPostgresError(error: unknown, url: string): Error {
  const e = error as { code?: string; message?: string };
  const where = describeTarget(url);
  const messages: Record<string, string> = {
    ECONNREFUSED: `cannot reach PostgreSQL at ${where}: connection refused (is the server running, and are host and port in CSW_POSTGRES_URL right?)`,
    ENOTFOUND: `cannot reach PostgreSQL at ${where}: unknown host (check the host in CSW_POSTGRES_URL)`,
    ETIMEDOUT: `cannot reach PostgreSQL at ${where}: the connection timed out`,
    '28P01': `PostgreSQL at ${where} refused the password of the user in CSW_POSTGRES_URL`,
    '28000': `PostgreSQL at ${where} refused the connection for the user in CSW_POSTGRES_URL (role or pg_hba.conf)`,
    '3D000': `the database of CSW_POSTGRES_URL does not exist on the PostgreSQL server at ${where}`,
    '42501': `the user in CSW_POSTGRES_URL lacks a privilege on ${where}: it needs CREATE on the database (and CREATEROLE for CSW_POSTGRES_READER_ROLE): ${e.message ?? ''}`,
  };
  const message = (e.code && messages[e.code]) || (e.message?.includes('timeout expired') ? messages.ETIMEDOUT : undefined);
  return message ? new UserError(message) : error instanceof Error ? error : new Error(String(error));
}

const q = sqlIdentifier;

async function connect(url: string): Promise<pg.Client> {
  describeTarget(url);
  const client = new pg.Client({ connectionString: url, application_name: 'csw-publish', connectionTimeoutMillis: 15_000 });
  try {
    await client.connect();
  } catch (error) {
    throw explainPostgresError(error, url);
  }
  // A broken connection must not take the process down: the query that was running reports it.
  client.on('error', () => {});
  return client;
}

async function schemaExists(client: pg.Client, schema: string): Promise<boolean> {
  const { rows } = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
  return rows.length > 0;
}

async function loadTable(client: pg.Client, db: Db, loading: string, table: PublishedTable, tempDir: string): Promise<number> {
  const target = `${q(loading)}.${q(table.name)}`;
  const columns = table.columns.map((c) => `${q(c.name)} ${postgresType(c.type)}${c.notNull ? ' not null' : ''}`);
  await client.query(`create table ${target} (${columns.join(', ')})`);
  // DuckDB writes NULL as an empty field and an empty string as "" — the same convention as PostgreSQL's CSV.
  const csv = join(tempDir, `${table.name}.csv`);
  await db.run(`copy main.${q(table.name)} to ${sqlLiteral(csv)} (format csv, header false)`);
  const copy = client.query(copyFrom(`copy ${target} from stdin with (format csv)`));
  await pipeline(createReadStream(csv), copy);
  rmSync(csv, { force: true });
  const rows = Number(copy.rowCount);
  if (table.primaryKey) {
    await client.query(`alter table ${target} add constraint ${q(`${table.name}_pkey`)} primary key (${table.primaryKey.map(q).join(', ')})`);
  }
  for (const index of table.indexes) {
    await client.query(`create index ${q(`${table.name}__${index.join('__')}`.slice(0, 63))} on ${target} (${index.map(q).join(', ')})`);
  }
  if (table.description) await client.query(`comment on table ${target} is ${pgLiteral(table.description)}`);
  for (const c of table.columns) {
    if (c.description) await client.query(`comment on column ${target}.${q(c.name)} is ${pgLiteral(c.description)}`);
  }
  await client.query(`analyze ${target}`);
  return rows;
}

/** A PostgreSQL string literal (COMMENT ON takes no parameters). */
function pgLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

async function ensureReaderRole(client: pg.Client, target: PostgresTarget, log: Logger): Promise<void> {
  if (!target.readerRole) return;
  const { rows } = await client.query('select 1 from pg_roles where rolname = $1', [target.readerRole]);
  if (rows.length > 0) return;
  const login = target.readerPassword ? `login password ${pgLiteral(target.readerPassword)}` : 'nologin';
  try {
    await client.query(`create role ${q(target.readerRole)} ${login}`);
  } catch (error) {
    throw explainPostgresError(error, target.url);
  }
  log.info(`created the read-only role ${target.readerRole} for BI users`, { role: target.readerRole });
}

/** The swap transaction; false when readers held the tables past the lock timeout. */
async function swapIn(client: pg.Client, target: PostgresTarget, loading: string, previous: string, runId: string): Promise<boolean> {
  const schema = target.schema;
  await client.query('begin');
  try {
    await client.query(`set local lock_timeout = ${Math.max(1, Math.round(target.lockTimeoutMs ?? 60_000))}`);
    if (await schemaExists(client, schema)) {
      const { rows } = await client.query<{ name: string }>(
        `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm')`,
        [schema],
      );
      if (rows.length > 0) await client.query(`lock table ${rows.map((r) => r.name).join(', ')} in access exclusive mode`);
      await client.query(`alter schema ${q(schema)} rename to ${q(previous)}`);
    }
    await client.query(`alter schema ${q(loading)} rename to ${q(schema)}`);
    await client.query(`comment on schema ${q(schema)} is ${pgLiteral(`Customer-service warehouse: star schema and BI marts, published by run ${runId} at ${new Date().toISOString()}.`)}`);
    if (target.readerRole) {
      await client.query(`grant usage on schema ${q(schema)} to ${q(target.readerRole)}`);
      await client.query(`grant select on all tables in schema ${q(schema)} to ${q(target.readerRole)}`);
    }
    await client.query('commit');
    return true;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    if ((error as { code?: string }).code === '55P03') return false; // lock_not_available
    throw error;
  }
}

/** Drops the previous publication unless objects outside it (the user's views) depend on it. */
async function dropPrevious(client: pg.Client, previous: string, log: Logger): Promise<string[]> {
  if (!(await schemaExists(client, previous))) return [];
  const { rows } = await client.query<{ name: string }>(
    `select distinct format('%I.%I', vn.nspname, v.relname) as name
     from pg_depend d
     join pg_rewrite r on r.oid = d.objid
     join pg_class v on v.oid = r.ev_class
     join pg_namespace vn on vn.oid = v.relnamespace
     join pg_class t on t.oid = d.refobjid
     join pg_namespace tn on tn.oid = t.relnamespace
     where tn.nspname = $1 and vn.nspname <> $1`,
    [previous],
  );
  if (rows.length > 0) {
    const warning = `PostgreSQL: kept schema ${previous} because ${rows.map((r) => r.name).join(', ')} depend on it; point them at the new tables and drop it`;
    log.warn(warning);
    return [warning];
  }
  await client.query(`drop schema ${q(previous)} cascade`);
  return [];
}

export interface PostgresPublishResult {
  items: StepItem[];
  warnings: string[];
}

/** Loads `tables` from the read copy `db` into the target schema and swaps them in (see the module doc). */
export async function publishToPostgres(
  target: PostgresTarget,
  db: Db,
  tables: PublishedTable[],
  options: { log: Logger; runId: string; tempDir: string },
): Promise<PostgresPublishResult> {
  const { log, runId, tempDir } = options;
  const loading = `${target.schema}__loading`;
  const previous = `${target.schema}__previous_${runId.replace(/\W/g, '').slice(0, 18).toLowerCase()}`;
  const client = await connect(target.url);
  const items: StepItem[] = [];
  const warnings: string[] = [];
  mkdirSync(tempDir, { recursive: true });
  try {
    // Previous publications kept by an earlier run because views depended on them: drop those now free.
    const { rows: kept } = await client.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like $1`, [
      `${target.schema.replaceAll('_', '\\_')}\\_\\_previous\\_%`,
    ]);
    for (const { nspname } of kept) warnings.push(...(await dropPrevious(client, nspname, log)));
    log.info(`publishing ${tables.length} tables to PostgreSQL ${describeTarget(target.url)} schema ${target.schema}`);
    await ensureReaderRole(client, target, log);
    try {
      await client.query(`drop schema if exists ${q(loading)} cascade`);
      await client.query(`create schema ${q(loading)}`);
    } catch (error) {
      throw explainPostgresError(error, target.url);
    }
    for (const table of tables) {
      const t0 = Date.now();
      const rows = await loadTable(client, db, loading, table, tempDir);
      items.push({ name: `postgres.${table.name}`, rows, duration_ms: Date.now() - t0 });
    }
    const attempts = target.swapAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      if (await swapIn(client, target, loading, previous, runId)) break;
      if (attempt >= attempts) {
        throw new UserError(
          `PostgreSQL: readers kept the tables of schema ${target.schema} locked through ${attempts} swap attempts; ` +
            `the previous publication stays in place (close long-running BI transactions, or raise the lock timeout)`,
        );
      }
      log.warn(`PostgreSQL: readers hold schema ${target.schema}; retrying the swap (${attempt}/${attempts})`);
    }
    warnings.push(...(await dropPrevious(client, previous, log)));
    log.info(`published ${tables.length} tables to PostgreSQL schema ${target.schema}`);
    return { items, warnings };
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
    await client.end().catch(() => {});
  }
}
