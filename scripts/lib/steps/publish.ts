/**
 * The publish step: copies every model under models/marts/ (the star schema and the BI marts) out of the
 * private warehouse into what BI tools read:
 *
 * - `published/marts.duckdb`: real tables (not views) with the dbt descriptions as table and column comments;
 * - `published/parquet/<table>.parquet` and `published/csv/<table>.csv`: one file per table (CSV: UTF-8 with a
 *   byte-order mark for Excel and FineBI, see ../publish/csv.ts);
 * - `published/bi/`: connection files for Power BI, Tableau and FineBI (../publish/connection-files.ts);
 * - `published/dictionary/`: the data dictionary in English and Chinese (../publish/dictionary.ts);
 * - `published/manifest.json`: each table with its rows, columns (type, description), files and a checksum of its
 *   contents, the CSV format, and the run that made it.
 *
 * A night changes a few tables or a few rows of each: a table with the checksum of the previous publication is
 * kept (the previous database file is the starting point, its Parquet and CSV files are linked), and a table kept
 * incrementally by key in the warehouse is patched by key and must then match the warehouse's checksum; any other
 * table is copied whole (../publish/previous.ts).
 *
 * Everything is built in a staging folder first and moved into place by rename only once complete, so a BI tool
 * holding the old file open keeps reading it undisturbed, and a failure at any point leaves the last good
 * publication as it was.
 */
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../../extract/core/config.ts';
import { openDb, sqlIdentifier, sqlLiteral, type Db } from '../../../extract/core/duckdb.ts';
import { commitFile, writeJsonAtomic } from '../../../extract/core/fs-atomic.ts';
import type { Logger } from '../../../extract/core/log.ts';
import { readManifestModels, type ManifestModel } from '../dbt.ts';
import { writeConnectionFiles } from '../publish/connection-files.ts';
import { CSV_FORMAT, writeCsv } from '../publish/csv.ts';
import { buildDictionary, layerOf, readTranslations, writeDictionary } from '../publish/dictionary.ts';
import { commentsOf, previousTables, sameChecksum, sameColumns, tableChecksum, type TableChecksum } from '../publish/previous.ts';
import type { StepResult } from './types.ts';

export const PUBLISHED_DB = 'marts.duckdb';
/** Folders of the publication, each replaced as a whole set of files at the swap. */
export const PUBLISHED_FOLDERS = ['parquet', 'csv', 'bi', 'dictionary'] as const;

/**
 * zstd at its fastest level: at 1M conversations it writes the large facts 20-25% faster than the default level 3
 * for files 3-9% larger (fct_orders 4.5 -> 3.4 s, 140 -> 145 MB); snappy is no faster and 50% larger.
 */
const PARQUET_COPY_OPTIONS = 'format parquet, compression zstd, compression_level 1';

export function publishedModels(all: ManifestModel[]): ManifestModel[] {
  return all
    .filter((m) => m.path.startsWith('models/marts/'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function copyComments(db: Db, model: ManifestModel): Promise<void> {
  const table = `main.${sqlIdentifier(model.name)}`;
  if (model.description) await db.run(`comment on table ${table} is ${sqlLiteral(model.description.trim())}`);
  const present = new Set(
    (await db.all<{ column_name: string }>(`select column_name from duckdb_columns() where database_name = 'marts' and table_name = $name`, { name: model.name })).map(
      (r) => r.column_name,
    ),
  );
  for (const [column, { description }] of Object.entries(model.columns)) {
    if (!description || !present.has(column)) continue;
    await db.run(`comment on column ${table}.${sqlIdentifier(column)} is ${sqlLiteral(description.trim())}`);
  }
}

/**
 * Brings the published copy of a table kept incrementally by key in the warehouse up to date by deleting and
 * inserting the rows of the keys the last build changed, and proves the result has the warehouse table's checksum.
 * False (the caller copies the table whole) when the model is not kept by key or the result differs.
 */
async function patchByKey(db: Db, model: ManifestModel, models: ManifestModel[], table: string, source: string, target: TableChecksum): Promise<boolean> {
  const key = model.meta['incremental_key'];
  const changed = models.find((m) => m.name === model.meta['changed_keys_model']);
  if (typeof key !== 'string' || !changed) return false;
  const keys = `select ${sqlIdentifier(key)} from warehouse.${sqlIdentifier(changed.schema)}.${sqlIdentifier(changed.name)}`;
  await db.run('begin transaction');
  await db.run(`delete from ${table} where ${sqlIdentifier(key)} in (${keys})`);
  await db.run(`insert into ${table} select * from ${source} where ${sqlIdentifier(key)} in (${keys})`);
  await db.run('commit');
  return sameChecksum(await tableChecksum(db, table, 'marts', 'main', model.name), target);
}

/** A hard link to the previous publication's file (instant, no copy), or a copy where links are not possible. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Moves a finished staging publication into place: the database file first (one atomic rename), then every file
 * of each published folder (atomic per file), removing files the new publication no longer has.
 */
function swapIn(staging: string, publishedDir: string): void {
  mkdirSync(publishedDir, { recursive: true });
  commitFile(join(staging, PUBLISHED_DB), join(publishedDir, PUBLISHED_DB));
  for (const folder of PUBLISHED_FOLDERS) {
    const dir = join(publishedDir, folder);
    mkdirSync(dir, { recursive: true });
    const fresh = new Set(readdirSync(join(staging, folder)));
    for (const file of fresh) renameSync(join(staging, folder, file), join(dir, file));
    for (const file of readdirSync(dir)) if (!fresh.has(file)) rmSync(join(dir, file), { force: true });
  }
}

export async function publishStep(config: Config, log: Logger, runId: string): Promise<StepResult> {
  const started = Date.now();
  const result: StepResult = { step: 'publish', status: 'success', duration_ms: 0, items: [], warnings: [] };
  if (!existsSync(config.warehousePath)) {
    throw new Error(`there is no warehouse at ${config.warehousePath} to publish: run \`npm run transform\` first`);
  }
  const allModels = readManifestModels(config.dbtTargetDir);
  const models = publishedModels(allModels);
  // Staging folders of publishes that were killed part-way hold nothing anyone reads: clear them.
  if (existsSync(config.publishedDir)) {
    for (const entry of readdirSync(config.publishedDir)) {
      if (entry.startsWith('.staging-')) rmSync(join(config.publishedDir, entry), { recursive: true, force: true });
    }
  }
  const staging = join(config.publishedDir, `.staging-${runId}`);
  mkdirSync(join(staging, 'parquet'), { recursive: true });
  mkdirSync(join(staging, 'csv'), { recursive: true });
  const manifestTables: unknown[] = [];
  const dictionaryInput: Parameters<typeof buildDictionary>[0] = [];

  // The previous publication's database file is the starting point: unchanged tables stay, the others are replaced.
  const previous = previousTables(config.publishedDir, PUBLISHED_DB);
  if (previous.size > 0) copyFileSync(join(config.publishedDir, PUBLISHED_DB), join(staging, PUBLISHED_DB), constants.COPYFILE_FICLONE);
  const reuse = { unchanged: 0, patched: 0, copied: 0 };

  const db = await openDb(join(staging, PUBLISHED_DB), { memoryLimit: config.duckdbMemoryLimit, threads: config.duckdbThreads });
  try {
    await db.run(`attach ${sqlLiteral(config.warehousePath)} as warehouse (read_only)`);
    // The published file's own catalog is named after the file: "marts".
    await db.run(`use marts`);
    const existing = new Set(
      (await db.all<{ table_name: string }>(`select table_name from duckdb_tables() where database_name = 'marts'`)).map((r) => r.table_name),
    );
    for (const name of existing) {
      if (!models.some((m) => m.name === name)) await db.run(`drop table main.${sqlIdentifier(name)}`);
    }
    for (const model of models) {
      const t0 = Date.now();
      const table = `main.${sqlIdentifier(model.name)}`;
      const source = `warehouse.${sqlIdentifier(model.schema)}.${sqlIdentifier(model.name)}`;
      const parquet = join(staging, 'parquet', `${model.name}.parquet`);
      const csv = join(staging, 'csv', `${model.name}.csv`);
      const checksum = await tableChecksum(db, source, 'warehouse', model.schema, model.name);
      const before = existing.has(model.name) ? previous.get(model.name) : undefined;
      if (before && sameChecksum(before.checksum, checksum)) {
        linkOrCopy(join(config.publishedDir, before.files.parquet), parquet);
        linkOrCopy(join(config.publishedDir, before.files.csv), csv);
        reuse.unchanged++;
      } else {
        if (before && sameColumns(before.checksum, checksum) && (await patchByKey(db, model, allModels, table, source, checksum))) {
          reuse.patched++;
        } else {
          await db.run(`create or replace table ${table} as select * from ${source}`);
          reuse.copied++;
        }
        await db.run(`copy ${table} to ${sqlLiteral(parquet)} (${PARQUET_COPY_OPTIONS})`);
        await writeCsv(db, table, csv);
      }
      const columns = checksum.columns.map((c) => ({ name: c.slice(0, c.indexOf(' ')), type: c.slice(c.indexOf(' ') + 1) }));
      const documented = columns.map((c) => ({ ...c, description: model.columns[c.name]?.description ?? '' }));
      if (!before || before.comments !== commentsOf(model.description, documented)) await copyComments(db, model);
      result.items.push({ name: model.name, rows: checksum.rows, duration_ms: Date.now() - t0 });
      dictionaryInput.push({ model, rows: checksum.rows, columns });
      manifestTables.push({
        table: model.name,
        layer: layerOf(model),
        grain: model.meta['grain'] ?? null,
        description: model.description,
        rows: checksum.rows,
        columns: documented,
        files: { parquet: `parquet/${model.name}.parquet`, csv: `csv/${model.name}.csv` },
        checksum,
      });
    }
    result.detail = `${reuse.unchanged} tables unchanged since the last publication, ${reuse.patched} patched by key, ${reuse.copied} copied whole`;
    await db.run('detach warehouse');
    await db.run('checkpoint marts');

    const dictionary = buildDictionary(dictionaryInput, readTranslations());
    if (dictionary.missing.length > 0) {
      const more = dictionary.missing.length > 3 ? `, and ${dictionary.missing.length - 3} more` : '';
      result.warnings.push(`data dictionary incomplete (see docs/dictionary/zh-CN.json): ${dictionary.missing.slice(0, 3).join('; ')}${more}`);
    }
    writeDictionary(join(staging, 'dictionary'), dictionary.tables, runId);
    writeConnectionFiles(join(staging, 'bi'), config, config.publishedDir, PUBLISHED_DB);
  } catch (error) {
    db.close();
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  db.close();

  swapIn(staging, config.publishedDir);
  writeJsonAtomic(join(config.publishedDir, 'manifest.json'), {
    run_id: runId,
    published_at: new Date().toISOString(),
    database: PUBLISHED_DB,
    csv: CSV_FORMAT,
    folders: { bi: 'bi/', dictionary: 'dictionary/' },
    tables: manifestTables,
  });
  rmSync(staging, { recursive: true, force: true });
  log.info(`published ${models.length} tables to ${config.publishedDir}`, { step: 'publish', tables: models.length });
  result.duration_ms = Date.now() - started;
  return result;
}
