/**
 * Renders the report page: one HTML document with the KPI tiles written out as text, and the charts drawn in
 * the browser by ECharts from a small JSON payload embedded in the page (the query results, shaped per chart).
 * The page's stylesheet and script (./assets/) are inlined; ECharts itself is loaded from a sibling file
 * (see steps/report.ts), so the page works from file:// with no network.
 */
import { readFileSync } from 'node:fs';
import type { ReportData } from './queries.ts';
import { both, BUCKETS, DRIVER_ORDER, DRIVERS, labelOf, RETURN_REASONS, TEXT, WEEKDAYS, type Bilingual } from './labels.ts';

/** What the page says about where its numbers come from (published/manifest.json). */
export interface ReportMeta {
  runId: string;
  publishedAt: string;
  generatedAt: string;
  currency: string;
  /** File name of the ECharts build beside index.html. */
  echartsFile: string;
}

/** One chart on the page: its container id, its kind (how report.js draws it) and its data. */
export interface ChartSpec {
  id: string;
  kind: 'ratingTrend' | 'responseTrend' | 'driver' | 'contactReasons' | 'heatmap' | 'returnsWeekly' | 'returnReasons';
  title: string;
  /** Query rows behind the chart (for the run summary). */
  rows: number;
  data: Record<string, unknown>;
}

const ASSETS = new URL('./assets/', import.meta.url);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element (no `</script>`, no `<!--`). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const integer = (n: number) => Math.round(n).toLocaleString('en');
const decimal = (n: number, digits: number) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (n: number) => `${decimal(n * 100, 1)}%`;
const dash = '–';

function formatUtc(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

interface Tile {
  key: string;
  label: Bilingual;
  value: number | null;
  text: string;
  note: string;
}

function tiles(data: ReportData, currency: string): Tile[] {
  const k = data.kpis;
  const show = (value: number | null, format: (n: number) => string) => (value === null ? dash : format(value));
  return [
    {
      key: 'conversations',
      label: TEXT.tileConversations,
      value: k.conversations,
      text: integer(k.conversations),
      note: `${integer(k.conversations_answered)} ${both(TEXT.tileAnswered)}`,
    },
    {
      key: 'median_first_response_hours',
      label: TEXT.tileMedianFirstResponse,
      value: k.median_first_response_hours,
      text: show(k.median_first_response_hours, (n) => `${decimal(n, 1)} h`),
      note: 'fct_conversations',
    },
    {
      key: 'one_touch_rate',
      label: TEXT.tileOneTouch,
      value: k.one_touch_rate,
      text: show(k.one_touch_rate, percent),
      note: `${both(TEXT.tileSolved)}: ${integer(k.conversations_solved)}`,
    },
    {
      key: 'csat_rate',
      label: TEXT.tileCsat,
      value: k.csat_rate,
      text: show(k.csat_rate, percent),
      note: `${integer(k.csat_rated)} ${both(TEXT.tileRated)}`,
    },
    {
      key: 'mean_rating',
      label: TEXT.tileMeanRating,
      value: k.mean_rating,
      text: show(k.mean_rating, (n) => `${decimal(n, 2)} ★`),
      note: `${integer(k.reviews)} ${both(TEXT.tileReviews)}`,
    },
    {
      key: 'return_rate',
      label: TEXT.tileReturnRate,
      value: k.return_rate,
      text: show(k.return_rate, percent),
      note: `${integer(k.return_requests)} ${both(TEXT.tileReturnRequests)}`,
    },
    {
      key: 'refund_amount_reporting',
      label: TEXT.tileRefunds,
      value: k.refund_amount_reporting,
      text: `${currency} ${integer(k.refund_amount_reporting)}`,
      note: 'returns_refunds_weekly',
    },
  ];
}

/** The query results shaped per chart (tens to a few hundred values each). */
export function chartSpecs(data: ReportData): ChartSpec[] {
  const specs: ChartSpec[] = [];
  specs.push({
    id: 'rating-trend',
    kind: 'ratingTrend',
      rows: data.ratingTrend.length,
    title: both(TEXT.ratingTrend),
    data: {
      weeks: data.ratingTrend.map((r) => r.week),
      avgRating: data.ratingTrend.map((r) => r.avg_rating),
      lowShare: data.ratingTrend.map((r) => r.low_rating_share),
      reviews: data.ratingTrend.map((r) => r.reviews),
    },
  });
  specs.push({
    id: 'response-trend',
    kind: 'responseTrend',
      rows: data.responseTrend.length,
    title: both(TEXT.responseTrend),
    data: {
      weeks: data.responseTrend.map((r) => r.week),
      median: data.responseTrend.map((r) => r.median_first_response_hours),
      p90: data.responseTrend.map((r) => r.p90_first_response_hours),
      answered: data.responseTrend.map((r) => r.conversations_answered),
    },
  });
  const drivers = [...new Set([...DRIVER_ORDER, ...data.drivers.map((d) => d.driver)])];
  for (const driver of drivers) {
    const rows = data.drivers.filter((d) => d.driver === driver);
    if (rows.length === 0 && !DRIVER_ORDER.includes(driver)) continue;
    specs.push({
      id: `driver-${driver.replace(/[^a-z0-9]+/gi, '-')}`,
      kind: 'driver',
      rows: rows.length,
      title: both(labelOf(DRIVERS, driver)),
      data: {
        buckets: rows.map((r) => labelOf(BUCKETS, r.bucket)),
        avgRating: rows.map((r) => r.avg_rating),
        lowShare: rows.map((r) => r.low_rating_share),
        reviews: rows.map((r) => r.reviews),
      },
    });
  }
  const weeks = [...new Set(data.contactReasons.map((r) => r.week))].sort();
  const counts = new Map(data.contactReasons.map((r) => [`${r.week}|${r.issue_category}`, r.conversations]));
  specs.push({
    id: 'contact-reasons',
    kind: 'contactReasons',
      rows: data.contactReasons.length,
    title: both(TEXT.contactReasons),
    data: {
      weeks,
      series: data.contactCategories.map((c) => ({
        name: `${c.name} / ${c.name_zh}`,
        data: weeks.map((week) => counts.get(`${week}|${c.issue_category}`) ?? 0),
      })),
    },
  });
  for (const [basis, title] of [
    ['customer_local', TEXT.heatmapCustomer],
    ['team_local', TEXT.heatmapTeam],
  ] as const) {
    const cells = data.hourly.filter((c) => c.time_basis === basis);
    specs.push({
      id: `heatmap-${basis.replace('_', '-')}`,
      kind: 'heatmap',
      rows: cells.filter((c) => c.waits_started > 0).length,
      title: both(title),
      data: {
        weekdays: WEEKDAYS.map((d) => `${d.en} ${d.zh}`),
        // [hour, weekday index from 0, waits started, mean wait in hours]
        cells: cells.map((c) => [c.hour_of_day, c.iso_day_of_week - 1, c.waits_started, c.avg_response_hours]),
      },
    });
  }
  specs.push({
    id: 'returns-weekly',
    kind: 'returnsWeekly',
      rows: data.returnsWeekly.length,
    title: both(TEXT.returnsWeekly),
    data: {
      weeks: data.returnsWeekly.map((r) => r.week),
      rate: data.returnsWeekly.map((r) => r.return_rate),
      refunds: data.returnsWeekly.map((r) => r.refund_amount_reporting),
      requests: data.returnsWeekly.map((r) => r.return_requests),
      orderedProducts: data.returnsWeekly.map((r) => r.ordered_products),
    },
  });
  specs.push({
    id: 'return-reasons',
    kind: 'returnReasons',
      rows: data.returnReasons.length,
    title: both(TEXT.returnReasons),
    data: {
      reasons: data.returnReasons.map((r) => both(labelOf(RETURN_REASONS, r.return_reason))),
      requests: data.returnReasons.map((r) => r.return_requests),
      rate: data.returnReasons.map((r) => r.return_rate),
      refunds: data.returnReasons.map((r) => r.refund_amount_reporting),
    },
  });
  return specs;
}

function card(spec: ChartSpec, note?: Bilingual, extraClass = ''): string {
  return `
      <section class="card ${extraClass}">
        <h2>${escapeHtml(spec.title)}</h2>
        <div class="chart" id="chart-${spec.id}" data-chart="${spec.id}" role="img" aria-label="${escapeHtml(spec.title)}"></div>
        ${note ? `<p class="note">${escapeHtml(note.en)}<br>${escapeHtml(note.zh)}</p>` : ''}
      </section>`;
}

export function renderReportHtml(data: ReportData, meta: ReportMeta): string {
  const specs = chartSpecs(data);
  const byId = (id: string) => specs.find((s) => s.id === id)!;
  const driverSpecs = specs.filter((s) => s.kind === 'driver');
  const css = readFileSync(new URL('report.css', ASSETS), 'utf8');
  const script = readFileSync(new URL('report.js', ASSETS), 'utf8');
  const period =
    data.kpis.first_date && data.kpis.last_date ? `${data.kpis.first_date} – ${data.kpis.last_date}` : dash;
  const metaItem = (label: Bilingual, value: string) =>
    `<div><dt>${escapeHtml(both(label))}</dt><dd>${escapeHtml(value)}</dd></div>`;
  const tileHtml = tiles(data, meta.currency)
    .map(
      (t) => `
        <div class="tile" data-kpi="${t.key}" data-value="${t.value === null ? '' : String(t.value)}">
          <div class="tile-label">${escapeHtml(t.label.en)}<span lang="zh-CN">${escapeHtml(t.label.zh)}</span></div>
          <div class="tile-value">${escapeHtml(t.text)}</div>
          <div class="tile-note">${escapeHtml(t.note)}</div>
        </div>`,
    )
    .join('');

  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="generator" content="crossborder-cs-warehouse npm run report">
  <title>${escapeHtml(both(TEXT.pageTitle))}</title>
  <link rel="icon" href="data:,">
  <style>
${css}
  </style>
</head>
<body>
  <header class="page-header">
    <div>
      <h1>${escapeHtml(TEXT.pageTitle.en)} <span lang="zh-CN">${escapeHtml(TEXT.pageTitle.zh)}</span></h1>
      <p class="subtitle">${escapeHtml(TEXT.subtitle.en)}<br><span lang="zh-CN">${escapeHtml(TEXT.subtitle.zh)}</span></p>
    </div>
    <dl class="meta">
      ${metaItem(TEXT.run, meta.runId)}
      ${metaItem(TEXT.publishedAt, formatUtc(meta.publishedAt))}
      ${metaItem(TEXT.period, period)}
      ${metaItem(TEXT.currency, meta.currency)}
    </dl>
  </header>
  <main>
    <section class="tiles" aria-label="${escapeHtml(both({ en: 'Key figures', zh: '关键指标' }))}">${tileHtml}
    </section>
    <div class="grid two">${card(byId('rating-trend'), TEXT.noteWeeks)}${card(byId('response-trend'), TEXT.noteResponse)}
    </div>
    <section class="card wide">
      <h2>${escapeHtml(both(TEXT.drivers))}</h2>
      <div class="grid drivers">${driverSpecs
        .map(
          (s) => `
        <div class="sub">
          <h3>${escapeHtml(s.title)}</h3>
          <div class="chart small" id="chart-${s.id}" data-chart="${s.id}" role="img" aria-label="${escapeHtml(s.title)}"></div>
        </div>`,
        )
        .join('')}
      </div>
      <p class="note">${escapeHtml(TEXT.noteDrivers.en)}<br>${escapeHtml(TEXT.noteDrivers.zh)}</p>
    </section>
    <div class="grid one">${card(byId('contact-reasons'), TEXT.noteWeeks, 'wide')}
    </div>
    <div class="grid two">${card(byId('heatmap-customer-local'), TEXT.noteHeatmap)}${card(byId('heatmap-team-local'), TEXT.noteHeatmap)}
    </div>
    <div class="grid two">${card(byId('returns-weekly'), TEXT.noteReturns)}${card(byId('return-reasons'), TEXT.noteReturns)}
    </div>
  </main>
  <footer class="page-footer">
    ${escapeHtml(both(TEXT.generatedAt))}: ${escapeHtml(formatUtc(meta.generatedAt))} ·
    ${escapeHtml(both(TEXT.source))}: data/published/marts.duckdb · ECharts (Apache-2.0)
  </footer>
  <script src="./${escapeHtml(meta.echartsFile)}"></script>
  <script>
window.REPORT = ${scriptJson({ currency: meta.currency, text: Object.fromEntries(Object.entries(TEXT).map(([key, label]) => [key, both(label)])), charts: specs })};
${script}
  </script>
</body>
</html>
`;
}
