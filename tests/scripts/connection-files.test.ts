/** BI connection files: the PostgreSQL target without credentials, the documented file formats, placeholders. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../extract/core/config.ts';
import {
  BI_FILES,
  duckdbJdbcUrl,
  postgresTarget,
  powerBiPostgresPbids,
  tableauDuckdbTds,
  writeConnectionFiles,
} from '../../scripts/lib/publish/connection-files.ts';
import { xmlProblem } from './xml.ts';

const SECRET_URL = 'postgres://csw_loader:Sup3r%40Secret@db.example.com:6543/warehouse';

function writeAll(settings: Parameters<typeof writeConnectionFiles>[1], publishedDir = '/srv/csw/data/published') {
  const dir = mkdtempSync(join(tmpdir(), 'csw-bi-'));
  writeConnectionFiles(dir, settings, publishedDir, 'marts.duckdb');
  return { dir, files: Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])) as Record<string, string> };
}

describe('the PostgreSQL target as BI tools see it', () => {
  it('takes host, port and database from CSW_POSTGRES_URL and the reader role as the user', () => {
    expect(postgresTarget({ postgresUrl: SECRET_URL, postgresSchema: 'csw_marts', postgresReaderRole: 'csw_reader' })).toEqual({
      host: 'db.example.com',
      port: 6543,
      database: 'warehouse',
      schema: 'csw_marts',
      user: 'csw_reader',
      configured: true,
    });
    // No reader role: no user at all, never the URL's (loader) user; default port.
    expect(postgresTarget({ postgresUrl: 'postgresql://loader:pw@10.0.0.5/csw', postgresSchema: 'bi' })).toMatchObject({
      host: '10.0.0.5',
      port: 5432,
      user: null,
      schema: 'bi',
    });
  });

  it('uses the placeholders localhost, 5432 and csw without CSW_POSTGRES_URL', () => {
    expect(postgresTarget({ postgresSchema: 'csw_marts' })).toEqual({
      host: 'localhost',
      port: 5432,
      database: 'csw',
      schema: 'csw_marts',
      user: null,
      configured: false,
    });
  });

  it('refuses a malformed URL without echoing it', () => {
    expect(() => postgresTarget({ postgresUrl: 'postgres://u:Secret@[bad', postgresSchema: 'x' })).toThrow(/not a valid URL/);
    try {
      postgresTarget({ postgresUrl: 'postgres://u:Secret@[bad', postgresSchema: 'x' });
    } catch (error) {
      expect(String(error)).not.toContain('Secret');
    }
  });

  it('reads the three settings from the environment, with the schema defaulting to csw_marts', () => {
    const config = loadConfig({ CSW_POSTGRES_URL: SECRET_URL, CSW_POSTGRES_READER_ROLE: 'csw_reader' });
    expect(config).toMatchObject({ postgresUrl: SECRET_URL, postgresSchema: 'csw_marts', postgresReaderRole: 'csw_reader' });
    expect(loadConfig({})).toMatchObject({ postgresUrl: undefined, postgresSchema: 'csw_marts', postgresReaderRole: undefined });
    expect(() => loadConfig({ CSW_POSTGRES_URL: 'mysql://x@y/z' })).toThrow(/CSW_POSTGRES_URL/);
    expect(() => loadConfig({ CSW_POSTGRES_SCHEMA: 'Bad Schema' })).toThrow(/CSW_POSTGRES_SCHEMA/);
  });
});

describe('connection files', () => {
  it('writes every file, and no password or URL user anywhere', () => {
    const { files } = writeAll({ postgresUrl: SECRET_URL, postgresSchema: 'csw_marts', postgresReaderRole: 'csw_reader' });
    expect(Object.keys(files).sort()).toEqual([...BI_FILES].sort());
    for (const [name, text] of Object.entries(files)) {
      for (const secret of ['Sup3r', 'Secret', 'csw_loader', SECRET_URL]) expect(text, `${name} holds ${secret}`).not.toContain(secret);
      if (name !== 'tableau-duckdb.tds') expect(text, name).toContain('db.example.com');
    }
  });

  it('writes a Power BI .pbids in the documented shape: version 0.1, one postgresql connection', () => {
    const { files } = writeAll({ postgresUrl: SECRET_URL, postgresSchema: 'csw_marts' });
    expect(JSON.parse(files['power-bi-postgres.pbids']!)).toEqual({
      version: '0.1',
      connections: [
        { details: { protocol: 'postgresql', address: { server: 'db.example.com:6543', database: 'warehouse' } }, options: {}, mode: 'Import' },
      ],
    });
  });

  it('writes well-formed Tableau data sources: postgres natively, DuckDB through generic JDBC, read-only', () => {
    const { dir, files } = writeAll({ postgresUrl: SECRET_URL, postgresSchema: 'csw_marts', postgresReaderRole: 'csw_reader' });
    for (const name of ['tableau-postgres.tds', 'tableau-duckdb.tds']) expect(xmlProblem(join(dir, name)), name).toBeNull();
    const pg = files['tableau-postgres.tds']!;
    expect(pg).toMatch(/<connection class='postgres' dbname='warehouse' [^>]*port='6543' schema='csw_marts' server='db.example.com' [^>]*username='csw_reader'/);
    expect(pg).toContain("table='[csw_marts].[support_kpis_daily]'");
    const duck = files['tableau-duckdb.tds']!;
    expect(duck).toContain("class='genericjdbc'");
    expect(duck).toContain("jdbcurl='jdbc:duckdb:/srv/csw/data/published/marts.duckdb;duckdb.read_only=true'");
  });

  it('escapes paths in XML so that an odd folder name still gives a well-formed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csw-bi-'));
    const path = join(dir, 'tds');
    const odd = "/data/Tom's & <Jerry>/marts.duckdb";
    const text = tableauDuckdbTds(odd, 'dim_date');
    expect(text).toContain(duckdbJdbcUrl("/data/Tom&apos;s &amp; &lt;Jerry&gt;/marts.duckdb"));
    // written and parsed back
    writeConnectionFiles(path, { postgresSchema: 'csw_marts' }, "/data/Tom's & <Jerry>", 'marts.duckdb');
    expect(xmlProblem(join(path, 'tableau-duckdb.tds'))).toBeNull();
  });

  it('writes FineBI settings: PostgreSQL natively, DuckDB as generic JDBC with the DuckDB driver class', () => {
    const { files } = writeAll({ postgresUrl: SECRET_URL, postgresSchema: 'csw_marts', postgresReaderRole: 'csw_reader' });
    const finebi = JSON.parse(files['finebi-connections.json']!);
    expect(finebi.postgresql).toMatchObject({
      driver: 'org.postgresql.Driver',
      url: 'jdbc:postgresql://db.example.com:6543/warehouse',
      schema: 'csw_marts',
      user: 'csw_reader',
      placeholder_values: false,
    });
    expect(finebi.duckdb).toMatchObject({
      driver: 'org.duckdb.DuckDBDriver',
      url: 'jdbc:duckdb:/srv/csw/data/published/marts.duckdb;duckdb.read_only=true',
      read_only: true,
    });
  });

  it('writes placeholders, and says so, when CSW_POSTGRES_URL is not set', () => {
    const { files } = writeAll({ postgresSchema: 'csw_marts' });
    expect(JSON.parse(files['power-bi-postgres.pbids']!).connections[0].details.address).toEqual({ server: 'localhost:5432', database: 'csw' });
    expect(JSON.parse(files['finebi-connections.json']!).postgresql).toMatchObject({ url: 'jdbc:postgresql://localhost:5432/csw', placeholder_values: true, user: '' });
    expect(files['connections.md']).toMatch(/CSW_POSTGRES_URL was not set/);
    expect(files['tableau-postgres.tds']).toMatch(/dbname='csw' [^>]*port='5432' [^>]*server='localhost' [^>]*username=''/);
  });

  it('keeps the pbids JSON valid whatever the host', () => {
    const target = postgresTarget({ postgresUrl: 'postgres://u:p@[::1]:5433/db"x', postgresSchema: 's' });
    expect(JSON.parse(powerBiPostgresPbids(target)).connections[0].details.address.server).toBe('[::1]:5433');
  });
});
