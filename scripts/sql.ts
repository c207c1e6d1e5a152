/**
 * `npm run sql`: the DuckDB shell (from the duckdb-cli package in .venv) on the published marts, read-only, so
 * it never blocks the nightly run. `npm run sql -- --warehouse` opens the private warehouse instead (read-only;
 * not while a run is writing it), in the data folder, where the warehouse's views over the lake find their files
 * (dbt builds them there: scripts/lib/dbt.ts). Other arguments go to the shell, e.g. `npm run sql -- -c "show all tables"`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../extract/core/config.ts';
import { UserError } from '../extract/core/errors.ts';
import { main } from './lib/cli.ts';
import { ensureDbtRuntime, venvBin } from './lib/python.ts';
import { PUBLISHED_DB } from './lib/steps/publish.ts';

await main(async () => {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const warehouse = args.includes('--warehouse');
  const file = warehouse ? config.warehousePath : join(config.publishedDir, PUBLISHED_DB);
  if (!existsSync(file)) throw new UserError(`${file} does not exist yet: run \`npm run elt\` first.`);
  ensureDbtRuntime();
  const shell = spawnSync(venvBin('duckdb'), ['-readonly', file, ...args.filter((a) => a !== '--warehouse')], {
    stdio: 'inherit',
    cwd: warehouse ? config.dataDir : undefined,
  });
  return shell.status ?? 1;
});
