/**
 * The simulator's internal model: what happened to each order, conversation and review, in epoch seconds and
 * integer cents, with the hidden causes kept beside the facts. `records.ts` turns it into the sources' shapes as
 * seen at the end of the window. Ids are 0 until the world is numbered (`simulation.ts`), in time order.
 */
import type { Product, ReturnReason, Variant } from './catalog.ts';
import type { Customer } from './people.ts';
import type { Channel, Lang, MarketCode, Platform, Reason } from './world.ts';

export interface LineItem {
  id: number;
  product: Product;
  variant: Variant;
  quantity: number;
  priceCents: number;
}

export interface Fulfillment {
  id: number;
  carrier: string;
  trackingNumber: string;
  shippedAt: number;
  promisedAt: number;
  /** Actual delivery, possibly after the window ends; null when the parcel is lost. */
  deliveredAt: number | null;
  /** When the carrier declared a lost parcel, or null. */
  lostAt: number | null;
  /** Whole days delivered after the promise (0 when on time; for lost parcels, days overdue at loss). */
  lateDays: number;
  customsHold: boolean;
}

export interface RefundLine {
  id: number;
  line: LineItem;
  quantity: number;
  subtotalCents: number;
}

export interface Refund {
  id: number;
  transactionId: number;
  createdAt: number;
  note: string;
  ret: Return | null;
  lines: RefundLine[];
  amountCents: number;
}

export interface ReturnLine {
  id: number;
  line: LineItem;
  quantity: number;
  reason: ReturnReason;
  note: string | null;
}

export type ReturnOutcome = 'CLOSED' | 'DECLINED' | 'CANCELED';

export interface Return {
  id: number;
  seq: number;
  order: Order;
  createdAt: number;
  openedAt: number;
  /** When the return reached its outcome (refunded, declined or cancelled). */
  endedAt: number;
  outcome: ReturnOutcome;
  lines: ReturnLine[];
}

export interface Order {
  seq: number;
  id: number;
  orderNumber: number;
  /** Marketplace order id for marketplace orders; web names (`#1001`) are given when numbering. */
  name: string;
  platform: Platform;
  market: MarketCode;
  customer: Customer;
  createdAt: number;
  lines: LineItem[];
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  cancelledAt: number | null;
  voided: boolean;
  fulfillment: Fulfillment | null;
  refunds: Refund[];
  returns: Return[];
  tickets: Ticket[];
  city: { city: string; province: string; zip: string };
}

export const REQUESTER = -1;
/** Author of a comment or status change: a Zendesk user id, or REQUESTER for the ticket's customer. */
export type Author = number;

export type Status = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

export interface Message {
  seq: number;
  /** Position in time order across all comments (1-based); the comment id is derived from it. */
  ordinal: number;
  at: number;
  author: Author;
  isPublic: boolean;
  via: string;
  body: string;
}

export interface StatusChange {
  seq: number;
  /** Position in time order across all audits (1-based); the audit id is derived from it. */
  ordinal: number;
  /** Ordinal of the audit's first event (the assignee event, when present, follows it). */
  firstEvent: number;
  at: number;
  author: Author;
  via: string;
  from: Status | null;
  to: Status;
  assigneeFrom?: number | null;
  assigneeTo?: number | null;
}

export interface SatisfactionRating {
  id: number;
  score: 'good' | 'bad' | 'offered';
  comment: string | null;
  reason: string | null;
  createdAt: number;
}

export interface Ticket {
  seq: number;
  id: number;
  customer: Customer;
  order: Order | null;
  reason: Reason;
  channel: Channel;
  platform: Platform;
  market: MarketCode;
  lang: Lang;
  createdAt: number;
  subject: string;
  type: 'question' | 'incident' | 'problem' | 'task' | null;
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  tags: string[];
  /** Value of the order-number custom field, or null. */
  orderField: string | null;
  submitter: Author;
  outbound: boolean;
  /** The group the ticket was routed to and when (null: never reached a human queue). */
  groupId: number | null;
  groupAt: number | null;
  messages: Message[];
  changes: StatusChange[];
  rating: SatisfactionRating | null;
  /** Facts derived after simulation (already cut at the end of the window). */
  firstHumanReplyAt: number | null;
  botOnly: boolean;
  reopens: number;
  /**
   * Started before the window: simulated so the order's story (refunds, review) stays consistent, but not
   * emitted (support data starts with the window).
   */
  hidden: boolean;
}

export interface Review {
  seq: number;
  reviewId: string;
  order: Order;
  line: LineItem;
  rating: number;
  title: string;
  body: string;
  lang: Lang;
  createdAt: number;
  withOrderNumber: boolean;
  verified: boolean;
  reviewerName: string;
}
