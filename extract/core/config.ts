/**
 * Pipeline configuration: one zod schema over the environment (`.env` is loaded through dotenv), with defaults
 * and one clear sentence per invalid setting. Paths are resolved against the project root.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { z } from 'zod';
import { UserError } from './errors.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** An optional setting: unset and empty are the same. Shared by the sources' own settings. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const envSchema = z.object({
  CSW_DATA_DIR: z.string().default('data'),
  CSW_LOG_DIR: z.string().default('logs'),
  /** Comma-separated sources to extract. */
  CSW_SOURCES: z.string().default('demo'),
  CSW_DEMO_SEED: int(42),
  CSW_DEMO_SCALE: int(40000),
  CSW_DEMO_END_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
    .default('2026-10-31'),
  CSW_DEMO_DAYS: int(182),
  CSW_BATCH_SIZE: int(50000),
  CSW_DUCKDB_MEMORY_LIMIT: z.string().default('3GB'),
  CSW_DUCKDB_THREADS: int(2),
  /** dbt nodes run at once; above the core count it overlaps dbt's own per-node work with DuckDB's. */
  CSW_DBT_THREADS: int(4),
  CSW_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Currency of every `*_reporting` amount in the warehouse (dbt var reporting_currency). */
  CSW_REPORTING_CURRENCY: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'use a three-letter ISO 4217 code such as USD or EUR')
    .transform((code) => code.toUpperCase())
    .default('USD'),
  /** PostgreSQL target (optional): libpq URL postgres://user:password@host:port/database; when set, elt publishes there too. */
  CSW_POSTGRES_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'use a URL such as postgres://user:password@localhost:5432/csw')),
  CSW_POSTGRES_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,29}$/, 'use a lower-case PostgreSQL name of at most 30 characters (letters, digits, _)')
    .default('csw_marts'),
  /** Read-only role for BI users: created when missing, granted the published schema. */
  CSW_POSTGRES_READER_ROLE: optional(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'use a lower-case PostgreSQL role name')),
  /** Password that lets the reader role log in (without it the role is NOLOGIN: grant it to your BI users). */
  CSW_POSTGRES_READER_PASSWORD: optional(z.string()),
});

export interface Config {
  dataDir: string;
  lakeDir: string;
  warehousePath: string;
  publishedDir: string;
  runsDir: string;
  /** dbt's target folder (manifest, run results, compiled SQL) for this data folder's builds. */
  dbtTargetDir: string;
  logDir: string;
  lockPath: string;
  sources: string[];
  demo: { seed: number; scale: number; endDate: string; days: number };
  batchSize: number;
  duckdbMemoryLimit: string;
  duckdbThreads: number;
  dbtThreads: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  reportingCurrency: string;
  postgresUrl?: string;
  postgresSchema: string;
  postgresReaderRole?: string;
  postgresReaderPassword?: string;
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : join(PROJECT_ROOT, path);
}

/** Reads and validates the configuration. Throws a UserError naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const envFile = join(PROJECT_ROOT, '.env');
  if (env === process.env && existsSync(envFile)) dotenv.config({ path: envFile, quiet: true });
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    throw new UserError(`Invalid configuration: ${problems}. Fix the environment or .env (see .env.example).`);
  }
  const e = parsed.data;
  const dataDir = absolute(e.CSW_DATA_DIR);
  return {
    dataDir,
    lakeDir: join(dataDir, 'lake'),
    warehousePath: join(dataDir, 'warehouse.duckdb'),
    publishedDir: join(dataDir, 'published'),
    runsDir: join(dataDir, 'runs'),
    dbtTargetDir: join(dataDir, 'dbt-target'),
    logDir: absolute(e.CSW_LOG_DIR),
    lockPath: join(dataDir, '.elt.lock'),
    sources: e.CSW_SOURCES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    demo: { seed: e.CSW_DEMO_SEED, scale: e.CSW_DEMO_SCALE, endDate: e.CSW_DEMO_END_DATE, days: e.CSW_DEMO_DAYS },
    batchSize: e.CSW_BATCH_SIZE,
    duckdbMemoryLimit: e.CSW_DUCKDB_MEMORY_LIMIT,
    duckdbThreads: e.CSW_DUCKDB_THREADS,
    dbtThreads: e.CSW_DBT_THREADS,
    logLevel: e.CSW_LOG_LEVEL,
    reportingCurrency: e.CSW_REPORTING_CURRENCY,
    postgresUrl: e.CSW_POSTGRES_URL,
    postgresSchema: e.CSW_POSTGRES_SCHEMA,
    postgresReaderRole: e.CSW_POSTGRES_READER_ROLE,
    postgresReaderPassword: e.CSW_POSTGRES_READER_PASSWORD,
  };
}
