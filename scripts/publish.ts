/**
 * `npm run publish`: copy the marts and the star schema from the warehouse to what BI tools read.
 *
 * Targets (`--target files,postgres`): `files` is the read copy data/published/marts.duckdb with Parquet, CSV and
 * the manifest, replaced atomically; `postgres` loads that read copy into PostgreSQL (CSW_POSTGRES_URL). Default:
 * files, then postgres when CSW_POSTGRES_URL is set.
 */
import { loadConfig } from '../extract/core/config.ts';
import { UserError } from '../extract/core/errors.ts';
import { listFlag, main, parseArgs } from './lib/cli.ts';
import { runPipeline, type PipelineStep } from './lib/run.ts';
import { postgresStep } from './lib/steps/postgres.ts';
import { publishStep } from './lib/steps/publish.ts';

const TARGETS = ['files', 'postgres'] as const;

await main(async () => {
  const flags = parseArgs(process.argv.slice(2), { quiet: 'switch', target: 'value' });
  const config = loadConfig();
  const targets = listFlag(flags.target) ?? (config.postgresUrl ? [...TARGETS] : ['files']);
  const unknown = targets.filter((t) => !(TARGETS as readonly string[]).includes(t));
  if (unknown.length > 0) throw new UserError(`unknown publish target ${unknown.join(', ')}: use ${TARGETS.join(' or ')}`);
  const steps: PipelineStep[] = [];
  if (targets.includes('files')) steps.push({ name: 'publish', run: ({ config, log, runId }) => publishStep(config, log, runId) });
  if (targets.includes('postgres')) steps.push({ name: 'postgres', run: ({ config, log, runId }) => postgresStep(config, log, runId) });
  return runPipeline(config, { command: 'publish', quiet: flags.quiet === true }, steps);
});
