/**
 * BI connection files, written at publish time into `published/bi/`:
 *
 * - `power-bi-postgres.pbids`: Power BI Desktop data source file (JSON, version 0.1) for the PostgreSQL target;
 * - `tableau-postgres.tds`: Tableau data source on the PostgreSQL target (native `postgres` connection);
 * - `tableau-duckdb.tds`: Tableau data source on the published DuckDB file through the DuckDB JDBC driver
 *   ("Other Databases (JDBC)", class `genericjdbc`), read-only;
 * - `finebi-connections.json`: the settings of FineBI's PostgreSQL data connection and of a generic JDBC
 *   connection to the DuckDB file;
 * - `connections.md`: the same settings as text, with the exact paths of this machine.
 *
 * The PostgreSQL target comes from CSW_POSTGRES_URL; only its host, port and database are used. The password and
 * the URL's user (the loader account) are never written: the suggested user is CSW_POSTGRES_READER_ROLE when set,
 * else left empty for the analyst to fill in. Without CSW_POSTGRES_URL the files carry the placeholders
 * localhost, 5432 and csw.
 *
 * The DuckDB JDBC driver reads connection options appended to the URL after `;` (`key=value`), so the read-only
 * flag is part of the URL: `jdbc:duckdb:<path>;duckdb.read_only=true`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { postgresAddress } from './postgres.ts';

export interface PostgresTarget {
  host: string;
  port: number;
  database: string;
  schema: string;
  /** Suggested user for BI connections: the read-only role, never the URL's user. */
  user: string | null;
  /** False when CSW_POSTGRES_URL is not set and the values are placeholders. */
  configured: boolean;
}

export const POSTGRES_PLACEHOLDER = { host: 'localhost', port: 5432, database: 'csw' } as const;

export const DUCKDB_JDBC_DRIVER = 'org.duckdb.DuckDBDriver';
export const POSTGRES_JDBC_DRIVER = 'org.postgresql.Driver';

/** The BI-facing view of the PostgreSQL target: host, port and database from the URL, no credentials. */
export function postgresTarget(settings: { postgresUrl?: string; postgresSchema: string; postgresReaderRole?: string }): PostgresTarget {
  const user = settings.postgresReaderRole ?? null;
  if (!settings.postgresUrl) return { ...POSTGRES_PLACEHOLDER, schema: settings.postgresSchema, user, configured: false };
  const { host, port, database } = postgresAddress(settings.postgresUrl);
  return {
    host,
    port,
    database: database || POSTGRES_PLACEHOLDER.database,
    schema: settings.postgresSchema,
    user,
    configured: true,
  };
}

export function duckdbJdbcUrl(databasePath: string): string {
  return `jdbc:duckdb:${databasePath};duckdb.read_only=true`;
}

export function postgresJdbcUrl(target: PostgresTarget): string {
  return `jdbc:postgresql://${target.host}:${target.port}/${target.database}`;
}

/** ODBC connection string for the DuckDB ODBC driver (Power BI, Excel): read-only. */
export function duckdbOdbcConnectionString(databasePath: string): string {
  return `Driver={DuckDB Driver};Database=${databasePath};access_mode=READ_ONLY`;
}

/** Power BI Desktop data source file for the PostgreSQL target. */
export function powerBiPostgresPbids(target: PostgresTarget): string {
  const pbids = {
    version: '0.1',
    connections: [
      {
        details: {
          protocol: 'postgresql',
          address: { server: `${target.host}:${target.port}`, database: target.database },
        },
        options: {},
        mode: 'Import',
      },
    ],
  };
  return JSON.stringify(pbids, null, 2) + '\n';
}

function xmlAttr(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
}

function attrs(record: Record<string, string | number>): string {
  return Object.entries(record)
    .map(([k, v]) => `${k}='${xmlAttr(v)}'`)
    .join(' ');
}

function tds(caption: string, namedConnection: string, connection: Record<string, string | number>, schema: string, table: string): string {
  return [
    `<?xml version='1.0' encoding='utf-8' ?>`,
    `<datasource ${attrs({ 'formatted-name': caption, inline: 'true', version: '18.1', 'xmlns:user': 'http://www.tableausoftware.com/xml/user' })}>`,
    `  <connection class='federated'>`,
    `    <named-connections>`,
    `      <named-connection ${attrs({ caption, name: namedConnection })}>`,
    `        <connection ${attrs(connection)} />`,
    `      </named-connection>`,
    `    </named-connections>`,
    `    <relation ${attrs({ connection: namedConnection, name: table, table: `[${schema}].[${table}]`, type: 'table' })} />`,
    `  </connection>`,
    `</datasource>`,
    '',
  ].join('\n');
}

/** Tableau data source on the PostgreSQL target, opened on `table` (drag in the others). */
export function tableauPostgresTds(target: PostgresTarget, table: string): string {
  return tds(
    `Customer service marts (PostgreSQL ${target.host})`,
    'postgres.csw_marts',
    {
      class: 'postgres',
      dbname: target.database,
      'one-time-sql': '',
      port: target.port,
      schema: target.schema,
      server: target.host,
      sslmode: '',
      username: target.user ?? '',
    },
    target.schema,
    table,
  );
}

/** Tableau data source on the published DuckDB file through the DuckDB JDBC driver, read-only. */
export function tableauDuckdbTds(databasePath: string, table: string): string {
  return tds(
    'Customer service marts (DuckDB, read-only)',
    'genericjdbc.csw_marts',
    {
      class: 'genericjdbc',
      dbname: 'marts',
      dialect: 'postgres',
      jdbcproperties: '',
      jdbcurl: duckdbJdbcUrl(databasePath),
      'one-time-sql': '',
      port: '',
      schema: 'main',
      server: '',
      username: '',
    },
    'main',
    table,
  );
}

/** FineBI data-connection settings: PostgreSQL natively, DuckDB as a generic JDBC connection. */
export function fineBiConnections(target: PostgresTarget, databasePath: string): string {
  const settings = {
    postgresql: {
      recommended: true,
      placeholder_values: !target.configured,
      database_type: 'PostgreSQL',
      driver: POSTGRES_JDBC_DRIVER,
      url: postgresJdbcUrl(target),
      host: target.host,
      port: target.port,
      database: target.database,
      schema: target.schema,
      user: target.user ?? '',
      password: '(ask the data engineer; never stored here)',
      charset: 'UTF-8',
    },
    duckdb: {
      database_type: 'Other (generic JDBC)',
      driver: DUCKDB_JDBC_DRIVER,
      driver_jar: 'duckdb_jdbc-<version>.jar from Maven Central (org.duckdb:duckdb_jdbc), same release as the pipeline: 1.5.x',
      url: duckdbJdbcUrl(databasePath),
      schema: 'main',
      user: '',
      password: '',
      read_only: true,
    },
  };
  return JSON.stringify(settings, null, 2) + '\n';
}

/** The settings as text, for people who set up a connection by hand. */
export function connectionsMarkdown(target: PostgresTarget, databasePath: string, parquetDir: string, csvDir: string): string {
  const placeholder = target.configured
    ? ''
    : '\n> CSW_POSTGRES_URL was not set when this was published: the PostgreSQL values below are placeholders\n> (localhost, 5432, csw). Set it (see .env.example) and rerun `npm run publish`, or edit them.\n';
  return `# Connecting BI tools to the customer-service marts

Generated by \`npm run publish\`; guides: docs/bi/ in the project. Never open data/warehouse.duckdb: only the
published copy below.
${placeholder}
## PostgreSQL (recommended for Power BI, Tableau and FineBI)

| setting | value |
| --- | --- |
| host | \`${target.host}\` |
| port | \`${target.port}\` |
| database | \`${target.database}\` |
| schema | \`${target.schema}\` |
| user | ${target.user ? `\`${target.user}\` (read-only role)` : '(your read-only user)'} |
| JDBC URL | \`${postgresJdbcUrl(target)}\` |

Files: \`power-bi-postgres.pbids\` (Power BI), \`tableau-postgres.tds\` (Tableau), \`finebi-connections.json\` (FineBI).

## DuckDB file, read-only

| setting | value |
| --- | --- |
| file | \`${databasePath}\` |
| JDBC driver class | \`${DUCKDB_JDBC_DRIVER}\` |
| JDBC URL (Tableau, FineBI) | \`${duckdbJdbcUrl(databasePath)}\` |
| ODBC (Power BI) | \`${duckdbOdbcConnectionString(databasePath)}\` |

Files: \`tableau-duckdb.tds\` (Tableau), \`finebi-connections.json\` (FineBI).

## Files

- Parquet (Power BI *Get data -> Parquet* or *Folder*): \`${parquetDir}\`
- CSV, UTF-8 with BOM (Excel, FineBI file datasets): \`${csvDir}\`
`;
}

export const BI_FILES = [
  'power-bi-postgres.pbids',
  'tableau-postgres.tds',
  'tableau-duckdb.tds',
  'finebi-connections.json',
  'connections.md',
] as const;

/** The table a Tableau data source opens on: the daily support KPIs, the first dashboard most teams build. */
export const TABLEAU_START_TABLE = 'support_kpis_daily';

/**
 * Writes the connection files into `dir` (the publication's staging bi/ folder). `publishedDir` is where the
 * publication will live once swapped in: the files name the final paths, not the staging ones.
 */
export function writeConnectionFiles(
  dir: string,
  settings: { postgresUrl?: string; postgresSchema: string; postgresReaderRole?: string },
  publishedDir: string,
  databaseFile: string,
): void {
  mkdirSync(dir, { recursive: true });
  const target = postgresTarget(settings);
  const databasePath = join(publishedDir, databaseFile);
  const files: Record<(typeof BI_FILES)[number], string> = {
    'power-bi-postgres.pbids': powerBiPostgresPbids(target),
    'tableau-postgres.tds': tableauPostgresTds(target, TABLEAU_START_TABLE),
    'tableau-duckdb.tds': tableauDuckdbTds(databasePath, TABLEAU_START_TABLE),
    'finebi-connections.json': fineBiConnections(target, databasePath),
    'connections.md': connectionsMarkdown(target, databasePath, join(publishedDir, 'parquet'), join(publishedDir, 'csv')),
  };
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(dir, name), contents);
}
