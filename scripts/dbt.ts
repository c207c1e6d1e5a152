/** `npm run dbt -- <args>`: the project's dbt with the project's environment (e.g. `npm run dbt -- ls`). */
import { loadConfig } from '../extract/core/config.ts';
import { main } from './lib/cli.ts';
import { runDbt } from './lib/dbt.ts';

await main(async () => runDbt(loadConfig(), process.argv.slice(2), { onLine: (line) => process.stdout.write(line + '\n') }));
