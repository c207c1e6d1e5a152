/**
 * End to end from real sources: `npm run elt` with CSW_SOURCES=zendesk,shopify,files, the Zendesk and Shopify
 * connectors against their local API servers and, in the drop folder, a GBK review export and a helpdesk's
 * conversation and message exports, through the real dbt build to the published marts; a few figures checked
 * against what the servers and the files hold.
 *
 * Then the next night: late changes in every source (a solved conversation reopened days later, an agent
 * downgraded on leaving, a deleted ticket, a new ticket, a CSAT rating changed, a refund on a reviewed order, a
 * return, a review edited, an exported conversation reopened). That night's transform is incremental; a full
 * refresh of a copy of the same data must give exactly the same tables, row for row.
 */
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../extract/core/config.ts';
import { openDb, type Db } from '../../extract/core/duckdb.ts';
import { ShopifyServer } from '../extract/sources/shopify-server.ts';
import { ZendeskTestServer, type Rec } from '../extract/sources/zendesk-server.ts';
import { count, runScript, smallDemoEnv, warehouseDifferences, withDb, type CommandResult } from './helpers.ts';

const warehouse = (e: Record<string, string>) => join(e.CSW_DATA_DIR!, 'warehouse.duckdb');

const FILES_FIXTURES = join(PROJECT_ROOT, 'tests', 'e2e', 'fixtures', 'files-only');
const zendesk = new ZendeskTestServer({ tickets: 60 });
let shopify: ShopifyServer;
let env: Record<string, string>;
let inbox: string;
let elt: CommandResult;
/** Three reviews of Shopify orders, as a Chinese seller's GBK export with Chinese headers. */
let reviewed: { name: string; rating: number }[];
/**
 * A parcel still in transit, promised after the day the store's data first reaches (the latest order change) and
 * before the next night's: not late the first night, late the next, though the order itself never changes.
 */
let transit: { id: number; name: string };

const withPublished = <T>(use: (db: Db) => Promise<T>) => withDb(join(env.CSW_DATA_DIR!, 'published', 'marts.duckdb'), use);

/** The seller's review export: GBK, Chinese headers, one review per reviewed order. */
function writeReviews(): void {
  const csv = ['评论ID,平台,站点,订单编号,星级,标题,评论内容,评论日期']
    .concat(reviewed.map((r, i) => `R-${i + 1},shopify,US,${r.name},${r.rating},标题${i + 1},"质量不错，物流有点慢",2026/10/0${i + 1} 10:00`))
    .join('\r\n');
  writeFileSync(join(inbox, 'reviews-shop.csv'), iconv.encode(csv + '\r\n', 'gbk'));
}

beforeAll(async () => {
  await zendesk.start();
  shopify = await new ShopifyServer({ orders: 60 }).start();
  const base = smallDemoEnv();
  inbox = join(base.CSW_DATA_DIR!, 'inbox');
  mkdirSync(inbox, { recursive: true });
  for (const file of ['conversations-freshdesk.csv', 'messages-freshdesk.ndjson']) copyFileSync(join(FILES_FIXTURES, file), join(inbox, file));
  const inTransit = shopify.orders.filter((o) => o.fulfillments.length > 0 && o.fulfillments.every((f) => f.deliveredAt === null) && !o.cancelledAt && o.returns.length === 0).at(-1)!;
  inTransit.fulfillments[0]!.estimatedDeliveryAt = '2026-10-25T12:00:00Z';
  transit = { id: inTransit.id, name: `#${inTransit.number}` };
  const storeOrders = shopify.orders.filter((o) => o.sourceName === 'web').slice(0, 3);
  reviewed = storeOrders.map((o, i) => ({ name: `#${o.number}`, rating: [5, 2, 4][i]! }));
  writeReviews();
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
      const exported = await count(db, `select count(*) as n from fct_conversations where source_system = 'files'`);
      expect(exported).toBe(2);
      expect(await count(db, 'select sum(conversations) as n from support_kpis_daily')).toBe(live.length + exported);
      const [row] = await db.all<{ first_response_seconds: number | null }>(
        'select first_response_seconds from fct_conversations where conversation_id = $id',
        { id: `zendesk-${ticket.id}` },
      );
      expect(Number(row!.first_response_seconds)).toBe(firstResponse(ticket));
    });
  });

  it('does not call a parcel in transit late (nor on time: not known yet) before the data reaches its promised day', async () => {
    await withPublished(async (db) => {
      const rows = await db.all<{ delivery_status: string; is_late: boolean; until: string }>(
        `select delivery_status, is_late, (select max(updated_at) from fct_orders where source_system = 'shopify')::varchar as until
         from fct_orders where order_id = 'shopify-${transit.id}'`,
      );
      expect(rows).toEqual([{ delivery_status: 'in_transit', is_late: null, until: expect.stringMatching(/^2026-(0\d|10-(0\d|1\d|2[0-4]))/) }]);
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

describe('the next night, after late changes: an incremental build', () => {
  let night2: CommandResult;
  let fullRefresh: CommandResult;
  let fullEnv: Record<string, string>;
  let changes: { reopened: number; deleted: number; refunded: number; refundsNow: number; returned: number; edited: string };

  beforeAll(async () => {
    const solved = [...zendesk.tickets.values()].filter((t) => t.status === 'solved' || t.status === 'closed');
    const reopened = zendesk.addComment(solved[0]!.id, 'Das Ersatzteil passt doch nicht 😞 还是不行');
    const deleted = zendesk.deleteTicket(solved[1]!.id);
    zendesk.addTicket();
    zendesk.setUserRole(zendesk.agentIds()[2]!, 'end-user');
    const rating = [...zendesk.ratings.values()][0]!;
    zendesk.changeRating(rating.id, rating.score === 'good' ? 'bad' : 'good');
    zendesk.advance(120_000); // older than the export's one-minute hold-back
    // a refund on an order reviewed in the export, a return on another order, the 2-star review edited to 4
    const refunded = shopify.orders.find((o) => `#${o.number}` === reviewed[0]!.name)!;
    shopify.addRefund(refunded.id);
    const returned = shopify.orders.find((o) => o.returns.length === 0 && o.fulfillments.length > 0 && o.id !== refunded.id && o.id !== transit.id)!;
    shopify.addReturn(returned.id);
    reviewed[1]!.rating = 4;
    writeReviews();
    // the exported conversation 1001 (solved on 10-06) reopened by its customer three days later
    writeFileSync(
      join(inbox, 'conversations-freshdesk.csv'),
      readFileSync(join(FILES_FIXTURES, 'conversations-freshdesk.csv'), 'utf8').replace(
        'Resolved,Wo ist mein Paket?,a@marketplace.amazon.de,Anna Schmidt,302-1,DE,de,Lena,"delivery, late",2026-10-06T15:00:00Z',
        'Open,Wo ist mein Paket?,a@marketplace.amazon.de,Anna Schmidt,302-1,DE,de,Lena,"delivery, late",2026-10-09T08:00:00Z',
      ),
    );
    appendFileSync(
      join(inbox, 'messages-freshdesk.ndjson'),
      '{"message_id": "m9", "conversation_id": "1001", "helpdesk": "freshdesk", "author_role": "customer", "author_email": "a@marketplace.amazon.de", "created_at": "2026-10-09T08:00:00Z", "body": "Das Paket ist doch nicht angekommen."}\n',
    );
    changes = { reopened: reopened.id, deleted: deleted.id, refunded: refunded.id, refundsNow: refunded.refunds.length, returned: returned.id, edited: reviewed[1]!.name };

    night2 = await runScript('elt', [], env);
    if (night2.code !== 0) throw new Error(`night 2 failed:\n${night2.stdout}\n${night2.stderr}`);
    // the same lake, warehouse and state in another folder, rebuilt from scratch
    const copy = smallDemoEnv();
    cpSync(env.CSW_DATA_DIR!, copy.CSW_DATA_DIR!, { recursive: true });
    fullEnv = { ...env, CSW_DATA_DIR: copy.CSW_DATA_DIR!, CSW_LOG_DIR: copy.CSW_LOG_DIR! };
    fullRefresh = await runScript('transform', ['--quiet', '--full-refresh'], fullEnv);
    if (fullRefresh.code !== 0) throw new Error(`full refresh failed:\n${fullRefresh.stdout}\n${fullRefresh.stderr}`);
  });

  it('built in full the first night and incrementally the next, and says so', () => {
    expect(elt.stdout).toContain('transform: full build: no previous complete build in this warehouse');
    expect(night2.stdout).toMatch(/transform: incremental: conversations and orders changed by loads after \d{8}T\d{9}Z-[0-9a-f]{6}/);
    expect(fullRefresh.stdout).toContain('transform: full refresh asked for');
  });

  it('leaves out of the night what changes only with the project: unit tests, seeds, models built from seeds alone and their tests', () => {
    const target = join(env.CSW_DATA_DIR!, 'dbt-target');
    const ran = (JSON.parse(readFileSync(join(target, 'run_results.json'), 'utf8')) as { results: { unique_id: string }[] }).results.map((r) => r.unique_id);
    const nodes = (JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8')) as {
      nodes: Record<string, { resource_type: string; tags: string[]; depends_on: { nodes: string[] } }>;
    }).nodes;
    const models = Object.entries(nodes).filter(([, n]) => n.resource_type === 'model');
    const tagged = new Set(models.filter(([, n]) => n.tags.includes('built_from_seeds')).map(([id]) => id));
    // the tag is exactly the models whose every parent is a seed or such a model (the calendar has none): no source,
    // no other model, so they change only with the project
    const fromSeeds = (parents: string[]) => parents.every((p) => p.startsWith('seed.') || tagged.has(p));
    expect(models.filter(([, n]) => fromSeeds(n.depends_on.nodes)).map(([id]) => id).sort()).toEqual([...tagged].sort());
    expect(tagged).toContain('model.cs_warehouse.dim_date');
    expect(tagged).toContain('model.cs_warehouse.int_business_clock');
    expect(ran.filter((id) => id.startsWith('unit_test.') || id.startsWith('seed.') || tagged.has(id))).toEqual([]);
    // nor the tests that look at those alone (a seed's, a calendar day's unique and not-null tests; a singular test
    // that reads no model has no parent to leave out, and runs)
    const leftOut = Object.entries(nodes)
      .filter(([, n]) => n.resource_type === 'test' && n.depends_on.nodes.length > 0 && fromSeeds(n.depends_on.nodes))
      .map(([id]) => id);
    expect(leftOut.length).toBeGreaterThan(40);
    expect(ran.filter((id) => leftOut.includes(id))).toEqual([]);
    expect(ran.filter((id) => /^test\.cs_warehouse\.(unique|not_null)_(markets_market_code|dim_date_date_day)\./.test(id))).toEqual([]);
    // a test between a model and a seed, or a model built from seeds, looks at the model's rows: it runs
    expect(ran.filter((id) => id.startsWith('test.cs_warehouse.relationships_fct_conversations_issue_category__issue_category__ref_issue_categories_.'))).toHaveLength(1);
    expect(ran.filter((id) => id.startsWith('test.cs_warehouse.relationships_fct_orders_order_date__date_day__ref_dim_date_.'))).toHaveLength(1);
    expect(ran).toContain('test.cs_warehouse.assert_24x7_business_time_equals_calendar_time');
  });

  it('reads the previous build of a table before the night rebuilds it', () => {
    // A changed-keys model compares with the previous build of a table (macro previous_build_of): that table must
    // depend on it, or dbt may rebuild the table first and the comparison sees the new rows (an order's old e-mail
    // lost, the conversations it linked not re-linked).
    const nodes = (JSON.parse(readFileSync(join(env.CSW_DATA_DIR!, 'dbt-target', 'manifest.json'), 'utf8')) as {
      nodes: Record<string, { resource_type: string; name: string; raw_code: string; depends_on: { nodes: string[] } }>;
    }).nodes;
    const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
      for (const parent of nodes[id]?.depends_on.nodes ?? []) if (!seen.has(parent)) ancestors(parent, seen.add(parent));
      return seen;
    };
    const reads = Object.entries(nodes).flatMap(([id, n]) =>
      n.resource_type !== 'model' ? [] : [...n.raw_code.matchAll(/previous_build_of\('(\w+)'\)/g)].map((m) => ({ reader: id, table: `model.cs_warehouse.${m[1]}` })),
    );
    expect(reads.length).toBeGreaterThan(5);
    expect(reads.filter(({ reader, table }) => table !== reader && !ancestors(table).has(reader))).toEqual([]);
  });

  it('rebuilds only what the changes touched', async () => {
    await withDb(warehouse(env), async (db) => {
      const conversations = (await db.all<{ conversation_id: string }>('select conversation_id from intermediate.int_conversations_changed')).map((r) => r.conversation_id);
      expect(conversations).toEqual(expect.arrayContaining([`zendesk-${changes.reopened}`, `zendesk-${changes.deleted}`, 'files-freshdesk:1001']));
      expect(conversations.length).toBeLessThan(await count(db, 'select count(*) as n from core.fct_conversations'));
      const orders = (await db.all<{ order_id: string }>('select order_id from intermediate.int_orders_changed')).map((r) => r.order_id);
      expect(orders).toEqual(expect.arrayContaining([`shopify-${changes.refunded}`, `shopify-${changes.returned}`]));
      expect(orders.length).toBeLessThan(await count(db, 'select count(*) as n from core.fct_orders'));
      // beyond those, fct_orders re-measures only the parcels in transit whose lateness the data's new reach may
      // change: the one promised between the two nights' reach, not the others in transit
      const remeasuredOnly = (
        await db.all<{ order_id: string }>(
          'select order_id from intermediate.int_orders_remeasured where order_id not in (select order_id from intermediate.int_orders_changed) order by 1',
        )
      ).map((r) => r.order_id);
      expect(remeasuredOnly).toEqual([`shopify-${transit.id}`]);
      const inTransitKept = `select count(*) as n from core.fct_orders where delivery_status = 'in_transit'
        and order_id not in (select order_id from intermediate.int_orders_remeasured)`;
      expect(await count(db, inTransitKept)).toBeGreaterThan(0);
      // the customers of those orders and conversations, not every customer (that the list also holds the keys they
      // carried at the last build, e.g. the deleted ticket's requester, shows in the comparison with a full refresh)
      const customers = (await db.all<{ customer_key: string }>('select customer_key from intermediate.int_customers_changed')).map((r) => r.customer_key);
      expect(customers.length).toBeLessThan(await count(db, 'select count(*) as n from core.dim_customers'));
      expect(customers.length).toBeGreaterThan(0);
      // the canonical tables rebuilt only the records that landed (the order links widen the list above)
      const landed = (await db.all<{ conversation_id: string }>('select conversation_id from intermediate.int_conversations_landed')).map((r) => r.conversation_id);
      expect(landed).toEqual(expect.arrayContaining([`zendesk-${changes.reopened}`, `zendesk-${changes.deleted}`, 'files-freshdesk:1001']));
      expect(landed.length).toBeLessThanOrEqual(conversations.length);
      // every model kept by key was written incrementally, after a whole successful build (night 1), so its data
      // tests looked at the rows written; and night 2 succeeded as a whole in turn
      expect(await db.all('select rows_written_only from pipeline_state.test_scope')).toEqual([{ rows_written_only: true }]);
      expect(await db.all('select succeeded from pipeline_state.last_build')).toEqual([{ succeeded: true }]);
      const written = (await db.all<{ model: string }>('select model from pipeline_state.incremental_writes')).map((r) => r.model);
      // (staging: the streams that landed a new load over older ones, the tickets and orders here)
      for (const model of ['staging"."stg_zendesk__tickets', 'staging"."stg_shopify__orders', 'intermediate"."int_conversations_unioned', 'intermediate"."int_orders_unioned', 'core"."bridge_conversation_tags', 'core"."fct_orders', 'core"."fct_conversations', 'core"."dim_customers']) {
        expect(written).toContain(`"warehouse"."${model}"`);
      }
    });
  });

  it('shows the late changes in the published facts', async () => {
    await withPublished(async (db) => {
      const solved = async (id: string) => (await db.all<{ is_solved: boolean }>('select is_solved from fct_conversations where conversation_id = $id', { id }))[0]?.is_solved;
      expect(await solved(`zendesk-${changes.reopened}`)).toBe(false);
      expect(await solved(`zendesk-${changes.deleted}`)).toBeUndefined();
      expect(await solved('files-freshdesk:1001')).toBe(false);
      expect(await count(db, `select refund_count as n from fct_orders where order_id = 'shopify-${changes.refunded}'`)).toBe(changes.refundsNow);
      expect(await count(db, `select return_count as n from fct_orders where order_id = 'shopify-${changes.returned}'`)).toBe(1);
      // the refund moved the store's data past the parcel's promised day: late now, though its order did not change
      expect(await db.all(`select delivery_status, is_late from fct_orders where order_id = 'shopify-${transit.id}'`)).toEqual([{ delivery_status: 'in_transit', is_late: true }]);
      expect(await count(db, `select rating as n from fct_reviews where source_system = 'files' and order_number = '${changes.edited}'`)).toBe(4);
      // the run history: the first night's transform was a full build (this night's own run shows as running)
      expect(await db.all("select transform_mode from pipeline_runs where command = 'elt' and not is_current_run")).toEqual([{ transform_mode: 'full' }]);
    });
  });

  it('publishes exactly what the warehouse holds, the tables patched by key and the unchanged ones kept included', async () => {
    const reuse = /publish: (\d+) tables unchanged since the last publication, (\d+) patched by key, (\d+) copied whole/.exec(night2.stdout);
    expect(reuse, night2.stdout).not.toBeNull();
    const [unchanged, patched] = [Number(reuse![1]), Number(reuse![2])];
    expect(patched).toBeGreaterThan(0); // the facts of the changed conversations and orders
    expect(unchanged).toBeGreaterThan(0); // e.g. the calendar
    const published = join(env.CSW_DATA_DIR!, 'published');
    const manifest = JSON.parse(readFileSync(join(published, 'manifest.json'), 'utf8')) as { tables: { table: string; layer: string; rows: number }[] };
    await withDb(':memory:', async (db) => {
      await db.run(`attach '${join(published, 'marts.duckdb')}' as published (read_only)`);
      await db.run(`attach '${warehouse(env)}' as warehouse (read_only)`);
      const differences: string[] = [];
      for (const { table, rows } of manifest.tables) {
        const schema = table.startsWith('dim_') || table.startsWith('fct_') || table.startsWith('bridge_') ? 'core' : 'marts';
        const views = [`published.main.${table}`, `read_parquet('${join(published, 'parquet', `${table}.parquet`)}')`];
        for (const view of views) {
          const extra = await count(db, `select count(*) as n from (select * from ${view} except all select * from warehouse.${schema}.${table})`);
          const missing = await count(db, `select count(*) as n from (select * from warehouse.${schema}.${table} except all select * from ${view})`);
          if (extra + missing > 0) differences.push(`${view}: ${extra} rows not in the warehouse, ${missing} missing`);
        }
        const csvLines = readFileSync(join(published, 'csv', `${table}.csv`), 'utf8').trimEnd().split('\n').length - 1;
        if (rows !== (await count(db, `select count(*) as n from warehouse.${schema}.${table}`)) || (rows > 0 && csvLines < rows)) {
          differences.push(`${table}: manifest ${rows} rows, CSV ${csvLines} lines`);
        }
      }
      expect(differences).toEqual([]);
    });
  });

  it('gives exactly the tables a full refresh gives, row for row', async () => {
    const { tables, differences } = await warehouseDifferences(warehouse(env), warehouse(fullEnv));
    expect(tables).toEqual(
      expect.arrayContaining(['fct_conversations', 'fct_orders', 'fct_order_lines', 'fct_response_events', 'int_messages_classified', 'int_support_waits_timed', 'fct_reviews', 'int_conversations_unioned', 'int_orders_unioned', 'int_order_lines_unioned', 'int_fulfillments_summarised_to_orders', 'bridge_conversation_tags']),
    );
    expect(differences).toEqual([]);
  });

  it("tests the rows a night writes and those whose parent it rewrote, not the rows it kept", async () => {
    // A copy of the warehouse after night 2 (a whole, successful build), with faults planted on purpose; then the
    // two facts are built again incrementally (the same changed-keys lists) and their tests run.
    const broken = smallDemoEnv();
    cpSync(env.CSW_DATA_DIR!, broken.CSW_DATA_DIR!, { recursive: true });
    const brokenEnv = { ...env, CSW_DATA_DIR: broken.CSW_DATA_DIR!, CSW_LOG_DIR: broken.CSW_LOG_DIR! };
    const db = await openDb(warehouse(brokenEnv)); // read-write
    const planted = await (async () => {
      const remeasured = 'select conversation_id from intermediate.int_conversations_remeasured';
      const [written] = await db.all<{ conversation_id: string }>(`${remeasured} order by 1 limit 1`);
      const [kept] = await db.all<{ conversation_id: string }>(`select conversation_id from core.fct_conversations where conversation_id not in (${remeasured}) order by 1 limit 1`);
      // an order no conversation the build writes refers to
      const [order] = await db.all<{ order_id: string }>(
        `select order_id from core.fct_orders
         where order_id not in (select order_id from core.fct_conversations where conversation_id in (${remeasured}) and order_id is not null)
         order by 1 limit 1`,
      );
      const [w, k, o] = [written!.conversation_id, kept!.conversation_id, order!.order_id].map((id) => `'${id}'`);
      // written: the upstream row of a conversation the build rewrites loses its channel
      await db.run(`update intermediate.int_conversations_unioned set channel = null where conversation_id = ${w}`);
      // kept: the same fault straight in a fact row the build does not write, which also refers to the order
      await db.run(`update core.fct_conversations set channel = null, order_id = ${o} where conversation_id = ${k}`);
      // the order: gone upstream and listed for rebuilding, so the build drops it from fct_orders
      await db.run(`delete from intermediate.int_orders_unioned where order_id = ${o}`);
      await db.run(`insert into intermediate.int_orders_remeasured (order_id) values (${o})`);
      return { referring: await count(db, `select count(*) as n from core.fct_conversations where order_id = ${o}`) };
    })().finally(() => db.close());
    const build = await runScript('dbt', ['build', '--select', 'fct_conversations', 'fct_orders'], brokenEnv);
    expect(build.code).not.toBe(0);
    const results = (JSON.parse(readFileSync(join(brokenEnv.CSW_DATA_DIR!, 'dbt-target', 'run_results.json'), 'utf8')) as { results: { unique_id: string; failures: number | null }[] }).results;
    const failures = (test: string) => results.find((r) => r.unique_id.startsWith(`test.cs_warehouse.${test}`))?.failures;
    // the written row's null is found, the kept row's is not looked at (it passed when it was written)
    expect(failures('not_null_fct_conversations_channel')).toBe(1);
    // the kept rows whose parent order the build rewrote (and lost) are looked at
    expect(failures('relationships_fct_conversations_order_id__order_id__ref_fct_orders_')).toBe(planted.referring);
    expect(planted.referring).toBeGreaterThan(0);
  });
});

describe('a night when Zendesk is down', () => {
  const published = () => join(env.CSW_DATA_DIR!, 'published', 'marts.duckdb');
  const zendeskState = () => readFileSync(join(env.CSW_DATA_DIR!, 'lake', '_state', 'zendesk.json'), 'utf8');
  /** Row count and order-independent hash of every published table. */
  const fingerprint = () =>
    withDb(published(), async (db) => {
      const tables = await db.all<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'main' order by 1");
      const out: Record<string, string> = {};
      for (const { name } of tables) {
        const [row] = await db.all<{ n: string; h: string }>(`select count(*)::varchar as n, coalesce(bit_xor(hash(t)), 0)::varchar as h from "${name}" as t`);
        out[name] = `${row!.n}:${row!.h}`;
      }
      return out;
    });

  it('fails with the URL and the reason, advances nothing, and leaves the publication as it was', async () => {
    const before = { published: await fingerprint(), state: zendeskState() };
    zendesk.faults = { errorEvery: 1 }; // every request answers 503
    zendesk.advance(120_000);
    const run = await runScript('elt', ['--quiet'], { ...env, CSW_HTTP_MAX_RETRIES: '1' });
    zendesk.faults = {};
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/Zendesk kept failing at http:\/\/127\.0\.0\.1:\d+\/api\/v2\/\S+ after 2 attempts: Zendesk answered 503/);
    expect(run.stdout).not.toMatch(/\btransform\s+success/);
    expect(zendeskState()).toBe(before.state);
    expect(await fingerprint()).toEqual(before.published);
  });
});
