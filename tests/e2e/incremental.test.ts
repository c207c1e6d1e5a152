/**
 * Incremental nightly builds end to end: two nights of `npm run elt` over the Zendesk and Shopify test servers
 * and a drop folder of file exports, with late changes between them (a solved conversation reopened days later,
 * an agent downgraded on leaving, a deleted ticket, a new ticket, a CSAT rating changed, refunds after a review,
 * a return, a review edited, an exported conversation reopened). The second night's transform is incremental;
 * a full refresh of a copy of the same data must give exactly the same tables, row for row.
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../extract/core/config.ts';
import type { Db } from '../../extract/core/duckdb.ts';
import { ShopifyServer } from '../extract/sources/shopify-server.ts';
import { ZendeskTestServer } from '../extract/sources/zendesk-server.ts';
import { count, runScript, smallDemoEnv, withDb, type CommandResult } from './helpers.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'e2e', 'fixtures', 'files-only');
const zendesk = new ZendeskTestServer({ tickets: 80 });
let shopify: ShopifyServer;
let env: Record<string, string>;
let fullEnv: Record<string, string>;
let night1: CommandResult;
let night2: CommandResult;
let fullRefresh: CommandResult;
/** What changed between the nights. */
let changes: { reopened: number; deleted: number; leaver: number; refunded: number; returned: number };

const warehouse = (e: Record<string, string>) => join(e.CSW_DATA_DIR!, 'warehouse.duckdb');
const withWarehouse = <T>(use: (db: Db) => Promise<T>) => withDb(warehouse(env), use);

beforeAll(async () => {
  await zendesk.start();
  shopify = await new ShopifyServer({ orders: 60 }).start();
  const base = smallDemoEnv();
  const inbox = join(base.CSW_DATA_DIR!, 'inbox');
  mkdirSync(inbox, { recursive: true });
  for (const file of ['conversations-freshdesk.csv', 'messages-freshdesk.ndjson', 'orders-amazon-de.csv', 'returns-amazon-de.tsv', 'reviews-amazon-de.csv']) {
    copyFileSync(join(FIXTURES, file), join(inbox, file));
  }
  env = {
    ...base,
    CSW_SOURCES: 'zendesk,shopify,files',
    CSW_ZENDESK_SUBDOMAIN: 'test',
    CSW_ZENDESK_BASE_URL: zendesk.baseUrl,
    CSW_ZENDESK_EMAIL: zendesk.email,
    CSW_ZENDESK_API_TOKEN: zendesk.apiToken,
    CSW_ZENDESK_START_DATE: '2024-01-01',
    CSW_SHOPIFY_SHOP: 'test-shop.myshopify.com',
    CSW_SHOPIFY_ACCESS_TOKEN: shopify.token,
    CSW_SHOPIFY_BASE_URL: shopify.url,
    CSW_FILES_DIR: inbox,
  };
  night1 = await runScript('elt', [], env);
  if (night1.code !== 0) throw new Error(`night 1 failed:\n${night1.stdout}\n${night1.stderr}`);

  // Between the nights: late changes in every source.
  const solved = [...zendesk.tickets.values()].filter((t) => t.status === 'solved' || t.status === 'closed');
  const reopened = zendesk.addComment(solved[0]!.id, 'Das Ersatzteil passt doch nicht 😞 还是不行');
  const deleted = zendesk.deleteTicket(solved[1]!.id);
  zendesk.addTicket();
  const leaver = zendesk.setUserRole(zendesk.agentIds()[2]!, 'end-user');
  const rating = [...zendesk.ratings.values()].find((r) => r.score === 'bad') ?? [...zendesk.ratings.values()][0]!;
  zendesk.changeRating(rating.id, rating.score === 'good' ? 'bad' : 'good');
  zendesk.advance(120_000); // older than the export's one-minute hold-back
  const [refunded, returned, updated] = shopify.orders.filter((o) => o.refunds.length === 0 && o.fulfillments.length > 0);
  shopify.addRefund(refunded!.id);
  shopify.addReturn(returned!.id);
  shopify.updateOrder(updated!.id);
  // files: the review of 302-2 edited (2 -> 4 stars), a refund for 302-2 after that review, conversation 1001
  // (solved on 10-06) reopened by the customer three days later
  writeFileSync(join(inbox, 'reviews-amazon-de.csv'), readFileSync(join(FIXTURES, 'reviews-amazon-de.csv'), 'utf8').replace(',SKU-A,2,', ',SKU-A,4,'));
  appendFileSync(join(inbox, 'returns-amazon-de.tsv'), 'R3\tamazon\t302-2\tSKU-A\tDE\t1\tDefekt\tGeht nicht\tRefunded\t2026-10-09T10:00:00Z\t2026-10-11T10:00:00Z\t40.00\tEUR\n');
  writeFileSync(
    join(inbox, 'conversations-freshdesk.csv'),
    readFileSync(join(FIXTURES, 'conversations-freshdesk.csv'), 'utf8').replace(
      'Resolved,Wo ist mein Paket?,a@marketplace.amazon.de,Anna Schmidt,302-1,DE,de,Lena,"delivery, late",2026-10-06T15:00:00Z',
      'Open,Wo ist mein Paket?,a@marketplace.amazon.de,Anna Schmidt,302-1,DE,de,Lena,"delivery, late",2026-10-09T08:00:00Z',
    ),
  );
  appendFileSync(
    join(inbox, 'messages-freshdesk.ndjson'),
    '{"message_id": "m9", "conversation_id": "1001", "helpdesk": "freshdesk", "author_role": "customer", "author_email": "a@marketplace.amazon.de", "created_at": "2026-10-09T08:00:00Z", "body": "Das Paket ist doch nicht angekommen."}\n',
  );
  changes = { reopened: reopened.id, deleted: deleted.id, leaver: leaver.id, refunded: refunded!.id, returned: returned!.id };

  night2 = await runScript('elt', [], env);
  if (night2.code !== 0) throw new Error(`night 2 failed:\n${night2.stdout}\n${night2.stderr}`);

  // the same lake, warehouse and state in another folder, rebuilt from scratch
  const copy = smallDemoEnv();
  cpSync(env.CSW_DATA_DIR!, copy.CSW_DATA_DIR!, { recursive: true });
  fullEnv = { ...env, CSW_DATA_DIR: copy.CSW_DATA_DIR!, CSW_LOG_DIR: copy.CSW_LOG_DIR! };
  fullRefresh = await runScript('transform', ['--quiet', '--full-refresh'], fullEnv);
  if (fullRefresh.code !== 0) throw new Error(`full refresh failed:\n${fullRefresh.stdout}\n${fullRefresh.stderr}`);
}, 600_000);

afterAll(async () => {
  await zendesk.stop();
  await shopify?.close();
});

describe('incremental nightly builds', () => {
  it('builds in full the first night and incrementally the next, and says so', () => {
    expect(night1.stderr + night1.stdout).toContain('transform: full build: no previous complete build in this warehouse');
    expect(night2.stderr + night2.stdout).toMatch(/transform: incremental: conversations and orders changed by loads after \d{8}T\d{9}Z-[0-9a-f]{6}/);
    expect(fullRefresh.stderr + fullRefresh.stdout).toContain('transform: full refresh asked for');
  });

  it('rebuilds only what the changes touched', async () => {
    await withWarehouse(async (db) => {
      const changed = await count(db, 'select count(*) as n from intermediate.int_conversations_changed');
      const conversations = await count(db, 'select count(*) as n from core.fct_conversations');
      expect(changed).toBeGreaterThan(0);
      expect(changed).toBeLessThan(conversations);
      const ids = (await db.all<{ conversation_id: string }>('select conversation_id from intermediate.int_conversations_changed')).map((r) => r.conversation_id);
      expect(ids).toEqual(expect.arrayContaining([`zendesk-${changes.reopened}`, `zendesk-${changes.deleted}`, 'files-freshdesk:1001']));
      const orders = (await db.all<{ order_id: string }>('select order_id from intermediate.int_orders_changed')).map((r) => r.order_id);
      expect(orders).toEqual(expect.arrayContaining([`shopify-${changes.refunded}`, `shopify-${changes.returned}`, 'files-amazon:302-2']));
      expect(orders.length).toBeLessThan(await count(db, 'select count(*) as n from core.fct_orders'));
    });
  });

  it('shows the late changes in the facts', async () => {
    await withWarehouse(async (db) => {
      const conversation = async (id: string) =>
        (await db.all<{ is_solved: boolean; reopen_count: number }>(`select is_solved, reopen_count from core.fct_conversations where conversation_id = '${id}'`))[0];
      expect((await conversation(`zendesk-${changes.reopened}`))?.is_solved).toBe(false);
      expect(await conversation(`zendesk-${changes.deleted}`)).toBeUndefined();
      expect((await conversation('files-freshdesk:1001'))?.is_solved).toBe(false);
      expect(await count(db, `select refund_count as n from core.fct_orders where order_id = 'shopify-${changes.refunded}'`)).toBe(1);
      expect(await count(db, `select return_count as n from core.fct_orders where order_id = 'shopify-${changes.returned}'`)).toBe(1);
      expect(await count(db, "select rating as n from core.fct_reviews where review_id like '%RV1'")).toBe(4);
      expect(await count(db, "select refund_count as n from core.fct_orders where order_id = 'files-amazon:302-2'")).toBe(1);
    });
  });

  it('gives exactly the tables a full refresh gives, row for row', async () => {
    await withDb(':memory:', async (db) => {
      await db.run(`attach '${warehouse(env)}' as incremental (read_only)`);
      await db.run(`attach '${warehouse(fullEnv)}' as rebuilt (read_only)`);
      const tables = await db.all<{ table_schema: string; table_name: string }>(
        `select table_schema, table_name from information_schema.tables
         where table_catalog = 'incremental' and table_type = 'BASE TABLE'
           and table_schema in ('staging', 'intermediate', 'core', 'marts')
           and table_name not like 'pipeline%' and table_name not like '%_changed'
         order by 1, 2`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['fct_conversations', 'fct_orders', 'fct_order_lines', 'fct_response_events', 'int_messages_classified', 'int_support_waits_timed', 'fct_reviews']));
      const differences: string[] = [];
      for (const { table_schema: schema, table_name: name } of tables) {
        const a = `incremental.${schema}.${name}`;
        const b = `rebuilt.${schema}.${name}`;
        const onlyIncremental = await count(db, `select count(*) as n from (select * from ${a} except all select * from ${b})`);
        const onlyRebuilt = await count(db, `select count(*) as n from (select * from ${b} except all select * from ${a})`);
        if (onlyIncremental + onlyRebuilt > 0) differences.push(`${schema}.${name}: ${onlyIncremental} rows only incremental, ${onlyRebuilt} only in the full refresh`);
      }
      expect(differences).toEqual([]);
    });
  });
});
