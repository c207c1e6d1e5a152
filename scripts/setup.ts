/** `npm install` hook and `npm run setup`: installs the dbt runtime into .venv (idempotent). */
import { ensureDbtRuntime } from './lib/python.ts';
import { main } from './lib/cli.ts';

await main(async () => {
  const installed = ensureDbtRuntime();
  process.stderr.write(installed ? 'dbt runtime ready in .venv\n' : 'dbt runtime already up to date\n');
  return 0;
});
