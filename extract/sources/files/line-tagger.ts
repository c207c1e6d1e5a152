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
  let lastByte = -1;

  // Output goes through a preallocated buffer (records are copied in, never turned into strings).
  const OUT_SIZE = 1 << 20;
  let outBuf = Buffer.allocUnsafe(OUT_SIZE);
  let outPos = 0;
  let full: Buffer[] = [];
  const room = (n: number) => {
    if (outPos + n <= outBuf.length) return;
    if (outPos > 0) full.push(outBuf.subarray(0, outPos));
    outBuf = Buffer.allocUnsafe(Math.max(OUT_SIZE, n));
    outPos = 0;
  };
  const putBytes = (buf: Buffer) => {
    room(buf.length);
    outPos += buf.copy(outBuf, outPos);
  };
  const putText = (text: string) => {
    room(text.length * 3);
    outPos += outBuf.write(text, outPos, 'utf8');
  };
  const write = async (force = false) => {
    if (force && outPos > 0) {
      full.push(outBuf.subarray(0, outPos));
      outBuf = Buffer.allocUnsafe(OUT_SIZE);
      outPos = 0;
    }
    const buffers = full;
    full = [];
    for (const buf of buffers) if (!out.write(buf)) await once(out, 'drain');
  };

  /** Ends the record made of `parts` plus `chunk[from, to)`, copying it straight from the chunk when it is whole there. */
  const endRecord = (chunk: Buffer, from: number, to: number) => {
    let body: Buffer = chunk;
    if (parts.length > 0) {
      parts.push(chunk.subarray(from, to));
      body = Buffer.concat(parts);
      from = 0;
      to = body.length;
      parts = [];
    }
    size = 0;
    if (to > from && body[to - 1] === CR) to--; // CRLF files
    const start = recordLine;
    if (start < headerRow) return;
    if (start === headerRow) {
      result.header = splitRecord(body.toString('utf8', from, to), D, options.quote, options.escape || options.quote);
      putText(`_line${D}`);
      putBytes(body.subarray(from, to));
      putText('\n');
      return;
    }
    let blank = true;
    for (let k = from; k < to && blank; k++) {
      const b = body[k]!;
      if (b !== 0x20 && b !== 0x09 && b !== CR) blank = false;
    }
    if (blank) return;
    result.records++;
    const prefix = `${start}${D}`;
    room(prefix.length + (to - from) + 1);
    outPos += outBuf.write(prefix, outPos, 'latin1');
    outPos += body.copy(outBuf, outPos, from, to);
    outBuf[outPos++] = LF;
  };

  try {
    if (ndjson) putText(`_line${D}json\n`);
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (chunk.length > 0) lastByte = chunk[chunk.length - 1]!;
      let segStart = 0;
      const quoting = q >= 0;
      const len = chunk.length;
      // The scan jumps from one interesting byte to the next with indexOf (memchr) instead of visiting every
      // byte: outside quotes the next line feed or quote, inside quotes the next quote. `qPos` caches the next
      // quote at or after `i` (-1: none left in this chunk).
      let qPos = quoting ? chunk.indexOf(q) : -1;
      let i = 0;
      while (i < len) {
        const dataPhase = recordLine >= headerRow;
        if (inQuote && dataPhase) {
          if (escapeNext) {
            escapeNext = false;
            if (chunk[i] === LF) line++;
            i++;
            continue;
          }
          if (quoteSeen) {
            quoteSeen = false;
            if (chunk[i] === q) {
              i++; // escaped quote ("")
              continue;
            }
            inQuote = false; // the previous quote closed the field: read this byte outside quotes
          } else if (escapeIsQuote) {
            if (qPos !== -1 && qPos < i) qPos = chunk.indexOf(q, i);
            const end = qPos === -1 ? len : qPos;
            for (let lf = chunk.indexOf(LF, i); lf !== -1 && lf < end; lf = chunk.indexOf(LF, lf + 1)) line++;
            if (qPos === -1) {
              i = len;
              continue;
            }
            quoteSeen = true;
            i = qPos + 1;
            continue;
          } else {
            const b = chunk[i]!;
            if (b === LF) line++;
            else if (b === q) inQuote = false;
            else if (b === e) escapeNext = true;
            i++;
            continue;
          }
        }
        const lfPos = chunk.indexOf(LF, i);
        if (qPos !== -1 && qPos < i) qPos = chunk.indexOf(q, i);
        const quoteFirst = quoting && dataPhase && qPos !== -1 && (lfPos === -1 || qPos < lfPos);
        const stop = quoteFirst ? qPos : lfPos;
        if (stop === -1) {
          if (len > i) fieldStart = chunk[len - 1] === d;
          i = len;
          continue;
        }
        if (stop > i) fieldStart = chunk[stop - 1] === d;
        if (quoteFirst) {
          inQuote = fieldStart; // a quote opens a field only at its start; elsewhere it is text
          fieldStart = false;
          i = stop + 1;
          continue;
        }
        endRecord(chunk, segStart, stop);
        segStart = stop + 1;
        line++;
        recordLine = line;
        fieldStart = true;
        i = stop + 1;
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
      endRecord(Buffer.alloc(0), 0, 0);
    }
    await write(true);
  } finally {
    out.end();
    await once(out, 'close');
  }
  return result;
}
