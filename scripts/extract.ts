/**
 * `npm run extract`: land the configured sources in the lake.
 * Options: --source a,b (default CSW_SOURCES), --stream x,y, --full-refresh, --quiet, and the demo's
 * --seed, --scale (conversations), --days, --end-date (override CSW_DEMO_*).
 */
import { loadConfig } from '../extract/core/config.ts';
import { applyDemoFlags, DEMO_FLAGS, listFlag, main, parseArgs } from './lib/cli.ts';
import { runPipeline } from './lib/run.ts';
import { extractStep } from './lib/steps/extract.ts';

await main(async () => {
  const flags = parseArgs(process.argv.slice(2), {
    source: 'value',
    stream: 'value',
    'full-refresh': 'switch',
    quiet: 'switch',
    ...DEMO_FLAGS,
  });
  applyDemoFlags(flags);
  return runPipeline(loadConfig(), { command: 'extract', quiet: flags.quiet === true }, [
    {
      name: 'extract',
      run: ({ config, log, progress }) =>
        extractStep(config, log, {
          sources: listFlag(flags.source),
          streams: listFlag(flags.stream),
          fullRefresh: flags['full-refresh'] === true,
          progress,
        }),
    },
  ]);
});
