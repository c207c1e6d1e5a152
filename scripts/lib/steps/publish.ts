/**
 * The publish step: copies every model under models/marts/ (the star schema and the BI marts) out of the
 * private warehouse into what BI tools read:
 *
 * - `published/marts.duckdb`: real tables (not views) with the dbt descriptions as table and column comments;
 * - `published/parquet/<table>.parquet` and `published/csv/<table>.csv`: one file per table (CSV: UTF-8 with a
 *   byte-order mark for Excel and FineBI, see ../publish/csv.ts);
 * - `published/bi/`: connection files for Power BI, Tableau and FineBI (../publish/connection-files.ts);
 * - `published/dictionary/`: the data dictionary in English and Chinese (../publish/dictionary.ts);
 * - `published/manifest.json`: each table with its rows, columns (type, description) and files, the CSV format,
 *   and the run that made it.
 *
 * Everything is built in a staging folder first and moved into place by rename only once complete, so a BI tool
 * holding the old file open keeps reading it undisturbed, and a failure at any point leaves the last good
 * publication as it was.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../../extract/core/config.ts';
import { openDb, sqlIdentifier, sqlLiteral, type Db } from '../../../extract/core/duckdb.ts';
import { commitFile, writeJsonAtomic } from '../../../extract/core/fs-atomic.ts';
import type { Logger } from '../../../extract/core/log.ts';
import { readManifestModels, type ManifestModel } from '../dbt.ts';
import { writeConnectionFiles } from '../publish/connection-files.ts';
import { CSV_FORMAT, writeCsv } from '../publish/csv.ts';
import { buildDictionary, layerOf, readTranslations, writeDictionary } from '../publish/dictionary.ts';
import type { StepResult } from './types.ts';

export const PUBLISHED_DB = 'marts.duckdb';
/** Folders of the publication, each replaced as a whole set of files at the swap. */
export const PUBLISHED_FOLDERS = ['parquet', 'csv', 'bi', 'dictionary'] as const;

export function publishedModels(): ManifestModel[] {
  return readManifestModels()
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
  const models = publishedModels();
  if (!existsSync(config.warehousePath)) {
    throw new Error(`there is no warehouse at ${config.warehousePath} to publish: run \`npm run transform\` first`);
  }
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

  const db = await openDb(join(staging, PUBLISHED_DB), { memoryLimit: config.duckdbMemoryLimit, threads: config.duckdbThreads });
  try {
    await db.run(`attach ${sqlLiteral(config.warehousePath)} as warehouse (read_only)`);
    // The published file's own catalog is named after the file: "marts".
    await db.run(`use marts`);
    for (const model of models) {
      const t0 = Date.now();
      const table = `main.${sqlIdentifier(model.name)}`;
      await db.run(`create table ${table} as select * from warehouse.${sqlIdentifier(model.schema)}.${sqlIdentifier(model.name)}`);
      await copyComments(db, model);
      const parquet = join(staging, 'parquet', `${model.name}.parquet`);
      const csv = join(staging, 'csv', `${model.name}.csv`);
      await db.run(`copy ${table} to ${sqlLiteral(parquet)} (format parquet, compression zstd)`);
      await writeCsv(db, table, csv);
      const [count] = await db.all<{ n: string }>(`select count(*) as n from ${table}`);
      const columns = await db.all<{ column_name: string; data_type: string }>(
        `select column_name, data_type from duckdb_columns() where database_name = 'marts' and table_name = $name order by column_index`,
        { name: model.name },
      );
      const rows = Number(count!.n);
      result.items.push({ name: model.name, rows, duration_ms: Date.now() - t0 });
      const published = columns.map((c) => ({ name: c.column_name, type: c.data_type }));
      dictionaryInput.push({ model, rows, columns: published });
      manifestTables.push({
        table: model.name,
        layer: layerOf(model),
        grain: model.meta['grain'] ?? null,
        description: model.description,
        rows,
        columns: published.map((c) => ({ ...c, description: model.columns[c.name]?.description ?? '' })),
        files: { parquet: `parquet/${model.name}.parquet`, csv: `csv/${model.name}.csv` },
      });
    }
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
