/**
 * The run lock: one `npm run elt` (or extract/transform/publish) at a time per data directory. The lock file holds
 * the owner's pid and, on Linux, its start time in /proc; a lock whose process is gone (a run that was killed) is
 * stale and taken over. Gone includes a killed process not yet reaped (a zombie: in a container nobody may reap
 * it for a while) and a pid since reused by another process (its start time differs).
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../../extract/core/errors.ts';

/** State and start time (clock ticks since boot) of a process from /proc; undefined where there is no /proc. */
function procStat(pid: number): { state: string; start: string } | null | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' && existsSync('/proc/self/stat') ? null : undefined;
  }
  // fields after the command name, which may itself hold spaces and parentheses
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0]!, start: fields[19]! };
}

function alive(owner: { pid: number; proc_start?: string }): boolean {
  const stat = procStat(owner.pid);
  if (stat === null) return false;
  if (stat) return stat.state !== 'Z' && stat.state !== 'X' && (owner.proc_start === undefined || owner.proc_start === stat.start);
  try {
    process.kill(owner.pid, 0);
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
      writeSync(fd, JSON.stringify({ pid: process.pid, proc_start: procStat(process.pid)?.start, started_at: new Date().toISOString() }));
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
      let owner: { pid?: number; proc_start?: string; started_at?: string } = {};
      try {
        owner = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // A lock file being written right now or left empty by a crash: treat as held unless its pid is known dead.
      }
      if (owner.pid && !alive({ pid: owner.pid, proc_start: owner.proc_start })) {
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
