/** What each pipeline step reports, for the run summary and the run record. */
export interface StepItem {
  /** Stream (`source.stream`), model or published table. */
  name: string;
  rows: number | null;
  quarantined?: number;
  duration_ms?: number;
  status?: string;
}

export interface StepResult {
  step: 'extract' | 'transform' | 'publish' | 'postgres' | 'report';
  status: 'success' | 'failed' | 'skipped';
  duration_ms: number;
  items: StepItem[];
  warnings: string[];
  /** One line on how the step ran (e.g. the transform: full or incremental, and why), shown under the summary table. */
  detail?: string;
  error?: string;
}
