/**
 * `npm run elt`: extract -> transform (dbt build) -> publish, under one lock, with a summary at the end and a
 * non-zero exit when any step fails (a failed step leaves the previous publication in place).
 *
 * Options: --quiet (summary only, for cron), --full-refresh (ignore incremental state), --source a,b.
 */
import { loadConfig } from '../extract/core/config.ts';
import { main, parseArgs } from './lib/cli.ts';
import { runPipeline } from './lib/run.ts';
import { extractStep } from './lib/steps/extract.ts';
import { publishStep } from './lib/steps/publish.ts';
import { transformStep } from './lib/steps/transform.ts';

await main(async () => {
  const { flags } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const sources = typeof flags.source === 'string' ? flags.source.split(',') : undefined;
  return runPipeline(config, { command: 'elt', quiet: flags.quiet === true }, [
    {
      name: 'extract',
      run: ({ config, log, progress }) => extractStep(config, log, { sources, fullRefresh: flags['full-refresh'] === true, progress }),
    },
    { name: 'transform', run: ({ config, log, progress }) => transformStep(config, log, { progress }) },
    { name: 'publish', run: ({ config, log, runId }) => publishStep(config, log, runId) },
  ]);
});
