import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../extract/core/duckdb.ts';
import { writeCsv } from '../../scripts/lib/publish/csv.ts';

let db: Db;
let dir: string;

beforeAll(async () => {
  db = await openDb();
  dir = mkdtempSync(join(tmpdir(), 'csw-csv-'));
  await db.run(`create table plain (order_id varchar, note varchar, ordered_at timestamp, amount decimal(18, 2), is_late boolean)`);
  await db.run(`insert into plain values ('o-1', '包裹还没到, "急"', '2026-10-06 15:00:00.5', 12.50, true), ('o-2', null, null, null, null)`);
  await db.run(`create table odd ("order, id" varchar, x integer)`);
  await db.run(`insert into odd values ('a', 1)`);
  await db.run(`create table empty (order_id varchar)`);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const written = async (table: string) => {
  const path = join(dir, `${table}.csv`);
  await writeCsv(db, `main.${table}`, path);
  return readFileSync(path);
};

describe('published CSV', () => {
  it('starts with one byte-order mark, then the header and the rows in the published format', async () => {
    const bytes = await written('plain');
    expect([...bytes.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 'o'.charCodeAt(0)]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'order_id,note,ordered_at,amount,is_late\n' + 'o-1,"包裹还没到, ""急""",2026-10-06 15:00:00,12.50,true\n' + 'o-2,,,,\n',
    );
  });

  it('puts the mark first also when the first column name must be quoted, and in an empty table', async () => {
    expect((await written('odd')).toString('utf8')).toBe('\uFEFF"order, id",x\na,1\n');
    expect((await written('empty')).toString('utf8')).toBe('\uFEFForder_id\n');
  });
});
