/** The human summary printed at the end of a run: per step status and time, rows per stream and table, warnings. */
import type { RunRecord } from './run.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number | null) => (n === null ? '-' : n.toLocaleString('en'));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => '  ' + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n') + '\n';
}

export function formatSummary(record: RunRecord, options: { quiet?: boolean; logFile: string }): string {
  const lines: string[] = [];
  const head = record.status === 'success' ? 'succeeded' : 'FAILED';
  lines.push(`\n${record.command} ${head} in ${seconds(record.duration_ms)} (run ${record.run_id})\n`);
  lines.push(
    table([
      ['step', 'status', 'time', 'items', 'rows', 'quarantined'],
      ...record.steps.map((s) => [
        s.step,
        s.status,
        seconds(s.duration_ms),
        String(s.items.length),
        count(s.items.reduce((sum, i) => sum + (i.rows ?? 0), 0)),
        count(s.items.reduce((sum, i) => sum + (i.quarantined ?? 0), 0)),
      ]),
    ]),
  );
  for (const step of record.steps) if (step.detail) lines.push(`  ${step.step}: ${step.detail}\n`);
  if (!options.quiet) {
    for (const step of record.steps) {
      if (step.items.length === 0) continue;
      const what = {
        extract: 'rows per stream',
        transform: 'models (rows for tables)',
        publish: 'published tables',
        postgres: 'tables loaded into PostgreSQL',
        report: 'charts (query rows behind each)',
      }[step.step];
      lines.push(`\n${step.step}: ${what}\n`);
      lines.push(
        table([
          ['name', 'rows', 'quarantined', 'time'],
          ...step.items.map((i) => [
            i.name + (i.status && i.status !== 'success' ? ` [${i.status}]` : ''),
            count(i.rows),
            i.quarantined === undefined ? '' : count(i.quarantined),
            i.duration_ms === undefined ? '' : seconds(i.duration_ms),
          ]),
        ]),
      );
    }
  }
  if (record.warnings.length > 0) {
    lines.push(`\nwarnings (${record.warnings.length}):\n`);
    for (const w of record.warnings) lines.push(`  - ${w}\n`);
  }
  if (record.error) lines.push(`\nerror: ${record.error}\n`);
  lines.push(`\nlog: ${options.logFile}\n`);
  return lines.join('');
}
