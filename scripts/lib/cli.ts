/**
 * Entry-point wrapper for every npm script: runs the command, turns errors a user can fix into one sentence and
 * a non-zero exit (no stack trace), and keeps the stack of unexpected errors for the log file.
 */
import { UserError } from '../../extract/core/errors.ts';

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
      process.stderr.write(`error: ${message}\n`);
      if (process.env.CSW_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      code = 1;
    }
  }
  process.exit(code);
}

/** `--name value` and `--flag` arguments after `npm run x --`. */
export function parseArgs(argv: string[]): { flags: Record<string, string | true>; rest: string[] } {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) flags[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) {
      flags[name] = next;
      i++;
    } else flags[name] = true;
  }
  return { flags, rest };
}
