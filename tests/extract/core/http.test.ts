/** The shared HTTP layer against a real server on loopback: retries, Retry-After, throttling, clear fatal errors. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FatalError, UserError } from '../../../extract/core/errors.ts';
import { defaultMaxRetries, HttpClient, retryAfterMs, type HttpClientOptions } from '../../../extract/core/http.ts';
import { createLogger } from '../../../extract/core/log.ts';

let server: Server;
let baseUrl: string;
const hits = new Map<string, number>();
const seenAuth: string[] = [];

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;
const routes: Record<string, Handler> = {
  '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
  '/limited': (_req, res, hit) =>
    hit <= 2 ? res.writeHead(429, { 'retry-after': '7' }).end() : res.writeHead(200).end('{"after":"limit"}'),
  '/limited-once': (_req, res, hit) => (hit === 1 ? res.writeHead(429, { 'retry-after': '1' }).end() : res.writeHead(200).end('{}')),
  '/flaky': (_req, res, hit) => (hit <= 2 ? res.writeHead(503).end('busy') : res.writeHead(200).end('{"after":"5xx"}')),
  '/down': (_req, res) => res.writeHead(502).end(),
  '/slow': (_req, res, hit) => (hit === 1 ? setTimeout(() => res.writeHead(200).end('{"late":true}'), 2000) : res.writeHead(200).end('{"fast":true}')),
  '/secret': (_req, res) => res.writeHead(401).end('{"error":"Couldn\'t authenticate you"}'),
  '/forbidden': (_req, res) => res.writeHead(403).end(),
  '/missing': (_req, res) => res.writeHead(404).end(),
  '/bad': (_req, res) => res.writeHead(422).end('{"error":"InvalidValue"}'),
  '/budget': (_req, res) => res.writeHead(200, { 'x-rate-limit-remaining': '1' }).end('{}'),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    seenAuth.push(String(req.headers.authorization));
    routes[path]!(req, res, hit);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client(extra: Partial<HttpClientOptions> = {}) {
  const waits: number[] = [];
  const logFile = join(mkdtempSync(join(tmpdir(), 'csw-http-')), 'log.jsonl');
  const log = createLogger({ file: logFile, console: 'silent' });
  const lines = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const http = new HttpClient({
    service: 'Testdesk',
    baseUrl,
    headers: { authorization: 'Bearer s3cret-token' },
    log,
    authHint: 'check TESTDESK_TOKEN',
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { http, waits, lines };
}

describe('HttpClient', () => {
  it('returns parsed JSON and sends the configured headers', async () => {
    const { http } = client();
    const response = await http.request<{ ok: boolean }>('ok', { query: { page: 2, skip: undefined } });
    expect(response.body).toEqual({ ok: true });
    expect(response.url).toBe(`${baseUrl}/ok?page=2`);
    expect(seenAuth.at(-1)).toBe('Bearer s3cret-token');
  });

  it('waits as long as Retry-After says on 429, then goes on', async () => {
    const { http, waits } = client();
    expect((await http.request('limited')).body).toEqual({ after: 'limit' });
    expect(waits).toEqual([7000, 7000]);
  });

  it('backs off exponentially with jitter on 5xx', async () => {
    const { http, waits } = client({ baseDelayMs: 1000 });
    expect((await http.request('flaky')).body).toEqual({ after: '5xx' });
    // full jitter with random() = 0.5: half of 1 s, then half of 2 s
    expect(waits).toEqual([500, 1000]);
  });

  it('gives up after the retries with one sentence', async () => {
    const { http, waits } = client({ maxRetries: 3 });
    await expect(http.request('down')).rejects.toThrow(new FatalError(`Testdesk kept failing at ${baseUrl}/down after 4 attempts: Testdesk answered 502`));
    expect(waits).toHaveLength(3);
  });

  it('takes its retry budget from CSW_HTTP_MAX_RETRIES (default 6), and refuses a value that is not one', async () => {
    expect(defaultMaxRetries({})).toBe(6);
    expect(defaultMaxRetries({ CSW_HTTP_MAX_RETRIES: '0' })).toBe(0);
    expect(() => defaultMaxRetries({ CSW_HTTP_MAX_RETRIES: 'many' })).toThrow(UserError);
    expect(() => defaultMaxRetries({ CSW_HTTP_MAX_RETRIES: '-1' })).toThrow('CSW_HTTP_MAX_RETRIES must be a whole number from 0 to 20 (got "-1")');
    process.env.CSW_HTTP_MAX_RETRIES = '1';
    try {
      const { http, waits } = client();
      await expect(http.request('down')).rejects.toThrow(new FatalError(`Testdesk kept failing at ${baseUrl}/down after 2 attempts: Testdesk answered 502`));
      expect(waits).toHaveLength(1);
    } finally {
      delete process.env.CSW_HTTP_MAX_RETRIES;
    }
  });

  it('retries a request that timed out', async () => {
    const { http, waits } = client({ timeoutMs: 400 });
    expect((await http.request('slow')).body).toEqual({ fast: true });
    expect(waits).toHaveLength(1);
  });

  it('fails fast and clearly on 401, 403, 404 and other 4xx, without the token', async () => {
    const { http, waits } = client();
    await expect(http.request('secret', { query: { access_token: 'abc' } })).rejects.toThrow(
      `Testdesk refused the credentials (401) at ${baseUrl}/secret: check TESTDESK_TOKEN`,
    );
    await expect(http.request('forbidden')).rejects.toThrow(/Testdesk denied access \(403: the token lacks a permission or scope\)/);
    await expect(http.request('missing')).rejects.toThrow(/nothing at .*\/missing \(404\)/);
    await expect(http.request('bad')).rejects.toThrow(/rejected the request to .*\/bad \(422\): \{"error":"InvalidValue"\}/);
    expect(waits).toEqual([]);
  });

  it('pauses before the next request when the throttle asks, and never logs the token', async () => {
    const { http, waits, lines } = client({
      throttle: (response) => (response.headers.has('x-rate-limit-remaining') && Number(response.headers.get('x-rate-limit-remaining')) < 2 ? 60_000 : 0),
    });
    await http.request('budget');
    await http.request('ok');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(59_000);
    await http.request('limited-once');
    expect(waits.slice(1)).toEqual([1000]);
    expect(lines()).toContain('rate limiting (429)');
    expect(lines()).not.toContain('s3cret-token');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }))).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});
