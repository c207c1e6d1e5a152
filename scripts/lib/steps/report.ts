/**
 * The report step: writes the static report page `published/report/index.html` from the published read copy
 * (`published/marts.duckdb`, opened read-only; never the private warehouse), with the run id and time of the
 * publication from `published/manifest.json`.
 *
 * ECharts is copied beside the page (`echarts.min.js`, with its licence) and loaded by a relative
 * `<script src>`, rather than inlined: the page stays a small, readable HTML file (the library is 1.1 MB), a
 * browser caches the library across reports, and a classic script loads from file:// without a server or network.
 * The folder is what to share (zip it); both files are needed.
 *
 * The page is built in a temporary sibling folder (`published/.report-<run_id>`) and swapped in by rename
 * (fs-atomic's commitDir), so a half-written report is never seen. A failure leaves the previous report and the
 * publication as they were; inside `npm run elt` it fails the run (non-zero exit, the error in the summary) after
 * publish has already put the new marts in place.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Config } from '../../../extract/core/config.ts';
import { openDb } from '../../../extract/core/duckdb.ts';
import { UserError } from '../../../extract/core/errors.ts';
import { commitDir, fsyncPath, writeFileAtomic } from '../../../extract/core/fs-atomic.ts';
import type { Logger } from '../../../extract/core/log.ts';
import { queryReportData } from '../report/queries.ts';
import { chartSpecs, renderReportHtml } from '../report/render.ts';
import { PUBLISHED_DB } from './publish.ts';
import type { StepResult } from './types.ts';

export const REPORT_DIR = 'report';
const ECHARTS_FILE = 'echarts.min.js';

interface PublishedManifest {
  run_id: string;
  published_at: string;
}

function readManifest(path: string): PublishedManifest {
  let manifest: Partial<PublishedManifest>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Partial<PublishedManifest>;
  } catch (error) {
    throw new Error(`cannot read ${path} (${error instanceof Error ? error.message : String(error)}): run \`npm run publish\` to publish again`);
  }
  if (typeof manifest?.run_id !== 'string' || typeof manifest.published_at !== 'string') {
    throw new Error(`cannot read ${path}: it has no run_id or published_at; run \`npm run publish\` to publish again`);
  }
  return { run_id: manifest.run_id, published_at: manifest.published_at };
}

export async function reportStep(config: Config, log: Logger, runId: string): Promise<StepResult> {
  const started = Date.now();
  const result: StepResult = { step: 'report', status: 'success', duration_ms: 0, items: [], warnings: [] };
  const database = join(config.publishedDir, PUBLISHED_DB);
  const manifestPath = join(config.publishedDir, 'manifest.json');
  if (!existsSync(database) || !existsSync(manifestPath)) {
    throw new UserError(`there is no publication in ${config.publishedDir} to report on: run \`npm run elt\` first`);
  }
  const manifest = readManifest(manifestPath);

  const db = await openDb(database, { readOnly: true, memoryLimit: config.duckdbMemoryLimit, threads: config.duckdbThreads });
  let data;
  try {
    data = await queryReportData(db);
  } finally {
    db.close();
  }
  if (data.currencies.length > 1) {
    throw new Error(`the published returns mart mixes reporting currencies (${data.currencies.join(', ')}): run \`npm run elt\` again`);
  }
  const currency = data.currencies[0] ?? config.reportingCurrency;

  // Folders of reports that were killed part-way (or swapped out and not yet removed) hold nothing anyone reads.
  for (const entry of readdirSync(config.publishedDir)) {
    if (entry.startsWith(`.${REPORT_DIR}-`)) rmSync(join(config.publishedDir, entry), { recursive: true, force: true });
  }
  const staging = join(config.publishedDir, `.${REPORT_DIR}-${runId}`);
  mkdirSync(staging, { recursive: true });
  try {
    const require = createRequire(import.meta.url);
    const echarts = join(dirname(require.resolve('echarts/package.json')), 'dist', ECHARTS_FILE);
    const licence = join(dirname(echarts), '..', 'LICENSE');
    copyFileSync(echarts, join(staging, ECHARTS_FILE));
    fsyncPath(join(staging, ECHARTS_FILE));
    copyFileSync(licence, join(staging, 'echarts.LICENSE.txt'));
    fsyncPath(join(staging, 'echarts.LICENSE.txt'));
    const html = renderReportHtml(data, {
      runId: manifest.run_id,
      publishedAt: manifest.published_at,
      generatedAt: new Date().toISOString(),
      currency,
      echartsFile: ECHARTS_FILE,
    });
    writeFileAtomic(join(staging, 'index.html'), html);
    commitDir(staging, join(config.publishedDir, REPORT_DIR));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }

  for (const spec of chartSpecs(data)) {
    result.items.push({ name: spec.id, rows: spec.rows });
    if (spec.rows === 0) result.warnings.push(`report: the chart ${spec.id} has no data in the publication`);
  }
  const page = join(config.publishedDir, REPORT_DIR, 'index.html');
  log.info(`wrote the report page ${page} for publication ${manifest.run_id}`, { step: 'report', page, publication: manifest.run_id });
  result.duration_ms = Date.now() - started;
  return result;
}
