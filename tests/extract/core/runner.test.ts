import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDb, type Db } from '../../../extract/core/duckdb.ts';
import { LakeWriter, listStreamFiles, removeDebris } from '../../../extract/core/lake-writer.ts';
import { LoadsManifest } from '../../../extract/core/loads.ts';
import { NdjsonBatch } from '../../../extract/core/ndjson-batch.ts';
import { silentLogger } from '../../../extract/core/log.ts';
import { runSource } from '../../../extract/core/runner.ts';
import { StateStore } from '../../../extract/core/state.ts';
import { defineStream, type RawRecord, type SourceDefinition, type StreamDefinition } from '../../../extract/core/stream.ts';

const itemSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  price: z.number(),
  tags: z.array(z.string()).optional(),
  updated_at: z.iso.datetime({ offset: true }),
});

function source(streams: StreamDefinition[]): SourceDefinition {
  return { name: 'test', description: 'test source', streams };
}

function itemsStream(records: RawRecord[], options: Partial<StreamDefinition> = {}): StreamDefinition {
  return defineStream({
    name: 'items',
    description: 'items',
    primaryKey: ['id'],
    cursorField: 'updated_at',
    writeDisposition: 'merge',
    schema: itemSchema,
    async *read() {
      yield* records;
    },
    ...options,
  });
}

const item = (id: number, extra: RawRecord = {}): RawRecord => ({
  id,
  name: `item ${id} 商品`,
  price: id * 1.5,
  tags: ['a'],
  updated_at: `2026-01-0${(id % 9) + 1}T10:00:00Z`,
  ...extra,
});

let db: Db;
let lake: string;

beforeAll(async () => {
  db = await openDb();
});
afterAll(() => db.close());
beforeEach(() => {
  lake = mkdtempSync(join(tmpdir(), 'csw-lake-'));
});
afterEach(() => rmSync(lake, { recursive: true, force: true }));

async function readLake(stream = 'items'): Promise<RawRecord[]> {
  return db.all(
    `select * exclude (_extracted_at) from read_parquet('${lake}/raw/test/${stream}/*/*.parquet', union_by_name = true) order by all`,
  );
}

describe('lake writer', () => {
  it('writes typed Parquet with load metadata, and keeps unknown fields in _extra', async () => {
    const load = await runSource(source([itemsStream([item(1), item(2, { colour: 'red', nested: { a: 1 } })])]), {
      db,
      lakeDir: lake,
      log: silentLogger,
    });
    const rows = await readLake();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: '1', name: 'item 1 商品', price: 1.5, _extra: null, _load_id: load.load_id });
    expect(JSON.parse(rows[1]!._extra as string)).toEqual({ colour: 'red', nested: { a: 1 } });
    const types = await db.all<{ column_name: string; column_type: string }>(
      `describe select * from read_parquet('${lake}/raw/test/items/*/*.parquet')`,
    );
    expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toEqual({
      id: 'BIGINT',
      name: 'VARCHAR',
      price: 'DOUBLE',
      tags: 'JSON',
      updated_at: 'VARCHAR',
      _extra: 'JSON',
      _load_id: 'VARCHAR',
      _extracted_at: 'TIMESTAMP',
    });
  });

  it('takes pages (arrays of records) like single records: batches cut inside a page, bad records quarantined', async () => {
    const pages: RawRecord[][] = [
      Array.from({ length: 7 }, (_, i) => item(i + 1)),
      [item(8), { id: 9, name: 'no price', updated_at: '2026-01-01T10:00:00Z' }, item(10)],
      Array.from({ length: 6 }, (_, i) => item(i + 11)),
    ];
    const load = await runSource(
      source([
        itemsStream([], {
          async *read() {
            yield* pages;
          },
        }),
      ]),
      { db, lakeDir: lake, log: silentLogger, batchSize: 5 },
    );
    expect(load.streams[0]).toMatchObject({ rows: 15, quarantined: 1, files: 3 });
    const ids = (await readLake()).map((r) => Number(r.id));
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16]);
    const [bad] = await readLake('_quarantine');
    expect(bad).toMatchObject({ stream: 'items', reason: expect.stringContaining('price') });
  });

  it('fails a read that stopped because the run was asked to stop: the previous snapshot stays', async () => {
    const snapshot = (records: RawRecord[], stop?: AbortController) =>
      itemsStream([], {
        writeDisposition: 'replace',
        async *read(ctx) {
          for (const record of records) {
            if (ctx.signal.aborted) return; // as a source stops early when asked to
            yield record;
            if (record.id === 2) stop?.abort();
          }
        },
      });
    await runSource(source([snapshot([item(1), item(2), item(3)])]), { db, lakeDir: lake, log: silentLogger });
    const stop = new AbortController();
    await expect(
      runSource(source([snapshot([item(1), item(2), item(4)], stop)]), { db, lakeDir: lake, log: silentLogger, signal: stop.signal }),
    ).rejects.toThrow(/asked to stop before the stream was read to its end/);
    expect((await readLake()).map((r) => Number(r.id))).toEqual([1, 2, 3]);
  });

  it('splits a stream into files of batchSize records, each complete under its final name', async () => {
    const records = Array.from({ length: 25 }, (_, i) => item(i + 1));
    await runSource(source([itemsStream(records)]), { db, lakeDir: lake, log: silentLogger, batchSize: 10 });
    const files = listStreamFiles(lake, 'test', 'items');
    expect(files.map((f) => f.path.slice(-11))).toEqual(['001.parquet', '002.parquet', '003.parquet']);
    expect(await readLake()).toHaveLength(25);
  });

  it('leaves no file under a final name when writing fails, and the next run clears the debris', async () => {
    const writer = new LakeWriter(db, lake);
    const target = { source: 'test', stream: 'items', loadId: 'L1', columns: [{ name: 'id', type: 'BIGINT' as const }] };
    await expect(writer.writeBatch(target, NdjsonBatch.of(['{"id": "not a number"}']))).rejects.toThrow();
    expect(listStreamFiles(lake, 'test', 'items')).toEqual([]);
    // Simulate a run killed between writing a temporary file and renaming it into place.
    await writer.writeEmpty(target);
    const [written] = listStreamFiles(lake, 'test', 'items');
    const debris = `${written!.path.replace('00001', '00002')}.tmp`;
    await db.run(`copy (select 1 as id) to '${debris}' (format parquet)`);
    expect(listStreamFiles(lake, 'test', 'items')).toHaveLength(1);
    expect(removeDebris(lake)).toBe(1);
    expect(existsSync(debris)).toBe(false);
    expect(listStreamFiles(lake, 'test', 'items')).toEqual([written]);
  });
});

describe('quarantine', () => {
  it('sends records that fail their schema to _quarantine with the reason and raw payload, and keeps the rest', async () => {
    const bad = { id: 3, name: 'no price', updated_at: 'yesterday' };
    const load = await runSource(source([itemsStream([item(1), bad, item(2)])]), { db, lakeDir: lake, log: silentLogger });
    expect(load.streams[0]).toMatchObject({ rows: 2, quarantined: 1 });
    expect((await readLake()).map((r) => r.id)).toEqual(['1', '2']);
    const [quarantined] = await readLake('_quarantine');
    expect(quarantined!.stream).toBe('items');
    expect(quarantined!.reason).toContain('price');
    expect(quarantined!.reason).toContain('updated_at');
    expect(JSON.parse(quarantined!.payload as string)).toEqual(bad);
  });
});

describe('state and loads', () => {
  function pagedStream(pages: RawRecord[][], failAfterPage?: number): StreamDefinition {
    return itemsStream([], {
      async *read(ctx, state) {
        const start = Number(state?.page ?? 0);
        for (let page = start; page < pages.length; page++) {
          yield* pages[page]!;
          if (failAfterPage === page) throw new Error('connection reset');
          await ctx.checkpoint({ page: page + 1 });
        }
      },
    });
  }

  it('advances state only after the batch it covers is written, and resumes from it after a failure', async () => {
    const pages = [[item(1), item(2)], [item(3)], [item(4)]];
    await expect(runSource(source([pagedStream(pages, 1)]), { db, lakeDir: lake, log: silentLogger })).rejects.toThrow(
      'connection reset',
    );
    // Page 0 is written and checkpointed; page 1 was read but its checkpoint never came.
    expect(new StateStore(lake).get('test', 'items')).toEqual({ page: 1 });
    expect((await readLake()).map((r) => r.id)).toEqual(['1', '2']);
    const failed = new LoadsManifest(lake).list();
    expect(failed.map((l) => l.status)).toEqual(['failed']);

    await runSource(source([pagedStream(pages)]), { db, lakeDir: lake, log: silentLogger });
    expect(new StateStore(lake).get('test', 'items')).toEqual({ page: 3 });
    expect((await readLake()).map((r) => r.id)).toEqual(['1', '2', '3', '4']);
    expect(new LoadsManifest(lake).list().map((l) => l.status)).toEqual(['failed', 'completed']);
  });

  it('fails the load when a batch written in the background fails, with the batches before it kept', async () => {
    // Batches are written while the next is read: the third batch's write fails while the stream goes on, and the
    // run must still fail with that error (not lose it, nor crash on an unhandled rejection).
    let copies = 0;
    const failingDb: Db = {
      ...db,
      async run(sql, params) {
        if (sql.startsWith('copy') && ++copies === 3) throw new Error('simulated write failure');
        return db.run(sql, params);
      },
    };
    const records = Array.from({ length: 8 }, (_, i) => item(i + 1));
    await expect(
      runSource(source([itemsStream(records)]), { db: failingDb, lakeDir: lake, log: silentLogger, batchSize: 2 }),
    ).rejects.toThrow('simulated write failure');
    expect((await readLake()).map((r) => r.id)).toEqual(['1', '2', '3', '4']);
    expect(new LoadsManifest(lake).list().map((l) => l.status)).toEqual(['failed']);
  });

  it('replace streams keep only the newest complete load', async () => {
    const stream = (records: RawRecord[]) => itemsStream(records, { writeDisposition: 'replace' });
    await runSource(source([stream([item(1), item(2)])]), { db, lakeDir: lake, log: silentLogger });
    const second = await runSource(source([stream([item(3)])]), { db, lakeDir: lake, log: silentLogger });
    const rows = await readLake();
    expect(rows.map((r) => [r.id, r._load_id])).toEqual([['3', second.load_id]]);
  });

  it('writes an empty but typed file for a stream with no records, so readers can query it', async () => {
    await runSource(source([itemsStream([])]), { db, lakeDir: lake, log: silentLogger });
    expect(await readLake()).toEqual([]);
  });

  it('records rows and quarantined counts per stream in the loads manifest', async () => {
    const load = await runSource(source([itemsStream([item(1), { id: 'x' }])]), { db, lakeDir: lake, log: silentLogger });
    const manifest = JSON.parse(readFileSync(join(lake, '_loads', `${load.load_id}.json`), 'utf8'));
    expect(manifest).toMatchObject({ status: 'completed', source: 'test', streams: [{ stream: 'items', rows: 1, quarantined: 1, files: 1 }] });
  });
});
