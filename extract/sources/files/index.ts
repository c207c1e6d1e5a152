/**
 * The file-export source: CSV, TSV, NDJSON and XLSX files dropped in a folder (`CSW_FILES_DIR`), each read by a
 * mapping rule (`config.ts`) into one entity of `contracts.ts` (reviews, returns, orders, conversations,
 * messages).
 *
 * How it fits the core: it is a bulk source (`SourceDefinition.load`, see extract/core/stream.ts). The runner
 * gives it the load id, the lake writer, the state store and the DuckDB connection, and records the load in the
 * loads manifest as for any source; the rows never become JavaScript objects: a file is streamed to a UTF-8
 * temporary file, read by DuckDB's `read_csv`, typed and checked in SQL and copied to Parquet
 * (`load-file.ts`). Its declared `streams` say what it lands (their `read` is never called).
 *
 * What lands, under `data/lake/raw/files/`:
 * - `<entity>/`: the good rows, typed, with `_extra`, `_file`, `_file_sha256`, `_line`, `_load_id`, `_extracted_at`;
 * - `_quarantine/`: bad rows (`stream` = entity, `reason`, `payload` = the row as JSON or the raw record text,
 *   `_file`, `_file_sha256`, `_line`), and whole files that could not be read (`_line` NULL);
 * - `_files/`: one row per file per load (`_file`, `_file_sha256`, `entity`, `status` loaded | rejected, `rows`,
 *   `quarantined`, `reason`, ...), written after the file's rows: it is the file's commit marker.
 *
 * Once per content: a file is read again only when its SHA-256 or the mapping rule that reads it changed
 * (state `files._files` in `data/lake/_state/files.json`: path -> hash, rule fingerprint, load id), and the state
 * of a file advances only after its rows, quarantine and `_files` row are written. The lake is append-only, so a
 * changed file's new rows land beside the old ones; staging keeps, for each `_file`, only the rows of the load
 * named by its latest `_files` row with status `loaded` (highest `_load_id`; a version rejected whole leaves the
 * previous rows in place). A run killed between a file's rows and its `_files` row leaves rows no `_files` row
 * names (ignored) and the file is read again by the next run.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { sqlLiteral as lit } from '../../core/duckdb.ts';
import { UserError } from '../../core/errors.ts';
import { listStreamFiles } from '../../core/lake-writer.ts';
import type { StreamLoadSummary } from '../../core/loads.ts';
import { QUARANTINE_STREAM } from '../../core/runner.ts';
import { defineStream, type BulkLoadContext, type BulkLoadResult, type SourceDefinition } from '../../core/stream.ts';
import { EXTENSION_FORMATS, globToRegExp, resolveRule, type FilesSettings } from './config.ts';
import { ENTITY_CONTRACTS, FILE_METADATA_COLUMNS, lakeType, type EntityContract } from './contracts.ts';
import { fingerprintFile } from './encoding.ts';
import { FILES_SOURCE, loadFile, QUARANTINE_SELECT, type FileToLoad } from './load-file.ts';

export const INVENTORY_STREAM = '_files';

/** What the state remembers per file (key: path inside the drop folder). */
interface FileState {
  sha256: string;
  rule: string;
  status: 'loaded' | 'rejected';
  load_id: string;
  rows: number;
  quarantined: number;
}

const INVENTORY_COLUMNS: [string, string][] = [
  ['_file', 'VARCHAR'],
  ['_file_sha256', 'VARCHAR'],
  ['bytes', 'BIGINT'],
  ['entity', 'VARCHAR'],
  ['format', 'VARCHAR'],
  ['encoding', 'VARCHAR'],
  ['rule', 'VARCHAR'],
  ['status', 'VARCHAR'],
  ['rows', 'BIGINT'],
  ['quarantined', 'BIGINT'],
  ['reason', 'VARCHAR'],
];
const QUARANTINE_COLUMNS: [string, string][] = [
  ['stream', 'VARCHAR'],
  ['reason', 'VARCHAR'],
  ['payload', 'VARCHAR'],
  ['_file', 'VARCHAR'],
  ['_file_sha256', 'VARCHAR'],
  ['_line', 'BIGINT'],
];

/** A zod schema of an entity's lake row (declaration only: the bulk path types rows in SQL). */
function entitySchema(contract: EntityContract): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const column of contract.columns) {
    const base =
      column.type === 'integer' ? z.number().int() : column.type === 'decimal' ? z.number() : column.type === 'boolean' ? z.boolean() : z.string();
    shape[column.name] = column.required ? base : base.nullable().optional();
  }
  return z.looseObject(shape);
}

/** Files of the drop folder, as `/`-separated paths inside it, sorted; hidden files and Office lock files skipped. */
export function listDropFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

async function writeEmptyStream(ctx: BulkLoadContext, stream: string, columns: [string, string][]): Promise<void> {
  const select = columns.map(([name, type]) => `cast(null as ${type}) as "${name}"`).join(', ');
  await ctx.writer.writeQuery({ source: FILES_SOURCE, stream, loadId: ctx.loadId }, `select ${select} where false`);
}

export function createFilesSource(settings: FilesSettings): SourceDefinition {
  const streams = ENTITY_CONTRACTS.map((contract) =>
    defineStream({
      name: contract.entity,
      description: contract.description,
      primaryKey: contract.key,
      writeDisposition: 'merge',
      schema: entitySchema(contract),
      read() {
        throw new Error('file exports are loaded in bulk by the source (createFilesSource().load)');
      },
    }),
  );

  async function load(ctx: BulkLoadContext): Promise<BulkLoadResult> {
    if (!existsSync(settings.dir) || !statSync(settings.dir).isDirectory()) {
      throw new UserError(`The drop folder for file exports ${settings.dir} does not exist: create it or set CSW_FILES_DIR.`);
    }
    const started = Date.now();
    const selected = new Set(ctx.streams);
    const allSelected = ENTITY_CONTRACTS.every((c) => selected.has(c.entity));
    const summaries = new Map<string, StreamLoadSummary>(
      ctx.streams.map((s) => [s, { stream: s, rows: 0, quarantined: 0, files: 0, duration_ms: 0 }]),
    );
    const warnings: string[] = [];
    if (ctx.fullRefresh) ctx.state.clear(FILES_SOURCE, INVENTORY_STREAM);
    const known = (ctx.state.get(FILES_SOURCE, INVENTORY_STREAM)?.files ?? {}) as Record<string, FileState>;
    const explicit = settings.mapping.files.map((rule) => globToRegExp(rule.match));
    let seq = 0;
    let unchanged = 0;
    let processed = 0;

    for (const relPath of listDropFiles(settings.dir)) {
      if (ctx.signal.aborted) break;
      const base = relPath.split('/').pop()!;
      const matchedByRule = explicit.some((re, i) => re.test(settings.mapping.files[i]!.match.includes('/') ? relPath : base));
      if (!EXTENSION_FORMATS[extname(relPath).toLowerCase()] && !matchedByRule) continue; // not an export (README, .pdf, ...)
      const resolved = resolveRule(settings.mapping, relPath);
      const entity = 'error' in resolved ? null : resolved.rule.entity;
      if (entity ? !selected.has(entity) : !allSelected) continue;
      const absPath = join(settings.dir, relPath);
      const fileStarted = Date.now();
      const encoding = 'error' in resolved || resolved.format === 'xlsx' ? 'binary' : resolved.rule.encoding;
      const print = await fingerprintFile(absPath, encoding);
      const ruleFingerprint = 'error' in resolved ? 'none' : resolved.fingerprint;
      const previous = known[relPath];
      if (previous && previous.sha256 === print.sha256 && previous.rule === ruleFingerprint) {
        unchanged++;
        continue;
      }
      processed++;
      const file: FileToLoad = { absPath, relPath, sha256: print.sha256, encoding: print.encoding };
      const log = ctx.log.child({ file: relPath });
      let rows = 0;
      let quarantined = 0;
      let reason: string | null = null;
      if ('error' in resolved) {
        reason = resolved.error;
      } else {
        try {
          ({ rows, quarantined } = await loadFile(
            { db: ctx.db, writer: ctx.writer, lakeDir: ctx.lakeDir, loadId: ctx.loadId, seq: ++seq },
            file,
            resolved,
          ));
        } catch (error) {
          // Whatever stops this one file (a broken workbook, a header without required columns, a DuckDB read
          // error) must not stop the others: the file is quarantined whole and the run goes on.
          reason = error instanceof Error ? error.message : String(error);
          rows = 0;
          quarantined = 0;
        }
      }
      const status = reason === null ? 'loaded' : 'rejected';
      if (reason !== null) {
        await ctx.writer.writeQuery(
          { source: FILES_SOURCE, stream: QUARANTINE_STREAM, loadId: ctx.loadId },
          `select ${QUARANTINE_SELECT(entity ?? '(unknown)', file)} from (select null::bigint as line, ${lit(reason)} as reason, null::varchar as payload)`,
        );
        warnings.push(`${relPath} was not loaded: ${reason}. It is quarantined whole (lake/raw/files/_quarantine) until it or its mapping rule changes.`);
        log.warn(`file not loaded: ${reason}`, { reason });
      }
      const values: (string | number | null)[] = [
        relPath,
        print.sha256,
        print.bytes,
        entity,
        'error' in resolved ? null : resolved.format,
        encoding === 'binary' ? null : print.encoding,
        'error' in resolved ? null : resolved.origin,
        status,
        rows,
        quarantined,
        reason,
      ];
      const select = INVENTORY_COLUMNS.map(([name, type], i) => {
        const v = values[i];
        return `cast(${v === null || v === undefined ? 'null' : typeof v === 'number' ? String(v) : lit(v)} as ${type}) as "${name}"`;
      });
      await ctx.writer.writeQuery({ source: FILES_SOURCE, stream: INVENTORY_STREAM, loadId: ctx.loadId }, `select ${select.join(', ')}`);
      known[relPath] = { sha256: print.sha256, rule: ruleFingerprint, status, load_id: ctx.loadId, rows, quarantined };
      ctx.state.set(FILES_SOURCE, INVENTORY_STREAM, { files: known });

      if (entity && summaries.has(entity)) {
        const summary = summaries.get(entity)!;
        summary.rows += rows;
        summary.quarantined += quarantined + (reason !== null ? 1 : 0);
        summary.files++;
        summary.duration_ms += Date.now() - fileStarted;
        ctx.onProgress?.({ source: FILES_SOURCE, stream: entity, rows: summary.rows, quarantined: summary.quarantined });
      }
      log.info(`${relPath}: ${status}, ${rows} rows, ${quarantined} quarantined`, { rows, quarantined, sha256: print.sha256 });
    }

    // Keep every stream readable (dbt globs it) before its first file.
    for (const contract of ENTITY_CONTRACTS) {
      if (!selected.has(contract.entity) || listStreamFiles(ctx.lakeDir, FILES_SOURCE, contract.entity).length > 0) continue;
      await writeEmptyStream(ctx, contract.entity, [
        ...contract.columns.map((c): [string, string] => [c.name, lakeType(c.type)]),
        ...FILE_METADATA_COLUMNS.map((c): [string, string] => [c.name, c.type]),
      ]);
    }
    if (listStreamFiles(ctx.lakeDir, FILES_SOURCE, QUARANTINE_STREAM).length === 0) {
      await writeEmptyStream(ctx, QUARANTINE_STREAM, QUARANTINE_COLUMNS);
    }
    if (listStreamFiles(ctx.lakeDir, FILES_SOURCE, INVENTORY_STREAM).length === 0) {
      await writeEmptyStream(ctx, INVENTORY_STREAM, INVENTORY_COLUMNS);
    }
    ctx.log.info(`files: ${processed} file(s) read, ${unchanged} unchanged since they were loaded`, {
      files_read: processed,
      unchanged,
      duration_ms: Date.now() - started,
    });
    return { streams: [...summaries.values()], warnings };
  }

  return {
    name: FILES_SOURCE,
    description: 'Exports dropped in a folder (CSV, TSV, NDJSON, XLSX): marketplace reviews, returns and orders, helpdesk conversations and messages.',
    streams,
    load,
  };
}
