/**
 * What decides between an incremental and a full build (scripts/lib/transform-state.ts): the project fingerprint
 * moves with every model, macro, seed or singular-test change and with the settings the models read, and nothing
 * else; the lake's high-water mark is its newest load.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../extract/core/config.ts';
import { decideBuild, lakeHighWaterMark, lakeLoadIds, projectFingerprint } from '../../scripts/lib/transform-state.ts';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'csw-fingerprint-'));
  for (const dir of ['models', 'macros', 'seeds', 'tests/dbt']) cpSync(join(PROJECT_ROOT, dir), join(root, dir), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'dbt_project.yml'), join(root, 'dbt_project.yml'));
  return root;
}

describe('project fingerprint', () => {
  const config = loadConfig({});

  it('is the same for the same project and settings', () => {
    const root = project();
    expect(projectFingerprint(config, root)).toBe(projectFingerprint(config, root));
    expect(projectFingerprint(config, root)).toBe(projectFingerprint(config, project()));
  });

  it('changes with a model, a macro, a seed row or a singular test', () => {
    for (const [file, edit] of [
      ['models/marts/core/fct_orders.sql', '\n-- edited\n'],
      ['macros/latest_version.sql', '\n{# edited #}\n'],
      ['seeds/markets.csv', 'XX,Nowhere,UTC,USD,en\n'],
      ['tests/dbt/assert_returns_reconcile.sql', '\n-- edited\n'],
    ] as const) {
      const root = project();
      const before = projectFingerprint(config, root);
      writeFileSync(join(root, file), edit, { flag: 'a' });
      expect(projectFingerprint(config, root), file).not.toBe(before);
    }
  });

  it('changes with a setting the models read (reporting currency, sources), not with one they do not', () => {
    const root = project();
    const before = projectFingerprint(config, root);
    expect(projectFingerprint(loadConfig({ CSW_REPORTING_CURRENCY: 'EUR' }), root)).not.toBe(before);
    expect(projectFingerprint(loadConfig({ CSW_SOURCES: 'demo,files' }), root)).not.toBe(before);
    expect(projectFingerprint(loadConfig({ CSW_LOG_LEVEL: 'debug' }), root)).toBe(before);
  });

  it('does not change when the data folder moves (its lake and run records move with it)', () => {
    const root = project();
    const before = projectFingerprint(config, root);
    expect(config.lakeDir).not.toBe(loadConfig({ CSW_DATA_DIR: '/srv/csw/data' }).lakeDir);
    expect(projectFingerprint(loadConfig({ CSW_DATA_DIR: '/srv/csw/data' }), root)).toBe(before);
    expect(projectFingerprint(loadConfig({ CSW_DATA_DIR: join(tmpdir(), 'moved') }), root)).toBe(before);
  });
});

describe('lake high-water mark', () => {
  it('is the newest load of the manifest, or null for an empty lake', () => {
    const lake = mkdtempSync(join(tmpdir(), 'csw-lake-'));
    const config = { ...loadConfig({}), lakeDir: lake };
    expect(lakeHighWaterMark(config)).toBeNull();
    mkdirSync(join(lake, '_loads'));
    for (const id of ['20261123T010000000Z-aaaaaa', '20261124T010000000Z-bbbbbb', '20261122T010000000Z-cccccc']) {
      writeFileSync(join(lake, '_loads', `${id}.json`), JSON.stringify({ load_id: id }));
    }
    expect(lakeHighWaterMark(config)).toBe('20261124T010000000Z-bbbbbb');
    expect([...lakeLoadIds(config)].sort()).toEqual(['20261122T010000000Z-cccccc', '20261123T010000000Z-aaaaaa', '20261124T010000000Z-bbbbbb']);
  });
});

describe('full refresh or incremental', () => {
  const state = { watermark_load_id: '20261123T010000000Z-aaaaaa', project_fingerprint: 'f1', built_at: '2026-11-23T02:00:00Z' };
  const loads = new Set(['20261122T010000000Z-cccccc', '20261123T010000000Z-aaaaaa', '20261124T010000000Z-bbbbbb']);
  const decide = (over: Partial<Parameters<typeof decideBuild>[0]>) => decideBuild({ asked: false, state, fingerprint: 'f1', loads, ...over });

  it('is incremental after a complete build of the same project whose watermark load the lake holds', () => {
    expect(decide({})).toEqual({ fullRefresh: false, reason: 'incremental: conversations and orders changed by loads after 20261123T010000000Z-aaaaaa' });
    // a build that saw an empty lake
    expect(decide({ state: { ...state, watermark_load_id: '' }, loads: new Set() }).fullRefresh).toBe(false);
  });

  it('is full when asked for, without a recorded build, after a project change, or when the lake lost the watermark load', () => {
    expect(decide({ asked: true })).toMatchObject({ fullRefresh: true, reason: 'full refresh asked for' });
    expect(decide({ state: null })).toMatchObject({ fullRefresh: true, reason: expect.stringMatching(/no previous complete build/) });
    expect(decide({ fingerprint: 'f2' })).toMatchObject({ fullRefresh: true, reason: expect.stringMatching(/changed since the last build/), parseInFull: true });
    // only a project change makes dbt parse it in full again
    expect(decide({ asked: true }).parseInFull).toBeUndefined();
    expect(decide({}).parseInFull).toBeUndefined();
    // a lake restored from a copy older than the last build
    expect(decide({ loads: new Set(['20261122T010000000Z-cccccc']) })).toMatchObject({
      fullRefresh: true,
      reason: expect.stringMatching(/the lake no longer holds load 20261123T010000000Z-aaaaaa/),
    });
  });
});
