/**
 * Runs the demo world day by day. Each UTC day draws its own random stream from (seed, day): the day's orders
 * are generated and numbered in time order, then each order's story runs on its own stream from (seed, day,
 * order): support conversations, refunds that follow them, the review. Conversations not about an order
 * (account, pre-sale questions) come from a third stream per day. Orders start 30 days before the window so
 * support and reviews are in steady state from its first day. Finally the support records are numbered in
 * time order.
 *
 * Nothing here needs more than a few weeks of history at a time, so the same loop could stream at much larger
 * scale; today the world is kept in memory (about 0.4 GB of process memory at scale 40 000).
 */
import { createCatalog, pickProduct } from './catalog.ts';
import { DAY, atLocal, simWindow } from './clock.ts';
import { diurnalSecond, type SimContext, type SimOptions } from './context.ts';
import { dayWeight } from './demand.ts';
import type { Order } from './model.ts';
import { createCustomer, createTeam } from './people.ts';
import { Rng } from './random.ts';
import { contactIntents, settleAfterSupport, simulateOrder } from './simulate-orders.ts';
import { simulateReview } from './simulate-reviews.ts';
import { chaseSpec, simulateTicket, type TicketSpec } from './simulate-support.ts';
import { SupportCalendar } from './support-calendar.ts';
import { MARKETS, market, type Reason } from './world.ts';

/** Orders per support conversation, over the window. */
export const ORDERS_PER_TICKET = 1.5;
/** Days of orders simulated before the window. */
export const WARMUP_DAYS = 30;
/** Conversations not about an order, per order. */
const ADHOC_PER_ORDER = 0.12;
const ADHOC_REASONS: readonly (readonly [Reason, number])[] = [
  ['account', 28], ['other', 22], ['size', 14], ['payment', 12], ['logistics', 12], ['function', 7], ['return_refund', 5],
];

const ORDER_ID_BASE = 6100000000000;
const LINE_ID_BASE = 15000000000000;
const FULFILLMENT_ID_BASE = 5200000000000;
const SHOPIFY_CUSTOMER_ID_BASE = 7700000000000;
const REFUND_ID_BASE = 930000000000;
const REFUND_LINE_ID_BASE = 480000000000;
const TRANSACTION_ID_BASE = 7300000000000;
const RETURN_ID_BASE = 21000000000;
const RETURN_LINE_ID_BASE = 22000000000;
const CUSTOMER_USER_ID_BASE = 380000000000;
const RATING_ID_BASE = 400000000;

export function createContext(options: SimOptions): SimContext {
  if (!Number.isInteger(options.scale) || options.scale < 1) throw new Error(`demo scale must be a positive integer, got ${options.scale}`);
  const window = simWindow(options.endDate, options.days);
  const team = createTeam(options.seed, window.start, window.end);
  const horizon = window.end + 1;
  return {
    options,
    window,
    horizon,
    team,
    calendar: new SupportCalendar(team, window.start, options.days, window.end + 120 * DAY),
    catalog: createCatalog(options.seed, window.start, window.end),
    customers: [],
    pools: new Map(),
    emails: new Set(),
    orderNames: new Set(),
    reviewIds: new Set(),
    seq: { customer: 0, order: 0, ticket: 0, message: 0, change: 0, review: 0, ret: 0, lineId: 0, fulfillmentId: 0, shopifyCustomerId: 0 },
    orders: [],
    tickets: [],
    returns: [],
    reviews: [],
  };
}

function addTicket(ctx: SimContext, rng: Rng, spec: TicketSpec): void {
  const ticket = simulateTicket(ctx, rng, spec);
  if (!ticket) return;
  if (!ticket.hidden) ctx.tickets.push(ticket);
  if (ticket.order) ticket.order.tickets.push(ticket);
  if (spec.chase) return;
  const chase = chaseSpec(ctx, rng, ticket);
  if (chase) addTicket(ctx, rng, chase);
}

/** Numbers the day's orders in time order (ids, `order_number`, web names `#1001`). */
function numberOrders(ctx: SimContext, orders: Order[]): void {
  orders.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  for (const order of orders) {
    const n = ctx.orders.length;
    order.id = ORDER_ID_BASE + (n + 1) * 13;
    order.orderNumber = 1001 + n;
    if (order.platform === 'web') order.name = `#${order.orderNumber}`;
    for (const line of order.lines) line.id = LINE_ID_BASE + ++ctx.seq.lineId;
    if (order.fulfillment) order.fulfillment.id = FULFILLMENT_ID_BASE + ++ctx.seq.fulfillmentId;
    if (order.customer.shopifyId === 0) order.customer.shopifyId = SHOPIFY_CUSTOMER_ID_BASE + ++ctx.seq.shopifyCustomerId;
    ctx.orders.push(order);
  }
}

function simulateDay(ctx: SimContext, day: number, perUnit: number): void {
  const { seed, days } = ctx.options;
  const dayStart = ctx.window.start + day * DAY;
  const dayRng = new Rng(seed, 'day', day);
  const expected = perUnit * dayWeight(day, days, dayStart) * dayRng.lognormal(1, 0.05);
  const count = Math.floor(expected) + (dayRng.next() < expected % 1 ? 1 : 0);

  const stories: { order: Order; rng: Rng }[] = [];
  for (let i = 0; i < count; i++) {
    const rng = new Rng(seed, 'order', day, i);
    stories.push({ order: simulateOrder(ctx, rng, dayStart), rng });
  }
  numberOrders(ctx, stories.map((s) => s.order));
  stories.sort((a, b) => a.order.orderNumber - b.order.orderNumber);
  for (const { order, rng } of stories) {
    for (const intent of contactIntents(rng, order)) {
      addTicket(ctx, rng, { customer: order.customer, order, reason: intent.reason, at: intent.at, outbound: intent.outbound, urgent: intent.urgent });
    }
    settleAfterSupport(rng, order);
    const review = simulateReview(ctx, rng, order);
    if (review) ctx.reviews.push(review);
  }

  if (day < 0) return;
  const adhocRng = new Rng(seed, 'adhoc', day);
  const adhoc = adhocRng.poisson(expected * ADHOC_PER_ORDER);
  const sizeProducts = ctx.catalog.sellable.filter((p) => p.kind === 'apparel' || p.kind === 'shoes');
  for (let i = 0; i < adhoc; i++) {
    const reason = adhocRng.weighted(ADHOC_REASONS);
    let customer;
    if (ctx.customers.length > 0 && adhocRng.chance(0.6)) customer = adhocRng.pick(ctx.customers);
    else {
      const m = adhocRng.weighted(MARKETS.map((mk) => [mk, mk.weight] as const));
      customer = createCustomer(adhocRng, ctx.seq.customer++, m.code, 'web', ctx.emails);
      ctx.customers.push(customer);
      const key = `${m.code}|web`;
      if (!ctx.pools.has(key)) ctx.pools.set(key, []);
      ctx.pools.get(key)!.push(customer);
    }
    const product = reason === 'size' ? adhocRng.pick(sizeProducts) : pickProduct(ctx.catalog, adhocRng);
    let at = atLocal(market(customer.market).timeZone, Math.floor(dayStart / DAY), diurnalSecond(adhocRng));
    while (at < dayStart) at += DAY;
    while (at >= dayStart + DAY) at -= DAY;
    addTicket(ctx, adhocRng, { customer, order: null, reason, at, product });
  }
}

const INDEX_BITS = 2 ** 27;

/**
 * Positions of `items` in time order, ties kept in list order. A numeric sort of packed (time, position) keys:
 * much faster than a comparator over hundreds of thousands of comments.
 */
function timeOrder(ctx: SimContext, items: readonly { at: number }[]): Uint32Array {
  const base = ctx.window.start - (WARMUP_DAYS + 1) * DAY;
  if (items.length >= INDEX_BITS || (ctx.window.end + DAY - base) * INDEX_BITS >= Number.MAX_SAFE_INTEGER) {
    // Too many items or too long a window to pack into one exact double: sort with a comparator instead.
    const order = Uint32Array.from(items.keys());
    return order.sort((a, b) => items[a]!.at - items[b]!.at || a - b);
  }
  const keys = new Float64Array(items.length);
  items.forEach((item, i) => (keys[i] = (item.at - base) * INDEX_BITS + i));
  keys.sort();
  const order = new Uint32Array(items.length);
  keys.forEach((key, i) => (order[i] = key % INDEX_BITS));
  return order;
}

/** Numbers the support records and the returns, refunds and reviews in time order. */
function numberRecords(ctx: SimContext): void {
  ctx.tickets.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  let userId = 0;
  ctx.tickets.forEach((ticket, i) => {
    ticket.id = i + 1;
    if (ticket.customer.userId === 0) ticket.customer.userId = CUSTOMER_USER_ID_BASE + ++userId;
  });
  const messages = ctx.tickets.flatMap((t) => t.messages);
  timeOrder(ctx, messages).forEach((index, i) => (messages[index]!.ordinal = i + 1));
  const changes = ctx.tickets.flatMap((t) => t.changes);
  let events = 0;
  timeOrder(ctx, changes).forEach((index, i) => {
    const c = changes[index]!;
    c.ordinal = i + 1;
    c.firstEvent = events + 1;
    events += c.assigneeTo !== undefined ? 2 : 1;
  });
  const rated = ctx.tickets.filter((t) => t.rating !== null).sort((a, b) => a.rating!.createdAt - b.rating!.createdAt || a.id - b.id);
  rated.forEach((t, i) => (t.rating!.id = RATING_ID_BASE + i + 1));

  ctx.returns.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  let returnLineId = 0;
  ctx.returns.forEach((ret, i) => {
    ret.id = RETURN_ID_BASE + i + 1;
    for (const line of ret.lines) line.id = RETURN_LINE_ID_BASE + ++returnLineId;
  });
  const refunds = ctx.orders.flatMap((o) => o.refunds.map((r) => ({ r, order: o.id })));
  refunds.sort((a, b) => a.r.createdAt - b.r.createdAt || a.order - b.order);
  let refundLineId = 0;
  refunds.forEach(({ r }, i) => {
    r.id = REFUND_ID_BASE + i + 1;
    r.transactionId = TRANSACTION_ID_BASE + i + 1;
    for (const line of r.lines) line.id = REFUND_LINE_ID_BASE + ++refundLineId;
  });
  ctx.reviews.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
}

/** Simulates the whole world for the options. */
export function simulateWorld(options: SimOptions): SimContext {
  const ctx = createContext(options);
  let total = 0;
  for (let day = 0; day < options.days; day++) total += dayWeight(day, options.days, ctx.window.start + day * DAY);
  const perUnit = (options.scale * ORDERS_PER_TICKET) / total;
  for (let day = -WARMUP_DAYS; day < options.days; day++) simulateDay(ctx, day, perUnit);
  numberRecords(ctx);
  return ctx;
}
