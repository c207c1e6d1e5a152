/**
 * Entry-point wrapper for every npm script: runs the command, turns errors a user can fix into one sentence and
 * a non-zero exit (no stack trace), and keeps the stack of unexpected errors for the log file.
 */
import { UserError } from '../../extract/core/errors.ts';
import { fileErrorReason } from '../../extract/core/fs-atomic.ts';

export async function main(command: () => Promise<number>): Promise<never> {
  let code: number;
  try {
    code = await command();
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`error: ${error.message}\n`);
      code = 2;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      const reason = fileErrorReason(error);
      process.stderr.write(`error: ${reason ? `${reason}: ` : ''}${message}\n`);
      if (process.env.CSW_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      code = 1;
    }
  }
  process.exit(code);
}

/** What a command accepts: `value` flags take an argument, `switch` flags do not. */
export type FlagSpec = Record<string, 'value' | 'switch'>;

/** The demo generator's options, accepted by the commands that extract (`--seed 7 --scale 5000`). */
export const DEMO_FLAGS: FlagSpec = { seed: 'value', scale: 'value', days: 'value', 'end-date': 'value' };

/**
 * `--name value`, `--name=value` and `--switch` arguments after `npm run x --`. An unknown flag, a missing value
 * or a value given to a switch is a UserError naming the accepted flags, never silently ignored.
 */
export function parseArgs(argv: string[], spec: FlagSpec): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  const accepted = () => Object.keys(spec).map((name) => `--${name}`).join(', ');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UserError(`unexpected argument "${arg}"; this command accepts ${accepted()}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) throw new UserError(`unknown option --${name}; this command accepts ${accepted()}`);
    if (kind === 'switch') {
      if (inline !== undefined) throw new UserError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UserError(`--${name} needs a value`);
    }
    if (inline === undefined) i++;
    flags[name] = value;
  }
  return flags;
}

/** Demo options given on the command line override their CSW_DEMO_* settings (validated by loadConfig). */
export function applyDemoFlags(flags: Record<string, string | true>): void {
  const names: Record<string, string> = { seed: 'SEED', scale: 'SCALE', days: 'DAYS', 'end-date': 'END_DATE' };
  for (const [flag, suffix] of Object.entries(names)) {
    const value = flags[flag];
    if (typeof value === 'string') process.env[`CSW_DEMO_${suffix}`] = value;
  }
}

/** `--source a,b` style lists. */
export function listFlag(value: string | true | undefined): string[] | undefined {
  return typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : undefined;
}
