import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register as registerMentions } from '../../src/cli/mentions.js';
import { register as registerQuotes } from '../../src/cli/quotes.js';
import { captureOutput } from '../helpers/capture-output.js';

const io = captureOutput();

async function run(...args: string[]): Promise<void> {
  const program = new Command('framelens').exitOverride();
  registerQuotes(program);
  registerMentions(program);
  await program.parseAsync(['node', 'framelens', ...args]);
}

const dir = mkdtempSync(join(tmpdir(), 'framelens-text-cli-'));
const corpus = join(dir, 'corpus.jsonl');
writeFileSync(
  corpus,
  [
    { id: 'a', outlet: 'Velmora Ledger', title: 'T', text: "Foreign Minister Sergey Lavrov called it a 'major crime'. \u201cWe will not retreat,\u201d he said." },
    { id: 'b', outlet: 'Other Post', title: 'U', text: 'Lavrov said the Velmora Ledger had it wrong. He said "unclosed.' },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n',
);

describe('framelens quotes', () => {
  it('prints one JSONL row per quote with content and outer spans', async () => {
    await run('quotes', corpus);
    const rows = io.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.doc, r.text, r.embedded])).toEqual([['a', 'major crime', true], ['a', 'We will not retreat,', false]]);
    const text = "Foreign Minister Sergey Lavrov called it a 'major crime'. \u201cWe will not retreat,\u201d he said.";
    expect(text.slice(rows[0].outerStart, rows[0].outerEnd)).toBe("'major crime'");
    expect(text.slice(rows[0].start, rows[0].end)).toBe('major crime');
    expect(rows[0]).toMatchObject({ words: 2, depth: 0, paragraphs: 1 });
  });

  it('writes CSV to a file and reports unbalanced marks with --issues', async () => {
    const out = join(dir, 'quotes.csv');
    await run('quotes', corpus, '--format', 'csv', '-o', out, '--issues');
    const csv = readFileSync(out, 'utf8').split('\n');
    expect(csv[0]).toBe('doc,start,end,text,outerStart,outerEnd,words,embedded,depth,paragraphs,sentence');
    expect(csv).toHaveLength(4);
    expect(io.stderr).toMatch(/b@\d+ warning opening " has no closing mark.*text:unclosed-quote/);
  });
});

describe('framelens mentions', () => {
  it('prints mentions with corpus-wide keys and media from the corpus outlets', async () => {
    await run('mentions', corpus);
    const rows = io.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.find((r) => r.doc === 'b' && r.name === 'Lavrov')).toMatchObject({ type: 'person', key: 'Sergey Lavrov' });
    expect(rows.find((r) => r.doc === 'b' && r.name.includes('Velmora Ledger'))).toMatchObject({ type: 'media' });
    expect(rows.find((r) => r.doc === 'a')).toMatchObject({ text: 'Foreign Minister Sergey Lavrov', title: 'Foreign Minister' });
  });

  it('prints the alias index with --aliases', async () => {
    await run('mentions', corpus, '--aliases', '--format', 'json');
    const rows = JSON.parse(io.stdout);
    expect(rows.find((r: { key: string }) => r.key === 'Sergey Lavrov')).toMatchObject({ count: 2, type: 'person' });
  });
});
