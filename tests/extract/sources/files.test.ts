/**
 * The file-export source on real-looking exports generated here: a UTF-8 (BOM) Amazon review CSV with multi-line
 * quoted text and every kind of bad row, a GBK Chinese seller's review export with Chinese headers, a German eBay
 * returns TSV (decimal commas, dd.mm.yyyy, CRLF, bare quotes), a helpdesk NDJSON with CJK and emoji, an eBay
 * orders workbook (written with exceljs: title rows, a second sheet, real Excel dates), and files that cannot
 * be read at all. Everything is read back from the lake's Parquet with DuckDB.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../extract/core/config.ts';
import { openDb, type Db } from '../../../extract/core/duckdb.ts';
import type { LoadRecord } from '../../../extract/core/loads.ts';
import { silentLogger } from '../../../extract/core/log.ts';
import { runSource } from '../../../extract/core/runner.ts';
import { parseMapping, type FilesSettings } from '../../../extract/sources/files/config.ts';
import { createFilesSource } from '../../../extract/sources/files/index.ts';
import { tagLines } from '../../../extract/sources/files/line-tagger.ts';
import { createSource } from '../../../extract/sources/index.ts';
import { Readable } from 'node:stream';
import { runScript } from '../../e2e/helpers.ts';

let root: string;
let inbox: string;
let lake: string;
let db: Db;
let settings: FilesSettings;

const MAPPING = {
  files: [
    {
      match: 'amazon/*.csv',
      entity: 'reviews',
      date_format: '%m/%d/%Y %H:%M',
      time_zone: 'America/Los_Angeles',
      columns: {
        'Review ID': 'review_id',
        ASIN: 'product_sku',
        Rating: 'rating',
        Title: 'title',
        'Review Text': 'body',
        Reviewer: 'reviewer_name',
        'Verified Purchase': 'verified_purchase',
        'Review Date': 'created_at',
        'Order ID': 'order_number',
      },
      constants: { platform: 'amazon', marketplace_country: 'US', language: 'en' },
    },
    {
      match: 'cn/*.csv',
      entity: 'reviews',
      date_format: ['%Y/%m/%d %H:%M', '%Y/%m/%d', '%Y年%m月%d日'],
      time_zone: 'Asia/Shanghai',
      columns: {
        评论编号: 'review_id',
        商品编码: 'product_sku',
        星级: 'rating',
        标题: 'title',
        评论内容: 'body',
        买家昵称: 'reviewer_name',
        评论时间: 'created_at',
        站点: 'marketplace_country',
        订单号: 'order_number',
      },
      constants: { platform: 'amazon', language: 'zh-CN' },
    },
    {
      match: 'returns/*.tsv',
      entity: 'returns',
      date_format: ['%d.%m.%Y %H:%M', '%d.%m.%Y'],
      time_zone: 'Europe/Berlin',
      decimal_comma: true,
      columns: {
        'Retoure-ID': 'return_id',
        Bestellnummer: 'order_number',
        Artikel: 'product_sku',
        Menge: 'quantity',
        Grund: 'return_reason',
        Kommentar: 'customer_comment',
        'Angefordert am': 'requested_at',
        'Erstattet am': 'refunded_at',
        Betrag: 'refund_amount',
        Währung: 'refund_currency',
      },
      constants: { platform: 'ebay', marketplace_country: 'DE' },
    },
    {
      match: 'orders/*.xlsx',
      entity: 'orders',
      sheet: 'Orders',
      header_row: 3,
      time_zone: 'Europe/London',
      columns: {
        'Order number': 'order_number',
        'Custom label (SKU)': 'product_sku',
        Quantity: 'quantity',
        'Sold for': 'item_price',
        Currency: 'currency',
        'Sale date': 'created_at',
        'Ship to country': 'ship_country',
        'Buyer name': 'customer_name',
      },
      constants: { platform: 'ebay', marketplace_country: 'GB' },
    },
  ],
};

const AMAZON_CSV = (rows: string[]) =>
  '\uFEFF' +
  ['Review ID,ASIN,Rating,Title,Review Text,Reviewer,Verified Purchase,Review Date,Order ID,Helpful Votes', ...rows].join('\n') +
  '\n';

const AMAZON_ROWS = [
  /* 2 */ 'R1AAA,B0C1234567,5,Great charger,"Works fine, fast shipping",Jane D.,Yes,10/05/2026 14:30,112-1234567-1234567,3',
  /* 3-5 */ 'R1AAB,B0C1234567,2,"Stopped ""working""","Line one\nLine two\nLine three",Bob,No,10/06/2026 09:00,,0',
  /* 6 */ ',B0C1234567,4,No id,text,Ann,Yes,10/07/2026 10:00,,1',
  /* 7 */ 'R1AAD,B0C1234567,4,Bad date,text,Ann,Yes,31/10/2026 10:00,,1',
  /* 8 */ 'R1AAE,B0C1234567,five,Bad rating,text,Ann,Yes,10/08/2026 10:00,,1',
  /* 9 */ 'R1AAF,B0C1234567,6,Too many stars,text,Ann,Yes,10/08/2026 10:00,,1',
  /* 10 */ 'R1AAG,B0C1234567,3,Extra column,text,Ann,Yes,10/08/2026 10:00,,1,surplus',
  /* 11 */ 'R1AAH,B0C7654321,4,Short row',
  /* 12 */ 'R1AAA,B0C1234567,5,dup,x,Jane D.,Yes,10/05/2026 14:30,,0',
  /* 13 */ 'R1AAJ,B0C7654321,1,Summer,text,Zoe,No,07/04/2026 23:15,,0',
  /* 14-15 */ 'R1AAK,B0C7654321,3,"Unterminated,text,Zoe,No,10/09/2026 10:00,,0',
  'R1AAL,B0C7654321,4,ok,text,Zoe,No,10/09/2026 10:00,,0',
];

const CN_CSV = [
  '评论编号,商品编码,星级,标题,评论内容,买家昵称,评论时间,站点,订单号',
  'CN-R001,SKU-充电器-01,5,非常好,质量很好，物流很快！,张伟,2026/10/05 08:30,cn,',
  'CN-R002,SKU-充电器-01,1,差评,"收到的时候已经坏了，""客服""不回复",李娜,2026/10/06,CN,250-1234567-7654321',
  'CN-R003,SKU-数据线-02,3,一般,还行吧,王芳,2026年10月07日,JP,',
  'CN-R004,SKU-数据线-02,4,好,不错,赵磊,2026-13-40,CN,',
].join('\r\n');

const RETURNS_TSV = [
  'Retoure-ID\tBestellnummer\tArtikel\tMenge\tGrund\tKommentar\tAngefordert am\tErstattet am\tBetrag\tWährung',
  'RT-1\t12-34567-89012\tSKU-CABLE-2M\t1\tDefekt\tKabel 5" zu kurz\t03.10.2026 14:05\t10.10.2026\t1.234,56\tEUR',
  'RT-2\t12-34567-89013\tSKU-CHARGER\t2\tGefällt nicht\t\t28.03.2026 01:30\t\t12,5\teur',
  'RT-3\t12-34567-89014\tSKU-CHARGER\t1\tDefekt\t\t04.10.2026\t\t12.50\tEUR',
  'RT-4\t12-34567-89015\tSKU-CHARGER\t1\tDefekt\t\t05.10.2026\t\t9,99\t€',
  'RT-5\t12-34567-89016\tSKU-CHARGER\tzwei\tDefekt\t\t05.10.2026\t\t9,99\tEUR',
].join('\r\n');

const MESSAGES_NDJSON = [
  JSON.stringify({
    message_id: 'm1',
    conversation_id: 'c1',
    helpdesk: 'gorgias',
    author_role: 'customer',
    created_at: '2026-10-05T09:15:00+09:00',
    body: '荷物がまだ届きません 📦😢',
    is_public: true,
    attachments: [{ name: 'photo.jpg' }],
  }),
  JSON.stringify({
    message_id: 'm2',
    conversation_id: 'c1',
    helpdesk: 'gorgias',
    author_role: 'agent',
    created_at: '2026-10-05T01:20:00Z',
    body: '您好！我们正在查询物流信息 🚚\n请稍等',
    is_public: true,
  }),
  'not json at all',
  JSON.stringify({ conversation_id: 'c1', helpdesk: 'gorgias', author_role: 'agent', created_at: '2026-10-05T02:00:00Z', body: 'no id' }),
  '',
  JSON.stringify({
    message_id: 'm4',
    conversation_id: 'c1',
    helpdesk: 'gorgias',
    author_role: 'bot',
    created_at: '2026-10-05 03:00:00',
    body: '안녕하세요 🤖',
    is_public: 'no',
  }),
  JSON.stringify({ message_id: 'm5', conversation_id: 'c1', helpdesk: 'gorgias', author_role: 'Agent', created_at: '2026-10-05T04:00:00Z', body: 'OK' }),
  JSON.stringify({ message_id: 'm6', conversation_id: 'c1', helpdesk: 'gorgias', author_role: 'moderator', created_at: '2026-10-05T05:00:00Z', body: '?' }),
].join('\n');

async function writeOrdersWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Summary').addRow(['not', 'the', 'orders']);
  const sheet = workbook.addWorksheet('Orders');
  sheet.addRow(['eBay orders report']);
  sheet.addRow(['Generated 2026-11-01']);
  sheet.addRow(['Order number', 'Custom label (SKU)', 'Quantity', 'Sold for', 'Currency', 'Sale date', 'Ship to country', 'Buyer name']);
  const when = new Date(Date.UTC(2026, 6, 1, 10, 0));
  sheet.addRow(['01-12345-67890', 'SKU-CHARGER', 2, 25.5, 'GBP', when, 'DE', 'Müller 🧔']);
  sheet.addRow(['01-12345-67891', 'SKU-CABLE-2M', 1, 9.99, 'GBP', '2026-07-15 08:00', 'FR', 'Zoë']);
  sheet.addRow(['01-12345-67892', 'SKU-CABLE-2M', 'lots', 9.99, 'GBP', when, 'DE', 'X']);
  // row 7 stays empty (skipped)
  sheet.getRow(8).values = ['01-12345-67893', 'SKU-CHARGER', 1, 30, 'GB Pounds', when, 'GB', 'Y'];
  for (const cell of ['F4', 'F6', 'F8']) sheet.getCell(cell).numFmt = 'yyyy-mm-dd hh:mm';
  await workbook.xlsx.writeFile(path);
}

const run = (fullRefresh = false): Promise<LoadRecord> =>
  runSource(createFilesSource(settings), { db, lakeDir: lake, log: silentLogger, fullRefresh });

const parquet = (stream: string) => `read_parquet('${lake}/raw/files/${stream}/*/*.parquet', union_by_name = true)`;

function lakeFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else out.push(join(dir, e.name));
    }
  };
  walk(join(lake, 'raw'));
  return out.sort();
}

let first: LoadRecord;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'csw-files-'));
  inbox = join(root, 'inbox');
  lake = join(root, 'lake');
  for (const dir of ['amazon', 'cn', 'returns', 'orders']) mkdirSync(join(inbox, dir), { recursive: true });
  writeFileSync(join(inbox, 'amazon', 'reviews-us-2026-10.csv'), AMAZON_CSV(AMAZON_ROWS));
  writeFileSync(join(inbox, 'cn', '亚马逊评论-2026年10月.csv'), iconv.encode(CN_CSV, 'gbk'));
  writeFileSync(join(inbox, 'returns', 'retouren-de.tsv'), RETURNS_TSV);
  writeFileSync(join(inbox, 'messages-2026-10.ndjson'), MESSAGES_NDJSON);
  await writeOrdersWorkbook(join(inbox, 'orders', 'ebay-orders.xlsx'));
  writeFileSync(join(inbox, 'orders', 'broken.xlsx'), Buffer.from('PK\x03\x04 this is not really a workbook'));
  writeFileSync(join(inbox, 'reviews-missing-columns.csv'), 'review_id,platform,created_at\nX1,amazon,2026-10-01\n');
  writeFileSync(join(inbox, 'notes.csv'), 'a,b\n1,2\n');
  writeFileSync(join(inbox, 'README.md'), 'not an export');
  settings = { dir: inbox, mapping: parseMapping(JSON.stringify(MAPPING), 'test mapping') };
  db = await openDb();
  first = await run();
});

afterAll(() => {
  db?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('file exports: first load', () => {
  it('lands exactly the good rows of each entity', async () => {
    const counts = Object.fromEntries(first.streams.map((s) => [s.stream, [s.rows, s.quarantined, s.files]]));
    expect(counts).toEqual({
      reviews: [6, 10, 3],
      returns: [2, 3, 1],
      orders: [2, 3, 2],
      conversations: [0, 0, 0],
      messages: [4, 3, 1],
    });
    const reviews = await db.all<{ review_id: string; _file: string; _line: string }>(
      `select review_id, _file, _line from ${parquet('reviews')} order by _file, _line`,
    );
    expect(reviews.map((r) => [r.review_id, r._file, Number(r._line)])).toEqual([
      ['R1AAA', 'amazon/reviews-us-2026-10.csv', 2],
      ['R1AAB', 'amazon/reviews-us-2026-10.csv', 3],
      ['R1AAJ', 'amazon/reviews-us-2026-10.csv', 13],
      ['CN-R001', 'cn/亚马逊评论-2026年10月.csv', 2],
      ['CN-R002', 'cn/亚马逊评论-2026年10月.csv', 3],
      ['CN-R003', 'cn/亚马逊评论-2026年10月.csv', 4],
    ]);
    expect((await db.all(`select return_id from ${parquet('returns')} order by 1`)).map((r) => r.return_id)).toEqual(['RT-1', 'RT-2']);
    expect((await db.all(`select message_id from ${parquet('messages')} order by 1`)).map((r) => r.message_id)).toEqual(['m1', 'm2', 'm4', 'm5']);
    expect((await db.all(`select order_number, _line from ${parquet('orders')} order by 1`)).map((r) => [r.order_number, Number(r._line)])).toEqual([
      ['01-12345-67890', 4],
      ['01-12345-67891', 5],
    ]);
    expect(await db.all(`select count(*)::int as n from ${parquet('conversations')}`)).toEqual([{ n: 0 }]);
  });

  it('quarantines each bad row with its file, line and reason', async () => {
    const rows = await db.all<{ stream: string; _file: string; _line: number | null; reason: string }>(
      `select stream, _file, _line::int as _line, reason from ${parquet('_quarantine')} order by _file, _line`,
    );
    const amazon = 'amazon/reviews-us-2026-10.csv';
    const cn = 'cn/亚马逊评论-2026年10月.csv';
    expect(rows.map((r) => [r._file, r._line, r.stream, r.reason])).toEqual([
      [amazon, 6, 'reviews', 'review_id: required value missing'],
      [amazon, 7, 'reviews', 'created_at: "31/10/2026 10:00" is not a date/time (%m/%d/%Y %H:%M, or ISO 8601)'],
      [amazon, 8, 'reviews', 'rating: "five" is not a whole number'],
      [amazon, 9, 'reviews', 'rating: 6 is outside 1..5'],
      [amazon, 10, 'reviews', 'too many columns (the header has 10)'],
      [amazon, 11, 'reviews', 'too few columns (the header has 10)'],
      [amazon, 12, 'reviews', 'duplicate key (platform, review_id): the same as on line 2'],
      [amazon, 14, 'reviews', 'unterminated quoted field: the quote opened on line 14 is never closed (lines 14-15 skipped)'],
      [cn, 5, 'reviews', 'created_at: "2026-13-40" is not a date/time (%Y/%m/%d %H:%M, or %Y/%m/%d, or %Y年%m月%d日, or ISO 8601)'],
      ['messages-2026-10.ndjson', 3, 'messages', 'not a JSON object'],
      ['messages-2026-10.ndjson', 4, 'messages', 'message_id: required value missing'],
      ['messages-2026-10.ndjson', 8, 'messages', 'author_role: "moderator" is not one of customer, agent, bot, system'],
      ['orders/broken.xlsx', null, 'orders', expect.stringMatching(/^not a readable XLSX workbook/)],
      ['orders/ebay-orders.xlsx', 6, 'orders', 'quantity: "lots" is not a whole number'],
      ['orders/ebay-orders.xlsx', 8, 'orders', 'currency: "GB Pounds" is not an ISO 4217 currency code'],
      ['returns/retouren-de.tsv', 4, 'returns', 'refund_amount: "12.50" is not a decimal number (with a decimal comma)'],
      ['returns/retouren-de.tsv', 5, 'returns', 'refund_currency: "€" is not an ISO 4217 currency code'],
      ['returns/retouren-de.tsv', 6, 'returns', 'quantity: "zwei" is not a whole number'],
      [
        'reviews-missing-columns.csv',
        null,
        'reviews',
        'missing required reviews column(s) marketplace_country, rating (the header has review_id, platform, created_at): map them in CSW_FILES_MAPPING (default rule for reviews)',
      ],
      ['notes.csv', null, '(unknown)', expect.stringMatching(/^no mapping rule matches notes.csv/)],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1] ?? 0) - Number(b[1] ?? 0)));
    const payload = await db.all<{ payload: string }>(`select payload from ${parquet('_quarantine')} where _file like 'amazon/%' and _line = 10`);
    expect(payload[0]!.payload).toBe('R1AAG,B0C1234567,3,Extra column,text,Ann,Yes,10/08/2026 10:00,,1,surplus');
    const typed = await db.all<{ payload: string }>(`select payload from ${parquet('_quarantine')} where _file like 'returns/%' and _line = 6`);
    expect(JSON.parse(typed[0]!.payload)).toMatchObject({ 'Retoure-ID': 'RT-5', Menge: 'zwei', Währung: 'EUR' });
  });

  it('parses values: dates to UTC in the configured zone, decimals, booleans, codes, CJK and emoji text', async () => {
    const reviews = await db.all(
      `select review_id, platform, marketplace_country, rating, title, body, verified_purchase, strftime(created_at, '%Y-%m-%d %H:%M') as created_at, ` +
        `order_number, _extra, _file_sha256 from ${parquet('reviews')} order by review_id`,
    );
    const byId = Object.fromEntries(reviews.map((r) => [r.review_id, r]));
    expect(byId.R1AAA).toMatchObject({ platform: 'amazon', marketplace_country: 'US', rating: '5', verified_purchase: true, created_at: '2026-10-05 21:30' });
    expect(JSON.parse(byId.R1AAA!._extra as string)).toEqual({ 'Helpful Votes': '3' });
    expect(byId.R1AAB).toMatchObject({ title: 'Stopped "working"', body: 'Line one\nLine two\nLine three', verified_purchase: false, order_number: null });
    expect(byId.R1AAJ!.created_at).toBe('2026-07-05 06:15'); // PDT, UTC-7
    expect(byId['CN-R001']).toMatchObject({ title: '非常好', body: '质量很好，物流很快！', marketplace_country: 'CN', created_at: '2026-10-05 00:30' });
    expect(byId['CN-R002']).toMatchObject({ body: '收到的时候已经坏了，"客服"不回复', created_at: '2026-10-05 16:00', order_number: '250-1234567-7654321' });
    expect(byId['CN-R003']).toMatchObject({ marketplace_country: 'JP', created_at: '2026-10-06 16:00' });

    const returns = await db.all(
      `select return_id, refund_amount::varchar as amount, refund_currency, quantity, customer_comment, ` +
        `strftime(requested_at, '%Y-%m-%d %H:%M') as requested_at, strftime(refunded_at, '%Y-%m-%d %H:%M') as refunded_at from ${parquet('returns')} order by 1`,
    );
    expect(returns).toEqual([
      { return_id: 'RT-1', amount: '1234.5600', refund_currency: 'EUR', quantity: '1', customer_comment: 'Kabel 5" zu kurz', requested_at: '2026-10-03 12:05', refunded_at: '2026-10-09 22:00' },
      { return_id: 'RT-2', amount: '12.5000', refund_currency: 'EUR', quantity: '2', customer_comment: null, requested_at: '2026-03-28 00:30', refunded_at: null },
    ]);

    const messages = await db.all(
      `select message_id, body, is_public, author_role, strftime(created_at, '%Y-%m-%d %H:%M') as created_at, _extra from ${parquet('messages')} order by 1`,
    );
    expect(messages.map((m) => [m.message_id, m.author_role, m.body, m.is_public, m.created_at])).toEqual([
      ['m1', 'customer', '荷物がまだ届きません 📦😢', true, '2026-10-05 00:15'],
      ['m2', 'agent', '您好！我们正在查询物流信息 🚚\n请稍等', true, '2026-10-05 01:20'],
      ['m4', 'bot', '안녕하세요 🤖', false, '2026-10-05 03:00'],
      ['m5', 'agent', 'OK', null, '2026-10-05 04:00'],
    ]);
    expect(JSON.parse(messages[0]!._extra as string)).toEqual({ attachments: '[{"name":"photo.jpg"}]' });

    const orders = await db.all(
      `select order_number, quantity, item_price::varchar as price, currency, ship_country, customer_name, platform, ` +
        `strftime(created_at, '%Y-%m-%d %H:%M') as created_at from ${parquet('orders')} order by 1`,
    );
    expect(orders).toEqual([
      { order_number: '01-12345-67890', quantity: '2', price: '25.5000', currency: 'GBP', ship_country: 'DE', customer_name: 'Müller 🧔', platform: 'ebay', created_at: '2026-07-01 09:00' },
      { order_number: '01-12345-67891', quantity: '1', price: '9.9900', currency: 'GBP', ship_country: 'FR', customer_name: 'Zoë', platform: 'ebay', created_at: '2026-07-15 07:00' },
    ]);
  });

  it('records every file in the _files inventory and state, and reports unreadable files without stopping the others', async () => {
    const inventory = await db.all(`select _file, entity, status, encoding, rows::int as rows, quarantined::int as q from ${parquet('_files')} order by _file`);
    expect(inventory.map((r) => [r._file, r.status, r.encoding, r.rows, r.q])).toEqual([
      ['amazon/reviews-us-2026-10.csv', 'loaded', 'utf-8', 3, 8],
      ['cn/亚马逊评论-2026年10月.csv', 'loaded', 'gb18030', 3, 1],
      ['messages-2026-10.ndjson', 'loaded', 'utf-8', 4, 3],
      ['notes.csv', 'rejected', null, 0, 0],
      ['orders/broken.xlsx', 'rejected', null, 0, 0],
      ['orders/ebay-orders.xlsx', 'loaded', null, 2, 2],
      ['returns/retouren-de.tsv', 'loaded', 'utf-8', 2, 3],
      ['reviews-missing-columns.csv', 'rejected', 'utf-8', 0, 0],
    ]);
    expect(first.status).toBe('completed');
    expect(first.warnings).toHaveLength(3);
    expect(first.warnings!.join('\n')).toMatch(/notes\.csv was not loaded: no mapping rule matches/);
    expect(first.warnings!.join('\n')).toMatch(/orders\/broken\.xlsx was not loaded: not a readable XLSX workbook/);
    expect(first.warnings!.join('\n')).toMatch(/reviews-missing-columns\.csv was not loaded: missing required reviews column\(s\)/);
    const state = JSON.parse(readFileSync(join(lake, '_state', 'files.json'), 'utf8'));
    expect(Object.keys(state.streams._files.files)).toHaveLength(8);
    expect(readdirSync(join(lake, '_tmp'))).toEqual([]);
  });
});

describe('file exports: later runs', () => {
  it('loads nothing new when no file changed', async () => {
    const before = lakeFiles();
    const again = await run();
    expect(again.streams.map((s) => [s.stream, s.rows, s.quarantined, s.files])).toEqual([
      ['reviews', 0, 0, 0],
      ['returns', 0, 0, 0],
      ['orders', 0, 0, 0],
      ['conversations', 0, 0, 0],
      ['messages', 0, 0, 0],
    ]);
    expect(again.warnings).toBeUndefined();
    expect(lakeFiles()).toEqual(before);
  });

  it('loads a changed file again, and staging can keep only its latest version', async () => {
    writeFileSync(
      join(inbox, 'amazon', 'reviews-us-2026-10.csv'),
      AMAZON_CSV([
        'R1AAA,B0C1234567,4,Great charger (edited),"Works fine, fast shipping",Jane D.,Yes,10/05/2026 14:30,112-1234567-1234567,5',
        'R1AAM,B0C7654321,3,New one,text,Max,Yes,10/20/2026 10:00,,0',
      ]),
    );
    const changed = await run();
    expect(changed.streams.find((s) => s.stream === 'reviews')).toMatchObject({ rows: 2, quarantined: 0, files: 1 });
    expect(changed.streams.filter((s) => s.stream !== 'reviews').every((s) => s.files === 0)).toBe(true);

    // The lake is append-only: both versions are there, told apart by _file_sha256 and _load_id.
    const versions = await db.all(
      `select count(distinct _file_sha256)::int as hashes, count(distinct _load_id)::int as loads from ${parquet('reviews')} where _file = 'amazon/reviews-us-2026-10.csv'`,
    );
    expect(versions).toEqual([{ hashes: 2, loads: 2 }]);

    // What staging does: each file's current version is its latest loaded _files row; keep the rows of that load.
    const current = await db.all<{ review_id: string; rating: string; title: string; _load_id: string }>(
      `with current_files as (select _file, max(_load_id) as _load_id from ${parquet('_files')} where status = 'loaded' group by _file) ` +
        `select review_id, rating, title, _load_id from ${parquet('reviews')} as reviews ` +
        `inner join current_files using (_file, _load_id) order by _file, _line`,
    );
    expect(current.map((r) => [r.review_id, r.rating, r.title])).toEqual([
      ['R1AAA', '4', 'Great charger (edited)'],
      ['R1AAM', '3', 'New one'],
      ['CN-R001', '5', '非常好'],
      ['CN-R002', '1', '差评'],
      ['CN-R003', '3', '一般'],
    ]);
    expect(current[0]!._load_id).toBe(changed.load_id);
    expect(current[2]!._load_id).toBe(first.load_id);
  });

  it('keeps the previous rows of a file whose new version cannot be read, and says so', async () => {
    writeFileSync(join(inbox, 'cn', '亚马逊评论-2026年10月.csv'), iconv.encode('编号,内容\r\nX,坏了\r\n', 'gbk'));
    const broken = await run();
    expect(broken.warnings).toEqual([expect.stringMatching(/^cn\/亚马逊评论-2026年10月\.csv was not loaded: missing required reviews column\(s\) review_id, marketplace_country, rating, created_at/)]);
    const current = await db.all(
      `with current_files as (select _file, max(_load_id) as _load_id from ${parquet('_files')} where status = 'loaded' group by _file) ` +
        `select review_id from ${parquet('reviews')} inner join current_files using (_file, _load_id) where _file like 'cn/%' order by 1`,
    );
    expect(current.map((r) => r.review_id)).toEqual(['CN-R001', 'CN-R002', 'CN-R003']);
  });

  it('reads a file again when its mapping rule changes, and everything on --full-refresh', async () => {
    settings = {
      ...settings,
      mapping: parseMapping(
        JSON.stringify({ files: MAPPING.files.map((r) => (r.entity === 'returns' ? { ...r, constants: { ...r.constants, marketplace_country: 'AT' } } : r)) }),
        'edited mapping',
      ),
    };
    const edited = await run();
    expect(edited.streams.filter((s) => s.files > 0).map((s) => [s.stream, s.rows])).toEqual([['returns', 2]]);
    const full = await run(true);
    expect(full.streams.reduce((n, s) => n + s.files, 0)).toBe(7); // + notes.csv, which has no entity
    const reread = await db.all(`select count(*)::int as n from ${parquet('_files')} where _load_id = $id`, { id: full.load_id });
    expect(reread).toEqual([{ n: 8 }]);
  });
});

describe('file exports: wiring', () => {
  it('is registered as source "files" and takes its folder and mapping from the environment', () => {
    const mappingPath = join(root, 'mapping.json');
    writeFileSync(mappingPath, JSON.stringify(MAPPING));
    const saved = { dir: process.env.CSW_FILES_DIR, mapping: process.env.CSW_FILES_MAPPING };
    process.env.CSW_FILES_DIR = inbox;
    process.env.CSW_FILES_MAPPING = mappingPath;
    try {
      const source = createSource('files', loadConfig({}));
      expect(source.name).toBe('files');
      expect(source.streams.map((s) => s.name)).toEqual(['reviews', 'returns', 'orders', 'conversations', 'messages']);
      process.env.CSW_FILES_MAPPING = join(root, 'missing.json');
      expect(() => createSource('files', loadConfig({}))).toThrow(/CSW_FILES_MAPPING points to .*missing\.json, which cannot be read/);
    } finally {
      for (const [key, value] of [['CSW_FILES_DIR', saved.dir], ['CSW_FILES_MAPPING', saved.mapping]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('refuses a mapping with an unknown entity or column in one sentence', () => {
    expect(() => parseMapping(JSON.stringify({ files: [{ match: '*.csv', entity: 'tickets' }] }), 'm.json')).toThrow(
      /m\.json is invalid: files\.0\.entity: use one of reviews, returns, orders, conversations, messages/,
    );
    expect(() => parseMapping(JSON.stringify({ files: [{ match: '*.csv', entity: 'reviews', columns: { Stars: 'stars' } }] }), 'm.json')).toThrow(
      /files\.0\.columns\.Stars: stars is not a reviews column/,
    );
  });
});

describe('file exports: the shipped example', () => {
  it('loads the example GBK Amazon review export with the example mapping', async () => {
    const examples = join(import.meta.dirname, '../../../extract/sources/files/examples');
    const exampleLake = join(root, 'example-lake');
    const load = await runSource(
      createFilesSource({ dir: join(examples, 'inbox'), mapping: parseMapping(readFileSync(join(examples, 'mapping.json'), 'utf8'), 'example') }),
      { db, lakeDir: exampleLake, log: silentLogger },
    );
    expect(load.warnings).toBeUndefined();
    const rows = await db.all(
      `select review_id, rating::int as rating, title, body, reviewer_name, verified_purchase, marketplace_country, ` +
        `strftime(created_at, '%Y-%m-%d %H:%M') as created_at, _line::int as line ` +
        `from read_parquet('${exampleLake}/raw/files/reviews/*/*.parquet') order by _line`,
    );
    expect(rows).toEqual([
      { review_id: 'R2K7Q9X1', rating: 5, title: '充电很快', body: '充电速度很快，做工也不错。', reviewer_name: '王先生', verified_purchase: true, marketplace_country: 'US', created_at: '2026-10-02 16:00', line: 2 },
      { review_id: 'R3M8P2Z4', rating: 2, title: '用了一周就坏了', body: '第一周还好，后来接触不良。\n联系客服三天没回复。', reviewer_name: 'Li Na', verified_purchase: true, marketplace_country: 'DE', created_at: '2026-10-05 13:40', line: 3 },
      { review_id: 'R1J5T6W8', rating: 4, title: '还可以', body: '线有点短', reviewer_name: '小张', verified_purchase: false, marketplace_country: 'JP', created_at: '2026-10-07 16:00', line: 5 },
    ]);
  });
});

describe('file exports: the line tagger', () => {
  it('finds the same records and lines whatever the chunk boundaries', async () => {
    const text = Buffer.from(AMAZON_CSV(AMAZON_ROWS).slice(1).replaceAll('\n', '\r\n'));
    const tag = async (chunkSize: number) => {
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.subarray(i, i + chunkSize));
      const out = join(root, `tagged-${chunkSize}.csv`);
      const result = await tagLines(Readable.from(chunks), out, { mode: 'delimited', delimiter: ',', quote: '"', escape: '"', headerRow: 1 });
      return { result, text: readFileSync(out, 'utf8') };
    };
    const whole = await tag(text.length);
    expect(whole.result.records).toBe(10); // lines 2, 3-5, 6 .. 13; 14-15 never close their quote
    expect(whole.result.broken.map((b) => b.line)).toEqual([14]);
    expect(whole.text.split('\n').slice(1, 4)).toEqual([
      '2,R1AAA,B0C1234567,5,Great charger,"Works fine, fast shipping",Jane D.,Yes,10/05/2026 14:30,112-1234567-1234567,3',
      '3,R1AAB,B0C1234567,2,"Stopped ""working""","Line one\r',
      'Line two\r',
    ]);
    for (const size of [1, 2, 3, 7, 64]) expect(await tag(size)).toEqual(whole);
  });
});

describe('file exports: every class of bad input, through `npm run extract`', () => {
  it('quarantines each with its reason, keeps what a documented rule handles, and counts them in the run summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csw-bad-input-'));
    const drop = join(dir, 'inbox');
    mkdirSync(drop, { recursive: true });
    const longName = '长'.repeat(100_000);
    const rows = [
      'order_number,platform,product_sku,created_at,quantity,item_price,currency,customer_name,order_status',
      'A-1,amazon,SKU-1,2026-10-01 08:00,1,10.00,EUR,王小明 🛒,Shipped', // no zone: UTC (the rule's time_zone)
      'A-2,amazon,SKU-1,2026-10-01,1,10.00,EUR,x,Shipped,extra', // malformed
      'A-3,amazon,SKU-1,2026-10-01,two,10.00,EUR,x,Shipped', // wrong type
      ',amazon,SKU-1,2026-10-01,1,10.00,EUR,x,Shipped', // missing key
      'A-1,amazon,SKU-1,2026-10-02,1,12.00,EUR,x,Shipped', // duplicate of line 2
      'A-4,amazon,SKU-1,2031-10-01,1,10.00,EUR,x,Shipped', // future date
      'A-5,amazon,SKU-1,2026-10-01,1,-10.00,EUR,x,Refunded', // negative amount
      'A-6,amazon,SKU-1,2026-10-01,1,25000000.00,EUR,x,Shipped', // absurd amount
      'A-7,amazon,SKU-1,2026-10-01,1,10.00,RMB,x,Shipped', // unknown currency
      'A-8,amazon,SKU-1,2026-10-01,1,10.00,EUR,' + longName + ',Shipped', // very long text: kept whole
    ];
    writeFileSync(join(drop, 'orders-bad.csv'), rows.join('\n') + '\n');
    // a GBK export with no rule: the encoding is detected
    writeFileSync(join(drop, 'orders-gbk.csv'), iconv.encode(rows[0] + '\nB-1,tmall,SKU-9,2026-10-03,2,99.00,CNY,张伟,已发货\n', 'gbk'));
    const env = { CSW_DATA_DIR: join(dir, 'data'), CSW_LOG_DIR: join(dir, 'logs'), CSW_SOURCES: 'files', CSW_FILES_DIR: drop };
    const result = await runScript('extract', ['--source', 'files'], env);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // the summary counts them: 3 orders landed, 8 quarantined
    expect(result.stdout).toMatch(/files\.orders\s+3\s+8\b/);
    expect(result.stdout).toMatch(/8 files\.orders record\(s\) failed validation and were quarantined/);
    const raw = join(env.CSW_DATA_DIR, 'lake', 'raw', 'files');
    const quarantine = await db.all<{ _line: number; reason: string }>(
      `select _line::int as _line, reason from read_parquet('${raw}/_quarantine/*/*.parquet') order by _line`,
    );
    expect(quarantine).toEqual([
      { _line: 3, reason: 'too many columns (the header has 9)' },
      { _line: 4, reason: 'quantity: "two" is not a whole number' },
      { _line: 5, reason: 'order_number: required value missing' },
      { _line: 6, reason: 'duplicate key (platform, order_number, product_sku): the same as on line 2' },
      { _line: 7, reason: 'created_at: 2031-10-01 00:00 (UTC) is in the future' },
      { _line: 8, reason: 'item_price: -10.0000 is outside 0..1000000' },
      { _line: 9, reason: 'item_price: 25000000.0000 is outside 0..1000000' },
      { _line: 10, reason: 'currency: "RMB" is not an ISO 4217 currency code' },
    ]);
    const landed = await db.all<{ order_number: string; customer_name: string; created_at: string; name_length: number }>(
      `select order_number, left(customer_name, 12) as customer_name, strftime(created_at, '%Y-%m-%d %H:%M') as created_at, length(customer_name)::int as name_length
       from read_parquet('${raw}/orders/*/*.parquet') order by 1`,
    );
    expect(landed).toEqual([
      { order_number: 'A-1', customer_name: '王小明 🛒', created_at: '2026-10-01 08:00', name_length: 5 },
      { order_number: 'A-8', customer_name: '长'.repeat(12), created_at: '2026-10-01 00:00', name_length: 100_000 },
      { order_number: 'B-1', customer_name: '张伟', created_at: '2026-10-03 00:00', name_length: 2 },
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});
