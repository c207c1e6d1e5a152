/**
 * The extract core's throughput, for `npm run bench`: N Zendesk-shaped ticket comments (the biggest stream, with
 * the real comment schema, a multilingual body and an undeclared field that goes to `_extra`) through the real
 * runner: zod validation, JSON lines, DuckDB's read_json, Parquet files in a throwaway lake. The records come from a
 * pool of distinct comments made before the clock starts, each yielded as a fresh copy with its own id: what is
 * timed is the core (the pool stands for the source's parsed pages), not making timestamps, nor holding a million
 * records in memory.
 *
 * Run as its own process by scripts/bench.ts: `tsx scripts/lib/bench/extract-core.ts <records> <lake dir>`;
 * prints one JSON line `{ "records": n, "seconds": s }`.
 */
import { rmSync } from 'node:fs';
import { openDb } from '../../../extract/core/duckdb.ts';
import { silentLogger } from '../../../extract/core/log.ts';
import { runSource } from '../../../extract/core/runner.ts';
import { defineStream, type RawRecord } from '../../../extract/core/stream.ts';
import { ticketCommentSchema } from '../../../extract/sources/zendesk/schemas.ts';

const BODIES = [
  'Hello, my parcel has not arrived yet. Order #100234, can you check the tracking please?',
  'Hallo, das Paket ist beschädigt angekommen. Ich hätte gerne eine Erstattung.',
  '您好，我的订单还没有发货，请问什么时候能到？',
  '注文した商品のサイズが合いません。返品できますか？ 📦',
];

const POOL_SIZE = 10_000;
const PAGE_SIZE = 1_000;

function commentPool(): RawRecord[] {
  const start = Date.parse('2026-01-01T00:00:00Z');
  return Array.from({ length: POOL_SIZE }, (_, index) => {
    const i = index + 1;
    return {
      id: i,
      ticket_id: Math.ceil(i / 8),
      type: 'Comment',
      author_id: 1000 + (i % 5000),
      body: BODIES[i % BODIES.length],
      public: i % 10 !== 0,
      created_at: new Date(start + i * 37_000).toISOString().replace('.000Z', 'Z'),
      via: { channel: i % 3 === 0 ? 'chat' : 'email', source: { from: {}, to: {}, rel: null } },
      attachments: [],
    };
  });
}

/** Pages of 1,000 comments, as an API returns them (Zendesk's incremental exports: up to 1,000 per page). */
function* comments(n: number, pool: RawRecord[]): Generator<RawRecord[]> {
  for (let first = 1; first <= n; first += PAGE_SIZE) {
    const page: RawRecord[] = [];
    for (let i = first; i < first + PAGE_SIZE && i <= n; i++) page.push({ ...pool[i % POOL_SIZE], id: i, ticket_id: Math.ceil(i / 8) });
    yield page;
  }
}

const records = Number(process.argv[2] ?? 1_000_000);
const lakeDir = process.argv[3];
if (!lakeDir || !Number.isInteger(records) || records <= 0) {
  process.stderr.write('usage: extract-core.ts <records> <lake dir>\n');
  process.exit(2);
}
rmSync(lakeDir, { recursive: true, force: true });
const db = await openDb(':memory:', { threads: Number(process.env.CSW_DUCKDB_THREADS ?? 2) });
const pool = commentPool();
const started = process.hrtime.bigint();
const load = await runSource(
  {
    name: 'bench',
    description: 'extract core benchmark',
    streams: [
      defineStream({
        name: 'ticket_comments',
        description: 'synthetic ticket comments',
        primaryKey: ['id'],
        writeDisposition: 'replace',
        schema: ticketCommentSchema,
        read: async function* () {
          yield* comments(records, pool);
        },
      }),
    ],
  },
  { db, lakeDir, log: silentLogger },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
db.close();
rmSync(lakeDir, { recursive: true, force: true });
const landed = load.streams.reduce((sum, s) => sum + s.rows, 0);
process.stdout.write(JSON.stringify({ records: landed, seconds }) + '\n');
