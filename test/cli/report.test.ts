import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultReportDir, register } from '../../src/cli/report.js';
import { captureOutput } from '../helpers/capture-output.js';

const io = captureOutput();
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'framelens-cli-report-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<void> {
  const program = new Command('framelens').exitOverride();
  register(program);
  await program.parseAsync(['node', 'framelens', 'report', ...args, '-j', '1', '--no-cache']);
}

function corpus(): string {
  const file = join(dir, 'feed.jsonl');
  const rows = [
    { id: 'a', outlet: 'Northwind Courier', title: 'Harbour reopens', text: 'The harbour reopened on Monday after repairs, officials said.', date: '2031-03-01', event: 'harbour' },
    { id: 'b', outlet: 'Southgate Tribune', title: 'Harbour back in business', text: 'Ships returned to the harbour on Monday, the port authority said.', date: '2031-03-01', event: 'harbour' },
  ];
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

describe('framelens report', () => {
  it('writes the report and prints only the path of index.html on stdout', async () => {
    const out = join(dir, 'out');
    await run(corpus(), '-o', out);
    expect(io.stdout).toBe(`${join(out, 'index.html')}\n`);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(readdirSync(join(out, 'articles'))).toHaveLength(2);
    expect(io.stderr).toMatch(/wrote \d+ files, [\d.]+ MB, 2 article views/);
  });

  it('is silent on stderr with --quiet', async () => {
    await run(corpus(), '-o', join(dir, 'out'), '--quiet');
    expect(io.stderr).toBe('');
  });

  it('refuses to overwrite a folder that is not a report', async () => {
    const out = join(dir, 'notes');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    await expect(run(corpus(), '-o', out)).rejects.toThrow(/not a framelens report/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  it('rejects a size budget that is not a positive number', async () => {
    await expect(run(corpus(), '-o', join(dir, 'out'), '--max-mb', 'lots')).rejects.toThrow(/--max-mb/);
  });

  it('rejects an unknown analysis before reading the inputs', async () => {
    // The input does not exist: were it read first, the error would be about the file.
    await expect(run(join(dir, 'missing.jsonl'), '-o', join(dir, 'out'), '--analyses', 'terms,nope')).rejects.toThrow(/unknown analysis 'nope'/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('names the default folder after the first input', () => {
    expect(defaultReportDir(['data/sample/articles.jsonl', 'x'])).toBe(join('reports', 'articles'));
    expect(defaultReportDir(['data/sample/dumps/'])).toBe(join('reports', 'dumps'));
    expect(defaultReportDir(['feed.jsonl.gz'])).toBe(join('reports', 'feed'));
  });
});
