/**
 * One support conversation, message by message: the customer's opening (or an agent's proactive message), the
 * bot's first answer on chat and social (solved by the bot, abandoned, or handed to a human), human replies
 * timed by the group's shifts and workload, internal notes, holds, customer follow-ups and chasers, solves,
 * reopens, automatic solve and close, and the CSAT survey. Everything after the window's end is cut off, so
 * late conversations end the window unanswered or open.
 */
import { DAY, HOUR, MINUTE } from './clock.ts';
import { wakingTime, type SimContext } from './context.ts';
import { pickProduct, type Product } from './catalog.ts';
import { REQUESTER, type Author, type Order, type Status, type Ticket } from './model.ts';
import { BOT_ID, type Agent, type Customer } from './people.ts';
import { sigmoid, type Rng } from './random.ts';
import {
  AGENT_CHAT, AGENT_FOLLOWUPS, AGENT_REPLIES, BOT_BYE, BOT_GREETING, BOT_HANDOFF, BOT_HANDOFF_OFFLINE, BOT_HINTS,
  BOT_QUESTION, CSAT_BAD_REASONS, CSAT_COMMENTS, CUSTOMER_ADDENDA, CUSTOMER_ASK_HUMAN, CUSTOMER_BOT_OK, CUSTOMER_CHASERS,
  CUSTOMER_FOLLOWUPS, CUSTOMER_NEW_CHASE, CUSTOMER_REOPENS, CUSTOMER_THANKS, GREETING, HOLD_NOTES, INTERNAL_NOTES_EN,
  INTERNAL_NOTES_ZH, OPENINGS, OUTBOUND_BODIES, OUTBOUND_SUBJECTS, SIGNOFF, SUBJECTS, fill, joinSentences, pickTemplate,
  type OutboundKind, type TextVars,
} from './text.ts';
import {
  BOT_CHANNELS, CHANNELS_BY_PLATFORM, CHANNEL_TAG, GROUPS, SHOP, market, type Channel, type GroupSpec, type Lang,
  type Reason,
} from './world.ts';

export interface TicketSpec {
  customer: Customer;
  order: Order | null;
  reason: Reason;
  at: number;
  channel?: Channel;
  outbound?: OutboundKind;
  /** The customer writes again in a new conversation because an earlier one went unanswered. */
  chase?: boolean;
  urgent?: boolean;
  product?: Product;
}

// Human reply times: median working seconds at pressure 1.0, before workload and priority.
const FIRST_REPLY_MEDIAN: Record<Channel, number> = {
  email: 2.2 * HOUR, web: 2.2 * HOUR, any_channel: 1.6 * HOUR, native_messaging: 4 * MINUTE, facebook: 35 * MINUTE, instagram_dm: 35 * MINUTE,
};
const NEXT_REPLY_MEDIAN: Record<Channel, number> = {
  email: 2.5 * HOUR, web: 2.5 * HOUR, any_channel: 2 * HOUR, native_messaging: 45 * MINUTE, facebook: 30 * MINUTE, instagram_dm: 30 * MINUTE,
};
const LIVE_CHAT_REPLY_MEDIAN = 100;
/** Exponent of the workload effect on reply times. */
const PRESSURE_EXPONENT = 2.2;
const PRIORITY_FACTOR = { urgent: 0.4, high: 0.7, normal: 1, low: 1.3 } as const;

/** Chance the customer writes again after an agent reply, by turn. */
const CONTINUE: Record<'chat' | 'social' | 'async' | 'marketplace', readonly number[]> = {
  chat: [0.97, 0.93, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3],
  social: [0.92, 0.85, 0.75, 0.6, 0.45, 0.3, 0.2],
  async: [0.88, 0.78, 0.65, 0.5, 0.38, 0.25, 0.15],
  marketplace: [0.85, 0.7, 0.55, 0.4, 0.25, 0.12],
};

const BOT_SOLVE: Record<Reason, number> = {
  logistics: 0.36, account: 0.5, other: 0.35, payment: 0.25, return_refund: 0.3, customs: 0.2, size: 0.3, quality: 0.08, function: 0.15,
};

function channelClass(channel: Channel): keyof typeof CONTINUE {
  if (channel === 'native_messaging') return 'chat';
  if (channel === 'facebook' || channel === 'instagram_dm') return 'social';
  if (channel === 'any_channel') return 'marketplace';
  return 'async';
}

function greetingName(customer: Customer): string {
  return customer.lang === 'ja' || customer.lang === 'zh' ? customer.displayName : customer.firstName;
}

function letter(lang: Lang, vars: TextVars, body: string): string {
  return `${fill(GREETING[lang], vars)}\n\n${fill(body, vars)}\n\n${fill(SIGNOFF[lang], vars)}`;
}

/** Builds a ticket's comments and status changes in time order. */
class Conversation {
  status: Status | null = null;
  assignee: number | null = null;
  firstHumanReplyAt: number | null = null;
  lastSolvedAt: number | null = null;
  agentReplies = 0;
  reopens = 0;
  botOnly = false;
  groupId: number | null = null;
  groupAt: number | null = null;

  /** Phrases already used in this conversation, per list, so nobody repeats themselves until a list runs out. */
  private readonly used = new Map<readonly string[], Set<number>>();

  constructor(
    private readonly ctx: SimContext,
    readonly ticket: Ticket,
  ) {}

  fresh(rng: Rng, list: readonly string[]): string {
    let used = this.used.get(list);
    if (!used || used.size >= list.length) this.used.set(list, (used = new Set()));
    let index = rng.int(0, list.length - 1);
    while (used.has(index)) index = rng.int(0, list.length - 1);
    used.add(index);
    return list[index]!;
  }

  say(at: number, author: Author, isPublic: boolean, via: string, body: string): void {
    this.ticket.messages.push({ seq: this.ctx.seq.message++, ordinal: 0, at, author, isPublic, via, body });
  }

  /** Records a status change (with the assignee, when it changes at the same moment). */
  set(at: number, author: Author, via: string, to: Status, assignee?: number): void {
    const assigneeChanges = assignee !== undefined && assignee !== this.assignee;
    if (to === this.status && !assigneeChanges) return;
    if (to === this.status) {
      this.assignee = assignee!;
      return;
    }
    this.ticket.changes.push({
      seq: this.ctx.seq.change++, ordinal: 0, firstEvent: 0, at, author, via, from: this.status, to,
      ...(assigneeChanges ? { assigneeFrom: this.assignee, assigneeTo: assignee } : {}),
    });
    if (assigneeChanges) this.assignee = assignee!;
    if (to === 'solved') this.lastSolvedAt = at;
    this.status = to;
  }

  route(group: GroupSpec, at: number): void {
    if (this.groupId === null) {
      this.groupId = group.id;
      this.groupAt = at;
    }
  }
}

interface Run {
  ctx: SimContext;
  rng: Rng;
  conv: Conversation;
  ticket: Ticket;
  group: GroupSpec;
  vars: TextVars;
  tz: string;
  /** Does the order still have an unsolved problem (lost, very late, declined return)? */
  persistingProblem: boolean;
}

/** Sometimes the customer adds a second message a few minutes after their own (not in live chat). */
function maybeAddendum(run: Run, at: number, p: number): void {
  const { rng, ticket } = run;
  if (channelClass(ticket.channel) === 'chat' || !rng.chance(p)) return;
  run.conv.say(at + rng.int(40, 20 * MINUTE), REQUESTER, true, ticket.channel, run.conv.fresh(rng, CUSTOMER_ADDENDA[ticket.lang]));
}

function customerDelay(run: Run, live: boolean): number {
  return live ? Math.round(run.rng.lognormal(50, 0.6)) : Math.round(run.rng.lognormal(4 * HOUR, 1.1));
}

function humanDelay(run: Run, from: number, first: boolean, live: boolean): number {
  const { ctx, rng, ticket, group } = run;
  const base = live ? LIVE_CHAT_REPLY_MEDIAN : first ? FIRST_REPLY_MEDIAN[ticket.channel] : NEXT_REPLY_MEDIAN[ticket.channel];
  const pressure = ctx.calendar.pressure(group.key, from);
  return rng.lognormal(base * pressure ** PRESSURE_EXPONENT * PRIORITY_FACTOR[ticket.priority ?? 'normal'], 0.85);
}

function pickAgent(run: Run, at: number): Agent {
  const { ctx, rng, conv } = run;
  if (conv.assignee !== null) {
    const assigned = ctx.team.byId.get(conv.assignee)!;
    if (ctx.calendar.onShift(assigned, at) && rng.chance(0.85)) return assigned;
  }
  return ctx.calendar.agentOnShift(run.group.key, at, rng);
}

function internalNote(run: Run, agent: Agent): string {
  const list = agent.group.key === 'shenzhen' && run.rng.chance(0.3) ? INTERNAL_NOTES_ZH : INTERNAL_NOTES_EN;
  return fill(run.rng.pick(list), run.vars);
}

/**
 * Humans take over from `readyAt` until the conversation is solved (true) or still waits at the horizon (false).
 */
function humanPhase(run: Run, readyAt: number): boolean {
  const { ctx, rng, conv, ticket } = run;
  const cls = channelClass(ticket.channel);
  const horizon = ctx.horizon;
  conv.route(run.group, readyAt);
  let waitFrom = readyAt;
  let live = cls === 'chat' && ctx.calendar.isOpen(run.group.key, readyAt);
  let turn = 0;

  // A few conversations fall through the cracks: nobody ever answers (some get an internal note and an owner).
  if (conv.firstHumanReplyAt === null) {
    const pressure = ctx.calendar.pressure(run.group.key, readyAt);
    if (rng.chance(0.012 + 0.012 * (pressure - 1))) {
      if (rng.chance(0.35)) {
        const noteAt = ctx.calendar.addBusiness(run.group.key, readyAt, rng.lognormal(3 * HOUR, 0.8));
        if (noteAt <= horizon) {
          const agent = ctx.calendar.agentOnShift(run.group.key, noteAt, rng);
          conv.say(noteAt, agent.id, false, 'web', internalNote(run, agent));
          conv.set(noteAt, agent.id, 'web', 'open', agent.id);
        }
      }
      return false;
    }
  }

  for (;;) {
    const first = conv.firstHumanReplyAt === null;
    let replyAt = ctx.calendar.addBusiness(run.group.key, waitFrom, humanDelay(run, waitFrom, first, live));
    if (live && replyAt - waitFrom > 15 * MINUTE) live = false;
    if (replyAt > horizon) return false;

    // The customer chases an unanswered message.
    if (!live && replyAt - waitFrom > 20 * HOUR && rng.chance(0.45)) {
      const chaseAt = wakingTime(rng, run.tz, waitFrom + Math.round(rng.uniform(16 * HOUR, Math.min(replyAt - waitFrom, 60 * HOUR))));
      if (chaseAt < replyAt) conv.say(chaseAt, REQUESTER, true, ticket.channel, conv.fresh(rng, CUSTOMER_CHASERS[ticket.lang]));
    }

    let agent = pickAgent(run, replyAt);
    if (rng.chance(first ? 0.18 : 0.05)) {
      const noteAt = Math.max(waitFrom + 1, replyAt - rng.int(MINUTE, 15 * MINUTE));
      conv.say(noteAt, agent.id, false, 'web', internalNote(run, agent));
      if (conv.status === 'new') conv.set(noteAt, agent.id, 'web', 'open', agent.id);
    }
    const holdable = run.persistingProblem || ticket.reason === 'quality' || ticket.reason === 'function';
    if (first && holdable && rng.chance(0.25)) {
      conv.say(replyAt, agent.id, false, 'web', fill(rng.pick(HOLD_NOTES), run.vars));
      conv.set(replyAt, agent.id, 'web', 'hold', conv.assignee ?? agent.id);
      replyAt = ctx.calendar.addBusiness(run.group.key, replyAt + Math.round(rng.lognormal(1.5 * DAY, 0.4)), rng.lognormal(HOUR, 0.8));
      live = false;
      if (replyAt > horizon) return false;
      agent = pickAgent(run, replyAt);
    }

    const vars = { ...run.vars, agent: agent.firstName };
    // The first answer addresses the contact reason (unless the team wrote first); later ones follow up.
    const text =
      first && !ticket.outbound
        ? conv.fresh(rng, AGENT_REPLIES[ticket.reason][ticket.lang])
        : conv.fresh(rng, live ? AGENT_CHAT[ticket.lang] : AGENT_FOLLOWUPS[ticket.lang]);
    const body = cls === 'chat' || cls === 'social' ? fill(text, vars) : letter(ticket.lang, vars, text);
    conv.say(replyAt, agent.id, true, 'web', body);
    conv.agentReplies++;
    if (first) conv.firstHumanReplyAt = replyAt;
    const owner = conv.assignee ?? agent.id;

    if (rng.chance(CONTINUE[cls][turn] ?? 0.05)) {
      conv.set(replyAt, agent.id, 'web', 'pending', owner);
      const customerAt = live ? replyAt + customerDelay(run, true) : wakingTime(rng, run.tz, replyAt + customerDelay(run, false));
      if (customerAt > horizon) return false;
      conv.say(customerAt, REQUESTER, true, ticket.channel, conv.fresh(rng, CUSTOMER_FOLLOWUPS[ticket.lang]));
      conv.set(customerAt, REQUESTER, ticket.channel, 'open');
      maybeAddendum(run, customerAt, 0.15);
      waitFrom = customerAt;
      turn++;
      continue;
    }

    if (rng.chance(live ? 0.3 : 0.45)) {
      conv.set(replyAt, agent.id, 'web', 'solved', owner);
    } else {
      conv.set(replyAt, agent.id, 'web', 'pending', owner);
      if (rng.chance(live ? 0.8 : 0.4)) {
        const thanksAt = live ? replyAt + customerDelay(run, true) : wakingTime(rng, run.tz, replyAt + customerDelay(run, false));
        if (thanksAt > horizon) return false;
        conv.say(thanksAt, REQUESTER, true, ticket.channel, rng.pick(CUSTOMER_THANKS[ticket.lang]));
        conv.set(thanksAt, REQUESTER, ticket.channel, 'open');
        const solveAt = ctx.calendar.addBusiness(run.group.key, thanksAt, rng.lognormal(live ? 60 : 30 * MINUTE, 0.8));
        conv.set(solveAt, conv.assignee ?? agent.id, 'web', 'solved');
      } else {
        conv.set(replyAt + 4 * DAY + rng.int(0, HOUR), owner, 'rule', 'solved');
      }
    }
    return true;
  }
}

function botPhase(run: Run, openedAt: number): 'solved' | 'handoff' {
  const { ctx, rng, conv, ticket } = run;
  const lang = ticket.lang;
  const botAt = openedAt + rng.int(2, 25);
  conv.say(botAt, BOT_ID, true, 'answer_bot', joinSentences(lang, [fill(BOT_GREETING[lang], run.vars), fill(BOT_HINTS[ticket.reason][lang], run.vars), BOT_QUESTION[lang]]));
  const solve = run.persistingProblem ? 0.12 : BOT_SOLVE[ticket.reason];
  const roll = rng.next();
  if (roll < solve) {
    const okAt = botAt + Math.round(rng.lognormal(60, 0.5));
    conv.say(okAt, REQUESTER, true, ticket.channel, rng.pick(CUSTOMER_BOT_OK[lang]));
    const byeAt = okAt + rng.int(2, 6);
    conv.say(byeAt, BOT_ID, true, 'answer_bot', fill(BOT_BYE[lang], run.vars));
    conv.set(byeAt, BOT_ID, 'answer_bot', 'solved');
    return 'solved';
  }
  if (roll < solve + 0.12) {
    conv.set(botAt + DAY + rng.int(0, 600), BOT_ID, 'rule', 'solved');
    return 'solved';
  }
  const askAt = botAt + Math.round(rng.lognormal(45, 0.6));
  conv.say(askAt, REQUESTER, true, ticket.channel, rng.pick(CUSTOMER_ASK_HUMAN[lang]));
  const handoffAt = askAt + rng.int(2, 5);
  const open = ctx.calendar.isOpen(run.group.key, handoffAt);
  conv.say(handoffAt, BOT_ID, true, 'answer_bot', fill(open ? BOT_HANDOFF[lang] : BOT_HANDOFF_OFFLINE[lang], run.vars));
  conv.route(run.group, handoffAt);
  return 'handoff';
}

function ticketType(rng: Rng, reason: Reason, outbound: boolean): Ticket['type'] {
  if (rng.chance(0.1)) return null;
  if (outbound) return 'task';
  if (reason === 'quality' || reason === 'function') return 'incident';
  if (reason === 'logistics') return rng.chance(0.3) ? 'incident' : 'question';
  return 'question';
}

function ticketPriority(rng: Rng, spec: TicketSpec): Ticket['priority'] {
  if (spec.urgent) return rng.weighted([['urgent', 25], ['high', 55], ['normal', 15], [null, 5]] as const);
  return rng.weighted([['urgent', 2], ['high', 12], ['normal', 56], ['low', 14], [null, 16]] as const);
}

/** Simulates one conversation; null when it would start after the window. */
export function simulateTicket(ctx: SimContext, rng: Rng, spec: TicketSpec): Ticket | null {
  const { customer, order, reason } = spec;
  const m = market(customer.market);
  const group = GROUPS.find((g) => g.key === m.group)!;
  const platform = order?.platform ?? customer.platform;
  const outbound = spec.outbound !== undefined;
  const channel: Channel =
    spec.channel ?? (outbound ? (platform === 'web' ? 'web' : 'any_channel') : rng.weighted(CHANNELS_BY_PLATFORM[platform]));

  // Agent-created conversations start when the team is at work.
  let createdAt = spec.at;
  let outboundAgent: Agent | null = null;
  if (outbound) {
    createdAt = ctx.calendar.addBusiness(group.key, spec.at, rng.int(5 * MINUTE, 2 * HOUR));
    if (createdAt > ctx.horizon) return null;
    outboundAgent = ctx.calendar.agentOnShift(group.key, createdAt, rng);
  }
  if (createdAt > ctx.window.end) return null;

  const product = spec.product ?? order?.lines[0]?.product ?? pickProduct(ctx.catalog, rng);
  const orderField = order && (outbound || rng.chance(0.6)) ? order.name : null;
  const mentionOrder = order ? (orderField ? rng.chance(0.5) : rng.chance(0.75)) : false;
  const f = order?.fulfillment ?? null;
  const vars: TextVars = {
    order: order?.name,
    product: product.title,
    name: greetingName(customer),
    carrier: f?.carrier ?? 'DHL Express',
    tracking: f?.trackingNumber ?? '',
    shop: SHOP.name,
    domain: SHOP.domain,
  };
  const lang = customer.lang;
  const cls = channelClass(channel);
  let subject: string;
  if (outbound) subject = fill(OUTBOUND_SUBJECTS[spec.outbound!][lang], vars);
  else if (cls === 'chat' || cls === 'social') subject = `Conversation with ${customer.displayName}`;
  else {
    subject = rng.pick(SUBJECTS[reason][lang]);
    if (cls === 'marketplace') subject = `${platform === 'amazon' ? 'Amazon' : 'eBay'}: ${subject}`;
  }
  const tags = [CHANNEL_TAG[channel], `market_${customer.market.toLowerCase()}`, `platform_${platform}`];
  if (rng.chance(0.88)) tags.unshift(reason);
  if (outbound) tags.push('proactive');
  if (spec.chase) tags.push('follow_up');

  const ticket: Ticket = {
    seq: ctx.seq.ticket++,
    id: 0,
    customer,
    order,
    reason,
    channel,
    platform,
    market: customer.market,
    lang,
    createdAt,
    subject,
    type: ticketType(rng, reason, outbound),
    priority: ticketPriority(rng, spec),
    tags,
    orderField,
    submitter: outboundAgent ? outboundAgent.id : REQUESTER,
    outbound,
    groupId: null,
    groupAt: null,
    messages: [],
    changes: [],
    rating: null,
    firstHumanReplyAt: null,
    botOnly: false,
    reopens: 0,
    hidden: createdAt < ctx.window.start,
  };
  const conv = new Conversation(ctx, ticket);
  const persistingProblem =
    !!f && (f.lostAt !== null || f.lateDays >= 7 || order!.returns.some((r) => r.outcome === 'DECLINED'));
  const run: Run = { ctx, rng, conv, ticket, group, vars, tz: m.timeZone, persistingProblem };

  let solved: boolean;
  if (outboundAgent) {
    conv.route(group, createdAt);
    conv.say(createdAt, outboundAgent.id, true, 'web', letter(lang, { ...vars, agent: outboundAgent.firstName }, OUTBOUND_BODIES[spec.outbound!][lang]));
    conv.set(createdAt, outboundAgent.id, 'web', 'pending', outboundAgent.id);
    if (rng.chance(0.6)) {
      const replyAt = wakingTime(rng, run.tz, createdAt + customerDelay(run, false));
      conv.say(replyAt, REQUESTER, true, channel, rng.pick(rng.chance(0.5) ? CUSTOMER_FOLLOWUPS[lang] : CUSTOMER_THANKS[lang]));
      conv.set(replyAt, REQUESTER, channel, 'open');
      solved = humanPhase(run, replyAt);
    } else {
      conv.set(createdAt + 4 * DAY + rng.int(0, HOUR), outboundAgent.id, 'rule', 'solved');
      solved = true;
    }
  } else {
    const opening = spec.chase
      ? pickTemplate(rng, CUSTOMER_NEW_CHASE[lang], mentionOrder)
      : pickTemplate(rng, OPENINGS[reason][lang], order ? mentionOrder : false);
    conv.say(createdAt, REQUESTER, true, channel, fill(opening, vars));
    conv.set(createdAt, REQUESTER, channel, 'new');
    if (!BOT_CHANNELS.has(channel)) maybeAddendum(run, createdAt, 0.2);
    if (BOT_CHANNELS.has(channel)) {
      const outcome = botPhase(run, createdAt);
      if (outcome === 'solved') {
        conv.botOnly = true;
        solved = true;
      } else {
        solved = humanPhase(run, conv.groupAt!);
      }
    } else {
      conv.route(group, createdAt);
      solved = humanPhase(run, createdAt);
    }
  }

  // Reopens: the customer writes again after the solve, before the ticket closes.
  while (solved && conv.reopens < 2) {
    const slow = conv.firstHumanReplyAt !== null && conv.firstHumanReplyAt - createdAt > DAY;
    const p = 0.045 + (persistingProblem ? 0.1 : 0) + (slow ? 0.04 : 0) + (conv.botOnly ? 0.05 : 0);
    if (!rng.chance(p)) break;
    const reopenAt = wakingTime(rng, run.tz, conv.lastSolvedAt! + Math.round(Math.min(rng.lognormal(18 * HOUR, 0.9), 80 * HOUR)));
    if (reopenAt > ctx.horizon) break;
    conv.say(reopenAt, REQUESTER, true, channel, conv.fresh(rng, CUSTOMER_REOPENS[lang]));
    conv.set(reopenAt, REQUESTER, channel, 'open');
    conv.reopens++;
    conv.botOnly = false;
    solved = humanPhase(run, reopenAt);
  }
  if (solved && conv.lastSolvedAt !== null) {
    conv.set(conv.lastSolvedAt + 4 * DAY + rng.int(0, HOUR), conv.assignee ?? BOT_ID, 'rule', 'closed');
    rate(run, conv.lastSolvedAt);
  }

  finish(ctx, ticket, conv);
  return ticket;
}

/** The CSAT survey goes out a day after the final solve; about a third answer, a few leave it unanswered. */
function rate(run: Run, solvedAt: number): void {
  const { rng, ticket, conv } = run;
  const roll = rng.next();
  const sentAt = solvedAt + DAY;
  if (roll < 0.35) {
    const firstCustomer = ticket.messages.find((m) => m.author === REQUESTER)?.at ?? ticket.createdAt;
    const waitHours = conv.firstHumanReplyAt !== null ? Math.max(0, conv.firstHumanReplyAt - firstCustomer) / HOUR : 0.02;
    const x = -2.3 + 0.5 * Math.log1p(waitHours) + 0.85 * conv.reopens + (run.persistingProblem ? 0.6 : 0) + (conv.botOnly ? 0.35 : 0) + (conv.agentReplies >= 4 ? 0.3 : 0);
    const bad = rng.chance(sigmoid(x));
    const score = bad ? 'bad' : 'good';
    const comment = rng.chance(bad ? 0.55 : 0.3) ? rng.pick(CSAT_COMMENTS[score][ticket.lang]) : null;
    const reason = bad && rng.chance(0.7) ? (waitHours > 12 ? CSAT_BAD_REASONS[0]! : rng.pick(CSAT_BAD_REASONS)) : null;
    ticket.rating = { id: 0, score, comment, reason, createdAt: sentAt + Math.round(rng.lognormal(3 * HOUR, 1)) };
  } else if (roll < 0.41) {
    ticket.rating = { id: 0, score: 'offered', comment: null, reason: null, createdAt: sentAt };
  }
}

/** Cuts everything after the window's end and derives the facts reviews and tests rely on. */
function finish(ctx: SimContext, ticket: Ticket, conv: Conversation): void {
  const end = ctx.window.end;
  ticket.messages = ticket.messages.filter((m) => m.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq);
  ticket.changes = ticket.changes.filter((c) => c.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq);
  if (ticket.rating && ticket.rating.createdAt > end) ticket.rating = null;
  ticket.groupId = conv.groupAt !== null && conv.groupAt <= end ? conv.groupId : null;
  ticket.groupAt = ticket.groupId !== null ? conv.groupAt : null;
  ticket.firstHumanReplyAt = conv.firstHumanReplyAt !== null && conv.firstHumanReplyAt <= end ? conv.firstHumanReplyAt : null;
  const humanPublic = ticket.messages.some((m) => m.isPublic && m.author !== REQUESTER && m.author !== BOT_ID);
  ticket.botOnly = !humanPublic && ticket.messages.some((m) => m.author === BOT_ID);
  ticket.reopens = ticket.changes.filter((c) => c.from === 'solved' && c.to === 'open').length;
  const c = ticket.customer;
  if (ticket.hidden) return;
  if (ticket.createdAt < c.firstTicketAt) c.firstTicketAt = ticket.createdAt;
  if (ticket.createdAt > c.lastTicketAt) c.lastTicketAt = ticket.createdAt;
}

/** Status of a ticket at an instant (from its cut status history). */
export function statusAt(ticket: Ticket, at: number): Status | null {
  let status: Status | null = null;
  for (const change of ticket.changes) {
    if (change.at > at) break;
    status = change.to;
  }
  return status;
}

/** Should the customer open a second conversation because this one went unanswered? */
export function chaseSpec(ctx: SimContext, rng: Rng, ticket: Ticket): TicketSpec | null {
  if (ticket.outbound || ticket.botOnly || !ticket.order) return null;
  const reply = ticket.firstHumanReplyAt;
  if (reply !== null && reply - ticket.createdAt < 36 * HOUR) return null;
  if (!rng.chance(0.3)) return null;
  const at = ticket.createdAt + Math.round(rng.uniform(30, 60) * HOUR);
  if (reply !== null && at >= reply) return null;
  if (at > ctx.window.end) return null;
  const options = CHANNELS_BY_PLATFORM[ticket.platform].filter(([c]) => c !== ticket.channel && !BOT_CHANNELS.has(c));
  return {
    customer: ticket.customer,
    order: ticket.order,
    reason: ticket.reason,
    at: wakingTime(rng, market(ticket.market).timeZone, at),
    channel: options.length > 0 ? rng.weighted(options) : ticket.channel,
    chase: true,
  };
}
