/**
 * End to end from real sources: `npm run elt` with CSW_SOURCES=zendesk,shopify,files, the Zendesk and Shopify
 * connectors against their local API servers and a GBK review export in the drop folder, through the real dbt
 * build to the published marts; a few figures checked against what the servers and the file hold.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../extract/core/duckdb.ts';
import { ShopifyServer } from '../extract/sources/shopify-server.ts';
import { ZendeskTestServer, type Rec } from '../extract/sources/zendesk-server.ts';
import { count, runScript, smallDemoEnv, withDb, type CommandResult } from './helpers.ts';

const zendesk = new ZendeskTestServer({ tickets: 60 });
let shopify: ShopifyServer;
let env: Record<string, string>;
let elt: CommandResult;
/** Three reviews of Shopify orders, as a Chinese seller's GBK export with Chinese headers. */
let reviewed: { name: string; rating: number }[];

const withPublished = <T>(use: (db: Db) => Promise<T>) => withDb(join(env.CSW_DATA_DIR!, 'published', 'marts.duckdb'), use);

beforeAll(async () => {
  await zendesk.start();
  shopify = await new ShopifyServer({ orders: 60 }).start();
  const base = smallDemoEnv();
  const inbox = join(base.CSW_DATA_DIR!, 'inbox');
  mkdirSync(inbox, { recursive: true });
  const storeOrders = shopify.orders.filter((o) => o.sourceName === 'web').slice(0, 3);
  reviewed = storeOrders.map((o, i) => ({ name: `#${o.number}`, rating: [5, 2, 4][i]! }));
  const csv = ['评论ID,平台,站点,订单编号,星级,标题,评论内容,评论日期']
    .concat(reviewed.map((r, i) => `R-${i + 1},shopify,US,${r.name},${r.rating},标题${i + 1},"质量不错，物流有点慢",2026/10/0${i + 1} 10:00`))
    .join('\r\n');
  writeFileSync(join(inbox, 'reviews-shop.csv'), iconv.encode(csv + '\r\n', 'gbk'));
  const mapping = join(base.CSW_DATA_DIR!, 'mapping.json');
  writeFileSync(
    mapping,
    JSON.stringify({
      files: [
        {
          match: 'reviews-*.csv',
          entity: 'reviews',
          encoding: 'gbk',
          date_format: '%Y/%m/%d %H:%M',
          time_zone: 'Asia/Shanghai',
          columns: { 评论ID: 'review_id', 平台: 'platform', 站点: 'marketplace_country', 订单编号: 'order_number', 星级: 'rating', 标题: 'title', 评论内容: 'body', 评论日期: 'created_at' },
        },
      ],
    }),
  );
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
    CSW_FILES_MAPPING: mapping,
  };
  elt = await runScript('elt', [], env);
  if (elt.code !== 0) throw new Error(`npm run elt failed:\n${elt.stdout}\n${elt.stderr}`);
});

afterAll(async () => {
  await zendesk.stop();
  await shopify?.close();
});

describe('npm run elt on Zendesk, Shopify and file exports', () => {
  it('extracts every source and builds every mart', () => {
    for (const stream of ['zendesk.tickets', 'zendesk.ticket_comments', 'shopify.orders', 'files.reviews']) {
      expect(elt.stdout).toMatch(new RegExp(`${stream.replace('.', '\\.')}\\s+[1-9][\\d,]*`));
    }
    expect(elt.stdout).toMatch(/\btransform\s+success/);
    expect(elt.stdout).toMatch(/\bpublish\s+success/);
  });

  it("counts the helpdesk's conversations and times a first response as the Zendesk server's audits say", async () => {
    const live = [...zendesk.tickets.values()].filter((t) => t.status !== 'deleted');
    const agents = new Set([...zendesk.users.values()].filter((u) => u.role === 'agent' || u.role === 'admin').map((u) => u.id as number));
    // By hand, for one ticket: first public comment of its requester, then the first public agent comment after it.
    const firstResponse = (ticket: Rec): number | null => {
      const comments = (zendesk.audits.get(ticket.id) ?? [])
        .flatMap((audit) => (audit.events as Rec[]).filter((e) => e.type === 'Comment' && e.public).map((e) => ({ at: Date.parse(audit.created_at), author: e.author_id as number })))
        .sort((a, b) => a.at - b.at);
      const asked = comments.find((c) => c.author === ticket.requester_id);
      const answered = asked && comments.find((c) => c.at >= asked.at && agents.has(c.author));
      return answered ? (answered.at - asked!.at) / 1000 : null;
    };
    const ticket = live.find((t) => firstResponse(t) !== null)!;
    await withPublished(async (db) => {
      expect(await count(db, `select count(*) as n from fct_conversations where source_system = 'zendesk'`)).toBe(live.length);
      expect(await count(db, 'select sum(conversations) as n from support_kpis_daily')).toBe(live.length);
      const [row] = await db.all<{ first_response_seconds: number | null }>(
        'select first_response_seconds from fct_conversations where conversation_id = $id',
        { id: `zendesk-${ticket.id}` },
      );
      expect(Number(row!.first_response_seconds)).toBe(firstResponse(ticket));
    });
  });

  it("counts the store's orders and refunds as the Shopify server holds them", async () => {
    const refunds = shopify.orders.reduce((n, o) => n + o.refunds.length, 0);
    await withPublished(async (db) => {
      expect(await count(db, `select count(*) as n from fct_orders where source_system = 'shopify'`)).toBe(shopify.orders.length);
      expect(await count(db, 'select count(*) as n from fct_refunds')).toBe(refunds);
      expect(await count(db, 'select sum(refund_count) as n from fct_orders')).toBe(refunds);
    });
  });

  it('links the reviews of the GBK export to their Shopify orders and rates them', async () => {
    await withPublished(async (db) => {
      const rows = await db.all<{ order_number: string; rating: number; linked: boolean; reviewed_at: string }>(
        `select order_number, rating, order_id is not null as linked, cast(reviewed_at as varchar) as reviewed_at
         from fct_reviews where source_system = 'files' order by order_number`,
      );
      expect(rows.map((r) => [r.order_number, Number(r.rating), r.linked])).toEqual(
        [...reviewed].sort((a, b) => a.name.localeCompare(b.name)).map((r) => [r.name, r.rating, true]),
      );
      // 10:00 in Shanghai is 02:00 UTC.
      expect(rows.every((r) => r.reviewed_at.endsWith(' 02:00:00'))).toBe(true);
      // (5 + 2 + 4) / 3 stars; one of three is a 1-2 star review.
      const [all] = await db.all<{ stars: number; low: number }>(
        'select sum(avg_rating * reviews) / sum(reviews) as stars, sum(low_rating_reviews) / sum(reviews) as low from rating_drivers where driver = $driver',
        { driver: 'return' },
      );
      expect(all!.stars).toBeCloseTo(11 / 3, 10);
      expect(all!.low).toBeCloseTo(1 / 3, 10);
    });
  });
});
