/**
 * The dbt runtime: a Python virtual environment in `.venv/` with the pins of requirements.txt. Created on
 * `npm install` (scripts/setup.ts) and checked again by every command that needs dbt: quick when already in
 * place, reinstalled when requirements.txt changes.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../extract/core/config.ts';
import { UserError } from '../../extract/core/errors.ts';

export const VENV_DIR = process.env.CSW_VENV_DIR ?? join(PROJECT_ROOT, '.venv');
export const venvBin = (name: string) => join(VENV_DIR, 'bin', name);
const REQUIREMENTS = join(PROJECT_ROOT, 'requirements.txt');
const STAMP = join(VENV_DIR, '.requirements.sha256');

function findPython(): string {
  for (const candidate of [process.env.CSW_PYTHON, 'python3', 'python'].filter(Boolean) as string[]) {
    const probe = spawnSync(candidate, ['-c', 'import sys; print(sys.version_info >= (3, 9))'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim() === 'True') return candidate;
  }
  throw new UserError(
    'Python 3.9 or newer is needed to run dbt but was not found: install it (for example `apt-get install python3 python3-venv`) and run `npm install` again.',
  );
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: PROJECT_ROOT });
  if (result.status !== 0) throw new UserError(`${what} failed (exit ${result.status ?? result.signal}); see the output above.`);
}

/** Makes sure `.venv` holds exactly the pinned dbt runtime. Returns true when it had to install something. */
export function ensureDbtRuntime(log: (msg: string) => void = (m) => process.stderr.write(m + '\n')): boolean {
  const wanted = createHash('sha256').update(readFileSync(REQUIREMENTS)).digest('hex');
  if (existsSync(venvBin('dbt')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === wanted) return false;
  if (!existsSync(venvBin('python'))) {
    const python = findPython();
    log(`Creating the dbt runtime in ${VENV_DIR} ...`);
    const venv = spawnSync(python, ['-m', 'venv', VENV_DIR], { encoding: 'utf8' });
    if (venv.status !== 0) {
      throw new UserError(
        `Could not create a Python virtual environment (${venv.stderr.trim().split('\n').pop()}): install the venv module (for example \`apt-get install python3-venv\`) and run \`npm install\` again.`,
      );
    }
  }
  log('Installing the pinned dbt runtime (dbt-core, dbt-duckdb, duckdb, duckdb-cli) from requirements.txt ...');
  run(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS], 'pip install');
  writeFileSync(STAMP, wanted + '\n');
  return true;
}
