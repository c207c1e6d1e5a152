/**
 * Logging: JSON lines to a file (for cron and CI) and short human lines to the terminal.
 * Secrets never reach either: values of keys that look secret are masked before writing.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  /** A logger whose lines all carry `fields` (for example `{ source: 'demo', stream: 'tickets' }`). */
  child(fields: Fields): Logger;
}

const SECRET_KEY = /token|secret|password|passwd|api_?key|authorization/i;

export function maskSecrets(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = SECRET_KEY.test(key) && value !== undefined && value !== null ? '***' : value;
  }
  return out;
}

export interface LoggerOptions {
  /** JSON-lines file; omitted: no file. */
  file?: string;
  /** Minimum level echoed to stderr as human text; `silent` echoes nothing. */
  console?: Level | 'silent';
}

/** Log files a write failed on; the loggers of a run stop writing them. */
const unwritableLogs = new Set<string>();

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: LoggerOptions = {}, base: Fields = {}): Logger {
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  const threshold = options.console === 'silent' ? Infinity : ORDER[options.console ?? 'info'];
  const write = (level: Level, msg: string, fields?: Fields) => {
    const all = maskSecrets({ ...base, ...fields });
    if (options.file && !unwritableLogs.has(options.file)) {
      try {
        appendFileSync(options.file, JSON.stringify({ ts: new Date().toISOString(), level, msg, ...all }) + '\n');
      } catch (error) {
        // A log that cannot be written (the disk filled up) must not take the run down with it: say so once, go on.
        unwritableLogs.add(options.file);
        process.stderr.write(`WARN: cannot write the log file ${options.file} (${error instanceof Error ? error.message : String(error)}); logging to the terminal only\n`);
      }
    }
    if (ORDER[level] >= threshold) {
      const prefix = level === 'info' ? '' : `${level.toUpperCase()}: `;
      process.stderr.write(`${prefix}${msg}\n`);
    }
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  };
}

/** A logger that discards everything (tests, library use). */
export const silentLogger: Logger = createLogger({ console: 'silent' });
