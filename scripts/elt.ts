/**
 * `npm run elt`: extract -> transform (dbt build) -> publish -> report, under one lock, with a summary at the end
 * and a non-zero exit when any step fails (a failed step leaves the previous publication in place).
 *
 * The report page is written from the publication after it is in place: a failed report fails the run (its
 * error in the summary, exit 1) but leaves the new publication published and the previous report page as it was.
 *
 * Publishes to PostgreSQL as well when CSW_POSTGRES_URL is set.
 *
 * Options: --quiet (summary only, for cron), --full-refresh (ignore incremental state), --source a,b, and the
 * demo's --seed, --scale (conversations), --days, --end-date (override CSW_DEMO_*).
 */
import { loadConfig } from '../extract/core/config.ts';
import { applyDemoFlags, DEMO_FLAGS, listFlag, main, parseArgs } from './lib/cli.ts';
import { runPipeline, type RunContext } from './lib/run.ts';
import { extractStep } from './lib/steps/extract.ts';
import { postgresStep } from './lib/steps/postgres.ts';
import { publishStep } from './lib/steps/publish.ts';
import { reportStep } from './lib/steps/report.ts';
import { transformStep } from './lib/steps/transform.ts';

await main(async () => {
  const flags = parseArgs(process.argv.slice(2), {
    source: 'value',
    'full-refresh': 'switch',
    quiet: 'switch',
    ...DEMO_FLAGS,
  });
  applyDemoFlags(flags);
  const sources = listFlag(flags.source);
  const config = loadConfig();
  return runPipeline(config, { command: 'elt', quiet: flags.quiet === true }, [
    {
      name: 'extract',
      run: ({ config, log, progress }) => extractStep(config, log, { sources, fullRefresh: flags['full-refresh'] === true, progress }),
    },
    { name: 'transform', run: ({ config, log, progress }) => transformStep(config, log, { progress, fullRefresh: flags['full-refresh'] === true }) },
    { name: 'publish', run: ({ config, log, runId }) => publishStep(config, log, runId) },
    // PostgreSQL too when it is configured (CSW_POSTGRES_URL).
    ...(config.postgresUrl ? [{ name: 'postgres' as const, run: ({ config, log, runId }: RunContext) => postgresStep(config, log, runId) }] : []),
    { name: 'report', run: ({ config, log, runId }) => reportStep(config, log, runId) },
  ]);
});
