/**
 * A local Zendesk Support API on loopback (node:http, 127.0.0.1, random port) for the connector's tests. It
 * implements the documented contract of the endpoints the connector uses, over a generated helpdesk (several hundred
 * tickets with audits and comments in Chinese, Japanese, German and English with emoji; users of every role; groups;
 * CSAT ratings):
 * - cursor-based incremental exports of tickets and users: `start_time` (400 when less than a minute old), `cursor`,
 *   `after_cursor`/`after_url`, `end_of_stream`; items changed within the last minute are held back; deleted tickets
 *   come with status `deleted`; `include=metric_sets` sideloads the tickets' metric sets;
 * - cursor pagination (`page[size]`, `page[after]`, `meta.has_more`, `links.next`) for audits, groups, ratings
 *   (ratings filtered by `start_time` on their creation time); audits of a deleted ticket: 404;
 * - basic auth `{email}/token:{token}` or Bearer; anything else 401;
 * - the account rate limit per window with `X-Rate-Limit`, `X-Rate-Limit-Remaining`, `ratelimit-reset` and 429 +
 *   `Retry-After` when exceeded; optional injected 429s (Retry-After: 1) and 503s; a request that can be held open
 *   (to kill a client mid-run).
 * Its clock can be moved forward (`advance`) so changes made by a test are older than the export's minute.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EventEmitter, once } from 'node:events';
import { seededRandom } from './seeded-random.ts';

export type Rec = Record<string, any>;

export interface ServerOptions {
  email?: string;
  apiToken?: string;
  seed?: number;
  tickets?: number;
  endUsers?: number;
  /** Items per page of the incremental exports (Zendesk: up to 1000). */
  exportPageSize?: number;
  /** Requests allowed per rate-limit window, and the window's length. */
  rateLimit?: number;
  windowMs?: number;
  /** Largest page of the cursor-paginated lists (Zendesk: 100). */
  listPageSize?: number;
}

export interface Faults {
  /** Every n-th request answers 429 with Retry-After: 1. */
  rateLimitEvery?: number;
  /** Every n-th request answers 503. */
  errorEvery?: number;
  /** Hold the n-th request to this path open until `release()` (emits `held`). */
  hold?: { path: string; nth: number };
}

export interface RequestLog {
  at: number;
  path: string;
  status: number;
  /** Why a 429 was sent: `injected` or `limit`. */
  limited?: 'injected' | 'limit';
}

const DAY = 86_400_000;
const ORDER_FIELD = 360000001;
const MARKET_FIELD = 360000002;
const PLATFORM_FIELD = 360000003;
const TOPICS_FIELD = 360000004;

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const enc = (position: [number, number]) => Buffer.from(JSON.stringify(position)).toString('base64url');
const dec = (cursor: string): [number, number] | undefined => {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) && value.length === 2 ? (value as [number, number]) : undefined;
  } catch {
    return undefined;
  }
};

const CUSTOMER_LINES = [
  '我的订单 #{order} 还没到，已经两周了 😟',
  '注文番号 {order} の商品が届きません。追跡番号を教えてください 📦',
  'Wo ist meine Bestellung {order}? Die Sendung hängt seit Tagen beim Zoll 🙁',
  'The size is wrong on order {order}, can I return it? 👗',
  '商品质量有问题，申请退款 💔 订单 {order}',
  'Payment failed twice for {order} 💳 please help',
];
const AGENT_LINES = [
  '您好，我们已经为您查询了物流信息 🚚，预计三天内送达。',
  'お問い合わせありがとうございます。返品ラベルをお送りしました 🙇',
  'Danke für Ihre Geduld! Wir haben die Erstattung veranlasst ✅',
  'Sorry for the trouble 🙏 a replacement is on its way.',
];
const NAMES = ['王芳', '李伟', '佐藤 花子', 'Jürgen Müller', 'Emma Smith', 'Ольга', 'Lucía García', '김민준', 'Noah 🌟 Brown'];

export class ZendeskTestServer {
  readonly email: string;
  readonly apiToken: string;
  readonly events = new EventEmitter();
  readonly requests: RequestLog[] = [];
  faults: Faults = {};
  exportPageSize: number;
  listPageSize: number;
  rateLimit: number;
  windowMs: number;

  users = new Map<number, Rec>();
  groups = new Map<number, Rec>();
  tickets = new Map<number, Rec>();
  /** Audits per ticket, oldest first. */
  audits = new Map<number, Rec[]>();
  ratings = new Map<number, Rec>();

  private server?: Server;
  private offsetMs = 0;
  private windowStart = 0;
  private windowCount = 0;
  private pathHits = new Map<string, number>();
  private held: (() => void)[] = [];
  private random: () => number;
  private nextAuditId = 9_100_000_000;
  private nextEventId = 12_500_000_000;
  private nextTicketId = 0;
  private nextRatingId = 7_000_000;
  private agents: number[] = [];
  private customers: number[] = [];
  baseUrl = '';

  constructor(options: ServerOptions = {}) {
    this.email = options.email ?? 'ops@shop.example';
    this.apiToken = options.apiToken ?? 'zd-test-token-5ecr3t';
    this.exportPageSize = options.exportPageSize ?? 40;
    this.listPageSize = options.listPageSize ?? 25;
    this.rateLimit = options.rateLimit ?? 700;
    this.windowMs = options.windowMs ?? 60_000;
    this.random = seededRandom(options.seed ?? 7);
    this.generate(options.tickets ?? 320, options.endUsers ?? 140);
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the server's clock forward (so recent changes age past the export's one-minute hold-back). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  // ---------------------------------------------------------------- data

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private addUser(role: string, at: number, name: string): Rec {
    const id = 380_000_000_000 + this.users.size + 1;
    const user = {
      id,
      url: `https://shop.zendesk.com/api/v2/users/${id}.json`,
      name,
      email: role === 'end-user' && this.random() < 0.15 ? null : `user${id}@mail.example`,
      role,
      role_type: role === 'end-user' ? null : 0,
      active: true,
      locale: this.pick(['zh-cn', 'ja', 'de', 'en-US']),
      iana_time_zone: this.pick(['Asia/Shanghai', 'Asia/Tokyo', 'Europe/Berlin', 'America/New_York']),
      default_group_id: role === 'end-user' ? null : this.pick([...this.groups.keys()]),
      tags: role === 'end-user' ? ['vip'].filter(() => this.random() < 0.1) : ['team'],
      user_fields: { loyalty_tier: this.pick(['gold', 'silver', null]) },
      created_at: iso(at),
      updated_at: iso(at),
      shared_phone_number: null,
    };
    this.users.set(id, user);
    return user;
  }

  private audit(ticketId: number, at: number, authorId: number, channel: string, events: Rec[]): Rec {
    const audit = {
      id: this.nextAuditId++,
      ticket_id: ticketId,
      created_at: iso(at),
      author_id: authorId,
      metadata: { system: { client: 'Mozilla/5.0', ip_address: '203.0.113.9' }, custom: {} },
      via: { channel, source: { from: {}, to: {}, rel: null } },
      events: events.map((e) => ({ id: this.nextEventId++, ...e })),
    };
    const list = this.audits.get(ticketId) ?? [];
    list.push(audit);
    this.audits.set(ticketId, list);
    return audit;
  }

  private comment(authorId: number, body: string, isPublic: boolean): Rec {
    return { type: 'Comment', author_id: authorId, body, html_body: `<p>${body}</p>`, plain_body: body, public: isPublic, attachments: [] };
  }

  private createTicket(at: number): Rec {
    const id = 50_000 + ++this.nextTicketId;
    const requester = this.pick(this.customers);
    const channel = this.pick(['email', 'web', 'native_messaging', 'chat', 'instagram_dm']);
    const order = `#${100_000 + Math.floor(this.random() * 900_000)}`;
    const body = this.pick(CUSTOMER_LINES).replace('{order}', order);
    const group = this.pick([...this.groups.keys()].filter((g) => !this.groups.get(g)!.deleted));
    const ticket: Rec = {
      url: `https://shop.zendesk.com/api/v2/tickets/${id}.json`,
      id,
      external_id: null,
      via: { channel, source: { from: {}, to: {}, rel: null } },
      created_at: iso(at),
      updated_at: iso(at),
      generated_timestamp: Math.floor(at / 1000),
      type: this.pick(['question', 'problem', 'incident', null]),
      subject: body.slice(0, 30),
      raw_subject: body.slice(0, 30),
      description: body,
      priority: this.pick(['low', 'normal', 'normal', 'high', 'urgent', null]),
      status: 'new',
      recipient: 'support@shop.example',
      requester_id: requester,
      submitter_id: requester,
      assignee_id: null,
      organization_id: null,
      group_id: group,
      collaborator_ids: [],
      follower_ids: [],
      has_incidents: false,
      is_public: true,
      due_at: null,
      tags: ['order', this.pick(['logistics', 'return', 'quality', 'payment'])],
      custom_fields: [
        { id: ORDER_FIELD, value: this.random() < 0.8 ? order : null },
        { id: MARKET_FIELD, value: this.pick(['CN', 'JP', 'DE', 'US']) },
        { id: PLATFORM_FIELD, value: this.pick(['shopify', 'amazon', 'ebay']) },
        { id: TOPICS_FIELD, value: this.random() < 0.5 ? ['shipping_delay', 'refund'] : [] },
      ],
      satisfaction_rating: null,
      brand_id: 360_000_100,
      allow_channelback: false,
      from_messaging_channel: channel === 'native_messaging',
      custom_status_id: 9_001,
    };
    this.tickets.set(id, ticket);
    this.audit(id, at, requester, channel, [
      this.comment(requester, body, true),
      { type: 'Create', field_name: 'status', value: 'new' },
      { type: 'Create', field_name: 'tags', value: ticket.tags },
      { type: 'Create', field_name: 'priority', value: ticket.priority },
    ]);
    return ticket;
  }

  private setStatus(ticket: Rec, status: string, at: number, authorId: number, extra: Rec[] = []): void {
    const events: Rec[] = [...extra];
    if (ticket.status !== status) events.push({ type: 'Change', field_name: 'status', value: status, previous_value: ticket.status });
    if (ticket.assignee_id === null && this.users.get(authorId)?.role !== 'end-user') {
      events.push({ type: 'Change', field_name: 'assignee_id', value: String(authorId), previous_value: null });
      ticket.assignee_id = authorId;
    }
    if (status === 'solved') events.push({ type: 'Notification', subject: 'Solved', body: 'Your request was solved', recipients: [ticket.requester_id] });
    this.audit(ticket.id, at, authorId, 'web', events);
    ticket.status = status;
    ticket.updated_at = iso(at);
    ticket.generated_timestamp = Math.floor(at / 1000);
  }

  private generate(ticketCount: number, endUsers: number): void {
    const end = this.now() - 3_600_000; // everything generated is at least an hour old
    const start = end - 365 * DAY;
    for (const [i, name] of ['Global Support 全球客服', 'EU Support', 'Japan サポート', 'Escalations 🚨'].entries()) {
      const id = 360_000_500 + i;
      this.groups.set(id, {
        id,
        url: `https://shop.zendesk.com/api/v2/groups/${id}.json`,
        name,
        description: i === 3 ? null : `Team ${i + 1}`,
        default: i === 0,
        deleted: false,
        is_public: true,
        created_at: iso(start - DAY * (10 - i)),
        updated_at: iso(start - DAY * (5 - i)),
      });
    }
    this.addUser('admin', start - 30 * DAY, '管理员 Admin');
    this.addUser('admin', start - 29 * DAY, 'Lea Admin');
    for (let i = 0; i < 12; i++) this.agents.push(this.addUser('agent', start - 20 * DAY + i * DAY, `${this.pick(NAMES)} (agent ${i + 1})`).id);
    for (let i = 0; i < endUsers; i++) this.customers.push(this.addUser('end-user', start + (i / endUsers) * 300 * DAY, this.pick(NAMES)).id);
    for (let i = 0; i < ticketCount; i++) {
      const created = start + (i / ticketCount) * (end - start - 2 * DAY) + this.random() * DAY;
      const ticket = this.createTicket(created);
      let at = created;
      const steps = 1 + Math.floor(this.random() * 4);
      for (let s = 0; s < steps; s++) {
        at += 600_000 + this.random() * 8 * 3_600_000;
        const agent = ticket.assignee_id ?? this.pick(this.agents);
        if (s % 2 === 0 || ticket.status === 'new') {
          const status = s === steps - 1 ? this.pick(['solved', 'solved', 'closed', 'pending']) : 'open';
          this.setStatus(ticket, status, at, agent, [this.comment(agent, this.pick(AGENT_LINES), true)]);
        } else {
          this.setStatus(ticket, 'open', at, ticket.requester_id, [this.comment(ticket.requester_id, this.pick(CUSTOMER_LINES).replace('{order}', 'again'), true)]);
          if (this.random() < 0.5) this.setStatus(ticket, 'open', at + 60_000, agent, [this.comment(agent, '内部备注：已联系仓库 🏭', false)]);
        }
      }
      if ((ticket.status === 'solved' || ticket.status === 'closed') && this.random() < 0.6) this.rate(ticket, at + DAY / 2, this.pick(['good', 'good', 'bad', 'offered']));
    }
  }

  private rate(ticket: Rec, at: number, score: string): Rec {
    const id = this.nextRatingId++;
    const rating = {
      id,
      url: `https://shop.zendesk.com/api/v2/satisfaction_ratings/${id}.json`,
      assignee_id: ticket.assignee_id,
      group_id: ticket.group_id,
      requester_id: ticket.requester_id,
      ticket_id: ticket.id,
      score,
      comment: score === 'bad' ? '太慢了 🐢' : score === 'good' ? 'とても親切でした 😊' : null,
      reason: score === 'bad' ? 'The issue took too long to resolve' : null,
      reason_code: score === 'bad' ? 6 : null,
      created_at: iso(at),
      updated_at: iso(at),
    };
    this.ratings.set(id, rating);
    return rating;
  }

  // ---------------------------------------------------------------- changes between runs (stamped with the server clock)

  /** An agent answers and changes the status. */
  updateTicket(id: number, status: string): Rec {
    const ticket = this.tickets.get(id)!;
    const agent = ticket.assignee_id ?? this.agents[0]!;
    this.setStatus(ticket, status, this.now(), agent, [this.comment(agent, `状态更新 → ${status} ✨`, true)]);
    return ticket;
  }

  /** The requester writes again (a public comment; the ticket reopens). */
  addComment(id: number, body: string): Rec {
    const ticket = this.tickets.get(id)!;
    this.setStatus(ticket, 'open', this.now(), ticket.requester_id, [this.comment(ticket.requester_id, body, true)]);
    return ticket;
  }

  deleteTicket(id: number): Rec {
    const ticket = this.tickets.get(id)!;
    ticket.status = 'deleted';
    ticket.updated_at = iso(this.now());
    ticket.generated_timestamp = Math.floor(this.now() / 1000);
    return ticket;
  }

  addTicket(): Rec {
    return this.createTicket(this.now());
  }

  setUserRole(id: number, role: string): Rec {
    const user = this.users.get(id)!;
    user.role = role;
    user.role_type = role === 'end-user' ? null : 0;
    user.updated_at = iso(this.now());
    return user;
  }

  changeRating(id: number, score: string): Rec {
    const rating = this.ratings.get(id)!;
    rating.score = score;
    rating.comment = score === 'good' ? '问题解决了，谢谢 🎉' : rating.comment;
    rating.updated_at = iso(this.now());
    return rating;
  }

  rateTicket(ticketId: number, score: string): Rec {
    return this.rate(this.tickets.get(ticketId)!, this.now(), score);
  }

  /** Zendesk's metric set of a ticket, worked out from its audits (sideloaded with include=metric_sets). */
  metricSet(ticket: Rec): Rec {
    const audits = this.audits.get(ticket.id) ?? [];
    const created = Date.parse(ticket.created_at);
    const agentReplies = audits.filter((a) => a.author_id !== ticket.requester_id && a.events.some((e: Rec) => e.type === 'Comment' && e.public));
    const changes = audits.flatMap((a) => a.events.filter((e: Rec) => e.field_name === 'status').map((e: Rec) => ({ at: a.created_at, ...e })));
    const solved = changes.filter((c) => c.value === 'solved');
    const minutes = (at: string | undefined) => (at ? { calendar: Math.round((Date.parse(at) - created) / 60_000), business: null } : { calendar: null, business: null });
    return {
      url: `https://shop.zendesk.com/api/v2/ticket_metrics/${ticket.id + 800_000_000}.json`,
      id: ticket.id + 800_000_000,
      ticket_id: ticket.id,
      created_at: ticket.created_at,
      updated_at: ticket.updated_at,
      replies: agentReplies.length,
      reopens: changes.filter((c) => c.previous_value === 'solved' && c.value === 'open').length,
      assignee_stations: ticket.assignee_id ? 1 : 0,
      group_stations: 1,
      assigned_at: audits.find((a) => a.events.some((e: Rec) => e.field_name === 'assignee_id'))?.created_at ?? null,
      solved_at: solved.at(-1)?.at ?? null,
      reply_time_in_minutes: minutes(agentReplies[0]?.created_at),
      first_resolution_time_in_minutes: minutes(solved[0]?.at),
      full_resolution_time_in_minutes: minutes(solved.at(-1)?.at),
      agent_wait_time_in_minutes: { calendar: 0, business: 0 },
      requester_wait_time_in_minutes: { calendar: 0, business: 0 },
      on_hold_time_in_minutes: { calendar: 0, business: 0 },
      custom_status_updated_at: ticket.updated_at,
    };
  }

  agentIds(): number[] {
    return [...this.agents];
  }

  /** Every audit the server ever had (those of deleted tickets included). */
  allAudits(): Rec[] {
    return [...this.audits.values()].flat();
  }

  /** Comments as the connector lands them. */
  allComments(): Rec[] {
    return this.allAudits().flatMap((audit) => audit.events.filter((e: Rec) => e.type === 'Comment').map((e: Rec) => ({ ...e, ticket_id: audit.ticket_id, created_at: audit.created_at })));
  }

  // ---------------------------------------------------------------- HTTP

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Lets held requests go on. */
  release(): void {
    for (const go of this.held.splice(0)) go();
  }

  /** Resolves when a request is being held (see Faults.hold). */
  async waitHeld(): Promise<void> {
    await once(this.events, 'held');
  }

  private send(res: ServerResponse, path: string, status: number, body: unknown, headers: Record<string, string> = {}, limited?: RequestLog['limited']) {
    this.requests.push({ at: Date.now(), path, status, limited });
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', date: new Date(this.now()).toUTCString(), ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const basic = `Basic ${Buffer.from(`${this.email}/token:${this.apiToken}`).toString('base64')}`;
    return header === basic || header === `Bearer ${this.apiToken}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const path = url.pathname.replace(/\.json$/, '');
    if (!this.authorized(req)) return this.send(res, path, 401, { error: "Couldn't authenticate you" });

    // account rate limit, per window
    const now = Date.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    this.windowCount++;
    const resetSeconds = Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000));
    const rateHeaders = {
      'x-rate-limit': String(this.rateLimit),
      'x-rate-limit-remaining': String(Math.max(0, this.rateLimit - this.windowCount)),
      'ratelimit-reset': String(resetSeconds),
    };
    if (this.windowCount > this.rateLimit) {
      return this.send(res, path, 429, undefined, { ...rateHeaders, 'retry-after': String(resetSeconds) }, 'limit');
    }
    const n = this.requests.length + 1;
    if (this.faults.rateLimitEvery && n % this.faults.rateLimitEvery === 0) {
      return this.send(res, path, 429, undefined, { ...rateHeaders, 'retry-after': '1' }, 'injected');
    }
    if (this.faults.errorEvery && n % this.faults.errorEvery === 0) return this.send(res, path, 503, { error: 'Service Unavailable' }, rateHeaders);

    const hits = (this.pathHits.get(path) ?? 0) + 1;
    this.pathHits.set(path, hits);
    if (this.faults.hold && this.faults.hold.path === path && this.faults.hold.nth === hits) {
      await new Promise<void>((resolve) => {
        this.held.push(resolve);
        this.events.emit('held');
      });
    }

    const [status, body] = this.route(path, url.searchParams);
    this.send(res, path, status, body, rateHeaders);
  }

  private route(path: string, q: URLSearchParams): [number, unknown] {
    let m: RegExpMatchArray | null;
    if ((m = path.match(/^\/api\/v2\/incremental\/(tickets|users)\/cursor$/))) return this.exportPage(m[1] as 'tickets' | 'users', q);
    if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)\/audits$/))) {
      const ticket = this.tickets.get(Number(m[1]));
      if (!ticket || ticket.status === 'deleted') return [404, { error: 'RecordNotFound', description: 'Not found' }];
      return this.listPage(path, 'audits', this.audits.get(ticket.id) ?? [], q);
    }
    if (path === '/api/v2/groups') return this.listPage(path, 'groups', [...this.groups.values()], q);
    if (path === '/api/v2/satisfaction_ratings') {
      const start = Number(q.get('start_time') ?? 0) * 1000;
      const ratings = [...this.ratings.values()].filter((r) => Date.parse(r.created_at) >= start).sort((a, b) => a.id - b.id);
      return this.listPage(path, 'satisfaction_ratings', ratings, q);
    }
    return [404, { error: 'InvalidEndpoint', description: 'Not found' }];
  }

  private exportPage(resource: 'tickets' | 'users', q: URLSearchParams): [number, unknown] {
    const horizon = this.now() - 60_000;
    let position: [number, number];
    const cursor = q.get('cursor');
    if (cursor) {
      const decoded = dec(cursor);
      if (!decoded) return [400, { error: 'InvalidPaginationParameter', description: 'invalid cursor' }];
      position = decoded;
    } else {
      const startTime = Number(q.get('start_time'));
      if (!q.has('start_time') || !Number.isInteger(startTime)) return [400, { error: 'InvalidValue', description: 'start_time or cursor is required' }];
      if (startTime * 1000 > horizon) return [400, { error: 'InvalidValue', description: 'Too recent start_time. Use a start_time older than 1 minute' }];
      position = [startTime * 1000, -1];
    }
    const source = resource === 'tickets' ? this.tickets : this.users;
    const after = ([...source.values()] as Rec[])
      .map((item) => ({ item, key: [Date.parse(item.updated_at), item.id] as [number, number] }))
      .filter(({ key }) => key[0] <= horizon && (key[0] > position[0] || (key[0] === position[0] && key[1] > position[1])))
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
    const page = after.slice(0, this.exportPageSize);
    const next = page.length > 0 ? enc(page.at(-1)!.key) : enc(position);
    const include = (q.get('include') ?? '').split(',');
    const sideloads: Rec = {};
    if (resource === 'tickets' && include.includes('metric_sets')) {
      sideloads.metric_sets = page.filter(({ item }) => item.status !== 'deleted').map(({ item }) => this.metricSet(item));
    }
    return [
      200,
      {
        [resource]: page.map(({ item }) => structuredClone(item)),
        ...sideloads,
        after_url: `${this.baseUrl}/api/v2/incremental/${resource}/cursor.json?cursor=${next}`,
        after_cursor: next,
        before_url: null,
        before_cursor: null,
        end_of_stream: after.length <= this.exportPageSize,
      },
    ];
  }

  private listPage(path: string, key: string, items: Rec[], q: URLSearchParams): [number, unknown] {
    const size = Math.min(this.listPageSize, Number(q.get('page[size]') ?? 100));
    const after = q.get('page[after]');
    const from = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
    const page = items.slice(from, from + size);
    const hasMore = from + size < items.length;
    const nextCursor = hasMore ? Buffer.from(String(from + size)).toString('base64url') : null;
    return [
      200,
      {
        [key]: structuredClone(page),
        meta: { has_more: hasMore, after_cursor: nextCursor, before_cursor: null },
        links: { next: hasMore ? `${this.baseUrl}${path}.json?page[size]=${size}&page[after]=${nextCursor}` : null, prev: null },
      },
    ];
  }
}
