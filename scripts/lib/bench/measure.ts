/**
 * Measuring one benchmark phase: runs a command as a child process and reports its wall time and the peak
 * resident memory of its whole process tree (tsx -> node -> dbt's Python with DuckDB inside, all counted), sampled
 * from /proc every 100 ms. Linux only, like the rest of the benchmark.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface PhaseMeasure {
  wall_s: number;
  peak_rss_bytes: number;
  exit_code: number;
  stdout: string;
  stderr: string;
}

/** Resident bytes of `root` and all its descendants. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // the command name (field 2) may contain spaces: fields after the closing parenthesis
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      const rssPages = Number(fields[21]);
      rss.set(pid, rssPages * 4096);
      const siblings = children.get(ppid) ?? [];
      siblings.push(pid);
      children.set(ppid, siblings);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `command args` with `env` added to this process's environment; resolves when it exits. */
export function measure(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<PhaseMeasure> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    let stdout = '';
    let stderr = '';
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
    };
    const timer = setInterval(sample, 100);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ wall_s: Number(process.hrtime.bigint() - started) / 1e9, peak_rss_bytes: peak, exit_code: code ?? 1, stdout, stderr });
    });
  });
}
