/**
 * Writes a delimited or NDJSON text stream (UTF-8 bytes) to a temporary file that DuckDB reads, with the line
 * number where each record starts put in front of it as a first field `_line`.
 *
 * Why: DuckDB's CSV reader numbers records, not lines (a review body with line breaks is one record over several
 * lines), and cannot say which line a row it accepted came from. The tagger finds record boundaries with the same
 * rules as DuckDB's strict reader (a quote opens a field only at the start of the field; inside quotes the
 * escape, by default a doubled quote, escapes; a line feed outside quotes ends the record) and does not parse
 * fields otherwise: splitting fields, checking their count and casting stay in DuckDB. It also
 * - skips the lines above the header row and blank lines;
 * - keeps a record that never closes its quote out of the temporary file and reports it (DuckDB would silently
 *   swallow the rest of the file into it);
 * - refuses a record longer than 16 MB (it holds one record at a time, so memory stays bounded).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
/** Field separator of the tagged NDJSON file: a byte valid JSON never contains. */
export const NDJSON_SEPARATOR = '\x1f';

export interface TagOptions {
  mode: 'delimited' | 'ndjson';
  delimiter: string;
  /** '' for none. */
  quote: string;
  escape: string;
  /** 1-based line of the header (delimited only). */
  headerRow: number;
}

export interface BrokenRecord {
  line: number;
  reason: string;
  payload: string;
}

export interface TagResult {
  /** Header fields (delimited; null when the file ends before its header row). NDJSON: null. */
  header: string[] | null;
  records: number;
  broken: BrokenRecord[];
}

export class FileUnreadable extends Error {}

const LF = 0x0a;
const CR = 0x0d;

/** Splits one record into fields (for the header only; DuckDB splits the data). */
export function splitRecord(record: string, delimiter: string, quote: string, escape: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuote = false;
  let atStart = true;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i]!;
    if (inQuote) {
      if (ch === escape && escape !== quote) {
        field += record[++i] ?? '';
      } else if (ch === quote) {
        if (escape === quote && record[i + 1] === quote) {
          field += quote;
          i++;
        } else inQuote = false;
      } else field += ch;
    } else if (quote !== '' && ch === quote && atStart) {
      inQuote = true;
      atStart = false;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      atStart = true;
    } else {
      field += ch;
      atStart = false;
    }
  }
  fields.push(field.replace(/\r$/, ''));
  return fields;
}

export async function tagLines(input: Readable, outPath: string, options: TagOptions): Promise<TagResult> {
  const out = createWriteStream(outPath);
  const ndjson = options.mode === 'ndjson';
  const D = ndjson ? NDJSON_SEPARATOR : options.delimiter;
  const d = D.charCodeAt(0);
  const q = !ndjson && options.quote !== '' ? options.quote.charCodeAt(0) : -1;
  const e = options.escape !== '' ? options.escape.charCodeAt(0) : q;
  const escapeIsQuote = e === q;
  const headerRow = ndjson ? 0 : options.headerRow;

  const result: TagResult = { header: null, records: 0, broken: [] };
  let line = 1;
  let recordLine = 1;
  let parts: Buffer[] = [];
  let size = 0;
  let inQuote = false;
  let quoteSeen = false; // inside quotes, a quote was just read (closing, or the first half of an escaped quote)
  let escapeNext = false;
  let fieldStart = true;
  let pending: Buffer[] = [];
  let lastByte = -1;
  let pendingBytes = 0;

  const write = async (force = false) => {
    if (pendingBytes === 0 || (!force && pendingBytes < 1 << 20)) return;
    const buf = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    if (!out.write(buf)) await once(out, 'drain');
  };
  const push = (buf: Buffer) => {
    pending.push(buf);
    pendingBytes += buf.length;
  };

  const endRecord = () => {
    let body = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    if (body.length > 0 && body[body.length - 1] === CR) body = body.subarray(0, body.length - 1); // CRLF files
    parts = [];
    size = 0;
    const start = recordLine;
    if (start < headerRow) return;
    if (start === headerRow) {
      result.header = splitRecord(body.toString('utf8'), D, options.quote, options.escape || options.quote);
      push(Buffer.from(`_line${D}`));
      push(body);
      push(Buffer.from('\n'));
      return;
    }
    if (/^\s*$/.test(body.toString('latin1'))) return; // blank line
    result.records++;
    push(Buffer.from(`${start}${D}`));
    push(body);
    push(Buffer.from('\n'));
  };

  try {
    if (ndjson) push(Buffer.from(`_line${D}json\n`));
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (chunk.length > 0) lastByte = chunk[chunk.length - 1]!;
      let segStart = 0;
      const quoting = q >= 0;
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (inQuote && recordLine >= headerRow) {
          if (escapeNext) {
            escapeNext = false;
            if (b === LF) line++;
            continue;
          }
          if (quoteSeen) {
            quoteSeen = false;
            if (b === q) continue; // escaped quote ("")
            inQuote = false; // the previous quote closed the field: read this byte outside quotes
          } else {
            if (b === LF) line++;
            else if (b === q) {
              if (escapeIsQuote) quoteSeen = true;
              else inQuote = false;
            } else if (b === e) escapeNext = true;
            continue;
          }
        }
        if (b === LF) {
          parts.push(chunk.subarray(segStart, i));
          segStart = i + 1;
          endRecord();
          line++;
          recordLine = line;
          fieldStart = true;
        } else if (quoting && b === q && fieldStart && recordLine >= headerRow) {
          inQuote = true;
          fieldStart = false;
        } else if (b === d) {
          fieldStart = true;
        } else if (b !== CR) {
          fieldStart = false;
        }
      }
      if (segStart < chunk.length) {
        const rest = chunk.subarray(segStart);
        parts.push(rest);
        size += rest.length;
        if (size > MAX_RECORD_BYTES) {
          throw new FileUnreadable(
            `the record starting on line ${recordLine} is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB` +
              (inQuote ? ' (probably a quote that is never closed)' : '') +
              ': check the file and its delimiter and quote settings',
          );
        }
      }
      await write();
    }
    if (inQuote && !quoteSeen) {
      const lastLine = lastByte === LF ? line - 1 : line;
      const body = Buffer.concat(parts).toString('utf8');
      result.broken.push({
        line: recordLine,
        reason: `unterminated quoted field: the quote opened on line ${recordLine} is never closed (lines ${recordLine}-${lastLine} skipped)`,
        payload: body.slice(0, 2000),
      });
    } else if (parts.length > 0) {
      endRecord();
    }
    await write(true);
  } finally {
    out.end();
    await once(out, 'close');
  }
  return result;
}
