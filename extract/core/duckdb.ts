/**
 * DuckDB access for the TypeScript side: one instance per database file per process, and literal quoting for the
 * few places DuckDB takes no parameters (file paths in COPY and table-function arguments).
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface Db {
  connection: DuckDBConnection;
  /** Rows of a query as plain JSON-compatible objects. Values are bound parameters, never spliced in. */
  all<T = Record<string, unknown>>(sql: string, params?: Record<string, string | number | boolean | null>): Promise<T[]>;
  run(sql: string, params?: Record<string, string | number | boolean | null>): Promise<void>;
  close(): void;
}

export interface OpenOptions {
  readOnly?: boolean;
  memoryLimit?: string;
  threads?: number;
}

/** Opens a DuckDB database (`:memory:` when no path). */
export async function openDb(path = ':memory:', options: OpenOptions = {}): Promise<Db> {
  const config: Record<string, string> = {};
  if (options.readOnly) config.access_mode = 'READ_ONLY';
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.threads) config.threads = String(options.threads);
  const instance = await DuckDBInstance.create(path, config);
  const connection = await instance.connect();
  return {
    connection,
    async all<T>(sql: string, params?: Record<string, string | number | boolean | null>) {
      const reader = await connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJson() as T[];
    },
    async run(sql, params) {
      await connection.run(sql, params);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A SQL string literal. Only for values DuckDB cannot bind (COPY targets, some table-function arguments). */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A quoted SQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
