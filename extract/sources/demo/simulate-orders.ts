/**
 * One order's life: who buys what where (market, platform, repeat or new customer), totals and tax, the
 * cancellation or the shipment (carrier, promised and actual delivery, lateness that grows on worsening lanes,
 * lost parcels, customs holds), the return and its refund, and the reasons the customer will have to contact
 * support (contact intents). Refunds that depend on support (lost parcels, goodwill) are settled afterwards.
 */
import { inBadBatch, pickProduct, type Product, type ReturnReason } from './catalog.ts';
import { DAY, HOUR, SHOP_TIME_ZONE, atLocal, localParts } from './clock.ts';
import { diurnalSecond, wakingTime, type SimContext } from './context.ts';
import { promotionFactor } from './demand.ts';
import type { Fulfillment, LineItem, Order, Refund, RefundLine, Return } from './model.ts';
import { createCustomer, type Customer } from './people.ts';
import type { Rng } from './random.ts';
import type { OutboundKind } from './text.ts';
import {
  CARRIERS,
  LATE_SHARE,
  LOST_SHARE,
  MARKETS,
  WORSENING_LANES,
  market,
  type Market,
  type Platform,
  type Reason,
} from './world.ts';

/** Share of orders placed by a returning customer of the same market and platform. */
const REPEAT_SHARE = 0.22;
const CANCEL_SHARE = 0.025;
/** Scales the catalogue's return rates (calibrates returns per conversation). */
const RETURN_SCALE = 0.7;

function pickCustomer(ctx: SimContext, rng: Rng, m: Market, platform: Platform): Customer {
  const key = `${m.code}|${platform}`;
  let pool = ctx.pools.get(key);
  if (!pool) ctx.pools.set(key, (pool = []));
  if (pool.length > 0 && rng.chance(REPEAT_SHARE)) return rng.pick(pool);
  const customer = createCustomer(rng, ctx.seq.customer++, m.code, platform, ctx.emails);
  pool.push(customer);
  ctx.customers.push(customer);
  return customer;
}

function marketplaceName(ctx: SimContext, rng: Rng, m: Market, platform: Platform): string {
  let name: string;
  do {
    name =
      platform === 'amazon'
        ? `${rng.pick(m.amazonPrefixes)}-${rng.digits(7)}-${rng.digits(7)}`
        : `${rng.int(10, 27)}-${rng.digits(5)}-${rng.digits(5)}`;
  } while (ctx.orderNames.has(name));
  ctx.orderNames.add(name);
  return name;
}

function trackingNumber(rng: Rng, carrier: string): string {
  switch (CARRIERS.get(carrier)!.tracking) {
    case 'dhl':
      return rng.digits(10);
    case 'ups':
      return `1Z${rng.alnum(6)}${rng.digits(10)}`;
    case 'fedex':
      return rng.digits(12);
    case 'usps':
      return `9400${rng.digits(18)}`;
    case 'upu':
      return `${rng.pick(['LX', 'RR', 'EE'])}${rng.digits(9)}CN`;
    case 'yanwen':
      return `UG${rng.digits(9)}YP`;
    case '4px':
      return `4PX30${rng.digits(11)}CN`;
    case 'cainiao':
      return `LP00${rng.digits(12)}`;
    case 'sf':
      return `SF${rng.digits(13)}`;
  }
}

function pickVariant(rng: Rng, product: Product) {
  if (product.variants.length <= 1) return product.variants[0]!;
  // Middle sizes sell most.
  const n = product.variants.length;
  return rng.weighted(product.variants.map((v, i) => [v, 1 + Math.min(i, n - 1 - i) * 1.5] as const));
}

/** Progress through the window (0 at the start, 1 at the end), clamped. */
function progressAt(ctx: SimContext, t: number): number {
  return Math.min(1, Math.max(0, (t - ctx.window.start) / (ctx.window.end - ctx.window.start)));
}

function simulateShipment(ctx: SimContext, rng: Rng, order: Order, m: Market): Fulfillment {
  const progress = progressAt(ctx, order.createdAt);
  // Warehouse hand-over in Shenzhen working hours (10:00-19:00), slower as volume grows.
  let shippedAt = order.createdAt + Math.round(rng.lognormal(1.4 * DAY * (1 + 0.35 * progress), 0.45));
  const local = localParts(SHOP_TIME_ZONE, shippedAt);
  if (local.hour < 10) shippedAt = atLocal(SHOP_TIME_ZONE, local.localDay, 10 * HOUR + rng.int(0, 3 * HOUR));
  else if (local.hour >= 19) shippedAt = atLocal(SHOP_TIME_ZONE, local.localDay + 1, 10 * HOUR + rng.int(0, 3 * HOUR));

  const carrierName = rng.weighted(m.carriers);
  const carrier = CARRIERS.get(carrierName)!;
  const shipProgress = progressAt(ctx, shippedAt);
  const lane = WORSENING_LANES[carrierName]?.[m.code] ?? 0;
  const shipDay = localParts(m.timeZone, shippedAt).localDay;
  const promisedDay = shipDay + rng.int(carrier.promisedDays[0], carrier.promisedDays[1]);
  const promisedAt = atLocal(m.timeZone, promisedDay, 20 * HOUR);
  const customsHold = carrier.class !== 'domestic' && rng.chance(m.customsShare);
  const lost = rng.chance(LOST_SHARE[carrier.class] * (1 + 1.5 * lane * shipProgress));
  if (lost) {
    const lostAt = promisedAt + Math.round(rng.uniform(18, 25) * DAY);
    return {
      id: 0, carrier: carrierName, trackingNumber: trackingNumber(rng, carrierName), shippedAt, promisedAt,
      deliveredAt: null, lostAt, lateDays: Math.round((lostAt - promisedAt) / DAY), customsHold,
    };
  }
  const pLate = Math.min(0.9, LATE_SHARE[carrier.class] + 0.5 * lane * shipProgress + (customsHold ? 0.5 : 0));
  let deliveredDay: number;
  if (rng.chance(pLate)) {
    const meanLate = 1.5 + 4.5 * lane * shipProgress + (customsHold ? 3 : 0);
    deliveredDay = promisedDay + 1 + Math.floor(rng.exponential(meanLate));
  } else {
    const span = carrier.promisedDays[1] - carrier.promisedDays[0];
    deliveredDay = promisedDay - rng.int(0, Math.max(0, Math.min(3, span)));
  }
  deliveredDay = Math.max(deliveredDay, shipDay + 1);
  const deliveredAt = Math.max(shippedAt + 12 * HOUR, atLocal(m.timeZone, deliveredDay, rng.uniform(9, 19.5) * HOUR));
  return {
    id: 0, carrier: carrierName, trackingNumber: trackingNumber(rng, carrierName), shippedAt, promisedAt,
    deliveredAt, lostAt: null, lateDays: Math.max(0, deliveredDay - promisedDay), customsHold,
  };
}

/** Refund of some order lines (price x quantity plus their share of the tax). */
export function lineRefund(order: Order, at: number, note: string, lines: readonly (readonly [LineItem, number])[]): Refund {
  const refundLines: RefundLine[] = lines.map(([line, quantity]) => ({ id: 0, line, quantity, subtotalCents: line.priceCents * quantity }));
  const subtotal = refundLines.reduce((sum, l) => sum + l.subtotalCents, 0);
  const tax = order.subtotalCents > 0 ? Math.round((order.taxCents * subtotal) / order.subtotalCents) : 0;
  return { id: 0, transactionId: 0, createdAt: at, note, ret: null, lines: refundLines, amountCents: subtotal + tax };
}

/** Refund of an amount without lines (goodwill, duties, lost parcel), capped at what is left to refund. */
export function amountRefund(order: Order, at: number, note: string, cents: number): Refund | null {
  const refunded = order.refunds.reduce((sum, r) => sum + r.amountCents, 0);
  const amount = Math.min(cents, order.totalCents - refunded);
  if (amount <= 0) return null;
  return { id: 0, transactionId: 0, createdAt: at, note, ret: null, lines: [], amountCents: amount };
}

function simulateReturn(ctx: SimContext, rng: Rng, order: Order): void {
  const f = order.fulfillment;
  if (!f || f.deliveredAt === null) return;
  for (const line of order.lines) {
    const bad = inBadBatch(line.product, order.createdAt);
    const p = RETURN_SCALE * line.product.returnRate * (bad ? 3 : 1) * (f.lateDays > 3 ? 1.3 : 1);
    if (!rng.chance(p)) continue;
    let reason: ReturnReason = rng.weighted(line.product.returnReasons);
    if (bad && rng.chance(0.6)) reason = line.product.kind === 'apparel' ? 'NOT_AS_DESCRIBED' : 'DEFECTIVE';
    const createdAt = f.deliveredAt + Math.round(Math.max(4 * HOUR, rng.lognormal(3.5 * DAY, 0.6)));
    const openedAt = createdAt + Math.round(rng.lognormal(20 * HOUR, 0.6));
    const roll = rng.next();
    const outcome = roll < 0.05 ? 'DECLINED' : roll < 0.09 ? 'CANCELED' : 'CLOSED';
    const returnless = line.priceCents < 2500 || rng.chance(0.3);
    const endedAt =
      outcome === 'DECLINED'
        ? openedAt + Math.round(rng.lognormal(DAY, 0.5))
        : outcome === 'CANCELED'
          ? openedAt + Math.round(rng.lognormal(4 * DAY, 0.5))
          : openedAt + Math.round(returnless ? rng.lognormal(1.5 * DAY, 0.5) : rng.lognormal(13 * DAY, 0.3));
    const quantity = line.quantity > 1 && rng.chance(0.5) ? 1 : line.quantity;
    const ret: Return = {
      id: 0, seq: ctx.seq.ret++, order, createdAt, openedAt, endedAt, outcome,
      lines: [{ id: 0, line, quantity, reason, note: null }],
    };
    order.returns.push(ret);
    ctx.returns.push(ret);
    if (outcome === 'CLOSED') {
      const refund = lineRefund(order, endedAt, 'Return refund', [[line, quantity]]);
      refund.ret = ret;
      order.refunds.push(refund);
    }
    return; // one return per order
  }
}

const MARKET_WEIGHTS = MARKETS.map((mk) => [mk, mk.weight] as const);

/** Simulates one order placed during the UTC day that starts at `dayStart`. */
export function simulateOrder(ctx: SimContext, rng: Rng, dayStart: number): Order {
  const m = rng.weighted(MARKET_WEIGHTS);
  const platform = rng.weighted(m.platforms.map(([p, w]) => [p, w * promotionFactor(dayStart, p)] as const));
  const customer = pickCustomer(ctx, rng, m, platform);
  // Local time of day follows the customer's rhythm; the order falls inside this UTC day.
  let createdAt = atLocal(m.timeZone, Math.floor(dayStart / DAY), diurnalSecond(rng));
  while (createdAt < dayStart) createdAt += DAY;
  while (createdAt >= dayStart + DAY) createdAt -= DAY;

  const lineCount = rng.weighted([[1, 70], [2, 22], [3, 8]] as const);
  const lines: LineItem[] = [];
  const used = new Set<Product>();
  for (let i = 0; i < lineCount; i++) {
    const product = pickProduct(ctx.catalog, rng);
    if (used.has(product)) continue;
    used.add(product);
    const variant = pickVariant(rng, product);
    const quantity = rng.weighted([[1, 85], [2, 12], [3, 3]] as const);
    lines.push({ id: 0, product, variant, quantity, priceCents: variant.priceCents });
  }
  const subtotalCents = lines.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
  const taxCents = Math.round(subtotalCents * m.taxRate);
  const order: Order = {
    seq: ctx.seq.order++,
    id: 0,
    orderNumber: 0,
    name: platform === 'web' ? '' : marketplaceName(ctx, rng, m, platform),
    platform,
    market: m.code,
    customer,
    createdAt,
    lines,
    subtotalCents,
    taxCents,
    totalCents: subtotalCents + taxCents,
    cancelledAt: null,
    voided: false,
    fulfillment: null,
    refunds: [],
    returns: [],
    tickets: [],
    city: rng.pick(m.cities),
  };
  if (rng.chance(CANCEL_SHARE)) {
    order.cancelledAt = createdAt + Math.round(Math.min(40 * HOUR, rng.lognormal(5 * HOUR, 0.8)));
    order.voided = rng.chance(0.5);
    if (!order.voided) {
      order.refunds.push(lineRefund(order, order.cancelledAt, 'Order cancelled by customer', lines.map((l) => [l, l.quantity] as const)));
    }
    return order;
  }
  order.fulfillment = simulateShipment(ctx, rng, order, m);
  simulateReturn(ctx, rng, order);
  return order;
}

// ---- why the customer will get in touch --------------------------------------------------------------------

export interface ContactIntent {
  at: number;
  reason: Reason;
  outbound?: OutboundKind;
  urgent?: boolean;
}

/** Scales every order-related contact probability (calibrates tickets per order). */
const CONTACT_SCALE = 1.4;

/** The moments this order makes its customer (or an agent) start a conversation, in time order. */
export function contactIntents(rng: Rng, order: Order): ContactIntent[] {
  const m = market(order.market);
  const intents: ContactIntent[] = [];
  const maybe = (p: number, at: number, reason: Reason, extra: Partial<ContactIntent> = {}) => {
    if (rng.chance(Math.min(0.95, p * CONTACT_SCALE))) intents.push({ at: wakingTime(rng, m.timeZone, Math.round(at)), reason, ...extra });
  };
  const c = order.createdAt;
  maybe(0.035, c + rng.lognormal(3 * HOUR, 1), 'payment');
  if (order.cancelledAt !== null) {
    maybe(0.5, c + (order.cancelledAt - c) * rng.uniform(0.2, 0.8), 'other');
    return intents.sort((a, b) => a.at - b.at);
  }
  const f = order.fulfillment!;
  const carrierClass = CARRIERS.get(f.carrier)!.class;
  maybe(0.01, c + rng.uniform(0.5, 2) * DAY, 'other');
  if (rng.chance(0.012)) intents.push({ at: f.shippedAt + Math.round(rng.uniform(0.3, 1.5) * DAY), reason: 'logistics', outbound: 'address' });

  // Where is my order: before the promise, more often with slow carriers.
  const wismoAt = f.shippedAt + (f.promisedAt - f.shippedAt) * rng.uniform(0.45, 0.95);
  if (f.deliveredAt === null || wismoAt < f.deliveredAt) maybe(carrierClass === 'economy' ? 0.14 : 0.08, wismoAt, 'logistics');

  // Late or lost: the later, the likelier.
  const overdue = f.deliveredAt === null || f.deliveredAt > f.promisedAt + DAY;
  if (overdue) {
    let at = f.promisedAt + rng.lognormal(1.5 * DAY, 0.6);
    if (f.deliveredAt !== null && at > f.deliveredAt) at = Math.max(f.promisedAt + 6 * HOUR, f.deliveredAt - rng.uniform(2, 20) * HOUR);
    const p = f.deliveredAt === null ? 0.75 : Math.min(0.8, 0.3 + 0.07 * f.lateDays);
    maybe(p, at, f.customsHold && rng.chance(0.5) ? 'customs' : 'logistics', { urgent: f.deliveredAt === null });
    if (f.deliveredAt === null) maybe(0.35, (f.lostAt ?? f.promisedAt) - rng.uniform(0, 3) * DAY, 'logistics', { urgent: true });
    if (f.lateDays >= 5 && rng.chance(0.1)) {
      intents.push({ at: f.promisedAt + Math.round(rng.uniform(1.5, 3) * DAY), reason: 'logistics', outbound: 'delay' });
    }
  }
  if (f.customsHold) {
    const at = f.shippedAt + (((f.deliveredAt ?? f.promisedAt) - f.shippedAt) * rng.uniform(0.6, 0.9));
    maybe(0.45, at, 'customs');
    if (rng.chance(0.12)) intents.push({ at: Math.round(at - rng.uniform(0.5, 2) * DAY), reason: 'customs', outbound: 'customs' });
  }
  for (const ret of order.returns) {
    const line = ret.lines[0]!;
    const reason: Reason =
      line.reason === 'SIZE_TOO_SMALL' || line.reason === 'SIZE_TOO_LARGE'
        ? 'size'
        : line.reason === 'DEFECTIVE'
          ? line.line.product.issueReason === 'function' ? 'function' : 'quality'
          : line.reason === 'NOT_AS_DESCRIBED' || line.reason === 'WRONG_ITEM'
            ? 'quality'
            : 'return_refund';
    maybe(0.7, ret.createdAt - rng.uniform(0, 1.5) * DAY, rng.chance(0.3) ? 'return_refund' : reason);
    if (ret.outcome === 'CLOSED' && ret.endedAt - ret.createdAt > 9 * DAY) maybe(0.4, ret.createdAt + rng.uniform(7, 9) * DAY, 'return_refund');
    if (ret.outcome === 'DECLINED') maybe(0.6, ret.endedAt + rng.uniform(2, 24) * HOUR, 'return_refund');
  }
  if (f.deliveredAt !== null && order.returns.length === 0) {
    const product = order.lines[0]!.product;
    const bad = inBadBatch(product, order.createdAt);
    const p = (product.kind === 'electronics' ? 0.06 : 0.035) * (bad ? 3 : 1) + Math.max(0, -product.quality) * 0.05;
    maybe(p, f.deliveredAt + rng.lognormal(5 * DAY, 0.6), product.issueReason);
  }
  return intents.sort((a, b) => a.at - b.at);
}

/** Refunds that follow from support: lost parcels, goodwill for late delivery, product issues, duties. */
export function settleAfterSupport(rng: Rng, order: Order): void {
  const f = order.fulfillment;
  if (!f) return;
  const replies = (reasons: readonly Reason[]) =>
    order.tickets
      .filter((t) => reasons.includes(t.reason) && t.firstHumanReplyAt !== null)
      .map((t) => t.firstHumanReplyAt!)
      .sort((a, b) => a - b);
  const add = (refund: Refund | null) => {
    if (refund) order.refunds.push(refund);
  };
  if (f.lostAt !== null) {
    const reply = replies(['logistics', 'customs'])[0];
    if (reply !== undefined) add(amountRefund(order, Math.max(reply, f.promisedAt + 10 * DAY) + HOUR, 'Lost in transit: full refund', order.totalCents));
    else if (rng.chance(0.6)) add(amountRefund(order, f.lostAt + Math.round(rng.lognormal(6 * DAY, 0.4)), 'Lost in transit: marketplace claim', order.totalCents));
    return;
  }
  const logisticsReply = replies(['logistics'])[0];
  if (logisticsReply !== undefined && f.lateDays >= 3 && rng.chance(0.2)) {
    add(amountRefund(order, logisticsReply + 60, 'Goodwill refund for late delivery', Math.round(order.totalCents * 0.15)));
  }
  const issueReply = replies(['quality', 'function'])[0];
  if (issueReply !== undefined && order.returns.length === 0 && rng.chance(0.35)) {
    add(amountRefund(order, issueReply + 60, 'Partial refund: product issue, no return needed', Math.round(order.totalCents * 0.25)));
  }
  const customsReply = replies(['customs'])[0];
  if (customsReply !== undefined && rng.chance(0.4)) {
    add(amountRefund(order, customsReply + DAY, 'Import duties reimbursed', Math.round(order.totalCents * 0.12)));
  }
  order.refunds.sort((a, b) => a.createdAt - b.createdAt);
}
