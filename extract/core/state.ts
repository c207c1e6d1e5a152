/**
 * Per-stream incremental state, one JSON file per source: `<lake>/_state/<source>.json`.
 * Written atomically, and only by the runner after the records it covers are in the lake.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomic } from './fs-atomic.ts';
import type { StreamState } from './stream.ts';

interface SourceStateFile {
  streams: Record<string, StreamState>;
}

export class StateStore {
  constructor(private readonly lakeDir: string) {}

  private path(source: string): string {
    return join(this.lakeDir, '_state', `${source}.json`);
  }

  private readFile(source: string): SourceStateFile {
    try {
      return JSON.parse(readFileSync(this.path(source), 'utf8')) as SourceStateFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { streams: {} };
      throw error;
    }
  }

  get(source: string, stream: string): StreamState | undefined {
    return this.readFile(source).streams[stream];
  }

  set(source: string, stream: string, state: StreamState): void {
    const file = this.readFile(source);
    file.streams[stream] = state;
    writeJsonAtomic(this.path(source), file);
  }

  /** Forget a stream's state (full refresh). */
  clear(source: string, stream?: string): void {
    if (!stream) {
      rmSync(this.path(source), { force: true });
      return;
    }
    const file = this.readFile(source);
    delete file.streams[stream];
    writeJsonAtomic(this.path(source), file);
  }
}
