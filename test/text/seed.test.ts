/**
 * The text layer on the seed page dump (../shared/data/seeds), read as one RT article. The
 * seed is other people's text: these tests read it and assert behaviour, nothing is copied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import { buildAliasIndex } from '../../src/text/aliases.js';
import type { AnalyzedDoc } from '../../src/text/types.js';

const seedPath = fileURLToPath(new URL('../../../shared/data/seeds/000_2b63a6624e7e042a.txt', import.meta.url));
const present = existsSync(seedPath);
if (!present) console.warn(`skipping seed tests: ${seedPath} not found (../shared/data is absent in a fresh clone)`);

let cached: AnalyzedDoc | undefined;
const seed = () => (cached ??= analyzeDoc({ id: 'seed', outlet: 'RT', title: '', text: readFileSync(seedPath, 'utf8') }, { outlets: ['RT'] }));
const quote = (doc: AnalyzedDoc, content: string) => doc.quotes.filter((q) => q.text === content);
const quoteStarting = (doc: AnalyzedDoc, prefix: string) => doc.quotes.filter((q) => q.text.startsWith(prefix));

describe.skipIf(!present)('text layer on the seed', () => {
  it('finds the scare-quoted labels as short embedded quotes', () => {
    const doc = seed();
    for (const label of ['junta', 'major crime', 'strategic defeat', 'slippery slope']) {
      const found = quote(doc, label);
      expect(found.length, label).toBe(1);
      expect(found[0].embedded, label).toBe(true);
      expect(found[0].words, label).toBeLessThanOrEqual(2);
    }
  });

  it('finds the quoted statements as whole-sentence quotes', () => {
    const doc = seed();
    for (const prefix of ['It was clear from the beginning', 'This is a purge']) {
      const found = quoteStarting(doc, prefix);
      expect(found.length, prefix).toBe(1);
      expect(found[0].embedded, prefix).toBe(false);
      expect(found[0].words, prefix).toBeGreaterThan(10);
    }
  });

  it('never starts a quote at the apostrophe of a possessive or a contraction', () => {
    const doc = seed();
    const text = doc.article.text;
    expect(doc.quotes.length).toBeGreaterThan(20);
    for (const q of doc.quotes) {
      const before = text[q.outerStart - 1] ?? ' ';
      expect(/[\p{L}\p{N}]/u.test(before), `quote at ${q.outerStart} follows a letter`).toBe(false);
      expect(text.slice(q.outerStart, q.outerStart + 3)).not.toMatch(/^['’](?:s|t|re|ll|ve|d|m)(?!\p{L})/u);
    }
  });

  it('keeps the nested quote inside the long quote and reports no issues', () => {
    const doc = seed();
    expect(doc.quoteIssues).toEqual([]);
    const nested = doc.quotes.filter((q) => q.depth > 0);
    expect(nested).toHaveLength(1);
    const outer = doc.quotes.find((q) => q.depth === 0 && q.start <= nested[0].outerStart && nested[0].outerEnd <= q.end);
    expect(outer).toBeDefined();
  });

  it('finds the named people, media and their keys', () => {
    const doc = seed();
    const lavrov = doc.mentions.find((m) => m.name.text === 'Sergey Lavrov');
    expect(lavrov).toMatchObject({ type: 'person', title: { text: 'Foreign Minister' }, key: 'Sergey Lavrov' });
    expect(doc.mentions.find((m) => m.name.text === 'Johann Wadephul')?.type).toBe('person');
    expect(doc.mentions.find((m) => m.text === 'The Times')?.type).toBe('media');
    expect(doc.mentions.find((m) => m.text === 'Yonhap News Agency')?.type).toBe('media');
    const surnames = doc.mentions.filter((m) => m.text === 'Lavrov');
    expect(surnames.length).toBeGreaterThan(2);
    for (const m of surnames) expect(m).toMatchObject({ type: 'person', key: 'Sergey Lavrov' });
    expect(buildAliasIndex([doc]).get('Sergey Lavrov')?.forms).toContain('Lavrov');
  });
});
