/** `npm run publish`: copy the marts and the star schema from the warehouse to data/published (atomically). */
import { loadConfig } from '../extract/core/config.ts';
import { main, parseArgs } from './lib/cli.ts';
import { runPipeline } from './lib/run.ts';
import { publishStep } from './lib/steps/publish.ts';

await main(async () => {
  const flags = parseArgs(process.argv.slice(2), { quiet: 'switch' });
  return runPipeline(loadConfig(), { command: 'publish', quiet: flags.quiet === true }, [
    { name: 'publish', run: ({ config, log, runId }) => publishStep(config, log, runId) },
  ]);
});
