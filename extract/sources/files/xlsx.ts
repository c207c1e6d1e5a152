/**
 * XLSX to the tagged CSV the loader reads (`line-tagger.ts` format: first field `_line` = the sheet row), one
 * row at a time with exceljs' streaming reader, so a big workbook is never held in memory.
 *
 * Cells become text as a user sees them: numbers in JavaScript's shortest form, booleans `true`/`false`, rich
 * text joined, formulas their cached result, errors their code (`#N/A`, a bad row if the column is typed), and
 * real Excel dates `YYYY-MM-DD HH:MM:SS` (Excel dates have no zone: the rule's `time_zone` applies to them as to
 * any zone-less timestamp). Cells right of the header are ignored; empty rows are skipped.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { FileUnreadable, type TagResult } from './line-tagger.ts';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: string }) => r.text ?? '').join('');
    if ('result' in v) return cellText(v.result);
    if ('error' in v) return String(v.error);
    if ('text' in v) return cellText(v.text);
  }
  return String(value);
}

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

export async function xlsxToTaggedCsv(
  path: string,
  outPath: string,
  options: { sheet?: string; headerRow: number },
): Promise<TagResult & { sheet: string }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const out = createWriteStream(outPath);
  const result: TagResult & { sheet: string } = { header: null, records: 0, broken: [], sheet: '' };
  const seen: string[] = [];
  let found = false;
  let pending: string[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      if (found || (options.sheet !== undefined && name !== options.sheet)) {
        // Read a skipped sheet to its end: exceljs may have parked it in a temporary file, which it deletes as soon
        // as we move on, while the stream it opened on it is still opening (an uncaught ENOENT otherwise).
        for await (const _row of worksheet) void _row;
        continue;
      }
      found = true;
      result.sheet = name;
      let width = 0;
      for await (const row of worksheet) {
        const values = (row.values ?? []) as unknown[];
        if (row.number < options.headerRow) continue;
        if (row.number === options.headerRow) {
          const header = values.slice(1).map(cellText);
          while (header.length > 0 && header[header.length - 1]!.trim() === '') header.pop();
          width = header.length;
          result.header = header;
          pending.push(['_line', ...header].map(quoted).join(',') + '\n');
          continue;
        }
        if (width === 0) continue;
        const cells: string[] = [];
        for (let c = 1; c <= width; c++) cells.push(cellText(values[c]));
        if (cells.every((cell) => cell.trim() === '')) continue;
        result.records++;
        pending.push(String(row.number) + ',' + cells.map(quoted).join(',') + '\n');
        if (pending.length >= 1000) await flush();
      }
    }
    await flush();
  } catch (error) {
    if (error instanceof FileUnreadable) throw error;
    throw new FileUnreadable(`not a readable XLSX workbook (${(error as Error).message})`);
  } finally {
    out.end();
    await once(out, 'close');
  }
  if (!found) {
    throw new FileUnreadable(
      options.sheet !== undefined
        ? `the workbook has no sheet named "${options.sheet}" (its sheets: ${seen.join(', ') || 'none'})`
        : 'the workbook has no sheet',
    );
  }
  return result;
}
