/**
 * Loads one dropped file into the lake, through DuckDB:
 *
 * 1. text -> a UTF-8 temporary file with each record's line number in front (`line-tagger.ts`; XLSX through
 *    `xlsx.ts`), converting the encoding as it streams;
 * 2. DuckDB `read_csv` of that file with every column VARCHAR and explicit options (no sniffing), keeping the
 *    records it cannot split (wrong column count, stray quotes) in a rejects table; NDJSON is read as
 *    (`_line`, `json`) and its keys become the columns;
 * 3. `file-sql.ts` types the columns in SQL and gives each bad row its reasons;
 * 4. good rows -> `raw/files/<entity>/<date>/<load_id>-<n>.parquet`, bad rows (typed failures, rejected records,
 *    unterminated quotes) -> `raw/files/_quarantine/`, both with `_file`, `_file_sha256` and `_line`.
 *
 * A file that cannot be read at all throws `FileUnreadable` with the reason; the caller quarantines it whole.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../core/duckdb.ts';
import { sqlIdentifier as id, sqlLiteral as lit } from '../../core/duckdb.ts';
import type { LakeWriter } from '../../core/lake-writer.ts';
import { QUARANTINE_STREAM } from '../../core/runner.ts';
import type { ResolvedRule } from './config.ts';
import { contractOf, lakeType } from './contracts.ts';
import { encodingSupported, utf8Stream } from './encoding.ts';
import { payloadSql, planColumns, typedRowsSql } from './file-sql.ts';
import { FileUnreadable, MAX_RECORD_BYTES, NDJSON_SEPARATOR, tagLines, type TagResult } from './line-tagger.ts';
import { xlsxToTaggedCsv } from './xlsx.ts';

export const FILES_SOURCE = 'files';

export interface FileToLoad {
  absPath: string;
  /** Path inside the drop folder, `/`-separated: the `_file` of its rows. */
  relPath: string;
  sha256: string;
  encoding: string;
}

export interface FileLoadResult {
  rows: number;
  quarantined: number;
}

export interface LoadFileContext {
  db: Db;
  writer: LakeWriter;
  lakeDir: string;
  loadId: string;
  /** Unique per file in this load (temporary names). */
  seq: number;
}

/** Columns of a quarantine row of the file source, after the core's `stream`, `reason`, `payload`. */
export const QUARANTINE_SELECT = (stream: string, file: FileToLoad) =>
  `${lit(stream)} as stream, reason, payload, ${lit(file.relPath)} as _file, ${lit(file.sha256)} as _file_sha256, line as _line`;

/** Unique, non-empty column names for the headers (`column_3` for an empty one, `name_2` for a repeat). */
function uniqueHeaders(header: string[]): string[] {
  const seen = new Set(['_line']);
  return header.map((raw, i) => {
    let name = raw.trim() || `column_${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${raw.trim() || `column_${i + 1}`}_${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

export async function loadFile(ctx: LoadFileContext, file: FileToLoad, resolved: ResolvedRule): Promise<FileLoadResult> {
  const { db, writer } = ctx;
  const { rule, format } = resolved;
  const contract = contractOf(rule.entity)!;
  const tmpDir = join(ctx.lakeDir, '_tmp');
  mkdirSync(tmpDir, { recursive: true });
  const tagged = join(tmpDir, `${ctx.loadId}-files-${ctx.seq}.csv`);
  const n = `${ctx.seq}_${ctx.loadId.replace(/\W/g, '_')}`;
  const raw = `files_raw_${n}`;
  const lines = `files_lines_${n}`;
  const rejects = `files_rejects_${n}`;
  const scans = `files_scans_${n}`;
  const broken = `files_broken_${n}`;
  const typed = `files_typed_${n}`;
  const temps = [raw, lines, rejects, scans, broken, typed];
  try {
    // 1. tagged UTF-8 text
    let tag: TagResult;
    let delimiter = ',';
    let quote = '"';
    let escape = '"';
    if (format === 'xlsx') {
      tag = await xlsxToTaggedCsv(file.absPath, tagged, { sheet: rule.sheet, headerRow: rule.header_row });
    } else {
      if (!encodingSupported(file.encoding)) throw new FileUnreadable(`unknown encoding "${file.encoding}": use an iconv-lite name such as utf-8, gbk or gb18030`);
      delimiter = rule.delimiter ?? (format === 'tsv' ? '\t' : ',');
      quote = rule.quote ?? (format === 'tsv' ? '' : '"');
      escape = quote === '' ? '' : (rule.escape ?? quote);
      tag = await tagLines(utf8Stream(file.absPath, file.encoding), tagged, {
        mode: format === 'ndjson' ? 'ndjson' : 'delimited',
        delimiter,
        quote,
        escape,
        headerRow: rule.header_row,
      });
    }

    // 2. raw VARCHAR columns (+ rejects)
    const csvOptions = (columns: string[], delim: string, q: string, e: string) =>
      `columns = {${['_line', ...columns].map((c, i) => `${lit(c)}: ${i === 0 ? "'BIGINT'" : "'VARCHAR'"}`).join(', ')}}, ` +
      `header = true, delim = ${lit(delim)}, quote = ${lit(q)}, escape = ${lit(e)}, auto_detect = false, strict_mode = true, ` +
      `max_line_size = ${MAX_RECORD_BYTES + 1024}, store_rejects = true, rejects_table = ${lit(rejects)}, rejects_scan = ${lit(scans)}`;
    let headers: string[];
    let rejectReason: string;
    if (format === 'ndjson') {
      await db.run(
        `create temp table ${lines} as select *, coalesce(case when json_valid(json) then json_type(json) = 'OBJECT' end, false) as _ok ` +
          `from read_csv(${lit(tagged)}, ${csvOptions(['json'], NDJSON_SEPARATOR, '', '')})`,
      );
      await db.run(
        `create temp table ${broken} as select _line as line, 'not a JSON object' as reason, json as payload from ${lines} where not _ok`,
      );
      const keys = await db.all<{ k: string }>(
        `select k from (select unnest(json_keys(json)) as k, _line from ${lines} where _ok) group by k order by min(_line), k`,
      );
      headers = keys.map((r) => r.k);
      const cols = headers.map(
        (k) => `json_extract_string(json, ${lit(`$."${k.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)}) as ${id(k)}`,
      );
      await db.run(`create temp table ${raw} as select _line${cols.map((c) => ', ' + c).join('')} from ${lines} where _ok`);
      rejectReason = `'not a JSON object per line (' || lower(error_type) || ')'`;
    } else {
      if (tag.header === null) throw new FileUnreadable(`the file ends before its header row (line ${rule.header_row})`);
      headers = uniqueHeaders(tag.header);
      await db.run(`create temp table ${raw} as select * from read_csv(${lit(tagged)}, ${csvOptions(headers, delimiter, quote, escape)})`);
      await db.run(`create temp table ${broken} (line bigint, reason varchar, payload varchar)`);
      rejectReason =
        `case error_type when 'MISSING COLUMNS' then 'too few columns (the header has ${headers.length})' ` +
        `when 'TOO MANY COLUMNS' then 'too many columns (the header has ${headers.length})' ` +
        `else lower(error_type) || ': ' || regexp_replace(error_message, '\\s+', ' ', 'g') end`;
    }
    for (const b of tag.broken) {
      await db.run(`insert into ${broken} values ($line, $reason, $payload)`, { line: b.line, reason: b.reason, payload: b.payload });
    }

    // 3. typed rows with reasons (a file missing a required column is unreadable as a whole)
    const plan = planColumns(contract, rule, headers);
    if (plan.conflicts.length > 0) throw new FileUnreadable(`ambiguous columns: ${plan.conflicts.join('; ')}`);
    if (plan.missing.length > 0 && (format !== 'ndjson' || headers.length > 0)) {
      throw new FileUnreadable(
        `missing required ${rule.entity} column(s) ${plan.missing.join(', ')} (the ${format === 'ndjson' ? 'keys' : 'header'} has ` +
          `${headers.join(', ') || 'nothing'}): map them in CSW_FILES_MAPPING (${resolved.origin})`,
      );
    }
    const typedSql = plan.missing.length > 0 ? null : typedRowsSql(contract, rule, raw, headers, plan);
    if (typedSql) await db.run(`create temp table ${typed} as ${typedSql}`);

    // 4. lake
    const counts = await db.all<{ good: number; bad: number }>(
      `select ${typedSql ? `(select count(*) from ${typed} where _reason = '')` : '0'}::integer as good, ` +
        `(${typedSql ? `(select count(*) from ${typed} where _reason <> '')` : '0'} ` +
        `+ (select count(distinct line) from ${rejects}) + (select count(*) from ${broken}))::integer as bad`,
    );
    const { good, bad } = counts[0]!;
    if (good > 0) {
      const columns = contract.columns.map((c) => `cast(${id(c.name)} as ${lakeType(c.type)}) as ${id(c.name)}`);
      await writer.writeQuery(
        { source: FILES_SOURCE, stream: rule.entity, loadId: ctx.loadId },
        `select ${columns.join(', ')}, _extra, ${lit(file.relPath)} as _file, ${lit(file.sha256)} as _file_sha256, _line ` +
          `from ${typed} where _reason = ''`,
      );
    }
    if (bad > 0) {
      const tagPrefix = `regexp_extract(csv_line, '^\\d+')`;
      const parts = [
        ...(typedSql
          ? [
              `select typed._line as line, typed._reason as reason, ${payloadSql(headers, 'raw')}::varchar as payload ` +
                `from ${typed} as typed inner join ${raw} as raw on typed._line = raw._line where typed._reason <> ''`,
            ]
          : []),
        `select coalesce(try_cast(${tagPrefix} as bigint), line) as line, string_agg(distinct ${rejectReason}, '; ') as reason, ` +
          `any_value(substr(csv_line, length(${tagPrefix}) + 2)) as payload from ${rejects} group by all`,
        `select line, reason, payload from ${broken}`,
      ];
      await writer.writeQuery(
        { source: FILES_SOURCE, stream: QUARANTINE_STREAM, loadId: ctx.loadId },
        `select ${QUARANTINE_SELECT(rule.entity, file)} from (${parts.join(' union all ')}) order by line`,
      );
    }
    return { rows: good, quarantined: bad };
  } finally {
    for (const table of temps) await db.run(`drop table if exists ${table}`);
    rmSync(tagged, { force: true });
  }
}
