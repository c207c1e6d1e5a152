import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../extract/core/errors.ts';
import { acquireLock } from '../../../scripts/lib/lock.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'csw-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('run lock', () => {
  it('refuses a second holder with a clear message while the first holds it, and frees on release', () => {
    const path = join(dir, '.elt.lock');
    const first = acquireLock(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    expect(() => acquireLock(path)).toThrow(UserError);
    expect(() => acquireLock(path)).toThrow(/Another pipeline run is in progress \(pid \d+/);
    first.release();
    expect(existsSync(path)).toBe(false);
    acquireLock(path).release();
  });

  it('takes over the stale lock of a process that no longer exists', async () => {
    const path = join(dir, '.elt.lock');
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(path, JSON.stringify({ pid: deadPid, started_at: '2026-01-01T00:00:00Z' }));
    const lock = acquireLock(path);
    expect(lock.recoveredStale).toBe(true);
    lock.release();
  });

  it('takes over the lock of a killed run not yet reaped (a zombie) and of a pid reused by another process', async () => {
    const path = join(dir, '.elt.lock');
    // `sleep 0` exits at once, but its parent has exec'd into `sleep 5` and never waits for it: a zombie for 5 s
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5']);
    const zombiePid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d)))));
    // wait (up to 3 s, on a busy machine) until the child has exited and is a zombie
    for (let waited = 0; waited < 3000 && !/\) Z /.test(readFileSync(`/proc/${zombiePid}/stat`, 'utf8')); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readFileSync(`/proc/${zombiePid}/stat`, 'utf8')).toMatch(/\) Z /);
    writeFileSync(path, JSON.stringify({ pid: zombiePid, started_at: '2026-01-01T00:00:00Z' }));
    const lock = acquireLock(path);
    expect(lock.recoveredStale).toBe(true);
    lock.release();
    parent.kill('SIGKILL');
    // a live process (this one) whose start time is not the lock owner's: the pid was reused
    writeFileSync(path, JSON.stringify({ pid: process.pid, proc_start: '1', started_at: '2026-01-01T00:00:00Z' }));
    const again = acquireLock(path);
    expect(again.recoveredStale).toBe(true);
    again.release();
  });
});
