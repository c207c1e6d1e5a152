/**
 * End to end: a source that delivers full snapshots (the demo's streams replace the lake's copy on every load)
 * delivers one without some conversations and orders, and changes the rest. The next night's transform is
 * incremental: the conversations and orders the snapshot no longer holds are found as gone (the `gone` part of
 * int_conversations_landed and int_orders_landed) and leave every table, and a full refresh of the same lake gives
 * exactly the same tables, row for row.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScript, sharedSmallDemo, smallDemoEnv, warehouseDifferences, withDb, type CommandResult } from './helpers.ts';

const warehouse = (e: Record<string, string>) => join(e.CSW_DATA_DIR!, 'warehouse.duckdb');
const ids = (path: string, sql: string) => withDb(path, async (db) => (await db.all<{ id: string }>(sql)).map((r) => r.id));

let env: Record<string, string>;
let fullEnv: Record<string, string>;
let night: CommandResult;
let before: { conversations: string[]; orders: string[] };

beforeAll(async () => {
  // the first night: the shared small demo's (a copy of its data folder, which builds on incrementally)
  const { env: first } = await sharedSmallDemo();
  before = {
    conversations: await ids(warehouse(first), 'select conversation_id as id from core.fct_conversations'),
    orders: await ids(warehouse(first), 'select order_id as id from core.fct_orders'),
  };
  // the same demo world at a smaller scale: fewer tickets and orders (the highest ids are gone), the rest changed
  env = { ...first, CSW_DEMO_SCALE: '1400' };
  night = await runScript('elt', [], env);
  if (night.code !== 0) throw new Error(`the night failed:\n${night.stdout}\n${night.stderr}`);
  const copy = smallDemoEnv();
  cpSync(env.CSW_DATA_DIR!, copy.CSW_DATA_DIR!, { recursive: true });
  fullEnv = { ...env, CSW_DATA_DIR: copy.CSW_DATA_DIR!, CSW_LOG_DIR: copy.CSW_LOG_DIR! };
  const full = await runScript('transform', ['--quiet', '--full-refresh'], fullEnv);
  if (full.code !== 0) throw new Error(`full refresh failed:\n${full.stdout}\n${full.stderr}`);
});

describe('a copied data folder', () => {
  it("reuses the parse dbt saved in the folder it was copied from, instead of parsing the project again", () => {
    // dbt runs in the data folder with paths relative to it (scripts/lib/dbt.ts), so nothing it parsed names the
    // folder; this run's dbt log is the copy's own (CSW_LOG_DIR)
    const log = readFileSync(join(env.CSW_LOG_DIR!, 'dbt', 'dbt.log'), 'utf8');
    expect(log).toMatch(/Partial parsing enabled: 0 files deleted, 0 files added, 0 files changed/);
    expect(log).not.toMatch(/Unable to do partial parsing/);
  });
});

describe('a snapshot that no longer holds some records', () => {
  it('is built incrementally, and what the snapshot dropped is listed as gone and leaves the facts', async () => {
    expect(night.stdout).toMatch(/transform: incremental: conversations and orders changed by loads after/);
    const path = warehouse(env);
    const now = {
      conversations: new Set(await ids(path, 'select conversation_id as id from core.fct_conversations')),
      orders: new Set(await ids(path, 'select order_id as id from core.fct_orders')),
    };
    const gone = {
      conversations: before.conversations.filter((id) => !now.conversations.has(id)),
      orders: before.orders.filter((id) => !now.orders.has(id)),
    };
    // the demo at scale 1400 instead of 1500 (seed 7, 42 days): about 7% of the tickets and orders
    expect(gone.conversations.length).toBeGreaterThan(50);
    expect(gone.orders.length).toBeGreaterThan(100);
    const landed = {
      conversations: new Set(await ids(path, 'select conversation_id as id from intermediate.int_conversations_landed')),
      orders: new Set(await ids(path, 'select order_id as id from intermediate.int_orders_landed')),
    };
    expect(gone.conversations.filter((id) => !landed.conversations.has(id))).toEqual([]);
    expect(gone.orders.filter((id) => !landed.orders.has(id))).toEqual([]);
    // nothing of theirs is left anywhere downstream
    await withDb(path, async (db) => {
      const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');
      const [left] = await db.all<{ n: string }>(
        `select (select count(*) from core.fct_response_events where conversation_id in (${list(gone.conversations)}))
              + (select count(*) from core.bridge_conversation_tags where conversation_id in (${list(gone.conversations)}))
              + (select count(*) from core.fct_order_lines where order_id in (${list(gone.orders)})) as n`,
      );
      expect(Number(left!.n)).toBe(0);
    });
  });

  it('gives exactly the tables a full refresh of the same lake gives, row for row', async () => {
    const { tables, differences } = await warehouseDifferences(warehouse(env), warehouse(fullEnv));
    expect(tables).toEqual(expect.arrayContaining(['fct_conversations', 'fct_orders', 'fct_order_lines', 'dim_customers', 'support_kpis_daily']));
    expect(differences).toEqual([]);
  });
});
