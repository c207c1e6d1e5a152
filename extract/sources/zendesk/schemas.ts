/**
 * Record shapes of the Zendesk Support API streams, as the API returns them (a documented subset of fields).
 * Unknown fields are allowed and kept by the lake writer in `_extra`. The demo simulator emits the same shapes,
 * so the staging models for Zendesk-shaped streams run on demo data and on real Zendesk data alike.
 *
 * Reference: Zendesk Support API, Tickets / Ticket Comments / Ticket Audits / Users / Groups / Satisfaction Ratings.
 */
import { z } from 'zod';

/** ISO 8601 timestamp as Zendesk sends it (`2024-05-01T09:30:00Z`). */
export const zendeskTimestamp = z.iso.datetime({ offset: true });

export const via = z.looseObject({
  /** e.g. `email`, `web`, `chat`, `native_messaging`, `facebook`, `instagram_dm`, `any_channel`, `api`, `answer_bot`. */
  channel: z.string(),
});

/** A ticket's custom field value: text, number, checkbox, or a list of option tags for multi-select fields. */
export const customFieldValue = z.looseObject({
  id: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).nullable(),
});

/** An audit event's value: a field value, a tag list (`tags` changes), or null. */
const auditEventValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()])), z.null()]);

export const ticketSchema = z.looseObject({
  id: z.number().int(),
  url: z.string().optional(),
  external_id: z.string().nullable().optional(),
  created_at: zendeskTimestamp,
  updated_at: zendeskTimestamp,
  subject: z.string().nullable(),
  description: z.string().nullable().optional(),
  /** new | open | pending | hold | solved | closed | deleted */
  status: z.string(),
  /** low | normal | high | urgent, or null */
  priority: z.string().nullable(),
  type: z.string().nullable().optional(),
  via,
  requester_id: z.number().int(),
  submitter_id: z.number().int().nullable().optional(),
  assignee_id: z.number().int().nullable(),
  group_id: z.number().int().nullable(),
  brand_id: z.number().int().nullable().optional(),
  tags: z.array(z.string()),
  custom_fields: z.array(customFieldValue),
});

export const ticketCommentSchema = z.looseObject({
  id: z.number().int(),
  /** Not part of the comment object itself: the connector adds the ticket the comment was listed under. */
  ticket_id: z.number().int(),
  type: z.string(),
  author_id: z.number().int(),
  body: z.string(),
  public: z.boolean(),
  created_at: zendeskTimestamp,
  via,
});

/**
 * Ticket audit. The demo emits the events the warehouse uses (status and assignee changes); the Zendesk connector
 * lands every event as it comes (Comment, Change, Create, Notification, ...).
 */
export const ticketAuditSchema = z.looseObject({
  id: z.number().int(),
  ticket_id: z.number().int(),
  created_at: zendeskTimestamp,
  author_id: z.number().int(),
  via,
  events: z.array(
    z.looseObject({
      id: z.number().int(),
      /** `Change`, `Create`, `Comment`, ... */
      type: z.string(),
      field_name: z.string().optional(),
      value: auditEventValue.optional(),
      previous_value: auditEventValue.optional(),
    }),
  ),
});

export const userSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  /** end-user | agent | admin */
  role: z.string(),
  active: z.boolean(),
  locale: z.string().nullable(),
  iana_time_zone: z.string().nullable(),
  default_group_id: z.number().int().nullable().optional(),
  tags: z.array(z.string()).optional(),
  user_fields: z.record(z.string(), z.unknown()).optional(),
  created_at: zendeskTimestamp,
  updated_at: zendeskTimestamp,
});

export const groupSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable().optional(),
  deleted: z.boolean(),
  created_at: zendeskTimestamp,
  updated_at: zendeskTimestamp,
});

export const satisfactionRatingSchema = z.looseObject({
  id: z.number().int(),
  ticket_id: z.number().int(),
  assignee_id: z.number().int().nullable(),
  group_id: z.number().int().nullable(),
  requester_id: z.number().int(),
  /** good | bad | offered | unoffered (Zendesk's binary CSAT). */
  score: z.string(),
  comment: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
  created_at: zendeskTimestamp,
  updated_at: zendeskTimestamp,
});

/** A duration Zendesk measures in calendar and in business minutes. */
const minutes = z.looseObject({ calendar: z.number().nullable(), business: z.number().nullable() });

/**
 * Zendesk's own metrics of a ticket (a "metric set": replies, reopens, reply and resolution times), as sideloaded
 * on the incremental ticket export with `include=metric_sets`. Only the Zendesk connector lands it (the warehouse
 * computes its metrics from the messages; these let it check them against Zendesk's).
 */
export const ticketMetricSetSchema = z.looseObject({
  id: z.number().int(),
  ticket_id: z.number().int(),
  created_at: zendeskTimestamp,
  updated_at: zendeskTimestamp,
  replies: z.number().int().nullable().optional(),
  reopens: z.number().int().nullable().optional(),
  assignee_stations: z.number().int().nullable().optional(),
  group_stations: z.number().int().nullable().optional(),
  assigned_at: zendeskTimestamp.nullable().optional(),
  solved_at: zendeskTimestamp.nullable().optional(),
  reply_time_in_minutes: minutes.nullable().optional(),
  first_resolution_time_in_minutes: minutes.nullable().optional(),
  full_resolution_time_in_minutes: minutes.nullable().optional(),
  agent_wait_time_in_minutes: minutes.nullable().optional(),
  requester_wait_time_in_minutes: minutes.nullable().optional(),
  on_hold_time_in_minutes: minutes.nullable().optional(),
});

/** Ticket custom field ids the demo uses; a real account configures its own (see .env.example). */
export const DEMO_CUSTOM_FIELDS = {
  orderNumber: 360000001,
  market: 360000002,
  platform: 360000003,
} as const;
