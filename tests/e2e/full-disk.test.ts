/**
 * End to end: the disk holding the data folder fills up in the middle of a run. The data folder lives on a small
 * RAM disk (tmpfs) filled with a ballast file until only a few megabytes are left: the up-front check still
 * passes, and the run fails on the way (landing the lake or building the warehouse). Mounting needs root; where
 * the machine does not allow it, the test is skipped and says why.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedFingerprint, runScript, sharedSmallDemo, withDb } from './helpers.ts';

const MIB = 1024 * 1024;

/** Mounts a tmpfs of `mib` MiB on a fresh folder; undefined (with the reason) where mounting is not allowed. */
function mountSmallDisk(mib: number): { dir: string } | { reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'csw-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error) };
  }
}

/** Writes a ballast file until `leaveMib` MiB are left free on the file system holding `dir`. */
function fillDisk(dir: string, leaveMib: number): string {
  const path = join(dir, 'ballast');
  const { bavail, bsize } = statfsSync(dir);
  let left = bavail * bsize - leaveMib * MIB;
  const chunk = Buffer.alloc(MIB, 1);
  const fd = openSync(path, 'w');
  try {
    while (left > 0) left -= writeSync(fd, chunk, 0, Math.min(chunk.length, left));
  } finally {
    closeSync(fd);
  }
  return path;
}

const transformState = (data: string) =>
  withDb(join(data, 'warehouse.duckdb'), (db) =>
    db.all<{ watermark_load_id: string; project_fingerprint: string }>('select watermark_load_id, project_fingerprint from pipeline_state.transform_state'),
  );

const disk = mountSmallDisk(256);
if ('reason' in disk) console.warn(`full-disk test skipped: cannot mount a tmpfs here (${disk.reason})`);

describe.skipIf('reason' in disk)('a disk that fills up mid-run', () => {
  const mount = 'dir' in disk ? disk.dir : '';
  const data = join(mount, 'data');
  let env: Record<string, string>;
  let ballast = '';
  let publishedBefore: Record<string, string>;

  beforeAll(async () => {
    const shared = await sharedSmallDemo();
    cpSync(shared.env.CSW_DATA_DIR!, data, { recursive: true });
    env = { ...shared.env, CSW_DATA_DIR: data };
    publishedBefore = await publishedFingerprint(join(data, 'published', 'marts.duckdb'));
  });

  afterAll(() => {
    if (!mount) return;
    execFileSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
  });

  // With 4 MiB left the night's lake files do not fit; with 16 MiB they do, and the warehouse build does not.
  it.each([
    { leave: 4, failing: 'extract' },
    { leave: 16, failing: 'transform' },
  ])('with $leave MiB left: $failing fails with a clear message, nothing advances, the publication stays as it was', async ({ leave, failing }) => {
    const manifest = readFileSync(join(data, 'published', 'manifest.json'), 'utf8');
    const file = statSync(join(data, 'published', 'marts.duckdb'));
    const state = await transformState(data);
    ballast = fillDisk(mount, leave);
    try {
      const full = await runScript('elt', ['--quiet'], env);
      expect(full.code).not.toBe(0);
      expect(full.stdout).toMatch(/elt FAILED/);
      expect(full.stdout).toMatch(new RegExp(`${failing}\\s+failed`));
      expect(full.stdout + full.stderr).toContain(`${failing} failed: the disk is full`);
      expect(full.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    } finally {
      rmSync(ballast);
    }
    expect(await transformState(data)).toEqual(state);
    expect(readFileSync(join(data, 'published', 'manifest.json'), 'utf8')).toBe(manifest);
    expect(statSync(join(data, 'published', 'marts.duckdb')).ino).toBe(file.ino);
    expect(await publishedFingerprint(join(data, 'published', 'marts.duckdb'))).toEqual(publishedBefore);
    // no half-written temporary file of the run record or the publication left behind
    expect(readdirSync(data, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp') && !f.startsWith('lake'))).toEqual([]);
  });

  it('with space again, the next run finishes and publishes what an uninterrupted run does', async () => {
    const manifestBefore = JSON.parse(readFileSync(join(data, 'published', 'manifest.json'), 'utf8')) as { run_id: string };
    const next = await runScript('elt', ['--quiet'], env);
    expect(next.code, next.stdout + next.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(data, 'published', 'manifest.json'), 'utf8')) as { run_id: string };
    expect(manifest.run_id).not.toBe(manifestBefore.run_id);
    // the demo lands the same shop again: the same facts and marts as before the disk filled up
    expect(await publishedFingerprint(join(data, 'published', 'marts.duckdb'))).toEqual(publishedBefore);
    const [state] = await transformState(data);
    const loads = readdirSync(join(data, 'lake', '_loads')).map((name) => name.replace(/\.json$/, '')).sort();
    expect(state!.watermark_load_id).toBe(loads.at(-1));
  });
});
