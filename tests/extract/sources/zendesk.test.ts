/**
 * The Zendesk connector, through the real extract path (runSource, or `scripts/extract.ts` in a child process),
 * writing real Parquet into a temporary lake, against the local Zendesk API of zendesk-server.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../extract/core/config.ts';
import { openDb, type Db } from '../../../extract/core/duckdb.ts';
import { createLogger } from '../../../extract/core/log.ts';
import { runSource } from '../../../extract/core/runner.ts';
import { StateStore } from '../../../extract/core/state.ts';
import { rateLimitPause } from '../../../extract/sources/zendesk/client.ts';
import { loadZendeskConfig } from '../../../extract/sources/zendesk/config.ts';
import { createZendeskSource, RATING_LOOKBACK_DAYS } from '../../../extract/sources/zendesk/index.ts';
import { ZendeskTestServer, type Rec } from './zendesk-server.ts';

const START_DATE = '2020-01-01';
const STREAMS = ['tickets', 'ticket_comments', 'ticket_audits', 'ticket_metrics', 'users', 'groups', 'satisfaction_ratings'] as const;

let db: Db;
const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

beforeAll(async () => {
  db = await openDb();
});
afterAll(() => {
  db.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function env(server: ZendeskTestServer, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CSW_ZENDESK_BASE_URL: server.baseUrl,
    CSW_ZENDESK_EMAIL: server.email,
    CSW_ZENDESK_API_TOKEN: server.apiToken,
    CSW_ZENDESK_START_DATE: START_DATE,
    ...extra,
  };
}

async function extract(server: ZendeskTestServer, lake: string, options: { streams?: string[]; fullRefresh?: boolean } = {}) {
  const logFile = join(lake, '..', 'extract.jsonl');
  const log = createLogger({ file: logFile, console: 'silent' });
  const source = createZendeskSource(loadZendeskConfig(env(server)));
  const load = await runSource(source, { db, lakeDir: lake, log, batchSize: 500, ...options });
  return { load, logFile };
}

type Row = { id: string; updated_at: string | null; _load_id: string } & Record<string, unknown>;

async function lakeRows(lake: string, stream: string, columns = 'id, updated_at'): Promise<Row[]> {
  const glob = join(lake, 'raw', 'zendesk', stream, '*', '*.parquet');
  return db.all<Row>(`select ${columns}, _load_id from read_parquet('${glob}', union_by_name = true) order by all`);
}

const versionKey = (id: unknown, at: unknown) => `${String(id)}|${String(at)}`;
const sorted = (items: string[]) => [...items].sort();

/** The newest landed version per id (by load order, then updated_at). */
function latest(rows: Row[]): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const row of [...rows].sort((a, b) => a._load_id.localeCompare(b._load_id) || String(a.updated_at).localeCompare(String(b.updated_at)))) {
    out.set(row.id, row);
  }
  return out;
}

function duplicates(rows: Row[]): number {
  const keys = rows.map((r) => versionKey(r.id, r.updated_at));
  return keys.length - new Set(keys).size;
}

/** Every stream's latest version per id equals the server's, and nothing is missing. */
async function expectLakeMatchesServer(lake: string, server: ZendeskTestServer) {
  const tickets = latest(await lakeRows(lake, 'tickets', 'id, updated_at, status'));
  expect(sorted([...tickets.values()].map((r) => versionKey(r.id, r.updated_at) + r.status))).toEqual(
    sorted([...server.tickets.values()].map((t) => versionKey(t.id, t.updated_at) + t.status)),
  );
  const metrics = latest(await lakeRows(lake, 'ticket_metrics', 'id, updated_at, replies, reopens'));
  const live = [...server.tickets.values()].filter((t) => t.status !== 'deleted').map((t) => server.metricSet(t));
  expect(sorted([...metrics.values()].filter((m) => live.some((l) => String(l.id) === m.id)).map((r) => versionKey(r.id, r.updated_at) + `/${r.replies}/${r.reopens}`))).toEqual(
    sorted(live.map((m) => versionKey(m.id, m.updated_at) + `/${m.replies}/${m.reopens}`)),
  );
  const users = latest(await lakeRows(lake, 'users', 'id, updated_at, role'));
  expect(sorted([...users.values()].map((r) => versionKey(r.id, r.updated_at) + r.role))).toEqual(
    sorted([...server.users.values()].map((u) => versionKey(u.id, u.updated_at) + u.role)),
  );
  const ratings = latest(await lakeRows(lake, 'satisfaction_ratings', 'id, updated_at, score'));
  expect(sorted([...ratings.values()].map((r) => versionKey(r.id, r.updated_at) + r.score))).toEqual(
    sorted([...server.ratings.values()].map((r) => versionKey(r.id, r.updated_at) + r.score)),
  );
  const groups = await lakeRows(lake, 'groups');
  expect(sorted(groups.map((g) => versionKey(g.id, g.updated_at)))).toEqual(sorted([...server.groups.values()].map((g) => versionKey(g.id, g.updated_at))));
  const audits = await lakeRows(lake, 'ticket_audits', 'id, null as updated_at');
  expect(sorted([...new Set(audits.map((a) => a.id))])).toEqual(sorted(server.allAudits().map((a) => String(a.id))));
  const comments = await lakeRows(lake, 'ticket_comments', 'id, null as updated_at');
  expect(sorted([...new Set(comments.map((c) => c.id))])).toEqual(sorted(server.allComments().map((c) => String(c.id))));
}

describe('zendesk connector against a local Zendesk API', () => {
  const server = new ZendeskTestServer({ tickets: 320, endUsers: 140, exportPageSize: 40 });
  let lake: string;
  let firstLoad: string;

  beforeAll(async () => {
    await server.start();
    lake = join(temp('csw-zendesk-'), 'lake');
  });
  afterAll(() => server.stop());

  it('(1) a full run lands exactly the server records, in the shapes of schemas.ts, keeping unknown fields', async () => {
    const t0 = Date.now();
    const { load, logFile } = await extract(server, lake);
    firstLoad = load.load_id;
    expect(load.status).toBe('completed');
    for (const stream of load.streams) expect(stream.quarantined, stream.stream).toBe(0);
    await expectLakeMatchesServer(lake, server);

    // exactly once: no version landed twice
    for (const stream of ['tickets', 'ticket_metrics', 'users', 'satisfaction_ratings']) expect(duplicates(await lakeRows(lake, stream)), stream).toBe(0);
    expect((await lakeRows(lake, 'ticket_metrics')).length).toBe(server.tickets.size);
    const audits = await lakeRows(lake, 'ticket_audits', 'id, null as updated_at');
    expect(audits.length).toBe(server.allAudits().length);

    // one audits call per ticket although two streams read them
    const auditCalls = server.requests.filter((r) => /\/audits$/.test(r.path) && r.status === 200).length;
    expect(auditCalls).toBe(server.tickets.size);
    // the export was paged, and started with start_time at most a minute old (else the server answers 400)
    expect(server.requests.filter((r) => r.path === '/api/v2/incremental/tickets/cursor').length).toBeGreaterThanOrEqual(2 * Math.ceil(320 / 40));
    expect(server.requests.filter((r) => r.status === 400)).toEqual([]);

    // fields as they came: tags, custom fields (multi-select list too), CJK + emoji text; unknown fields in _extra
    const ticket = [...server.tickets.values()][17]!;
    const [row] = await db.all<Rec>(
      `select tags, custom_fields, _extra from read_parquet('${lake}/raw/zendesk/tickets/*/*.parquet') where id = ${Number(ticket.id)}`,
    );
    expect(JSON.parse(row!.tags)).toEqual(ticket.tags);
    expect(JSON.parse(row!.custom_fields)).toEqual(ticket.custom_fields);
    expect(JSON.parse(row!._extra)).toMatchObject({ generated_timestamp: ticket.generated_timestamp, custom_status_id: 9001, raw_subject: ticket.raw_subject });
    const comment = server.allComments().find((c) => /😟|📦/.test(c.body))!;
    const [landed] = await db.all<Rec>(
      `select ticket_id, author_id, body, public, created_at, via from read_parquet('${lake}/raw/zendesk/ticket_comments/*/*.parquet') where id = ${Number(comment.id)}`,
    );
    expect(landed).toMatchObject({ ticket_id: String(comment.ticket_id), author_id: String(comment.author_id), body: comment.body, public: true, created_at: comment.created_at });
    const roles = await db.all<{ role: string }>(`select distinct role from read_parquet('${lake}/raw/zendesk/users/*/*.parquet') order by 1`);
    expect(roles.map((r) => r.role)).toEqual(['admin', 'agent', 'end-user']);

    // state: the export cursors and the ratings mark
    const state = new StateStore(lake);
    for (const stream of ['tickets', 'ticket_metrics', 'users', 'ticket_comments', 'ticket_audits']) expect(state.get('zendesk', stream)).toMatchObject({ cursor: expect.any(String) });
    expect(state.get('zendesk', 'satisfaction_ratings')).toMatchObject({ updated_at: expect.any(String), id: expect.any(Number) });

    const log = readFileSync(logFile, 'utf8');
    expect(log).not.toContain(server.apiToken);
    expect(log).not.toContain(Buffer.from(`${server.email}/token:${server.apiToken}`).toString('base64'));
    console.log(`full run: ${server.requests.length} requests, ${Date.now() - t0} ms`);
  });

  it('(2) after changes, an incremental run lands exactly the changes, and the latest versions equal the server', async () => {
    const ticketIds = [...server.tickets.keys()];
    const updated = server.updateTicket(ticketIds[5]!, 'solved');
    const commented = server.addComment(ticketIds[100]!, '还是没收到货 😡 请尽快处理');
    const deleted = server.deleteTicket(ticketIds[200]!);
    const added = [server.addTicket(), server.addTicket()];
    const leaver = server.setUserRole(server.agentIds()[3]!, 'end-user');
    const newest = Math.max(...[...server.ratings.values()].map((r) => Date.parse(r.updated_at)));
    const recent = [...server.ratings.values()].find((r) => r.score === 'bad' && Date.parse(r.created_at) > newest - (RATING_LOOKBACK_DAYS - 2) * 86_400_000)
      ?? [...server.ratings.values()].find((r) => Date.parse(r.created_at) > newest - (RATING_LOOKBACK_DAYS - 2) * 86_400_000)!;
    const changedRating = server.changeRating(recent.id, 'good');
    const newRating = server.rateTicket(updated.id, 'good');
    server.advance(120_000); // the changes are now older than the export's one-minute hold-back

    const { load } = await extract(server, lake);
    const landed = async (stream: string, columns?: string) => (await lakeRows(lake, stream, columns)).filter((r) => r._load_id === load.load_id);

    const changedTickets = [updated, commented, deleted, ...added];
    expect(sorted((await landed('tickets')).map((r) => versionKey(r.id, r.updated_at)))).toEqual(sorted(changedTickets.map((t) => versionKey(t.id, t.updated_at))));
    expect((await landed('users')).map((r) => versionKey(r.id, r.updated_at))).toEqual([versionKey(leaver.id, leaver.updated_at)]);
    const changedMetrics = changedTickets.filter((t) => t.status !== 'deleted').map((t) => server.metricSet(t));
    expect(sorted((await landed('ticket_metrics')).map((r) => versionKey(r.id, r.updated_at)))).toEqual(sorted(changedMetrics.map((m) => versionKey(m.id, m.updated_at))));
    expect(sorted((await landed('satisfaction_ratings')).map((r) => versionKey(r.id, r.updated_at)))).toEqual(
      sorted([changedRating, newRating].map((r) => versionKey(r.id, r.updated_at))),
    );
    // audits and comments: the whole (immutable) trail of each changed ticket that still exists
    const live = changedTickets.filter((t) => t.status !== 'deleted');
    const trail = live.flatMap((t) => server.audits.get(t.id)!);
    expect(sorted((await landed('ticket_audits', 'id, null as updated_at')).map((r) => r.id))).toEqual(sorted(trail.map((a) => String(a.id))));
    const liveIds = new Set(live.map((t) => t.id));
    const trailComments = server.allComments().filter((c) => liveIds.has(c.ticket_id));
    expect(sorted((await landed('ticket_comments', 'id, null as updated_at')).map((r) => r.id))).toEqual(sorted(trailComments.map((c) => String(c.id))));
    expect(trailComments.some((c) => c.body === '还是没收到货 😡 请尽快处理')).toBe(true);

    await expectLakeMatchesServer(lake, server);
    // the deleted ticket is kept as a record; every version of the user stays in the lake
    const deletedRows = (await lakeRows(lake, 'tickets', 'id, updated_at, status')).filter((r) => r.id === String(deleted.id));
    expect(deletedRows.map((r) => r.status)).toContain('deleted');
    expect(deletedRows.length).toBe(2);
    const versions = (await lakeRows(lake, 'users', 'id, updated_at, role')).filter((r) => r.id === String(leaver.id));
    expect(versions.map((r) => r.role)).toEqual(expect.arrayContaining(['agent', 'end-user']));
    // groups are a snapshot: only this load's files remain
    expect(new Set((await lakeRows(lake, 'groups')).map((r) => r._load_id))).toEqual(new Set([load.load_id]));
    expect(firstLoad).not.toBe(load.load_id);

    // nothing changed: the next run lands nothing
    server.advance(120_000);
    const { load: idle } = await extract(server, lake);
    for (const stream of STREAMS.filter((s) => s !== 'groups')) expect(idle.streams.find((s) => s.stream === stream)!.rows, stream).toBe(0);
  });

  it('--full-refresh of one stream starts again and replaces what the lake held for it', async () => {
    const before = await lakeRows(lake, 'tickets');
    const { load } = await extract(server, lake, { streams: ['users'], fullRefresh: true });
    const users = await lakeRows(lake, 'users', 'id, updated_at, role');
    expect(users.length).toBe(server.users.size);
    expect(new Set(users.map((u) => u._load_id))).toEqual(new Set([load.load_id]));
    expect(await lakeRows(lake, 'tickets')).toEqual(before);
  });
});

function runCli(extraEnv: Record<string, string>, dataDir: string) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(childEnv)) if (key.startsWith('CSW_')) delete childEnv[key];
  Object.assign(childEnv, { CSW_DATA_DIR: dataDir, CSW_LOG_DIR: join(dataDir, 'logs') }, extraEnv);
  // `node --import tsx` is what the tsx command runs, without the wrapper process that would outlive a SIGKILL.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', '--source', 'zendesk', '--quiet'], {
    cwd: PROJECT_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

function logsOf(dataDir: string): string {
  const dir = join(dataDir, 'logs', 'runs');
  return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('') : '';
}

describe('zendesk connector in `npm run extract`', () => {
  it('(3) runs killed mid-way (in the ticket export, then inside an audit sweep) and run again lose and duplicate nothing', async () => {
    const server = new ZendeskTestServer({ seed: 11, tickets: 200, endUsers: 60, exportPageSize: 20 });
    await server.start();
    try {
      const dataDir = temp('csw-zendesk-kill-');
      const lake = join(dataDir, 'lake');

      // kill 1: while the 4th page of the ticket export is in flight (pages 1-3 are landed and checkpointed)
      server.faults = { hold: { path: '/api/v2/incremental/tickets/cursor', nth: 4 } };
      const first = runCli(env(server), dataDir);
      await server.waitHeld();
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      server.release();
      expect((await lakeRows(lake, 'tickets')).length).toBe(60);
      expect(new StateStore(lake).get('zendesk', 'tickets')).toMatchObject({ cursor: expect.any(String) });

      // kill 2: in the ticket_comments sweep, in the middle of its 3rd export page, a ticket's audits held
      const third = [...server.tickets.values()].sort((a, b) => a.updated_at.localeCompare(b.updated_at) || a.id - b.id)[50]!;
      server.faults = { hold: { path: `/api/v2/tickets/${third.id}/audits`, nth: 1 } };
      const second = runCli(env(server), dataDir);
      await server.waitHeld();
      second.child.kill('SIGKILL');
      expect((await second.exited).signal).toBe('SIGKILL');
      server.release();
      const partial = await lakeRows(lake, 'ticket_comments', 'id, null as updated_at');
      expect(partial.length).toBeGreaterThan(0);
      expect(new Set(partial.map((c) => c.id)).size).toBeLessThan(server.allComments().length);

      // and again, to the end
      server.faults = {};
      const done = await runCli(env(server), dataDir).exited;
      // the killed run's lock is recovered and its run record marked interrupted, with a warning each and nothing else
      expect(done.stderr).toMatch(
        /^WARN: found the lock of a run that is no longer running and cleared it\nWARN: run \S+ did not finish \(killed or stopped\); marked interrupted in the run history\n$/,
      );
      expect(done.code).toBe(0);
      await expectLakeMatchesServer(lake, server);
      // The contract allows one page per stream again when a kill falls between its Parquet file and its state
      // write; these kills fell while a request was in flight, after the last checkpoint, so there are none.
      for (const stream of ['tickets', 'ticket_metrics', 'users', 'satisfaction_ratings']) expect(duplicates(await lakeRows(lake, stream)), stream).toBe(0);
      for (const stream of ['ticket_comments', 'ticket_audits']) {
        const rows = await lakeRows(lake, stream, 'id, null as updated_at');
        expect(rows.length - new Set(rows.map((r) => r.id)).size, stream).toBe(0);
      }
    } finally {
      await server.stop();
    }
  });

  it('(4) bad credentials: one clear sentence, a non-zero exit, and the token nowhere in the output or logs', async () => {
    const server = new ZendeskTestServer({ tickets: 5, endUsers: 5 });
    await server.start();
    try {
      const dataDir = temp('csw-zendesk-401-');
      const wrong = 'wr0ng-t0ken-XYZ';
      const result = await runCli(env(server, { CSW_ZENDESK_API_TOKEN: wrong }), dataDir).exited;
      expect(result.code).not.toBe(0);
      expect(result.stdout + result.stderr).toContain(
        `Zendesk refused the credentials (401) at ${server.baseUrl}/api/v2/incremental/tickets/cursor.json: check CSW_ZENDESK_EMAIL and CSW_ZENDESK_API_TOKEN`,
      );
      expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      const everything = result.stdout + result.stderr + logsOf(dataDir);
      expect(everything).not.toContain(wrong);
      expect(everything).not.toContain(Buffer.from(`${server.email}/token:${wrong}`).toString('base64'));
    } finally {
      await server.stop();
    }
  });

  it('a wrong account address (404 on the export): one sentence naming the setting', async () => {
    const server = new ZendeskTestServer({ tickets: 5, endUsers: 5 });
    await server.start();
    try {
      const lake = join(temp('csw-zendesk-404-'), 'lake');
      const source = createZendeskSource(loadZendeskConfig(env(server, { CSW_ZENDESK_BASE_URL: `${server.baseUrl}/wrong` })));
      await expect(runSource(source, { db, lakeDir: lake, log: createLogger({ console: 'silent' }) })).rejects.toThrow(
        `Zendesk has nothing at ${server.baseUrl}/wrong/api/v2/incremental/tickets/cursor.json (404): check CSW_ZENDESK_SUBDOMAIN (or CSW_ZENDESK_BASE_URL)`,
      );
    } finally {
      await server.stop();
    }
  });

  it('missing settings: one sentence naming what to set', () => {
    expect(() => loadZendeskConfig({})).toThrow(
      'The zendesk source needs CSW_ZENDESK_SUBDOMAIN (acme for acme.zendesk.com) and CSW_ZENDESK_EMAIL and CSW_ZENDESK_API_TOKEN, or CSW_ZENDESK_OAUTH_TOKEN: set them in the environment or .env (see .env.example).',
    );
    expect(() => loadZendeskConfig({ CSW_ZENDESK_SUBDOMAIN: 'acme', CSW_ZENDESK_EMAIL: 'a@b.c' })).toThrow(/needs CSW_ZENDESK_API_TOKEN/);
    expect(() => loadZendeskConfig({ CSW_ZENDESK_SUBDOMAIN: 'acme.zendesk.com', CSW_ZENDESK_OAUTH_TOKEN: 'x' })).toThrow(/CSW_ZENDESK_SUBDOMAIN must be the subdomain alone/);
    const config = loadZendeskConfig({ CSW_ZENDESK_SUBDOMAIN: 'Acme', CSW_ZENDESK_OAUTH_TOKEN: 'x', CSW_ZENDESK_START_DATE: '2025-01-01' });
    expect(config).toMatchObject({ baseUrl: 'https://acme.zendesk.com', startTime: Date.parse('2025-01-01') / 1000 });
  });
});

describe('zendesk rate limits', () => {
  it('(5) waits as long as Retry-After says on 429, retries 5xx, and still lands everything', async () => {
    const server = new ZendeskTestServer({ seed: 5, tickets: 60, endUsers: 30 });
    server.faults = { rateLimitEvery: 17, errorEvery: 29 };
    await server.start();
    try {
      const lake = join(temp('csw-zendesk-429-'), 'lake');
      const { load } = await extract(server, lake);
      expect(load.status).toBe('completed');
      await expectLakeMatchesServer(lake, server);
      const log = server.requests;
      const limited = log.map((r, i) => ({ r, i })).filter(({ r }) => r.limited === 'injected');
      expect(limited.length).toBeGreaterThanOrEqual(3);
      for (const { r, i } of limited) expect(log[i + 1]!.at - r.at).toBeGreaterThanOrEqual(950);
      expect(log.filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(2);
    } finally {
      await server.stop();
    }
  });

  it('slows down on the rate-limit headers before the limit is hit', async () => {
    const server = new ZendeskTestServer({ seed: 9, tickets: 45, endUsers: 10, rateLimit: 20, windowMs: 1000 });
    await server.start();
    try {
      const lake = join(temp('csw-zendesk-throttle-'), 'lake');
      await extract(server, lake);
      await expectLakeMatchesServer(lake, server);
      expect(server.requests.length).toBeGreaterThan(2 * 20);
      expect(server.requests.filter((r) => r.limited === 'limit')).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('throttle rule: free above 20 % of the budget, then the rest spread over the window', () => {
    const h = (limit: number, remaining: number, reset?: number) =>
      new Headers({ 'x-rate-limit': String(limit), 'x-rate-limit-remaining': String(remaining), ...(reset ? { 'ratelimit-reset': String(reset) } : {}) });
    expect(rateLimitPause(new Headers())).toBe(0);
    expect(rateLimitPause(h(700, 141))).toBe(0);
    expect(rateLimitPause(h(700, 140, 30))).toBeCloseTo(30_000 / 141);
    expect(rateLimitPause(h(700, 0, 12))).toBe(12_000);
    expect(rateLimitPause(h(700, 0))).toBe(60_000);
  });
});
