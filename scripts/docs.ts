/**
 * `npm run docs`: builds the dbt documentation site (every model, column, test and the lineage graph) into
 * dbt's target folder of the data folder (`data/dbt-target/`). Open its static_index.html in a browser: a single self-contained file, no server needed.
 * `npm run docs -- --serve` serves it on http://localhost:8080 instead.
 */
import { join } from 'node:path';
import { loadConfig } from '../extract/core/config.ts';
import { main } from './lib/cli.ts';
import { runDbt } from './lib/dbt.ts';

await main(async () => {
  const config = loadConfig();
  const serve = process.argv.includes('--serve');
  const code = await runDbt(config, ['docs', 'generate', '--static']);
  if (code !== 0) return code;
  process.stderr.write(`dbt docs: ${join(config.dbtTargetDir, 'static_index.html')}\n`);
  return serve ? runDbt(config, ['docs', 'serve', '--port', '8080', '--no-browser']) : 0;
});
