/**
 * The demo source on a small world (2 000 conversations over 60 days): determinism, the record contracts,
 * referential integrity, the shape of the world, and the cause and effect the marts are meant to show, all
 * worked out here from the raw records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../extract/core/config.ts';
import { silentLogger } from '../../../extract/core/log.ts';
import type { RawRecord, ReadContext, SourceDefinition } from '../../../extract/core/stream.ts';
import { DEMO_DEFAULTS, createDemoSource, type DemoOptions } from '../../../extract/sources/demo/index.ts';
import { DEMO_CUSTOM_FIELDS } from '../../../extract/sources/zendesk/schemas.ts';

const OPTIONS: DemoOptions = { seed: 7, scale: 2000, endDate: '2026-10-31', days: 60 };
const STREAMS = ['tickets', 'ticket_comments', 'ticket_audits', 'users', 'groups', 'satisfaction_ratings', 'products', 'orders', 'returns', 'reviews'];
const DAY_MS = 86_400_000;

type Rec = Record<string, any>;
type World = Record<string, Rec[]>;

const ctx: ReadContext = {
  loadId: 'test',
  log: silentLogger,
  signal: new AbortController().signal,
  async checkpoint() {},
};

async function readAll(source: SourceDefinition): Promise<World> {
  const world: World = {};
  for (const stream of source.streams) {
    const records: RawRecord[] = [];
    for await (const item of stream.read(ctx, undefined)) records.push(...(Array.isArray(item) ? item : [item]));
    world[stream.name] = records;
  }
  return world;
}

const ms = (iso: string) => Date.parse(iso);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const field = (ticket: Rec, id: number) => ticket.custom_fields.find((f: Rec) => f.id === id)?.value ?? null;

let source: SourceDefinition;
let world: World;
let users: Map<number, Rec>;
let botId: number;
let humanAgents: Set<number>;
let commentsByTicket: Map<number, Rec[]>;
let ordersByName: Map<string, Rec>;
let windowStart: number;

/** First public reply by a human agent minus the first public customer message, in hours (null: none). */
function firstResponseHours(ticketId: number): number | null {
  const comments = commentsByTicket.get(ticketId) ?? [];
  const first = comments.find((c) => c.public && !humanAgents.has(c.author_id) && c.author_id !== botId);
  if (!first) return null;
  const reply = comments.find((c) => c.public && humanAgents.has(c.author_id) && ms(c.created_at) >= ms(first.created_at));
  return reply ? (ms(reply.created_at) - ms(first.created_at)) / 3_600_000 : null;
}

beforeAll(async () => {
  source = createDemoSource(OPTIONS);
  world = await readAll(source);
  users = new Map(world.users!.map((u) => [u.id, u]));
  botId = world.users!.find((u) => u.user_fields?.is_bot === true)!.id;
  humanAgents = new Set(world.users!.filter((u) => (u.role === 'agent' || u.role === 'admin') && u.id !== botId).map((u) => u.id));
  commentsByTicket = new Map();
  for (const c of world.ticket_comments!) {
    const list = commentsByTicket.get(c.ticket_id) ?? [];
    list.push(c);
    commentsByTicket.set(c.ticket_id, list);
  }
  for (const list of commentsByTicket.values()) list.sort((a, b) => ms(a.created_at) - ms(b.created_at) || a.id - b.id);
  ordersByName = new Map(world.orders!.map((o) => [o.name, o]));
  windowStart = Date.parse('2026-10-31T00:00:00Z') - (OPTIONS.days - 1) * DAY_MS;
});

describe('demo source: contract', () => {
  it('has the documented defaults and streams', () => {
    expect(DEMO_DEFAULTS).toEqual({ seed: 42, scale: 40000, endDate: '2026-10-31', days: 182 });
    expect(source.name).toBe('demo');
    expect(source.streams.map((s) => s.name)).toEqual(STREAMS);
    for (const stream of source.streams) {
      expect(stream.writeDisposition).toBe('replace');
      expect(stream.description.length).toBeGreaterThan(10);
      for (const key of stream.primaryKey) expect(Object.keys(stream.schema.shape)).toContain(key);
      const hasUpdatedAt = 'updated_at' in stream.schema.shape;
      expect(stream.cursorField).toBe(hasUpdatedAt ? 'updated_at' : undefined);
    }
  });

  it('is deterministic: the same options give byte-identical records, another seed does not', async () => {
    const again = await readAll(createDemoSource({ ...OPTIONS }));
    for (const name of STREAMS) expect(JSON.stringify(again[name]), name).toBe(JSON.stringify(world[name]));
    const other = await readAll(createDemoSource({ ...OPTIONS, seed: 8 }));
    expect(JSON.stringify(other.tickets)).not.toBe(JSON.stringify(world.tickets));
  });

  it('yields records that all pass their stream schema, each version of a record once (primary key and cursor)', () => {
    for (const stream of source.streams) {
      const records = world[stream.name]!;
      expect(records.length, stream.name).toBeGreaterThan(0);
      for (const record of records) {
        const parsed = stream.schema.safeParse(record);
        expect(parsed.success, `${stream.name}: ${parsed.error?.message} in ${JSON.stringify(record).slice(0, 300)}`).toBe(true);
      }
      const version = [...stream.primaryKey, ...(stream.cursorField ? [stream.cursorField] : [])];
      const keys = new Set(records.map((r) => version.map((k) => r[k]).join('|')));
      expect(keys.size, `${stream.name} primary key and cursor`).toBe(records.length);
    }
  });

  it('writes Zendesk times in Z form and shop times with the +08:00 offset, to the second', () => {
    const zendesk = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    const shop = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
    for (const t of world.tickets!) expect(t.created_at).toMatch(zendesk);
    for (const c of world.ticket_comments!) expect(c.created_at).toMatch(zendesk);
    for (const o of world.orders!) {
      expect(o.created_at).toMatch(shop);
      for (const f of o.fulfillments) expect(f.estimated_delivery_at).toMatch(shop);
    }
    for (const r of world.returns!) expect(r.created_at).toMatch(shop);
    const end = Date.parse('2026-11-01T00:00:00Z');
    for (const name of ['tickets', 'ticket_comments', 'ticket_audits', 'satisfaction_ratings', 'reviews']) {
      for (const r of world[name]!) expect(ms(r.created_at), name).toBeLessThan(end);
    }
  });
});

describe('demo source: the world', () => {
  it('has roughly the requested volumes and ratios', () => {
    const tickets = world.tickets!.length;
    expect(tickets).toBeGreaterThan(OPTIONS.scale * 0.8);
    expect(tickets).toBeLessThan(OPTIONS.scale * 1.2);
    const windowOrders = world.orders!.filter((o) => ms(o.created_at) >= windowStart).length;
    expect(windowOrders / tickets).toBeGreaterThan(1.3);
    expect(windowOrders / tickets).toBeLessThan(1.9);
    expect(world.reviews!.length / tickets).toBeGreaterThan(0.2);
    expect(world.reviews!.length / tickets).toBeLessThan(0.4);
    expect(world.returns!.length / tickets).toBeGreaterThan(0.06);
    expect(world.returns!.length / tickets).toBeLessThan(0.15);
    const perTicket = world.ticket_comments!.length / tickets;
    expect(perTicket).toBeGreaterThan(6.5);
    expect(perTicket).toBeLessThan(10);
    expect(world.products!.length).toBeGreaterThanOrEqual(60);
    expect(world.products!.length).toBeLessThanOrEqual(120);
  });

  it('uses exactly the markets of seeds/markets.csv, with their currencies and languages', () => {
    const rows = readFileSync(join(PROJECT_ROOT, 'seeds', 'markets.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const currency = new Map(rows.map((r) => [r[0]!, r[4]!]));
    const language = new Map(rows.map((r) => [r[0]!, r[5]!]));
    const markets = new Set(currency.keys());
    expect(new Set(world.tickets!.map((t) => field(t, DEMO_CUSTOM_FIELDS.market)))).toEqual(markets);
    expect(new Set(world.orders!.map((o) => o.shipping_address.country_code))).toEqual(markets);
    for (const o of world.orders!) {
      expect(o.currency).toBe('USD');
      expect(o.presentment_currency).toBe(currency.get(o.shipping_address.country_code));
    }
    for (const r of world.reviews!) expect(r.language.split('-')[0]).toBe(language.get(r.marketplace_country));
    for (const t of world.tickets!) {
      const locale: string = users.get(t.requester_id)!.locale;
      expect(locale.split('-')[0]).toBe(language.get(field(t, DEMO_CUSTOM_FIELDS.market)));
    }
  });

  it('writes customers in their own language', () => {
    const japanese = /[\u3040-\u30ff]/;
    const han = /[\u4e00-\u9fff]/;
    const byLocale = (locale: string) => world.tickets!.filter((t) => users.get(t.requester_id)!.locale === locale && t.description);
    for (const t of byLocale('ja')) {
      const opening = commentsByTicket.get(t.id)!.find((c) => c.author_id === t.requester_id);
      if (opening) expect(opening.body).toMatch(japanese);
    }
    for (const t of byLocale('zh-CN')) {
      const opening = commentsByTicket.get(t.id)!.find((c) => c.author_id === t.requester_id);
      if (opening) expect(opening.body).toMatch(han);
    }
    const german = byLocale('de').map((t) => commentsByTicket.get(t.id)!.find((c) => c.author_id === t.requester_id)?.body ?? '');
    expect(german.filter((b) => /\b(ich|Bestellung|Paket|Hallo|Guten Tag|nicht)\b/.test(b)).length / german.length).toBeGreaterThan(0.9);
    const spanishReviews = world.reviews!.filter((r) => r.marketplace_country === 'ES');
    expect(spanishReviews.every((r) => /[áéíóúñ¿¡]|\b(muy|calidad|envío|pedido|producto|lo|no)\b/i.test(`${r.title} ${r.body}`))).toBe(true);
  });

  it('sells on the web store, Amazon and eBay, with each platform’s order number format', () => {
    const formats: Record<string, RegExp> = { web: /^#\d{4,}$/, amazon: /^\d{3}-\d{7}-\d{7}$/, ebay: /^\d{2}-\d{5}-\d{5}$/ };
    const platforms = new Set(world.orders!.map((o) => o.source_name));
    expect(platforms).toEqual(new Set(Object.keys(formats)));
    for (const o of world.orders!) expect(o.name).toMatch(formats[o.source_name]!);
    const reviewPlatform: Record<string, string> = { web: 'shopify', amazon: 'amazon', ebay: 'ebay' };
    for (const r of world.reviews!.filter((r) => r.order_number)) {
      const order = ordersByName.get(r.order_number)!;
      expect(r.platform).toBe(reviewPlatform[order.source_name]);
      expect(r.marketplace_country).toBe(order.shipping_address.country_code);
      expect(ms(r.created_at)).toBeGreaterThan(ms(order.fulfillments[0].delivered_at));
    }
  });

  it('keeps order money consistent', () => {
    const cents = (s: string) => Math.round(Number(s) * 100);
    let cancelled = 0;
    for (const o of world.orders!) {
      const subtotal = o.line_items.reduce((sum: number, l: Rec) => sum + cents(l.price) * l.quantity, 0);
      expect(cents(o.subtotal_price)).toBe(subtotal);
      expect(cents(o.total_price)).toBe(subtotal + cents(o.total_tax));
      const refunded = o.refunds.reduce((sum: number, r: Rec) => sum + cents(r.transactions[0].amount), 0);
      expect(refunded).toBeLessThanOrEqual(cents(o.total_price));
      for (const r of o.refunds) expect(r.transactions[0].currency).toBe('USD');
      if (o.cancelled_at) cancelled++;
    }
    expect(cancelled).toBeGreaterThan(0);
    const carriers = new Set(world.orders!.flatMap((o) => o.fulfillments.map((f: Rec) => f.tracking_company)));
    for (const c of ['DHL Express', 'UPS', 'Yanwen', '4PX', 'Japan Post']) expect(carriers).toContain(c);
    const fulfillments = world.orders!.flatMap((o) => o.fulfillments);
    expect(fulfillments.some((f) => f.delivered_at === null)).toBe(true);
    expect(fulfillments.some((f) => f.delivered_at && ms(f.delivered_at) > ms(f.estimated_delivery_at) + DAY_MS)).toBe(true);
    expect(world.orders!.some((o) => o.refunds.some((r: Rec) => r.return_id !== null))).toBe(true);
  });

  it('has a support team of two groups with shifts, admins, a leaver and one bot', () => {
    expect(world.groups!.map((g) => g.name)).toEqual(['Global Support (Shenzhen)', 'EU Support (Berlin)']);
    const staff = world.users!.filter((u) => u.role !== 'end-user' && u.id !== botId);
    expect(staff.length).toBeGreaterThanOrEqual(20);
    expect(staff.length).toBeLessThanOrEqual(30);
    expect(staff.filter((u) => u.role === 'admin').length).toBeGreaterThanOrEqual(1);
    expect(new Set(staff.map((u) => u.id)).size).toBe(staff.length);
    // A leaver comes twice: the agent as hired, then downgraded to an inactive end user from the day they left.
    const leavers = world.users!.filter((u) => !u.active);
    expect(leavers.length).toBeGreaterThanOrEqual(1);
    for (const leaver of leavers) {
      expect(leaver.role).toBe('end-user');
      const hired = staff.find((u) => u.id === leaver.id)!;
      expect(hired).toMatchObject({ role: 'agent', active: true });
      expect(ms(hired.updated_at)).toBeLessThan(ms(leaver.updated_at));
    }
    const zones = new Map(world.groups!.map((g) => [g.id, g.name.includes('Berlin') ? 'Europe/Berlin' : 'Asia/Shanghai']));
    for (const agent of staff) expect(agent.iana_time_zone).toBe(zones.get(agent.default_group_id));
    const bot = users.get(botId)!;
    expect(bot).toMatchObject({ role: 'agent', tags: ['bot'], user_fields: { is_bot: true } });
    expect(world.users!.filter((u) => u.user_fields?.is_bot === true)).toHaveLength(1);
  });

  it('answers human replies only while the group works (local shift hours)', () => {
    const hours: Record<string, [number, number]> = { 'Asia/Shanghai': [9, 23], 'Europe/Berlin': [8, 21] };
    const formatters = new Map<string, Intl.DateTimeFormat>();
    let checked = 0;
    for (const c of world.ticket_comments!) {
      if (!c.public || !humanAgents.has(c.author_id)) continue;
      const tz: string = users.get(c.author_id)!.iana_time_zone;
      let fmt = formatters.get(tz);
      if (!fmt) formatters.set(tz, (fmt = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' })));
      const hour = Number(fmt.format(new Date(c.created_at)));
      const [from, to] = hours[tz]!;
      expect(hour, `${c.created_at} in ${tz}`).toBeGreaterThanOrEqual(from);
      expect(hour, `${c.created_at} in ${tz}`).toBeLessThan(to);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('demo source: referential integrity', () => {
  it('links Zendesk records to users, groups and tickets', () => {
    const tickets = new Set(world.tickets!.map((t) => t.id));
    const groups = new Set(world.groups!.map((g) => g.id));
    const user = (id: number | null) => id === null || users.has(id);
    for (const t of world.tickets!) {
      expect(users.get(t.requester_id)?.role).toBe('end-user');
      expect(user(t.submitter_id)).toBe(true);
      expect(t.assignee_id === null || humanAgents.has(t.assignee_id)).toBe(true);
      expect(t.group_id === null || groups.has(t.group_id)).toBe(true);
    }
    for (const c of world.ticket_comments!) {
      expect(tickets.has(c.ticket_id)).toBe(true);
      expect(user(c.author_id)).toBe(true);
    }
    for (const a of world.ticket_audits!) {
      expect(tickets.has(a.ticket_id)).toBe(true);
      expect(user(a.author_id)).toBe(true);
    }
    for (const r of world.satisfaction_ratings!) {
      expect(tickets.has(r.ticket_id)).toBe(true);
      expect(user(r.requester_id) && user(r.assignee_id)).toBe(true);
      expect(r.group_id === null || groups.has(r.group_id)).toBe(true);
    }
    for (const u of world.users!.filter((u) => u.default_group_id !== null)) expect(groups.has(u.default_group_id)).toBe(true);
  });

  it('links orders, returns and reviews to products, line items and each other', () => {
    const variants = new Map<number, { product: number; sku: string }>(
      world.products!.flatMap((p) => p.variants.map((v: Rec) => [v.id, { product: p.id, sku: v.sku }] as const)),
    );
    const skus = new Set([...variants.values()].map((v) => v.sku));
    const returns = new Map(world.returns!.map((r) => [r.id, r]));
    const orders = new Map(world.orders!.map((o) => [o.id, o]));
    for (const o of world.orders!) {
      const lines = new Set(o.line_items.map((l: Rec) => l.id));
      for (const l of o.line_items) expect(variants.get(l.variant_id)).toEqual({ product: l.product_id, sku: l.sku });
      for (const f of o.fulfillments) expect(f.order_id).toBe(o.id);
      for (const r of o.refunds) {
        expect(r.order_id).toBe(o.id);
        for (const l of r.refund_line_items) expect(lines.has(l.line_item_id)).toBe(true);
        if (r.return_id !== null) expect(returns.get(r.return_id)?.order_id).toBe(o.id);
      }
    }
    for (const r of world.returns!) {
      const order = orders.get(r.order_id)!;
      expect(order).toBeDefined();
      const lines = new Set(order.line_items.map((l: Rec) => l.id));
      for (const l of r.return_line_items) expect(lines.has(l.line_item_id)).toBe(true);
      expect(ms(r.created_at)).toBeGreaterThan(ms(order.fulfillments[0].delivered_at));
      if (r.status === 'CLOSED') expect(order.refunds.some((f: Rec) => f.return_id === r.id && f.created_at === r.closed_at)).toBe(true);
      else expect(r.closed_at).toBeNull();
    }
    for (const r of world.reviews!) {
      expect(skus.has(r.product_sku)).toBe(true);
      if (r.order_number !== null) expect(ordersByName.has(r.order_number)).toBe(true);
    }
    expect(world.reviews!.filter((r) => r.order_number !== null).length / world.reviews!.length).toBeGreaterThan(0.7);
  });

  it('carries market, platform and order number on tickets, matching the order and its buyer', () => {
    let withField = 0;
    let inTextOnly = 0;
    for (const t of world.tickets!) {
      expect(['web', 'amazon', 'ebay']).toContain(field(t, DEMO_CUSTOM_FIELDS.platform));
      const name = field(t, DEMO_CUSTOM_FIELDS.orderNumber);
      const requester = users.get(t.requester_id)!;
      if (name !== null) {
        withField++;
        const order = ordersByName.get(name)!;
        expect(order.email).toBe(requester.email);
        expect(order.shipping_address.country_code).toBe(field(t, DEMO_CUSTOM_FIELDS.market));
        expect(order.source_name).toBe(field(t, DEMO_CUSTOM_FIELDS.platform));
      } else {
        const text = (commentsByTicket.get(t.id) ?? []).map((c) => c.body).join('\n');
        const match = /#\d{4,}|\b\d{3}-\d{7}-\d{7}\b|\b\d{2}-\d{5}-\d{5}\b/.exec(text);
        if (match) {
          inTextOnly++;
          expect(ordersByName.get(match[0])?.email).toBe(requester.email);
        }
      }
    }
    expect(withField / world.tickets!.length).toBeGreaterThan(0.3);
    expect(withField / world.tickets!.length).toBeLessThan(0.75);
    expect(inTextOnly).toBeGreaterThan(50);
    const reasons = ['logistics', 'quality', 'size', 'function', 'payment', 'return_refund', 'customs', 'account', 'other'];
    const tagged = world.tickets!.filter((t) => t.tags.some((tag: string) => reasons.includes(tag)));
    expect(tagged.length / world.tickets!.length).toBeGreaterThan(0.75);
    expect(tagged.length).toBeLessThan(world.tickets!.length);
    for (const reason of reasons) expect(tagged.some((t) => t.tags.includes(reason)), reason).toBe(true);
  });
});

describe('demo source: conversations', () => {
  it('has every kind of conversation the metrics must handle', () => {
    const kinds = { neverAnswered: 0, botOnly: 0, botThenHuman: 0, agentCreated: 0, internalNotes: 0, reopened: 0 };
    for (const t of world.tickets!) {
      const comments = commentsByTicket.get(t.id)!;
      const pub = comments.filter((c) => c.public);
      const human = pub.some((c) => humanAgents.has(c.author_id));
      const bot = pub.some((c) => c.author_id === botId);
      if (!human && !bot) kinds.neverAnswered++;
      if (bot && !human) kinds.botOnly++;
      if (pub[1]?.author_id === botId && human) kinds.botThenHuman++;
      if (humanAgents.has(comments[0]!.author_id)) {
        kinds.agentCreated++;
        expect(t.submitter_id).toBe(comments[0]!.author_id);
      } else {
        expect(comments[0]!).toMatchObject({ author_id: t.requester_id, public: true });
      }
      if (comments.some((c) => !c.public)) kinds.internalNotes++;
    }
    kinds.reopened = new Set(
      world.ticket_audits!.filter((a) => a.events.some((e: Rec) => e.field_name === 'status' && e.previous_value === 'solved' && e.value === 'open')).map((a) => a.ticket_id),
    ).size;
    for (const [kind, n] of Object.entries(kinds)) expect(n, kind).toBeGreaterThan(10);
    const channels = new Set(world.tickets!.map((t) => t.via.channel));
    expect(channels).toEqual(new Set(['email', 'web', 'native_messaging', 'any_channel', 'facebook', 'instagram_dm']));
  });

  it('lets the bot answer first, within seconds, only on chat and social', () => {
    for (const t of world.tickets!) {
      const comments = commentsByTicket.get(t.id)!;
      const botComments = comments.filter((c) => c.author_id === botId);
      if (botComments.length === 0) continue;
      expect(['native_messaging', 'facebook', 'instagram_dm']).toContain(t.via.channel);
      for (const c of botComments) expect(c.via.channel).toBe('answer_bot');
      expect(comments[1]!.author_id).toBe(botId);
      expect(ms(comments[1]!.created_at) - ms(comments[0]!.created_at)).toBeLessThanOrEqual(30_000);
    }
    for (const c of world.ticket_comments!) if (c.via.channel === 'answer_bot') expect(c.author_id).toBe(botId);
  });

  it('keeps statuses, audits and comments consistent', () => {
    const auditsByTicket = new Map<number, Rec[]>();
    for (const a of world.ticket_audits!) auditsByTicket.set(a.ticket_id, [...(auditsByTicket.get(a.ticket_id) ?? []), a]);
    for (const t of world.tickets!) {
      const audits = auditsByTicket.get(t.id)!.sort((a, b) => ms(a.created_at) - ms(b.created_at) || a.id - b.id);
      const statuses = audits.map((a) => a.events.find((e: Rec) => e.field_name === 'status'));
      expect(statuses[0]).toMatchObject({ type: 'Create' });
      for (let i = 1; i < statuses.length; i++) {
        expect(statuses[i]).toMatchObject({ type: 'Change', previous_value: statuses[i - 1].value });
        expect(statuses[i].value).not.toBe(statuses[i].previous_value);
      }
      expect(t.status).toBe(statuses.at(-1).value);
      expect(ms(t.updated_at)).toBeGreaterThanOrEqual(ms(audits.at(-1)!.created_at));
      expect(t.created_at).toBe(audits[0]!.created_at);
      const comments = commentsByTicket.get(t.id)!;
      const replies = comments.filter((c) => c.public && humanAgents.has(c.author_id));
      if (t.status === 'new') {
        expect(replies).toHaveLength(0);
        expect(t.assignee_id).toBeNull();
      }
      if (replies.length > 0 || comments.some((c) => !c.public)) expect(t.assignee_id).not.toBeNull();
      if (t.assignee_id !== null) expect(t.group_id).not.toBeNull();
      audits.forEach((audit, i) => {
        const status = statuses[i];
        const at = ms(audit.created_at);
        if (status.value === 'solved') {
          const before = comments.filter((c) => ms(c.created_at) <= at && c.author_id !== t.requester_id);
          expect(before.length, `ticket ${t.id} solved with no reply`).toBeGreaterThan(0);
        }
        if (status.value === 'closed') {
          expect(statuses[i - 1].value).toBe('solved');
          expect(at - ms(audits[i - 1]!.created_at)).toBeGreaterThanOrEqual(4 * DAY_MS);
        }
        if (status.previous_value === 'solved' && status.value === 'open') {
          expect(audit.author_id).toBe(t.requester_id);
          expect(comments.some((c) => c.created_at === audit.created_at && c.author_id === t.requester_id)).toBe(true);
        }
      });
    }
  });

  it('rates about a third of the solved conversations, and offers some surveys that stay unanswered', () => {
    const solved = world.tickets!.filter((t) => t.status === 'solved' || t.status === 'closed').length;
    const ratings = world.satisfaction_ratings!;
    const answered = ratings.filter((r) => r.score === 'good' || r.score === 'bad').length;
    expect(answered / solved).toBeGreaterThan(0.25);
    expect(answered / solved).toBeLessThan(0.45);
    expect(ratings.some((r) => r.score === 'offered')).toBe(true);
    expect(ratings.some((r) => r.comment)).toBe(true);
  });
});

describe('demo source: cause and effect', () => {
  it('gets slower to answer as volume grows: first response in the last 4 weeks > the first 4 weeks', () => {
    const weekly = (fromDay: number, toDay: number) =>
      world.tickets!
        .filter((t) => {
          const day = (ms(t.created_at) - windowStart) / DAY_MS;
          return day >= fromDay && day < toDay;
        })
        .map((t) => firstResponseHours(t.id))
        .filter((h): h is number => h !== null);
    const first = weekly(0, 28);
    const last = weekly(OPTIONS.days - 28, OPTIONS.days);
    expect(mean(last)).toBeGreaterThan(mean(first) * 1.3);
    expect(median(last)).toBeGreaterThan(median(first));
  });

  it('rates late deliveries lower than on-time ones', () => {
    const late: number[] = [];
    const onTime: number[] = [];
    for (const r of world.reviews!.filter((r) => r.order_number)) {
      const f = ordersByName.get(r.order_number)!.fulfillments[0];
      const daysLate = (ms(f.delivered_at) - ms(f.estimated_delivery_at)) / DAY_MS;
      (daysLate > 1 ? late : onTime).push(r.rating);
    }
    expect(late.length).toBeGreaterThan(20);
    expect(mean(late)).toBeLessThan(mean(onTime) - 0.5);
  });

  it('rates orders with slow or no support answers lower than orders with fast answers or no contact', () => {
    const slowest = new Map<string, number>();
    for (const t of world.tickets!) {
      const name = field(t, DEMO_CUSTOM_FIELDS.orderNumber);
      if (!name) continue;
      const h = firstResponseHours(t.id) ?? Infinity;
      slowest.set(name, Math.max(slowest.get(name) ?? 0, h));
    }
    const fast: number[] = [];
    const slow: number[] = [];
    const none: number[] = [];
    for (const r of world.reviews!.filter((r) => r.order_number)) {
      const h = slowest.get(r.order_number);
      if (h === undefined) none.push(r.rating);
      else (h < 8 ? fast : h > 24 ? slow : []).push(r.rating);
    }
    expect(slow.length).toBeGreaterThan(20);
    expect(mean(slow)).toBeLessThan(mean(fast));
    expect(mean(slow)).toBeLessThan(mean(none) - 0.5);
  });

  it('loses rating over the window', () => {
    const byPeriod = (fromDay: number, toDay: number) =>
      world.reviews!
        .filter((r) => {
          const day = (ms(r.created_at) - windowStart) / DAY_MS;
          return day >= fromDay && day < toDay;
        })
        .map((r) => r.rating);
    expect(mean(byPeriod(OPTIONS.days - 28, OPTIONS.days))).toBeLessThan(mean(byPeriod(0, 28)) - 0.15);
  });

  it('gets more bad CSAT when the first response is slow', () => {
    const rated = world.satisfaction_ratings!.filter((r) => r.score === 'good' || r.score === 'bad');
    const badShare = (list: Rec[]) => list.filter((r) => r.score === 'bad').length / list.length;
    const withHours = rated.map((r) => ({ r, h: firstResponseHours(r.ticket_id) })).filter((x) => x.h !== null);
    const fast = withHours.filter((x) => x.h! < 4).map((x) => x.r);
    const slow = withHours.filter((x) => x.h! > 24).map((x) => x.r);
    expect(badShare(slow)).toBeGreaterThan(badShare(fast) + 0.1);
  });
});
