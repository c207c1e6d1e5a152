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
}

/** Sortable, unique load id: UTC start time plus a random suffix, e.g. `20261123T120501Z-a1b2c3`. */
export function newLoadId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
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
    // In start order: load ids sort by their start second only (two loads in one second tie on it).
    return files
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(this.lakeDir, '_loads', f), 'utf8')) as LoadRecord)
      .sort((a, b) => a.started_at.localeCompare(b.started_at) || a.load_id.localeCompare(b.load_id));
  }
}
