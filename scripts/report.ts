/**
 * `npm run report`: writes the static report page `data/published/report/index.html` (charts of the story: KPI
 * tiles, rating and response-time trends, rating drivers, contact reasons, hourly heatmaps, returns) from the
 * published marts, without rebuilding anything. `npm run elt` runs the same step after publish.
 *
 * Options: --quiet (summary only).
 */
import { loadConfig } from '../extract/core/config.ts';
import { main, parseArgs } from './lib/cli.ts';
import { runPipeline } from './lib/run.ts';
import { reportStep } from './lib/steps/report.ts';

await main(async () => {
  const flags = parseArgs(process.argv.slice(2), { quiet: 'switch' });
  return runPipeline(loadConfig(), { command: 'report', quiet: flags.quiet === true }, [
    { name: 'report', run: ({ config, log, runId }) => reportStep(config, log, runId) },
  ]);
});
