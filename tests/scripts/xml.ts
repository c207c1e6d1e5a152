/** Test helper: whether a file is well-formed XML, checked by Python's XML parser (the project's .venv Python). */
import { spawnSync } from 'node:child_process';
import { venvBin } from '../../scripts/lib/python.ts';

/** Returns null when the file parses, else the parser's message. */
export function xmlProblem(path: string): string | null {
  const result = spawnSync(venvBin('python'), ['-c', 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])', path], {
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return result.status === 0 ? null : result.stderr.trim().split('\n').pop() ?? 'not well-formed';
}
