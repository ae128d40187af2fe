import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus, writeCorpusJsonl, writeRejects, type Article } from '../../src/corpus/index.js';
import { fixture, tempDir } from './helpers.js';

const articles: Article[] = [
  { id: 'b', outlet: 'Meridian Post', title: 'Two', text: 'Second.\u2028With a line separator.', meta: { source: 'x:2' } },
  { id: 'a', outlet: 'Valdoria Wire', title: 'One', text: 'First.', date: '2031-04-01', url: 'https://valdoriawire.example/1', event: 'e1' },
];

describe('writeCorpusJsonl / writeRejects', () => {
  it('writes one article per line with fields in the documented order, and reads back equal', async () => {
    const dir = tempDir();
    const file = join(dir, 'out', 'corpus.jsonl');
    writeCorpusJsonl(file, articles);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(Object.keys(JSON.parse(lines[1]))).toEqual(['id', 'outlet', 'title', 'text', 'date', 'url', 'event']);
    const { articles: back } = await readCorpus(file);
    expect(back.map(({ meta, ...rest }) => rest)).toEqual(articles.map(({ meta, ...rest }) => rest));
  });

  it('leaves no temporary file behind and replaces an existing output whole', () => {
    const dir = tempDir();
    const file = join(dir, 'corpus.jsonl');
    writeCorpusJsonl(file, articles);
    writeCorpusJsonl(file, articles.slice(0, 1));
    expect(readdirSync(dir)).toEqual(['corpus.jsonl']);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('writes rejects as JSONL with file, line, reason, rule and raw text', async () => {
    const { rejects } = await readCorpus(fixture('bad/malformed.jsonl'));
    const file = join(tempDir(), 'rejects.jsonl');
    writeRejects(file, rejects);
    const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.line, r.ruleId])).toEqual([
      [2, 'corpus:malformed-json'],
      [3, 'corpus:bad-record'],
    ]);
    expect(rows[0].file).toBe(fixture('bad/malformed.jsonl'));
    expect(rows[1].text).toBe('["an", "array", "is", "not", "an", "article"]');
  });
});
