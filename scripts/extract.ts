/**
 * `npm run extract`: land the configured sources in the lake.
 * Options: --source a,b (default CSW_SOURCES), --stream x,y, --full-refresh, --quiet.
 */
import { loadConfig } from '../extract/core/config.ts';
import { main, parseArgs } from './lib/cli.ts';
import { runPipeline } from './lib/run.ts';
import { extractStep } from './lib/steps/extract.ts';

await main(async () => {
  const { flags } = parseArgs(process.argv.slice(2));
  const list = (flag: string | true | undefined) => (typeof flag === 'string' ? flag.split(',') : undefined);
  return runPipeline(loadConfig(), { command: 'extract', quiet: flags.quiet === true }, [
    {
      name: 'extract',
      run: ({ config, log, progress }) =>
        extractStep(config, log, {
          sources: list(flags.source),
          streams: list(flags.stream),
          fullRefresh: flags['full-refresh'] === true,
          progress,
        }),
    },
  ]);
});
