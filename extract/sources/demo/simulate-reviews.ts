/**
 * Whether and how a customer reviews a delivered order. The rating is where the demo's story lives: it starts
 * from the product's own quality and falls with late delivery, with a slow first response on any support
 * conversation about the order (as it stood when the review was written), with an unresolved conversation,
 * with reopens and with a return, plus noise. Unhappy customers also review more often.
 */
import { inBadBatch } from './catalog.ts';
import { DAY, HOUR } from './clock.ts';
import { wakingTime, type SimContext } from './context.ts';
import { REQUESTER, type Order, type Review } from './model.ts';
import type { Rng } from './random.ts';
import { statusAt } from './simulate-support.ts';
import { REVIEW_ASPECTS, REVIEW_OVERALL, REVIEW_TITLES, fill, joinSentences, type ReviewAspect } from './text.ts';
import { market } from './world.ts';

const REVIEW_BASE = 0.19;

/** What the customer knows about their support conversations on the order at instant `at`. */
export interface SupportExperience {
  contacted: boolean;
  /** Longest wait for a first human reply (hours; still waiting counts until `at`). */
  firstResponseHours: number;
  unresolved: boolean;
  reopens: number;
}

export function supportExperience(order: Order, at: number): SupportExperience {
  const result: SupportExperience = { contacted: false, firstResponseHours: 0, unresolved: false, reopens: 0 };
  for (const ticket of order.tickets) {
    if (ticket.outbound || ticket.createdAt >= at) continue;
    const firstCustomer = ticket.messages.find((m) => m.author === REQUESTER)?.at ?? ticket.createdAt;
    result.contacted = true;
    const status = statusAt(ticket, at);
    const solved = status === 'solved' || status === 'closed';
    let wait: number;
    if (ticket.firstHumanReplyAt !== null && ticket.firstHumanReplyAt <= at) wait = ticket.firstHumanReplyAt - firstCustomer;
    else if (solved) wait = 0.05 * HOUR; // solved by the bot
    else wait = at - firstCustomer;
    result.firstResponseHours = Math.max(result.firstResponseHours, Math.max(0, wait) / HOUR);
    if (!solved) result.unresolved = true;
    result.reopens += ticket.changes.filter((c) => c.at <= at && c.from === 'solved' && c.to === 'open').length;
  }
  return result;
}

function reviewId(ctx: SimContext, rng: Rng, platform: Order['platform']): string {
  let id: string;
  do id = platform === 'amazon' ? `R${rng.alnum(13)}` : platform === 'ebay' ? rng.digits(12) : rng.digits(9);
  while (ctx.reviewIds.has(id));
  ctx.reviewIds.add(id);
  return id;
}

function reviewerName(order: Order): string {
  const c = order.customer;
  if (order.platform === 'ebay') return `${c.firstName.slice(0, 1).toLowerCase()}***${c.lastName.slice(-1).toLowerCase()}`;
  if (c.lang === 'ja' || c.lang === 'zh') return c.lastName + (c.lang === 'ja' ? 'さん' : '');
  return `${c.firstName} ${c.lastName.slice(0, 1)}.`;
}

export function simulateReview(ctx: SimContext, rng: Rng, order: Order): Review | null {
  const f = order.fulfillment;
  if (!f || f.deliveredAt === null || order.cancelledAt !== null) return null;
  const ret = order.returns[0] ?? null;
  const lastTicket = order.tickets.filter((t) => !t.outbound).at(-1);
  let at: number;
  if (ret && rng.chance(0.6)) at = ret.createdAt + rng.lognormal(2 * DAY, 0.6);
  else if (lastTicket && rng.chance(0.5)) at = lastTicket.createdAt + rng.lognormal(3 * DAY, 0.7);
  else at = f.deliveredAt + rng.lognormal(6 * DAY, 0.7);
  at = wakingTime(rng, market(order.market).timeZone, Math.round(Math.max(at, f.deliveredAt + 2 * HOUR)));
  if (at > ctx.window.end || at < ctx.window.start) return null;

  const support = supportExperience(order, at);
  const returned = ret !== null && ret.createdAt < at;
  const late = f.lateDays;
  const p =
    REVIEW_BASE +
    0.03 * Math.min(late, 6) +
    (returned ? 0.15 : 0) +
    (support.unresolved ? 0.12 : 0) +
    (support.firstResponseHours > 24 ? 0.08 : 0);
  if (!rng.chance(p)) return null;

  const line = ret?.lines[0]?.line ?? order.lines[0]!;
  const product = line.product;
  const quality = product.quality - (inBadBatch(product, order.createdAt) ? 0.9 : 0);
  // Mostly mild noise, sometimes a customer who rates on a whim.
  const noise = rng.chance(0.08) ? rng.normal(0, 1.6) : rng.normal(0, 0.6);
  const latent =
    4.8 +
    quality +
    noise -
    0.2 * Math.min(late, 8) -
    (support.contacted ? 0.1 + 0.35 * Math.log1p(support.firstResponseHours / 4) : 0) -
    (support.unresolved ? 0.7 : 0) -
    0.25 * support.reopens -
    (returned ? 0.5 : 0);
  let stars = Math.min(5, Math.max(1, Math.round(latent)));
  // Unhappy reviewers tend to the extreme: many one-star reviews, few two-star ones.
  if (stars === 2 && rng.chance(0.45)) stars = 1;
  const rating = stars as 1 | 2 | 3 | 4 | 5;

  const lang = order.customer.lang;
  const aspects: ReviewAspect[] = [];
  if (late >= 2) aspects.push('late');
  if (support.unresolved) aspects.push('unresolved');
  else if (support.contacted && support.firstResponseHours > 24) aspects.push('slowSupport');
  else if (support.contacted && support.firstResponseHours < 4 && rating >= 4) aspects.push('goodSupport');
  if (returned) aspects.push('returned');
  const sentences = aspects.slice(0, 2).map((a) => fill(REVIEW_ASPECTS[a][lang], { days: String(late) }));
  const tone = rating >= 4 ? 'positive' : rating === 3 ? 'neutral' : 'negative';
  sentences.push(rng.pick(REVIEW_OVERALL[tone][lang]));
  const verified = order.platform === 'ebay' ? true : rng.chance(order.platform === 'amazon' ? 0.94 : 0.9);

  return {
    seq: ctx.seq.review++,
    reviewId: reviewId(ctx, rng, order.platform),
    order,
    line,
    rating,
    title: rng.pick(REVIEW_TITLES[rating][lang]),
    body: joinSentences(lang, sentences),
    lang,
    createdAt: at,
    withOrderNumber: rng.chance(0.85),
    verified,
    reviewerName: reviewerName(order),
  };
}
