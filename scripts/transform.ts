/**
 * `npm run transform`: `dbt build` on what the lake holds (seeds, models, tests), showing dbt's output.
 * Arguments after `--` go to dbt build, e.g. `npm run transform -- --select marts`.
 */
import { loadConfig } from '../extract/core/config.ts';
import { main } from './lib/cli.ts';
import { runPipeline } from './lib/run.ts';
import { transformStep } from './lib/steps/transform.ts';

await main(async () => {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const dbtArgs = args.filter((a) => a !== '--quiet');
  return runPipeline(loadConfig(), { command: 'transform', quiet }, [
    { name: 'transform', run: ({ config, log }) => transformStep(config, log, { dbtArgs, echo: !quiet }) },
  ]);
});
