/**
 * The data dictionary: translations complete and current against the dbt manifest of the models as they are now
 * (a fresh `dbt parse`), every published model's grain declared, and descriptions turned into readable Markdown
 * and CSV.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../extract/core/config.ts';
import { readManifestModels, runDbt, type ManifestModel } from '../../scripts/lib/dbt.ts';
import {
  buildDictionary,
  cleanDescription,
  csvField,
  dictionaryColumnsCsv,
  dictionaryMarkdown,
  markdownCell,
  readTranslations,
  translationProblems,
  type Translations,
} from '../../scripts/lib/publish/dictionary.ts';

const isPublished = (m: ManifestModel) => m.path.startsWith('models/marts/');

describe('translations and grains against the current models', () => {
  let published: ManifestModel[];
  let translations: Translations;

  beforeAll(async () => {
    // Parse into a private target folder: the manifest of the models as they are now, not of the last run.
    const target = mkdtempSync(join(tmpdir(), 'csw-parse-'));
    const output: string[] = [];
    const code = await runDbt(loadConfig(), ['parse', '--target-path', target], { onLine: (line) => output.push(line) });
    if (code !== 0) throw new Error(`dbt parse failed:\n${output.join('\n')}`);
    published = readManifestModels(target).filter(isPublished);
    translations = readTranslations();
  });

  it('has a Chinese description and grain for every published table and column, and nothing stale', () => {
    expect(published.length).toBeGreaterThanOrEqual(27);
    expect(translationProblems(published, translations)).toEqual([]);
  });

  it('has translations that are Chinese, not English copied over', () => {
    const texts = [
      ...Object.entries(translations.columns),
      ...Object.entries(translations.tables).flatMap(([table, entry]) => [
        [`${table} description`, entry.description] as const,
        [`${table} grain`, entry.grain] as const,
        ...Object.entries(entry.columns ?? {}).map(([column, text]) => [`${table}.${column}`, text] as const),
      ]),
    ];
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.filter(([, text]) => !/[\u4e00-\u9fff]/.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('declares the grain of every published model in config.meta.grain', () => {
    const withoutGrain = published.filter((m) => typeof m.meta['grain'] !== 'string' || !(m.meta['grain'] as string).trim()).map((m) => m.name);
    expect(withoutGrain).toEqual([]);
  });

  it('describes every column of every published model in English', () => {
    const undescribed = published.flatMap((m) => Object.entries(m.columns).filter(([, c]) => !c.description?.trim()).map(([name]) => `${m.name}.${name}`));
    expect(undescribed).toEqual([]);
  });

  it('would catch a missing translation, a new column and a stale entry', () => {
    const model = published.find((m) => m.name === 'fct_conversations')!;
    const withNewColumn = published.map((m) => (m === model ? { ...m, columns: { ...m.columns, brand_new_metric: { description: 'New.' } } } : m));
    expect(translationProblems(withNewColumn, translations)).toEqual(['column fct_conversations.brand_new_metric: no Chinese description']);

    const { status: _dropped, ...columns } = translations.columns;
    expect(translationProblems(published, { ...translations, columns })).toEqual(['column fct_conversations.status: no Chinese description']);

    const stale: Translations = {
      tables: { ...translations.tables, old_mart: { description: '旧', grain: '旧' }, dim_date: { ...translations.tables['dim_date']!, columns: { gone: '旧' } } },
      columns: { ...translations.columns, gone_everywhere: '旧' },
    };
    expect(translationProblems(published, stale).sort()).toEqual([
      'column dim_date.gone: translated but not published',
      'column gone_everywhere: translated but in no published table',
      'table old_mart: translated but not published',
    ]);
  });
});

describe('descriptions made readable', () => {
  it('folds line breaks inside a paragraph, keeps paragraphs and list items', () => {
    const text = 'First line\ncontinues   here.\n\nEdge cases:\n- one\n  wrapped\n- two\n';
    expect(cleanDescription(text)).toBe('First line continues here.\n\nEdge cases:\n- one wrapped\n- two');
  });

  it('escapes pipes and turns line breaks into <br> inside a Markdown table cell', () => {
    expect(markdownCell('`<conversation_id>|<tag>`')).toBe('`<conversation_id>\\|<tag>`');
    expect(markdownCell('a\n\nb\n- c')).toBe('a<br><br>b<br>- c');
  });

  it('quotes CSV fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvField(42)).toBe('42');
  });

  it('renders a table whose cells never break the Markdown table', () => {
    const model: ManifestModel = {
      name: 'fct_x',
      schema: 'core',
      materialized: 'table',
      description: 'One row per x.\n\nSecond paragraph.',
      path: 'models/marts/core/fct_x.sql',
      meta: { grain: 'x' },
      columns: { id: { description: '`a|b`' }, note: { description: 'Line one\nline two.\n\n- item' } },
    };
    const translations: Translations = { tables: { fct_x: { description: '每个 x 一行。', grain: 'x' } }, columns: { id: '键 a|b。', note: '备注。' } };
    const { tables, missing } = buildDictionary(
      [{ model, rows: 3, columns: [{ name: 'id', type: 'VARCHAR' }, { name: 'note', type: 'VARCHAR' }] }],
      translations,
    );
    expect(missing).toEqual([]);
    for (const language of ['en', 'zh-CN'] as const) {
      const markdown = dictionaryMarkdown(tables, language, 'run-1');
      const rows = markdown.split('\n').filter((line) => line.startsWith('| `id`') || line.startsWith('| `note`'));
      expect(rows).toHaveLength(2);
      // a column row has exactly four unescaped pipes: | name | type | description |
      for (const row of rows) expect(row.match(/(?<!\\)\|/g)).toHaveLength(4);
    }
    expect(dictionaryMarkdown(tables, 'en', 'run-1')).toContain('| `note` | VARCHAR | Line one line two.<br><br>- item |');
    expect(dictionaryMarkdown(tables, 'zh-CN', 'run-1')).toContain('| `id` | VARCHAR | 键 a\\|b。 |');
    expect(dictionaryColumnsCsv(tables).split('\n')[1]).toBe('fct_x,star schema,x,x,id,VARCHAR,`a|b`,键 a|b。');
  });

  it('reports what is missing instead of inventing it', () => {
    const model: ManifestModel = { name: 't', schema: 's', materialized: 'table', description: 'T.', path: 'models/marts/a/t.sql', meta: {}, columns: {} };
    const { missing } = buildDictionary([{ model, rows: 0, columns: [{ name: 'c', type: 'INTEGER' }] }], { tables: {}, columns: {} });
    expect(missing).toEqual(['t: no grain', 't: no Chinese grain', 't: no Chinese description', 't.c: no description', 't.c: no Chinese description']);
  });
});
