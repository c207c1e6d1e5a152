/**
 * The loads manifest (the dlt pattern): one JSON file per load at `<lake>/_loads/<load_id>.json`, written when
 * the load starts and rewritten when it ends, with rows and quarantined records per stream. dbt reads it as the
 * `lake.loads` source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeJsonAtomic } from './fs-atomic.ts';

export type LoadStatus = 'running' | 'completed' | 'failed';

export interface StreamLoadSummary {
  stream: string;
  rows: number;
  quarantined: number;
  files: number;
  duration_ms: number;
}

export interface LoadRecord {
  load_id: string;
  source: string;
  status: LoadStatus;
  started_at: string;
  finished_at: string | null;
  streams: StreamLoadSummary[];
  error: string | null;
  /** Warnings of a bulk source's load (see `SourceDefinition.load`), shown in the run summary. */
  warnings?: string[];
}

let lastIdMillis = 0;

/**
 * Unique load id that sorts in creation order: UTC start time to the millisecond plus a random suffix, e.g.
 * `20261123T120501123Z-a1b2c3`. Ids made in the same millisecond by one process get consecutive milliseconds,
 * so a later load always sorts after an earlier one (staging's `latest_version` and `replace` rely on it).
 */
export function newLoadId(now = new Date()): string {
  const millis = Math.max(now.getTime(), lastIdMillis + 1);
  lastIdMillis = millis;
  const stamp = new Date(millis).toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export class LoadsManifest {
  constructor(private readonly lakeDir: string) {}

  private path(loadId: string): string {
    return join(this.lakeDir, '_loads', `${loadId}.json`);
  }

  write(load: LoadRecord): void {
    writeJsonAtomic(this.path(load.load_id), load);
  }

  list(): LoadRecord[] {
    let files: string[];
    try {
      files = readdirSync(join(this.lakeDir, '_loads'));
    } catch {
      return [];
    }
    return files
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(this.lakeDir, '_loads', f), 'utf8')) as LoadRecord);
  }
}
