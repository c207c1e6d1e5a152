/**
 * The demo source: a deterministic simulator of a cross-border shop (web store, Amazon and eBay; seven markets;
 * a support team in Shenzhen and Berlin with shifts and a bot) that yields the same raw streams as the real
 * Zendesk, Shopify and review-export connectors. The world is simulated once per source instance, on the first
 * read, and every stream iterates its part of it. Same options, same records, byte for byte.
 */
import type { RawRecord, ReadContext, SourceDefinition, StreamDefinition } from '../../core/stream.ts';
import { defineStream } from '../../core/stream.ts';
import { reviewSchema } from '../files/schemas.ts';
import { orderSchema, productSchema, returnSchema } from '../shopify/schemas.ts';
import {
  groupSchema,
  satisfactionRatingSchema,
  ticketAuditSchema,
  ticketCommentSchema,
  ticketSchema,
  userSchema,
} from '../zendesk/schemas.ts';
import type { SimContext } from './context.ts';
import {
  agentRecords,
  auditRecords,
  botRecord,
  commentRecords,
  customerUserRecord,
  groupRecord,
  orderRecord,
  productRecord,
  ratingRecord,
  returnRecord,
  reviewRecord,
  ticketRecord,
} from './records.ts';
import { simulateWorld } from './simulation.ts';
import { GROUPS } from './world.ts';

export interface DemoOptions {
  seed: number;
  /** Number of support conversations (tickets) over the window. */
  scale: number;
  /** `YYYY-MM-DD`, the last day simulated (UTC). */
  endDate: string;
  days: number;
}

export const DEMO_DEFAULTS: DemoOptions = { seed: 42, scale: 40000, endDate: '2026-10-31', days: 182 };

/** Maps lazily, so a stream never holds more than one formatted record at a time. */
function* mapped<T>(items: Iterable<T>, format: (item: T) => RawRecord | null): Generator<RawRecord | null> {
  for (const item of items) yield format(item);
}

const PAGE_SIZE = 1000;

/** Yields the records a page (up to 1,000) at a time, as an API would, stopping early when the run is asked to stop. */
async function* emit(ctx: ReadContext, records: Iterable<RawRecord | null>): AsyncGenerator<RawRecord[]> {
  let page: RawRecord[] = [];
  for (const record of records) {
    if (record === null) continue;
    page.push(record);
    if (page.length < PAGE_SIZE) continue;
    if (ctx.signal.aborted) return;
    yield page;
    page = [];
  }
  if (page.length > 0 && !ctx.signal.aborted) yield page;
}

export function createDemoSource(options: DemoOptions): SourceDefinition {
  const opts = { ...options };
  let world: SimContext | undefined;
  const getWorld = (ctx: ReadContext): SimContext => {
    if (!world) {
      const started = performance.now();
      world = simulateWorld(opts);
      ctx.log.debug('demo world simulated', {
        seed: opts.seed,
        scale: opts.scale,
        tickets: world.tickets.length,
        orders: world.orders.length,
        duration_ms: Math.round(performance.now() - started),
      });
    }
    return world;
  };

  const streams: StreamDefinition[] = [
    defineStream({
      name: 'tickets',
      description: 'Zendesk-shaped support conversations with market, platform and order number in custom fields.',
      primaryKey: ['id'],
      cursorField: 'updated_at',
      writeDisposition: 'replace',
      schema: ticketSchema,
      read: (ctx) => emit(ctx, mapped(getWorld(ctx).tickets, ticketRecord)),
    }),
    defineStream({
      name: 'ticket_comments',
      description: 'Zendesk-shaped ticket comments: customer messages, bot answers, agent replies and internal notes.',
      primaryKey: ['id'],
      writeDisposition: 'replace',
      schema: ticketCommentSchema,
      read: (ctx) =>
        emit(
          ctx,
          (function* () {
            for (const ticket of getWorld(ctx).tickets) yield* commentRecords(ticket);
          })(),
        ),
    }),
    defineStream({
      name: 'ticket_audits',
      description: 'Zendesk-shaped ticket audits, one per status change (with the assignee when it changes too).',
      primaryKey: ['id'],
      writeDisposition: 'replace',
      schema: ticketAuditSchema,
      read: (ctx) =>
        emit(
          ctx,
          (function* () {
            for (const ticket of getWorld(ctx).tickets) yield* auditRecords(ticket);
          })(),
        ),
    }),
    defineStream({
      name: 'users',
      description: 'Zendesk-shaped users: agents and admins of both groups, the ShopBot bot, and customers who contacted support.',
      primaryKey: ['id'],
      cursorField: 'updated_at',
      writeDisposition: 'replace',
      schema: userSchema,
      read: (ctx) =>
        emit(
          ctx,
          (function* () {
            const w = getWorld(ctx);
            for (const agent of w.team.agents) yield* agentRecords(w, agent);
            yield botRecord(w, w.team.bot);
            const customers = w.customers.filter((c) => c.userId > 0).sort((a, b) => a.userId - b.userId);
            for (const customer of customers) yield customerUserRecord(customer);
          })(),
        ),
    }),
    defineStream({
      name: 'groups',
      description: 'Zendesk-shaped agent groups: Global Support (Shenzhen) and EU Support (Berlin).',
      primaryKey: ['id'],
      cursorField: 'updated_at',
      writeDisposition: 'replace',
      schema: groupSchema,
      read: (ctx) => emit(ctx, GROUPS.map((g, i) => groupRecord(getWorld(ctx), g, i))),
    }),
    defineStream({
      name: 'satisfaction_ratings',
      description: 'Zendesk-shaped CSAT survey answers (good / bad) and unanswered surveys (offered).',
      primaryKey: ['id'],
      cursorField: 'updated_at',
      writeDisposition: 'replace',
      schema: satisfactionRatingSchema,
      read: (ctx) =>
        emit(
          ctx,
          mapped(
            getWorld(ctx)
              .tickets.filter((t) => t.rating !== null)
              .sort((a, b) => a.rating!.id - b.rating!.id),
            ratingRecord,
          ),
        ),
    }),
    defineStream({
      name: 'products',
      description: 'Shopify-shaped products with their variants (SKU, USD price).',
      primaryKey: ['id'],
      cursorField: 'updated_at',
      writeDisposition: 'replace',
      schema: productSchema,
      read: (ctx) => emit(ctx, mapped(getWorld(ctx).catalog.products, productRecord)),
    }),
    defineStream({
      name: 'orders',
      description: 'Shopify-shaped orders from the web store, Amazon and eBay, with line items, fulfillments and refunds.',
      primaryKey: ['id'],
      cursorField: 'updated_at',
      writeDisposition: 'replace',
      schema: orderSchema,
      read: (ctx) =>
        emit(
          ctx,
          (function* () {
            const w = getWorld(ctx);
            for (const order of w.orders) yield orderRecord(w, order);
          })(),
        ),
    }),
    defineStream({
      name: 'returns',
      description: 'Shopify-shaped returns with return line items and reasons.',
      primaryKey: ['id'],
      writeDisposition: 'replace',
      schema: returnSchema,
      read: (ctx) =>
        emit(
          ctx,
          (function* () {
            const w = getWorld(ctx);
            for (const ret of w.returns) yield returnRecord(w, ret);
          })(),
        ),
    }),
    defineStream({
      name: 'reviews',
      description: 'Marketplace review export (Amazon, eBay, the web store review app) in the file contract columns.',
      primaryKey: ['review_id'],
      writeDisposition: 'replace',
      schema: reviewSchema,
      read: (ctx) => emit(ctx, mapped(getWorld(ctx).reviews, reviewRecord)),
    }),
  ];

  return {
    name: 'demo',
    description: `Simulated cross-border shop (seed ${opts.seed}, ${opts.scale} conversations, ${opts.days} days to ${opts.endDate}).`,
    streams,
  };
}
