/**
 * Reading a dropped file as bytes: its SHA-256 and, when the encoding is `auto`, which encoding it is, in one
 * streaming pass (a file is never held whole in memory); then a UTF-8 byte stream of its text for the loader.
 *
 * Auto-detection: a UTF-16 byte-order mark (Excel's "Unicode text" export) -> UTF-16LE/BE; else valid UTF-8 (with
 * or without a BOM) -> UTF-8; else GB18030, the superset of GBK and GB2312 that Chinese Windows and marketplace
 * seller centres write. A Western single-byte file (Windows-1252) would be misread as GB18030: give its
 * `encoding` in the mapping.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { pipeline, Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';

export interface FileFingerprint {
  sha256: string;
  bytes: number;
  /** Encoding when `auto` was asked (else the one configured), normalised: `utf-8`, `gb18030`, `utf-16le`, ... */
  encoding: string;
}

/** Length of an incomplete UTF-8 sequence at the end of `buf` (0..3), to carry into the next chunk. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const byte = buf[buf.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** SHA-256 of the file, its size, and its encoding (detected when `configured` is `auto`). */
export async function fingerprintFile(path: string, configured: string): Promise<FileFingerprint> {
  const hash = createHash('sha256');
  const auto = configured.toLowerCase() === 'auto';
  let utf8 = auto;
  let first = true;
  let bom: string | undefined;
  let carry = Buffer.alloc(0);
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (first) {
      first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) bom = 'utf-16le';
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) bom = 'utf-16be';
    }
    if (utf8 && !bom) {
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const tail = incompleteTail(buf);
      if (!isUtf8(buf.subarray(0, buf.length - tail))) utf8 = false;
      carry = Buffer.from(buf.subarray(buf.length - tail));
    }
  }
  if (carry.length > 0) utf8 = false;
  let encoding = normaliseEncoding(configured);
  if (auto) encoding = bom ?? (utf8 ? 'utf-8' : 'gb18030');
  return { sha256: hash.digest('hex'), bytes, encoding };
}

export function normaliseEncoding(name: string): string {
  const lower = name.toLowerCase();
  return lower === 'utf8' ? 'utf-8' : lower;
}

export function encodingSupported(name: string): boolean {
  return name === 'auto' || iconv.encodingExists(name);
}

/** Drops a leading UTF-8 byte-order mark. */
function stripUtf8Bom(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      done(null, chunk);
    },
  });
}

/** The file's text as a UTF-8 byte stream without a byte-order mark, converted chunk by chunk. */
export function utf8Stream(path: string, encoding: string): Readable {
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  // pipeline() destroys the last stream with the first error, so a reader of it sees read and decode errors.
  const ignore = () => {};
  if (encoding === 'utf-8') return pipeline(input, stripUtf8Bom(), ignore);
  // iconv-lite decodes to strings (removing a BOM); re-encode each piece to UTF-8 bytes.
  const toBytes = new Transform({
    writableObjectMode: true,
    transform(text: string, _enc, done) {
      done(null, Buffer.from(text, 'utf8'));
    },
  });
  return pipeline(input, iconv.decodeStream(encoding), toBytes, ignore);
}
