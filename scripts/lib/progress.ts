/**
 * Progress on a terminal: one line rewritten in place while long work runs. Silent when stderr is not a
 * terminal (cron, CI) or in quiet mode; the JSON-lines log carries the same facts there.
 */
export class Progress {
  private active = false;
  private last = 0;

  constructor(private readonly enabled = process.stderr.isTTY === true) {}

  /** Replace the progress line (rate-limited to ~10 updates a second). */
  update(text: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const width = process.stderr.columns ?? 100;
    process.stderr.write(`\r\x1b[2K${text.slice(0, width - 1)}`);
    this.active = true;
  }

  /** Clear the progress line so ordinary output can follow. */
  done(): void {
    if (this.active) process.stderr.write('\r\x1b[2K');
    this.active = false;
  }
}
