/**
 * The run lock: one `npm run elt` (or extract/transform/publish) at a time per data directory. The lock file holds
 * the owner's pid; a lock whose process is gone (a run that was killed) is stale and taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../../extract/core/errors.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Lock {
  release(): void;
  /** True when a stale lock of a dead run was cleared to take this one. */
  recoveredStale: boolean;
}

export function acquireLock(path: string): Lock {
  mkdirSync(dirname(path), { recursive: true });
  let recoveredStale = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, started_at: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { release, recoveredStale };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: { pid?: number; started_at?: string } = {};
      try {
        owner = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // A lock file being written right now or left empty by a crash: treat as held unless its pid is known dead.
      }
      if (owner.pid && !alive(owner.pid)) {
        rmSync(path, { force: true });
        recoveredStale = true;
        continue;
      }
      throw new UserError(
        `Another pipeline run is in progress (pid ${owner.pid ?? 'unknown'}, started ${owner.started_at ?? 'at an unknown time'}); wait for it to finish, or remove ${path} if you are sure it is not running.`,
      );
    }
  }
  throw new UserError(`Could not take the run lock ${path}; remove it if no run is in progress.`);
}
