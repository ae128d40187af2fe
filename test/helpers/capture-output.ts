/**
 * Captures what CLI commands print: stdout and stderr are swallowed and collected per test,
 * then restored. `const out = captureOutput();` at the top of a suite, then `out.stdout`.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

export function captureOutput(): CapturedOutput {
  const out: CapturedOutput = { stdout: '', stderr: '' };
  beforeEach(() => {
    out.stdout = '';
    out.stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out.stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((out.stderr += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return out;
}
