/**
 * Runs once per `vitest run`, in vitest's main process: a fresh temporary folder for what test files share
 * (the small demo of tests/e2e/helpers.ts `sharedSmallDemo`), handed to them with `inject('sharedRoot')` and
 * removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'csw-tests-shared-'));
  project.provide('sharedRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
