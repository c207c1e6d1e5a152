/**
 * The data dictionary, generated at publish time from the dbt manifest into `published/dictionary/`:
 *
 * - `data_dictionary.en.md`, `data_dictionary.zh-CN.md`: every published table (layer, grain, rows, description)
 *   and every column (published DuckDB type, description), in English and Simplified Chinese;
 * - `data_dictionary.csv`: one row per column: table, layer, grain_en, grain_zh, column, type, description_en,
 *   description_zh;
 * - `data_dictionary_tables.csv`: one row per table: table, layer, rows, grain_en, grain_zh, description_en,
 *   description_zh.
 * The CSV files are UTF-8 with a byte-order mark, like the published data (see csv.ts).
 *
 * English comes from the dbt docs (descriptions and `config.meta.grain` in models/marts/**), which the manifest
 * holds already rendered (`{{ doc() }}` blocks expanded). Chinese comes from one file, docs/dictionary/zh-CN.json
 * (outside models/, so dbt does not parse it): `tables.<table>` holds each table's description and grain and any
 * per-table column overrides; `columns.<column>` translates a column name shared by many tables once. The test
 * tests/scripts/dictionary.test.ts fails when a published table or column has no translation, or when the file
 * names a table or column that no longer exists.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../extract/core/config.ts';
import type { ManifestModel } from '../dbt.ts';
import { UTF8_BOM } from './csv.ts';

export const TRANSLATIONS_PATH = join(PROJECT_ROOT, 'docs', 'dictionary', 'zh-CN.json');

export interface Translations {
  tables: Record<string, { description: string; grain: string; columns?: Record<string, string> }>;
  columns: Record<string, string>;
}

export function readTranslations(path = TRANSLATIONS_PATH): Translations {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<Translations>;
  return { tables: raw.tables ?? {}, columns: raw.columns ?? {} };
}

export type Layer = 'star schema' | 'bi mart';

export function layerOf(model: Pick<ManifestModel, 'path'>): Layer {
  return model.path.startsWith('models/marts/core/') ? 'star schema' : 'bi mart';
}

export function grainOf(model: Pick<ManifestModel, 'meta'>): string {
  const grain = model.meta['grain'];
  return typeof grain === 'string' ? grain : '';
}

/** Chinese for a column: the table's own override, else the shared translation of the name. */
export function columnTranslation(translations: Translations, table: string, column: string): string | undefined {
  return translations.tables[table]?.columns?.[column] ?? translations.columns[column];
}

/**
 * What is missing or stale in the translations against the published models: every table needs a description
 * and a grain, every column a translation; every table, override and shared column the file names must exist.
 */
export function translationProblems(models: Pick<ManifestModel, 'name' | 'columns'>[], translations: Translations): string[] {
  const problems: string[] = [];
  const tables = new Map(models.map((m) => [m.name, new Set(Object.keys(m.columns))]));
  const allColumns = new Set(models.flatMap((m) => Object.keys(m.columns)));
  for (const [table, columns] of tables) {
    const entry = translations.tables[table];
    if (!entry?.description?.trim()) problems.push(`table ${table}: no Chinese description`);
    if (!entry?.grain?.trim()) problems.push(`table ${table}: no Chinese grain`);
    for (const column of columns) {
      if (!columnTranslation(translations, table, column)?.trim()) problems.push(`column ${table}.${column}: no Chinese description`);
    }
  }
  for (const [table, entry] of Object.entries(translations.tables)) {
    if (!tables.has(table)) {
      problems.push(`table ${table}: translated but not published`);
      continue;
    }
    for (const column of Object.keys(entry.columns ?? {})) {
      if (!tables.get(table)!.has(column)) problems.push(`column ${table}.${column}: translated but not published`);
    }
  }
  for (const column of Object.keys(translations.columns)) {
    if (!allColumns.has(column)) problems.push(`column ${column}: translated but in no published table`);
  }
  return problems;
}

/**
 * dbt descriptions as readable text: whitespace inside a paragraph collapsed (YAML folding leaves line breaks),
 * paragraphs kept, list items kept one per line.
 */
export function cleanDescription(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => {
      // Keep Markdown list items on their own lines; fold every other line break.
      const items: string[] = [];
      for (const line of paragraph.split('\n')) {
        const trimmed = line.trim();
        if (!trimmed) continue;
        if (/^([-*+]|\d+\.)\s/.test(trimmed) || items.length === 0) items.push(trimmed);
        else items[items.length - 1] += ' ' + trimmed;
      }
      return items.map((item) => item.replace(/\s+/g, ' ')).join('\n');
    })
    .filter(Boolean);
  return paragraphs.join('\n\n');
}

/** A description as one Markdown table cell: `|` escaped, line breaks as `<br>`. */
export function markdownCell(text: string): string {
  return cleanDescription(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, '<br>');
}

/** One CSV field, RFC 4180 quoting. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface DictionaryColumn {
  name: string;
  type: string;
  description_en: string;
  description_zh: string;
}

export interface DictionaryTable {
  table: string;
  layer: Layer;
  rows: number;
  grain_en: string;
  grain_zh: string;
  description_en: string;
  description_zh: string;
  columns: DictionaryColumn[];
}

/**
 * The dictionary's content: the published tables with their published columns (name and DuckDB type, in table
 * order), English from the manifest and Chinese from the translations; missing pieces reported, not invented.
 */
export function buildDictionary(
  published: { model: ManifestModel; rows: number; columns: { name: string; type: string }[] }[],
  translations: Translations,
): { tables: DictionaryTable[]; missing: string[] } {
  const missing: string[] = [];
  const tables = published.map(({ model, rows, columns }) => {
    const zh = translations.tables[model.name];
    const table: DictionaryTable = {
      table: model.name,
      layer: layerOf(model),
      rows,
      grain_en: grainOf(model),
      grain_zh: zh?.grain ?? '',
      description_en: cleanDescription(model.description ?? ''),
      description_zh: cleanDescription(zh?.description ?? ''),
      columns: columns.map((column) => ({
        name: column.name,
        type: column.type,
        description_en: cleanDescription(model.columns[column.name]?.description ?? ''),
        description_zh: cleanDescription(columnTranslation(translations, model.name, column.name) ?? ''),
      })),
    };
    for (const [what, value] of [
      ['grain', table.grain_en],
      ['description', table.description_en],
      ['Chinese grain', table.grain_zh],
      ['Chinese description', table.description_zh],
    ] as const) {
      if (!value) missing.push(`${model.name}: no ${what}`);
    }
    for (const column of table.columns) {
      if (!column.description_en) missing.push(`${model.name}.${column.name}: no description`);
      if (!column.description_zh) missing.push(`${model.name}.${column.name}: no Chinese description`);
    }
    return table;
  });
  return { tables, missing };
}

const TEXT = {
  en: {
    title: 'Data dictionary',
    intro: (runId: string) =>
      `Every published table and column of the customer-service warehouse, generated from the dbt docs by run \`${runId}\`. ` +
      'The same tables are in `marts.duckdb`, in `parquet/` and `csv/`, and in the PostgreSQL schema when that target is configured. ' +
      'Types are the published DuckDB types. Times ending in `_at` are UTC; `_at_local` are local to the market or team.',
    other: 'Chinese: data_dictionary.zh-CN.md',
    overview: 'Tables',
    head: ['table', 'layer', 'grain', 'rows'],
    grain: 'Grain',
    layer: 'Layer',
    rows: 'Rows',
    columnsHead: ['column', 'type', 'description'],
    layers: { 'star schema': 'star schema', 'bi mart': 'BI mart' } as Record<Layer, string>,
  },
  'zh-CN': {
    title: '数据字典',
    intro: (runId: string) =>
      `客服数据仓库发布的全部表和字段,由运行 \`${runId}\` 根据 dbt 文档生成。` +
      '同样的表也在 `marts.duckdb`、`parquet/` 和 `csv/` 中;配置了 PostgreSQL 目标时,也在其 schema 中。' +
      '类型为发布后的 DuckDB 类型。以 `_at` 结尾的时间为 UTC;`_at_local` 为市场或团队的当地时间。',
    other: 'English: data_dictionary.en.md',
    overview: '表一览',
    head: ['表', '层', '粒度', '行数'],
    grain: '粒度',
    layer: '层',
    rows: '行数',
    columnsHead: ['字段', '类型', '说明'],
    layers: { 'star schema': '星型模型', 'bi mart': 'BI 数据集市' } as Record<Layer, string>,
  },
} as const;

/** The dictionary as Markdown in one language. */
export function dictionaryMarkdown(tables: DictionaryTable[], language: 'en' | 'zh-CN', runId: string): string {
  const t = TEXT[language];
  const pick = <T>(en: T, zh: T) => (language === 'en' ? en : zh);
  const out: string[] = [`# ${t.title}`, '', t.intro(runId), '', `_${t.other}_`, '', `## ${t.overview}`, ''];
  out.push(`| ${t.head.join(' | ')} |`, `| ${t.head.map(() => '---').join(' | ')} |`);
  for (const table of tables) {
    out.push(`| [\`${table.table}\`](#${table.table}) | ${t.layers[table.layer]} | ${markdownCell(pick(table.grain_en, table.grain_zh))} | ${table.rows} |`);
  }
  for (const table of tables) {
    out.push('', `## ${table.table}`, '', `**${t.layer}:** ${t.layers[table.layer]} · **${t.grain}:** ${pick(table.grain_en, table.grain_zh)} · **${t.rows}:** ${table.rows}`, '');
    out.push(pick(table.description_en, table.description_zh), '');
    out.push(`| ${t.columnsHead.join(' | ')} |`, '| --- | --- | --- |');
    for (const column of table.columns) {
      out.push(`| \`${column.name}\` | ${column.type} | ${markdownCell(pick(column.description_en, column.description_zh))} |`);
    }
  }
  return out.join('\n') + '\n';
}

export function dictionaryColumnsCsv(tables: DictionaryTable[]): string {
  const header = ['table', 'layer', 'grain_en', 'grain_zh', 'column', 'type', 'description_en', 'description_zh'];
  const rows = tables.flatMap((table) =>
    table.columns.map((column) =>
      [table.table, table.layer, table.grain_en, table.grain_zh, column.name, column.type, column.description_en, column.description_zh].map(csvField).join(','),
    ),
  );
  return [header.join(','), ...rows].join('\n') + '\n';
}

export function dictionaryTablesCsv(tables: DictionaryTable[]): string {
  const header = ['table', 'layer', 'rows', 'grain_en', 'grain_zh', 'description_en', 'description_zh'];
  const rows = tables.map((table) =>
    [table.table, table.layer, table.rows, table.grain_en, table.grain_zh, table.description_en, table.description_zh].map(csvField).join(','),
  );
  return [header.join(','), ...rows].join('\n') + '\n';
}

export const DICTIONARY_FILES = ['data_dictionary.en.md', 'data_dictionary.zh-CN.md', 'data_dictionary.csv', 'data_dictionary_tables.csv'] as const;

/** Writes the dictionary files into `dir` (the publication's staging dictionary/ folder). */
export function writeDictionary(dir: string, tables: DictionaryTable[], runId: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'data_dictionary.en.md'), dictionaryMarkdown(tables, 'en', runId));
  writeFileSync(join(dir, 'data_dictionary.zh-CN.md'), dictionaryMarkdown(tables, 'zh-CN', runId));
  writeFileSync(join(dir, 'data_dictionary.csv'), Buffer.concat([UTF8_BOM, Buffer.from(dictionaryColumnsCsv(tables))]));
  writeFileSync(join(dir, 'data_dictionary_tables.csv'), Buffer.concat([UTF8_BOM, Buffer.from(dictionaryTablesCsv(tables))]));
}
