import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { writeReport } from '../../dist/src/report/write-report.js';
import { runPipelineParallel } from '../../dist/src/pipeline/run-parallel.js';
import { sampleArticles, SAMPLE, tempDir } from './helpers.js';

const CLI = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
let dir: string;
beforeAll(() => {
  dir = tempDir('interrupt');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample corpus repeated with fresh ids: slow enough to interrupt. */
function slowCorpus(times: number): string {
  const rows = readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const file = join(dir, 'slow.jsonl');
  const out = Array.from({ length: times }, (_, r) => rows.map((row) => JSON.stringify({ ...row, id: `${row.id}-${r}`, text: `${row.text}\n\nCopy ${r}.` })));
  writeFileSync(file, out.flat().join('\n') + '\n');
  return file;
}

const waitFor = async (check: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return true;
  return false;
};

describe('Ctrl-C', () => {
  it('stops `framelens report` with exit code 130, no report folder, no temp folder and no cache pack', async () => {
    const input = slowCorpus(20);
    const cache = join(dir, 'cache');
    const out = join(dir, 'reports', 'slow');
    const child = spawn(process.execPath, [CLI, 'report', input, '-o', out, '-j', '2', '--cache-dir', cache], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const packs = () => {
      const root = join(cache, 'packs');
      return existsSync(root) ? readdirSync(root).flatMap((c) => readdirSync(join(root, c))) : [];
    };
    // Interrupt once the per-article pass has begun (its temp pack exists).
    expect(await waitFor(() => packs().length > 0, 60_000)).toBe(true);
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130); // as a shell reports Ctrl-C
    expect(stderr).toMatch(/interrupted/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'reports')) ? readdirSync(join(dir, 'reports')) : []).toEqual([]);
    expect(packs()).toEqual([]);
  });

  it('makes writeReport remove its temp folder and leave the old report when aborted', async () => {
    const articles = (await sampleArticles()).slice(0, 6);
    const result = await runPipelineParallel(articles, { jobs: 1, cache: false });
    const out = join(dir, 'report-abort');
    await writeReport(result, out);
    const before = readFileSync(join(out, 'index.html'), 'utf8');
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    await expect(writeReport(result, out, { title: 'new title', signal: controller.signal })).rejects.toThrow('interrupted');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    result.close();
  });
});
