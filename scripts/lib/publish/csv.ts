/**
 * The published CSV files, made for Excel and FineBI with Chinese (and any other) text.
 *
 * Encoding: **UTF-8 with a byte-order mark** (EF BB BF). UTF-8 holds every language the shop serves; the BOM is
 * what makes Excel read the file as UTF-8 when it is opened by double-click. Without it Excel falls back to the
 * system's ANSI code page (GBK / code page 936 on a Chinese Windows, Windows-1252 on a western one) and garbles
 * every non-ASCII character. FineBI's file import offers an encoding choice and handles UTF-8; a BOM-marked file
 * also lets tools that sniff the encoding pick UTF-8 without guessing. (GBK would suit Chinese Excel only and
 * cannot hold every character the data may carry, e.g. Japanese or accented names.)
 *
 * DuckDB 1.5's `COPY ... (format csv)` has no BOM option and no `encoding` for writing, and its PREFIX/SUFFIX options
 * cannot be combined with HEADER, so the BOM rides in the header: the COPY renames the first column to U+FEFF followed
 * by its name, which DuckDB writes unquoted at the very start of the file (one pass). A first name DuckDB would quote
 * (a comma, a quote, a line break in it) would put the quote first: then the body is written apart and streamed
 * behind the BOM.
 *
 * Values, chosen so that Excel and FineBI parse them without a wizard:
 * - delimiter `,`, quote `"` (doubled inside quoted values), header row, lines end with `\n`;
 * - null: an empty field (indistinguishable from an empty string, as in any CSV);
 * - timestamps: `YYYY-MM-DD HH:MM:SS` in UTC (the `_at` columns; the `_at_local` ones in their local zone),
 *   whole seconds: Excel and FineBI both read this as a date-time (Parquet keeps any sub-second part);
 * - dates: `YYYY-MM-DD`;
 * - booleans: `true` / `false` (Excel shows TRUE / FALSE; FineBI imports them as a text dimension);
 * - numbers: `.` as the decimal separator, no thousands separator, money with its two decimals.
 */
import { createReadStream, createWriteStream, rmSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { sqlIdentifier, sqlLiteral, type Db } from '../../../extract/core/duckdb.ts';

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** How the published CSV files are written: recorded in the publication manifest. */
export const CSV_FORMAT = {
  encoding: 'UTF-8 with byte-order mark',
  delimiter: ',',
  quote: '"',
  header: true,
  newline: '\n',
  null: '',
  timestamp_format: 'YYYY-MM-DD HH:MM:SS',
  date_format: 'YYYY-MM-DD',
  boolean: ['true', 'false'],
  decimal_separator: '.',
} as const;

/** The options of DuckDB's COPY that produce the format above (all but the BOM). */
export const CSV_COPY_OPTIONS =
  `format csv, header true, delimiter ',', quote '"', escape '"', nullstr '', ` +
  `dateformat '%Y-%m-%d', timestampformat '%Y-%m-%d %H:%M:%S'`;

/** Writes `select * from <table>` (a quoted, qualified table name) as a published CSV file at `path`. */
export async function writeCsv(db: Db, table: string, path: string): Promise<void> {
  const [first] = await db.all<{ column_name: string }>(`select column_name from (describe ${table}) limit 1`);
  if (first && !/[,"\r\n]/.test(first.column_name)) {
    // the header's first name goes out unquoted: the BOM renamed into it is the file's first three bytes
    const renamed = sqlIdentifier(`\uFEFF${first.column_name}`);
    await db.run(`copy (select * rename (${sqlIdentifier(first.column_name)} as ${renamed}) from ${table}) to ${sqlLiteral(path)} (${CSV_COPY_OPTIONS})`);
    return;
  }
  // a first name DuckDB must quote (or no column): the body written apart, then streamed behind the BOM
  const body = `${path}.body`;
  try {
    await db.run(`copy ${table} to ${sqlLiteral(body)} (${CSV_COPY_OPTIONS})`);
    writeFileSync(path, UTF8_BOM);
    await pipeline(createReadStream(body), createWriteStream(path, { flags: 'a' }));
  } finally {
    rmSync(body, { force: true });
  }
}
