/**
 * The simulated world as the sources would return it at the end of the window: Zendesk tickets, comments,
 * audits, users, groups and satisfaction ratings (`...Z` timestamps), Shopify products, orders (with line
 * items, fulfillments and refunds) and returns (shop-time `...+08:00` timestamps, money as decimal strings in
 * USD), and the marketplace review export. Anything that happens after the window's end is not visible yet.
 */
import type { Product } from './catalog.ts';
import { DAY, shopTime, zendeskTime } from './clock.ts';
import type { SimContext } from './context.ts';
import { REQUESTER, type Author, type Order, type Return, type Review, type Ticket } from './model.ts';
import type { Agent, Bot, Customer } from './people.ts';
import type { RawRecord } from '../../core/stream.ts';
import { DEMO_CUSTOM_FIELDS } from '../zendesk/schemas.ts';
import { REVIEW_PLATFORM, SHIFTS, SHOP, market, type GroupSpec } from './world.ts';

const BRAND_ID = 360000000001;
const COMMENT_ID_BASE = 100000000000;
const AUDIT_ID_BASE = 200000000000;
const EVENT_ID_BASE = 300000000000;
const ZENDESK_URL = `https://${SHOP.zendeskSubdomain}.zendesk.com/api/v2`;

/** Decimal string of integer cents: 1999 -> "19.99". */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function authorId(ticket: Ticket, author: Author): number {
  return author === REQUESTER ? ticket.customer.userId : author;
}

// ---- Zendesk ----------------------------------------------------------------------------------------------

/** Assignee at the end of the window (the last assignee change). */
function assigneeOf(ticket: Ticket): number | null {
  let assignee: number | null = null;
  for (const change of ticket.changes) if (change.assigneeTo !== undefined) assignee = change.assigneeTo;
  return assignee;
}

export function ticketRecord(ticket: Ticket): RawRecord {
  const lastChange = ticket.changes.at(-1);
  const lastMessage = ticket.messages.at(-1);
  const updatedAt = Math.max(ticket.createdAt, lastChange?.at ?? 0, lastMessage?.at ?? 0, ticket.rating?.createdAt ?? 0);
  return {
    id: ticket.id,
    url: `${ZENDESK_URL}/tickets/${ticket.id}.json`,
    external_id: null,
    created_at: zendeskTime(ticket.createdAt),
    updated_at: zendeskTime(updatedAt),
    type: ticket.type,
    subject: ticket.subject,
    description: ticket.messages[0]?.body ?? null,
    status: lastChange?.to ?? 'new',
    priority: ticket.priority,
    via: { channel: ticket.channel },
    requester_id: ticket.customer.userId,
    submitter_id: authorId(ticket, ticket.submitter),
    assignee_id: assigneeOf(ticket),
    group_id: ticket.groupId,
    brand_id: BRAND_ID,
    tags: ticket.tags,
    custom_fields: [
      { id: DEMO_CUSTOM_FIELDS.orderNumber, value: ticket.orderField },
      { id: DEMO_CUSTOM_FIELDS.market, value: ticket.market },
      { id: DEMO_CUSTOM_FIELDS.platform, value: ticket.platform },
    ],
  };
}

export function* commentRecords(ticket: Ticket): Generator<RawRecord> {
  for (const m of ticket.messages) {
    yield {
      id: COMMENT_ID_BASE + m.ordinal,
      ticket_id: ticket.id,
      type: 'Comment',
      author_id: authorId(ticket, m.author),
      body: m.body,
      public: m.isPublic,
      created_at: zendeskTime(m.at),
      via: { channel: m.via },
    };
  }
}

export function* auditRecords(ticket: Ticket): Generator<RawRecord> {
  for (const c of ticket.changes) {
    const created = c.from === null;
    const events: RawRecord[] = [
      created
        ? { id: EVENT_ID_BASE + c.firstEvent, type: 'Create', field_name: 'status', value: c.to }
        : { id: EVENT_ID_BASE + c.firstEvent, type: 'Change', field_name: 'status', value: c.to, previous_value: c.from },
    ];
    if (c.assigneeTo !== undefined) {
      events.push(
        created
          ? { id: EVENT_ID_BASE + c.firstEvent + 1, type: 'Create', field_name: 'assignee_id', value: c.assigneeTo }
          : { id: EVENT_ID_BASE + c.firstEvent + 1, type: 'Change', field_name: 'assignee_id', value: c.assigneeTo, previous_value: c.assigneeFrom ?? null },
      );
    }
    yield {
      id: AUDIT_ID_BASE + c.ordinal,
      ticket_id: ticket.id,
      created_at: zendeskTime(c.at),
      author_id: authorId(ticket, c.author),
      via: { channel: c.via },
      events,
    };
  }
}

export function ratingRecord(ticket: Ticket): RawRecord | null {
  const r = ticket.rating;
  if (!r) return null;
  return {
    id: r.id,
    url: `${ZENDESK_URL}/satisfaction_ratings/${r.id}.json`,
    ticket_id: ticket.id,
    assignee_id: assigneeOf(ticket),
    group_id: ticket.groupId,
    requester_id: ticket.customer.userId,
    score: r.score,
    comment: r.comment,
    reason: r.reason,
    created_at: zendeskTime(r.createdAt),
    updated_at: zendeskTime(r.createdAt),
  };
}

export function groupRecord(ctx: SimContext, group: GroupSpec, index: number): RawRecord {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    default: index === 0,
    deleted: false,
    created_at: zendeskTime(ctx.window.start - (540 - index * 90) * DAY),
    updated_at: zendeskTime(ctx.window.start - 45 * DAY),
  };
}

/**
 * The versions of an agent's user record the lake holds: the agent as hired; and, for an agent who left within
 * the window, the later version after the shop downgraded them to end user to free the seat (as many teams do,
 * so that their tickets keep the name), inactive from the day they left. The nightly snapshots of a real shop
 * would have landed both.
 */
export function agentRecords(ctx: SimContext, agent: Agent): RawRecord[] {
  const left = agent.leftAt !== null && agent.leftAt <= ctx.window.end;
  const [from, to] = SHIFTS[agent.group.key][agent.shift];
  const hired: RawRecord = {
    id: agent.id,
    name: agent.name,
    email: agent.email,
    role: agent.role,
    active: true,
    locale: agent.locale,
    iana_time_zone: agent.group.timeZone,
    default_group_id: agent.group.id,
    tags: [agent.group.key, `shift_${agent.shift}`],
    user_fields: {
      is_bot: false,
      shift: `${agent.shift} ${String(from).padStart(2, '0')}:00-${to}:00 ${agent.shift === 'weekend' ? 'Wed-Sun' : 'Mon-Fri'}`,
    },
    created_at: zendeskTime(agent.createdAt),
    updated_at: zendeskTime(Math.max(agent.createdAt, ctx.window.start - 10 * DAY)),
  };
  if (!left) return [hired];
  return [hired, { ...hired, role: 'end-user', active: false, updated_at: zendeskTime(agent.leftAt!) }];
}

export function botRecord(ctx: SimContext, bot: Bot): RawRecord {
  return {
    id: bot.id,
    name: bot.name,
    email: bot.email,
    role: 'agent',
    active: true,
    locale: 'en-US',
    iana_time_zone: 'Asia/Shanghai',
    default_group_id: null,
    tags: ['bot'],
    user_fields: { is_bot: true },
    created_at: zendeskTime(bot.createdAt),
    updated_at: zendeskTime(ctx.window.start - 30 * DAY),
  };
}

export function customerUserRecord(customer: Customer): RawRecord {
  const m = market(customer.market);
  return {
    id: customer.userId,
    name: customer.displayName,
    email: customer.email,
    role: 'end-user',
    active: true,
    locale: m.locale,
    iana_time_zone: m.timeZone,
    default_group_id: null,
    tags: customer.platform === 'web' ? [] : [`${customer.platform}_buyer`],
    user_fields: { is_bot: false },
    created_at: zendeskTime(customer.firstTicketAt),
    updated_at: zendeskTime(customer.lastTicketAt),
  };
}

// ---- Shopify ----------------------------------------------------------------------------------------------

export function productRecord(product: Product): RawRecord {
  return {
    id: product.id,
    title: product.title,
    handle: product.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    product_type: product.productType,
    vendor: product.vendor,
    status: product.status,
    tags: product.kind,
    created_at: shopTime(product.createdAt),
    updated_at: shopTime(product.updatedAt),
    variants: product.variants.map((v, i) => ({
      id: v.id,
      product_id: product.id,
      title: v.title,
      sku: v.sku,
      price: money(v.priceCents),
      position: i + 1,
    })),
  };
}

const GATEWAY = { web: 'shopify_payments', amazon: 'amazon_marketplace', ebay: 'ebay_managed_payments' } as const;

export function orderRecord(ctx: SimContext, order: Order): RawRecord {
  const end = ctx.window.end;
  const m = market(order.market);
  const events = [order.createdAt];
  const cancelled = order.cancelledAt !== null && order.cancelledAt <= end ? order.cancelledAt : null;
  if (cancelled !== null) events.push(cancelled);

  const fulfillments: RawRecord[] = [];
  const f = order.fulfillment;
  if (f && f.shippedAt <= end) {
    const delivered = f.deliveredAt !== null && f.deliveredAt <= end ? f.deliveredAt : null;
    const lost = f.lostAt !== null && f.lostAt <= end ? f.lostAt : null;
    const shipmentStatus =
      delivered !== null ? 'delivered' : lost !== null ? 'failure' : f.deliveredAt !== null && f.deliveredAt - end < DAY ? 'out_for_delivery' : 'in_transit';
    const updated = Math.max(f.shippedAt, delivered ?? 0, lost ?? 0);
    events.push(updated);
    fulfillments.push({
      id: f.id,
      order_id: order.id,
      status: 'success',
      shipment_status: shipmentStatus,
      tracking_company: f.carrier,
      tracking_number: f.trackingNumber,
      created_at: shopTime(f.shippedAt),
      updated_at: shopTime(updated),
      estimated_delivery_at: shopTime(f.promisedAt),
      delivered_at: delivered === null ? null : shopTime(delivered),
    });
  }

  const refunds = order.refunds.filter((r) => r.createdAt <= end);
  let refunded = 0;
  const refundRecords = refunds.map((r) => {
    refunded += r.amountCents;
    events.push(r.createdAt);
    return {
      id: r.id,
      order_id: order.id,
      created_at: shopTime(r.createdAt),
      processed_at: shopTime(r.createdAt),
      note: r.note,
      return_id: r.ret ? r.ret.id : null,
      refund_line_items: r.lines.map((l) => ({ id: l.id, line_item_id: l.line.id, quantity: l.quantity, subtotal: money(l.subtotalCents) })),
      transactions: [
        { id: r.transactionId, kind: 'refund', status: 'success', amount: money(r.amountCents), currency: SHOP.currency, gateway: GATEWAY[order.platform] },
      ],
    };
  });
  const financialStatus =
    cancelled !== null && order.voided ? 'voided' : refunded === 0 ? 'paid' : refunded >= order.totalCents ? 'refunded' : 'partially_refunded';
  const presentment = (cents: number) => money(Math.round(cents * m.usdRate));
  const c = order.customer;
  return {
    id: order.id,
    name: order.name,
    order_number: order.orderNumber,
    email: c.email,
    created_at: shopTime(order.createdAt),
    updated_at: shopTime(Math.max(...events)),
    processed_at: shopTime(order.createdAt),
    cancelled_at: cancelled === null ? null : shopTime(cancelled),
    cancel_reason: cancelled === null ? null : 'customer',
    currency: SHOP.currency,
    presentment_currency: m.currency,
    subtotal_price: money(order.subtotalCents),
    total_tax: money(order.taxCents),
    total_price: money(order.totalCents),
    total_price_set: {
      shop_money: { amount: money(order.totalCents), currency_code: SHOP.currency },
      presentment_money: { amount: presentment(order.totalCents), currency_code: m.currency },
    },
    financial_status: financialStatus,
    fulfillment_status: fulfillments.length > 0 ? 'fulfilled' : null,
    source_name: order.platform,
    tags: order.platform === 'web' ? '' : `${order.platform}, marketplace`,
    customer: { id: c.shopifyId, email: c.email, first_name: c.firstName, last_name: c.lastName },
    shipping_address: {
      first_name: c.firstName,
      last_name: c.lastName,
      city: order.city.city,
      province: order.city.province,
      zip: order.city.zip,
      country_code: order.market,
    },
    line_items: order.lines.map((l) => ({
      id: l.id,
      product_id: l.product.id,
      variant_id: l.variant.id,
      sku: l.variant.sku,
      title: l.product.title,
      variant_title: l.variant.title,
      quantity: l.quantity,
      price: money(l.priceCents),
    })),
    fulfillments,
    refunds: refundRecords,
  };
}

/** A return as it stands at the end of the window, or null when it has not been requested yet. */
export function returnRecord(ctx: SimContext, ret: Return): RawRecord | null {
  const end = ctx.window.end;
  if (ret.createdAt > end) return null;
  const ended = ret.endedAt <= end;
  const status = ended ? ret.outcome : ret.openedAt <= end ? 'OPEN' : 'REQUESTED';
  const sameOrder = ret.order.returns.filter((r) => r.createdAt <= ret.createdAt).length;
  return {
    id: ret.id,
    order_id: ret.order.id,
    name: `${ret.order.name}-R${sameOrder}`,
    status,
    created_at: shopTime(ret.createdAt),
    closed_at: ended && ret.outcome === 'CLOSED' ? shopTime(ret.endedAt) : null,
    return_line_items: ret.lines.map((l) => ({
      id: l.id,
      line_item_id: l.line.id,
      quantity: l.quantity,
      return_reason: l.reason,
      customer_note: l.note,
    })),
  };
}

// ---- reviews ----------------------------------------------------------------------------------------------

export function reviewRecord(review: Review): RawRecord {
  const order = review.order;
  return {
    review_id: review.reviewId,
    platform: REVIEW_PLATFORM[order.platform],
    marketplace_country: order.market,
    order_number: review.withOrderNumber ? order.name : null,
    product_sku: review.line.variant.sku,
    rating: review.rating,
    title: review.title,
    body: review.body,
    language: market(order.market).languageTag,
    reviewer_name: review.reviewerName,
    verified_purchase: review.verified,
    created_at: zendeskTime(review.createdAt),
  };
}
