/** Durable, atomic file replacement: write a temporary sibling, fsync it, rename it over the target, fsync the folder. */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from './errors.ts';

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Moves a finished temporary file into place so readers see either the old file or the whole new one. */
export function commitFile(tempPath: string, finalPath: string): void {
  fsyncPath(tempPath);
  renameSync(tempPath, finalPath);
  fsyncPath(dirname(finalPath));
}

export function writeFileAtomic(path: string, contents: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, contents);
    commitFile(temp, path);
  } catch (error) {
    rmSync(temp, { force: true }); // e.g. the disk filled up mid-write: leave no half-written sibling behind
    throw error;
  }
}

export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Moves a finished temporary folder (a sibling of `finalDir`, its files already durable) into place. A folder
 * cannot be renamed over a non-empty one, so the old folder is first renamed aside, then the new one in, then the
 * old one removed: a reader sees the whole old folder, for an instant none, or the whole new one, never a mix.
 */
export function commitDir(tempDir: string, finalDir: string): void {
  fsyncPath(tempDir);
  const parent = dirname(finalDir);
  const old = join(parent, `.${basename(finalDir)}-old-${process.pid}`);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(finalDir)) renameSync(finalDir, old);
  renameSync(tempDir, finalDir);
  fsyncPath(parent);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Creates `dir` if needed and proves it writable with a probe file; otherwise a UserError naming the folder, the
 * setting that moves it and the system's reason (not a directory, permission denied, disk full, read-only).
 */
export function ensureWritableDir(dir: string, setting: string): void {
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new UserError(`Cannot write to ${dir} (${fileErrorReason(error) ?? (error instanceof Error ? error.message : String(error))}); set ${setting} to a writable folder or free the disk.`);
  }
}

/** What a file system error means in words (disk full, permission denied, ...), or undefined for other errors. */
export function fileErrorReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    { ENOTDIR: 'part of the path is a file', EACCES: 'permission denied', EPERM: 'permission denied', ENOSPC: 'the disk is full', EDQUOT: 'the disk quota is used up', EROFS: 'the file system is read-only' } as Record<string, string>
  )[code ?? ''];
}
