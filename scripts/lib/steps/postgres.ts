/**
 * The PostgreSQL publish step: loads every table of the published read copy (data/published/marts.duckdb) into
 * the schema CSW_POSTGRES_SCHEMA of the server at CSW_POSTGRES_URL and swaps it in atomically
 * (scripts/lib/publish/postgres.ts). Runs after the file publication in `npm run elt` when CSW_POSTGRES_URL is
 * set, and alone with `npm run publish -- --target postgres`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../../extract/core/config.ts';
import { openDb } from '../../../extract/core/duckdb.ts';
import { UserError } from '../../../extract/core/errors.ts';
import type { Logger } from '../../../extract/core/log.ts';
import { readManifestModels, readManifestTableKeys } from '../dbt.ts';
import { describePublishedTables, publishToPostgres } from '../publish/postgres.ts';
import { PUBLISHED_DB } from './publish.ts';
import type { StepResult } from './types.ts';

export async function postgresStep(config: Config, log: Logger, runId: string): Promise<StepResult> {
  const started = Date.now();
  if (!config.postgresUrl) {
    throw new UserError('no PostgreSQL target is configured: set CSW_POSTGRES_URL (see .env.example)');
  }
  const readCopy = join(config.publishedDir, PUBLISHED_DB);
  if (!existsSync(readCopy)) throw new UserError(`there is no publication at ${readCopy} to load into PostgreSQL: run \`npm run elt\` first`);
  const db = await openDb(readCopy, { readOnly: true, memoryLimit: config.duckdbMemoryLimit, threads: config.duckdbThreads });
  try {
    const [{ catalog }] = (await db.all<{ catalog: string }>('select current_database() as catalog')) as [{ catalog: string }];
    const tables = await describePublishedTables(db, catalog, readManifestModels(config.dbtTargetDir), readManifestTableKeys(config.dbtTargetDir));
    const { items, warnings } = await publishToPostgres(
      {
        url: config.postgresUrl,
        schema: config.postgresSchema,
        readerRole: config.postgresReaderRole,
        readerPassword: config.postgresReaderPassword,
      },
      db,
      tables,
      { log, runId, tempDir: join(config.dataDir, 'tmp', `postgres-${runId}`) },
    );
    return { step: 'postgres', status: 'success', duration_ms: Date.now() - started, items, warnings };
  } finally {
    db.close();
  }
}
