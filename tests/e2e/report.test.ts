/**
 * End to end: `npm run elt` on a small demo ends with the report step; the page it writes is opened from file://
 * in headless Chromium (Debian's `chromium`, driven by playwright-core; no browser is downloaded), which must
 * show no console or page errors and draw every chart. The KPI tiles are checked against figures worked out here
 * from the published facts, by other SQL than the report's. A full-page screenshot is kept in
 * test-artifacts/report.png.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../extract/core/config.ts';
import { openDb } from '../../extract/core/duckdb.ts';
import { runScript, sharedSmallDemo, type CommandResult } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = join(PROJECT_ROOT, 'test-artifacts', 'report.png');

let env: Record<string, string>;
let published: string;
let reportDir: string;
let elt: CommandResult;
let browser: Browser;
let page: Page;
const problems: string[] = [];

interface ChartState {
  points: number;
  drawn: boolean;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium) to run the report page test`);
  }
  // the small demo's run, shared with elt.test.ts (a copy of its data folder)
  ({ env, elt } = await sharedSmallDemo());
  published = join(env.CSW_DATA_DIR!, 'published');
  reportDir = join(published, 'report');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  await page.goto(pathToFileURL(join(reportDir, 'index.html')).href);
  // report.js sets __reportReady once every chart has reported that it finished rendering.
  await page.waitForFunction(() => (window as unknown as { __reportReady?: boolean }).__reportReady === true, null, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('the report page', () => {
  it('is written by npm run elt as its last step, next to its local copy of ECharts', () => {
    expect(elt.stdout).toMatch(/\breport\s+success/);
    expect(readdirSync(reportDir).sort()).toEqual(['echarts.LICENSE.txt', 'echarts.min.js', 'index.html']);
    const html = readFileSync(join(reportDir, 'index.html'), 'utf8');
    expect(html).toContain('<script src="./echarts.min.js"></script>');
    expect(html).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
    expect(readdirSync(published).filter((entry) => entry.startsWith('.'))).toEqual([]);
  });

  it('loads from file:// with no console errors, page errors or failed requests', () => {
    expect(problems).toEqual([]);
  });

  it('draws every chart: an ECharts canvas of non-zero size with pixels on it, and data points in its series', async () => {
    const charts = await page.evaluate(() => {
      const w = window as unknown as {
        __reportCharts: Record<string, ChartState>;
        echarts: { getInstanceByDom(el: Element): { getOption(): { series: { data: unknown[] }[] } } | undefined };
      };
      return [...document.querySelectorAll<HTMLElement>('.chart')].map((el) => {
        const canvas = el.querySelector('canvas');
        let painted = 0;
        if (canvas && canvas.width > 0 && canvas.height > 0) {
          const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
        }
        const instance = w.echarts.getInstanceByDom(el);
        return {
          id: el.dataset.chart!,
          state: w.__reportCharts[el.dataset.chart!],
          hasInstance: instance !== undefined,
          width: canvas?.width ?? 0,
          height: canvas?.height ?? 0,
          painted,
          seriesPoints: instance ? instance.getOption().series.reduce((sum, s) => sum + s.data.length, 0) : 0,
        };
      });
    });
    expect(charts.map((c) => c.id).sort()).toEqual(
      [
        'contact-reasons',
        'driver-contact-resolution',
        'driver-delivery-delay',
        'driver-first-response',
        'driver-return',
        'heatmap-customer-local',
        'heatmap-team-local',
        'rating-trend',
        'response-trend',
        'return-reasons',
        'returns-weekly',
      ].sort(),
    );
    for (const chart of charts) {
      expect(chart, chart.id).toMatchObject({ hasInstance: true, state: { drawn: true } });
      expect(chart.state!.points, `${chart.id} points`).toBeGreaterThan(0);
      expect(chart.seriesPoints, `${chart.id} series data`).toBeGreaterThan(0);
      expect(chart.width * chart.height, `${chart.id} canvas size`).toBeGreaterThan(0);
      expect(chart.painted, `${chart.id} painted pixels`).toBeGreaterThan(1000);
    }
  });

  it('shows KPI tiles that match the published facts, worked out by other SQL than the report uses', async () => {
    const tiles = Object.fromEntries(
      await page.$$eval('.tile', (els) =>
        els.map((el) => [
          (el as HTMLElement).dataset.kpi!,
          { value: Number((el as HTMLElement).dataset.value), text: el.querySelector('.tile-value')!.textContent!.trim() },
        ]),
      ),
    ) as Record<string, { value: number; text: string }>;
    const db = await openDb(join(published, 'marts.duckdb'), { readOnly: true });
    let want: Record<string, number>;
    try {
      // The report reads the daily, weekly and hourly marts; these come from the row-level facts instead.
      const [row] = await db.all<Record<string, number>>(`
        select
            (select count(*) from fct_conversations)::double as conversations,
            (select count_if(is_csat_satisfied) / count_if(is_csat_rated) from fct_conversations)::double as csat_rate,
            (select count_if(is_one_touch) / count_if(is_solved) from fct_conversations)::double as one_touch_rate,
            (select avg(rating) from fct_reviews)::double as mean_rating,
            (select count(*) from fct_returns)::double
                / (select count(*) from (
                      select distinct fct_order_lines.order_id, coalesce(fct_order_lines.product_id, 'unknown')
                      from fct_order_lines
                      inner join fct_orders on fct_order_lines.order_id = fct_orders.order_id
                      where not coalesce(fct_orders.is_cancelled, false)
                  ))::double as return_rate`);
      want = row!;
    } finally {
      db.close();
    }
    expect(tiles.conversations!.value).toBe(want.conversations);
    expect(tiles.conversations!.text).toBe(want.conversations!.toLocaleString('en'));
    expect(tiles.csat_rate!.value).toBeCloseTo(want.csat_rate!, 9);
    expect(tiles.csat_rate!.text).toBe(`${(want.csat_rate! * 100).toFixed(1)}%`);
    expect(tiles.one_touch_rate!.value).toBeCloseTo(want.one_touch_rate!, 9);
    expect(tiles.mean_rating!.value).toBeCloseTo(want.mean_rating!, 9);
    expect(tiles.mean_rating!.text).toBe(`${want.mean_rating!.toFixed(2)} ★`);
    expect(tiles.return_rate!.value).toBeCloseTo(want.return_rate!, 9);
    expect(tiles.median_first_response_hours!.value).toBeGreaterThan(0);
  });

  it('says which publication it shows, in both languages, with the reporting currency', async () => {
    const manifest = JSON.parse(readFileSync(join(published, 'manifest.json'), 'utf8')) as { run_id: string };
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.$eval('meta[charset]', (el) => el.getAttribute('charset'))).toBe('utf-8');
    const header = await page.textContent('header');
    expect(header).toContain(manifest.run_id);
    expect(header).toContain('USD');
    expect(header).toContain('客服与评分报告');
    // Every card and tile title carries both languages.
    for (const title of await page.$$eval('.card h2, .sub h3', (els) => els.map((el) => el.textContent!))) {
      expect(title).toMatch(/[A-Za-z].* \/ .*[\u4e00-\u9fff]/);
    }
    for (const label of await page.$$eval('.tile-label', (els) => els.map((el) => el.textContent!))) {
      expect(label).toMatch(/[A-Za-z].*[\u4e00-\u9fff]/);
    }
  });

  it('keeps a full-page screenshot as a test artifact', async () => {
    mkdirSync(join(PROJECT_ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
  });
});

describe('npm run report', () => {
  it('rewrites the page from the current publication', async () => {
    const before = statSync(join(reportDir, 'index.html')).mtimeMs;
    const result = await runScript('report', ['--quiet'], env);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(statSync(join(reportDir, 'index.html')).mtimeMs).toBeGreaterThan(before);
    expect(readdirSync(published).filter((entry) => entry.startsWith('.'))).toEqual([]);
  });

  it('says to run npm run elt first when there is no publication', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'csw-report-'));
    const result = await runScript('report', ['--quiet'], { ...env, CSW_DATA_DIR: join(empty, 'data') });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/report failed: there is no publication in .* to report on: run `npm run elt` first/);
  });

  it('fails without touching the last report when the publication cannot be read', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'csw-report-'));
    cpSync(published, join(copy, 'data', 'published'), { recursive: true });
    const index = join(copy, 'data', 'published', 'report', 'index.html');
    const before = readFileSync(index, 'utf8');
    writeFileSync(join(copy, 'data', 'published', 'manifest.json'), '{ not json');
    const result = await runScript('report', ['--quiet'], { ...env, CSW_DATA_DIR: join(copy, 'data') });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/report failed: cannot read .*manifest\.json/);
    expect(readFileSync(index, 'utf8')).toBe(before);
  });
});
