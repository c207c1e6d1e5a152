/**
 * The Zendesk Support source: lands tickets, their comments, audits and metrics, users, groups and CSAT ratings in
 * `data/lake/raw/zendesk/<stream>/`, in the record shapes of `schemas.ts` (the shapes the demo emits, so staging is
 * shared). Records are landed as the API sends them: tags, custom fields (where the order number lives) and fields
 * this project does not know yet (kept under `_extra`). Paging and rate limits: `client.ts`; settings: `config.ts`.
 *
 * Streams and endpoints
 * - `tickets`: the cursor-based incremental ticket export, `GET /api/v2/incremental/tickets/cursor.json`
 *   (`start_time` on the first run, then `cursor`; up to 1000 tickets a page, `end_of_stream` on the last). Every
 *   version the export returns is landed (merge: staging keeps the newest per id). Deleted tickets come back with
 *   `status: "deleted"` and are landed like any other version, so staging can drop them.
 * - `ticket_metrics`: the same export with `include=metric_sets`: Zendesk's own metrics of each ticket version
 *   (replies, reopens, reply, resolution and wait times in calendar and business minutes) come sideloaded, one call
 *   per 1000 tickets instead of one `GET /api/v2/tickets/{id}/metrics` per ticket. That is the sideload that saves
 *   calls here; the others (users, groups, organizations) would land partial, unversioned copies of streams this
 *   source reads completely through their own endpoints. It is a stream of its own, sweeping the export with its
 *   own cursor, because a stream lands one record shape.
 * - `ticket_audits` and `ticket_comments`: for each ticket version in the same incremental ticket export, the ticket's
 *   audits, `GET /api/v2/tickets/{id}/audits` (cursor pagination). One audit call brings both the Comment events
 *   (the messages, with author, public flag and body) and the Change events (status and assignee changes), in the
 *   documented audit shape that `schemas.ts` declares; a comment is the audit's Comment event with the audit's
 *   `created_at`, `via` and the `ticket_id`. Chosen over the incremental ticket event export
 *   (`/api/v2/incremental/ticket_events?include=comment_events`) because that one is time-based only (documented
 *   duplicates at page edges, no cursor), and returns events in another shape (ticket events with `child_events`)
 *   that would have to be rebuilt into the audit shape the demo and staging share. The price is one call per changed ticket (at the account's rate, 200
 *   to 700 a minute, not the exports' 10), which suits a nightly delta; a first load of a very large account is
 *   slower. Each of the two streams sweeps the export with its own cursor (so `--stream` and a resumed run work on
 *   either alone); within one run the audits fetched by the first sweep are handed to the second, so a ticket costs
 *   one audit call, not two. Deleted tickets have no audits any more (404): skipped; what was landed before stays.
 *   When a ticket changes again, all its audits are landed again (they are immutable: identical rows; staging keeps
 *   one per id). Exact only-new filtering would need a per-ticket high-water mark in the state.
 * - `users`: the cursor-based incremental user export, `GET /api/v2/incremental/users/cursor.json`: agents, admins
 *   and end users with their `role`. Every version is kept, so the warehouse can tell who was an agent when a message
 *   was written.
 * - `groups`: `GET /api/v2/groups` (cursor pagination), a full snapshot each run (replace): a handful of rows.
 * - `satisfaction_ratings`: `GET /api/v2/satisfaction_ratings?start_time=` (cursor pagination). The list has no
 *   cursor across runs, so the state is a high-water mark (`updated_at`, `id`) of what was landed; each run asks from
 *   30 days before it (ratings change after they are created: a customer can change a bad score to good) and lands
 *   only ratings past the mark and older than a minute by the server's clock (younger ones wait for the next run, so
 *   none is ever skipped by the mark).
 *
 * State (per stream, through `ctx.checkpoint` after each page, so it never runs ahead of the lake):
 * `{ cursor }` for tickets, ticket_metrics, users, ticket_audits and ticket_comments (the export's `after_cursor`;
 * the last page's is where the next run starts); `{ updated_at, id }` for satisfaction_ratings; none for groups. `--full-refresh`
 * forgets it, starts again from CSW_ZENDESK_START_DATE and replaces what the lake held for the stream.
 *
 * What a killed run leaves: state covers only pages whose records are in the lake, so the next run resumes at the
 * first page not landed. If the kill falls between a page's Parquet file and its state write, that page is landed
 * again: duplicate (id, updated_at) rows are possible for at most one page per stream, identical to the first copy.
 * satisfaction_ratings checkpoints once, after its window: a run killed inside it lands nothing of it (unless the
 * window held more ratings than CSW_BATCH_SIZE, whose flushed part the next run lands again).
 *
 * Zendesk API reference:
 * - https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/
 * - https://developer.zendesk.com/documentation/ticketing/managing-tickets/using-the-incremental-export-api/
 * - https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/
 * - https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/
 * - https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/
 * - https://developer.zendesk.com/documentation/api-basics/pagination/paginating-through-lists-using-cursor-pagination/
 * - https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/best-practices-for-avoiding-rate-limiting/
 */
import type { RawRecord, ReadContext, SourceDefinition, StreamState } from '../../core/stream.ts';
import { defineStream } from '../../core/stream.ts';
import { isNotFound, ZendeskClient } from './client.ts';
import { loadZendeskConfig, type ZendeskConfig } from './config.ts';
import {
  groupSchema,
  satisfactionRatingSchema,
  ticketAuditSchema,
  ticketCommentSchema,
  ticketMetricSetSchema,
  ticketSchema,
  userSchema,
} from './schemas.ts';

/** How far back each run re-reads satisfaction ratings (by creation time) to catch changed scores. */
export const RATING_LOOKBACK_DAYS = 30;
/** Ratings younger than this (server clock) wait for the next run. */
const RATING_SETTLE_MS = 60_000;
/**
 * Audits kept in memory for the second audit sweep of a run (a nightly delta fits; beyond this, as in a first load,
 * the second sweep fetches them again).
 */
const SHARED_AUDITS_MAX = 25_000;

const cursorOf = (state: StreamState | undefined) => (typeof state?.cursor === 'string' ? state.cursor : undefined);

/** The comments in an audit: its Comment events, with the ticket, time and channel of the audit. */
export function commentsOfAudit(audit: RawRecord): RawRecord[] {
  const events = Array.isArray(audit.events) ? (audit.events as RawRecord[]) : [];
  return events
    .filter((event) => event.type === 'Comment')
    .map((event) => ({
      ...event,
      ticket_id: audit.ticket_id,
      audit_id: audit.id,
      created_at: event.created_at ?? audit.created_at,
      via: event.via ?? audit.via,
    }));
}

export function createZendeskSource(config: ZendeskConfig): SourceDefinition {
  const pacer = { until: 0 };
  const client = (ctx: ReadContext) => new ZendeskClient(config, ctx.log, ctx.signal, pacer);

  /** Audits fetched by one sweep for the other, keyed by ticket id and version. */
  const shared = new Map<string, RawRecord[]>();
  let sharedCount = 0;

  async function auditsOf(zendesk: ZendeskClient, ctx: ReadContext, ticket: RawRecord): Promise<RawRecord[]> {
    const key = `${String(ticket.id)}@${String(ticket.updated_at)}`;
    const cached = shared.get(key);
    if (cached) {
      shared.delete(key);
      sharedCount -= cached.length;
      return cached;
    }
    const audits: RawRecord[] = [];
    try {
      for await (const page of zendesk.list(`api/v2/tickets/${Number(ticket.id)}/audits.json`, 'audits')) audits.push(...page.items);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      ctx.log.debug(`ticket ${String(ticket.id)} is gone (deleted after the export listed it); its audits are skipped`);
      return [];
    }
    if (sharedCount + audits.length <= SHARED_AUDITS_MAX) {
      shared.set(key, audits);
      sharedCount += audits.length;
    }
    return audits;
  }

  /** Sweeps the ticket export with this stream's own cursor, yielding what `pick` takes from each ticket's audits. */
  async function* auditSweep(
    ctx: ReadContext,
    state: StreamState | undefined,
    pick: (audit: RawRecord) => RawRecord[],
    last: boolean,
  ): AsyncGenerator<RawRecord> {
    const zendesk = client(ctx);
    for await (const page of zendesk.incrementalExport('tickets', { cursor: cursorOf(state), startTime: config.startTime })) {
      const seen = new Set<unknown>();
      for (const ticket of page.items) {
        // Deleted tickets have no audits to read (404); a ticket listed twice on a page needs one read.
        if (ticket.status === 'deleted' || seen.has(ticket.id)) continue;
        seen.add(ticket.id);
        for (const audit of await auditsOf(zendesk, ctx, ticket)) yield* pick(audit);
      }
      await ctx.checkpoint({ cursor: page.cursor });
    }
    if (last) {
      shared.clear();
      sharedCount = 0;
    }
  }

  async function* exportStream(resource: 'tickets' | 'users', ctx: ReadContext, state: StreamState | undefined, sideload?: string) {
    const from = { cursor: cursorOf(state), startTime: config.startTime };
    for await (const page of client(ctx).incrementalExport(resource, from, sideload ? { include: sideload } : {})) {
      yield* sideload ? page.included : page.items;
      await ctx.checkpoint({ cursor: page.cursor });
    }
  }

  async function* ratings(ctx: ReadContext, state: StreamState | undefined): AsyncGenerator<RawRecord> {
    const mark =
      typeof state?.updated_at === 'string' && typeof state.id === 'number' ? { at: Date.parse(state.updated_at), id: state.id } : undefined;
    const startTime = mark ? Math.floor(mark.at / 1000) - RATING_LOOKBACK_DAYS * 86_400 : config.startTime;
    let next = mark ? { updated_at: state!.updated_at as string, at: mark.at, id: mark.id } : undefined;
    let horizon: number | undefined;
    for await (const page of client(ctx).list('api/v2/satisfaction_ratings.json', 'satisfaction_ratings', { start_time: Math.max(0, startTime) })) {
      horizon ??= page.serverTime - RATING_SETTLE_MS;
      for (const rating of page.items) {
        const at = Date.parse(String(rating.updated_at));
        const id = Number(rating.id);
        if (!(at <= horizon)) continue; // too young (or no time): the next run lands it
        if (mark && (at < mark.at || (at === mark.at && id <= mark.id))) continue; // landed before
        yield rating;
        if (!next || at > next.at || (at === next.at && id > next.id)) next = { updated_at: String(rating.updated_at), at, id };
      }
    }
    if (next) await ctx.checkpoint({ updated_at: next.updated_at, id: next.id });
  }

  return {
    name: 'zendesk',
    description: `Zendesk Support at ${config.baseUrl}: tickets, comments, audits, ticket metrics, users, groups, CSAT ratings.`,
    streams: [
      defineStream({
        name: 'tickets',
        description: 'Every ticket version from the cursor-based incremental ticket export, deleted tickets included (status deleted).',
        primaryKey: ['id'],
        cursorField: 'updated_at',
        writeDisposition: 'merge',
        schema: ticketSchema,
        read: (ctx, state) => exportStream('tickets', ctx, state),
      }),
      defineStream({
        name: 'ticket_comments',
        description: "Messages: the Comment events of the audits of each ticket changed since the last run, with the audit's time and channel.",
        primaryKey: ['id'],
        writeDisposition: 'merge',
        schema: ticketCommentSchema,
        read: (ctx, state) => auditSweep(ctx, state, commentsOfAudit, false),
      }),
      defineStream({
        name: 'ticket_audits',
        description: 'Every audit (status, assignee and other changes, comments, notifications) of each ticket changed since the last run.',
        primaryKey: ['id'],
        writeDisposition: 'merge',
        schema: ticketAuditSchema,
        read: (ctx, state) => auditSweep(ctx, state, (audit) => [audit], true),
      }),
      defineStream({
        name: 'ticket_metrics',
        description: "Zendesk's metric set of each ticket version (replies, reopens, reply and resolution times), sideloaded on the ticket export.",
        primaryKey: ['id'],
        cursorField: 'updated_at',
        writeDisposition: 'merge',
        schema: ticketMetricSetSchema,
        read: (ctx, state) => exportStream('tickets', ctx, state, 'metric_sets'),
      }),
      defineStream({
        name: 'users',
        description: 'Every user version (agents, admins, end users, with role) from the cursor-based incremental user export.',
        primaryKey: ['id'],
        cursorField: 'updated_at',
        writeDisposition: 'merge',
        schema: userSchema,
        read: (ctx, state) => exportStream('users', ctx, state),
      }),
      defineStream({
        name: 'groups',
        description: 'Agent groups, a full snapshot each run.',
        primaryKey: ['id'],
        cursorField: 'updated_at',
        writeDisposition: 'replace',
        schema: groupSchema,
        async *read(ctx) {
          for await (const page of client(ctx).list('api/v2/groups.json', 'groups')) yield* page.items;
        },
      }),
      defineStream({
        name: 'satisfaction_ratings',
        description: 'CSAT ratings created or changed since the last run (30-day lookback, landed once per version).',
        primaryKey: ['id'],
        cursorField: 'updated_at',
        writeDisposition: 'merge',
        schema: satisfactionRatingSchema,
        read: ratings,
      }),
    ],
  };
}

/** The registry's factory: settings from the environment (a UserError naming what to set when they are missing). */
export function zendeskSourceFromEnv(env: NodeJS.ProcessEnv = process.env): SourceDefinition {
  return createZendeskSource(loadZendeskConfig(env));
}
