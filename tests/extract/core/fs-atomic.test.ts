import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../extract/core/errors.ts';
import { commitDir, ensureWritableDir } from '../../../extract/core/fs-atomic.ts';

function folder(parent: string, name: string, files: Record<string, string>): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('commitDir', () => {
  it('moves a finished folder into place when there was none', () => {
    const parent = mkdtempSync(join(tmpdir(), 'csw-fs-'));
    commitDir(folder(parent, '.report-new', { 'index.html': 'new' }), join(parent, 'report'));
    expect(readdirSync(parent)).toEqual(['report']);
    expect(readFileSync(join(parent, 'report', 'index.html'), 'utf8')).toBe('new');
  });

  it('replaces the whole previous folder, leaving none of its files and no sibling behind', () => {
    const parent = mkdtempSync(join(tmpdir(), 'csw-fs-'));
    folder(parent, 'report', { 'index.html': 'old', 'stale.js': 'old' });
    commitDir(folder(parent, '.report-new', { 'index.html': 'new' }), join(parent, 'report'));
    expect(readdirSync(parent)).toEqual(['report']);
    expect(readdirSync(join(parent, 'report'))).toEqual(['index.html']);
    expect(readFileSync(join(parent, 'report', 'index.html'), 'utf8')).toBe('new');
  });
});

describe('ensureWritableDir', () => {
  it('creates a missing folder, and names the folder, the setting and the reason when it cannot write', () => {
    const root = mkdtempSync(join(tmpdir(), 'csw-writable-'));
    ensureWritableDir(join(root, 'a', 'b'), 'CSW_DATA_DIR');
    expect(readdirSync(join(root, 'a', 'b'))).toEqual([]);
    writeFileSync(join(root, 'file'), 'x');
    expect(() => ensureWritableDir(join(root, 'file', 'data'), 'CSW_DATA_DIR')).toThrow(
      new UserError(`Cannot write to ${join(root, 'file', 'data')} (part of the path is a file); set CSW_DATA_DIR to a writable folder or free the disk.`),
    );
  });
});
