import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

const CLI = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'framelens-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample corpus repeated with fresh ids: more rows than a pipe buffer holds. */
function bigCorpus(): string {
  const rows = readFileSync(join(packageRoot(), 'data', 'sample', 'articles.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const file = join(dir, 'big.jsonl');
  writeFileSync(file, Array.from({ length: 20 }, (_, r) => rows.map((row) => JSON.stringify({ ...row, id: `${row.id}-${r}`, text: `${row.text}\n\nCopy ${r}.` }))).flat().join('\n') + '\n');
  return file;
}

describe('row output into a pipe', () => {
  it('stops quietly with exit 0 when the reader closes early (`framelens quotes … | head -1`)', async () => {
    const child = spawn(process.execPath, [CLI, 'quotes', bigCorpus(), '--format', 'jsonl'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Like `head -1`: read the first chunk, then close the pipe while the CLI still writes.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|internal error/);
  });
});
