import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import { compileLexicon, loadLexicon, loadLexicons, type LexiconEntry } from '../../src/text/lexicon.js';
import { FramelensError } from '../../src/corpus/diagnostics.js';
import { runPipeline } from '../../src/pipeline/run.js';

const doc = (text: string) => analyzeDoc({ id: 'd', outlet: 'o', title: '', text }, { mentions: false });
const entry = (term: string, extra: Partial<LexiconEntry> = {}): LexiconEntry => ({ term, category: 'label', note: 'test', lexicon: 'test', ...extra });
const texts = (entries: LexiconEntry[], text: string) => compileLexicon(entries).match(doc(text)).map((m) => m.text);

describe('compileLexicon', () => {
  it('matches inflected forms by lemma and only the written form for surface entries', () => {
    expect(texts([entry('special military operation')], 'Two special military operations began.')).toEqual(['special military operations']);
    expect(texts([entry('operation', { match: 'surface' })], 'Operations and one operation.')).toEqual(['operation']);
  });

  it('matches hyphenated terms whether wink keeps them whole or splits them', () => {
    expect(texts([entry('so-called')], 'The so-called deal failed.')).toEqual(['so-called']);
    expect(texts([entry('Russian-speaking')], 'Russian-speaking citizens')).toEqual(['Russian-speaking']);
    expect(texts([entry('German-supplied missiles')], 'with German-supplied missiles today')).toEqual(['German-supplied missiles']);
  });

  it('matches terms across contraction splits', () => {
    expect(texts([entry("don't believe")], "I don't believe it.")).toEqual(["don't believe"]);
  });

  it('respects case-sensitive entries', () => {
    expect(texts([entry('Kiev', { case: 'sensitive', match: 'surface' })], 'Kiev and kiev')).toEqual(['Kiev']);
    expect(texts([entry('kiev')], 'Kiev and kiev')).toEqual(['Kiev', 'kiev']);
  });

  it('keeps the longest match where entries of one lexicon overlap, and all with overlaps: all', () => {
    const entries = [entry('collateral damage'), entry('damage')];
    expect(texts(entries, 'It caused collateral damage.')).toEqual(['collateral damage']);
    expect(compileLexicon(entries).match(doc('It caused collateral damage.'), { overlaps: 'all' }).map((m) => m.text)).toEqual(['collateral damage', 'damage']);
  });

  it('gives token ranges, spans and the entry with its lexicon name', () => {
    const d = doc('A brutal junta ruled.');
    const [m] = compileLexicon([entry('junta')]).match(d);
    expect(m).toMatchObject({ text: 'junta', start: 9, end: 14, lexicon: 'test' });
    expect(d.tokens[m.tokenStart].text).toBe('junta');
    expect(m.tokenEnd).toBe(m.tokenStart + 1);
    expect(m.entry.category).toBe('label');
  });

  it('does not match a multi-word term across a sentence boundary', () => {
    expect(texts([entry('collateral damage')], 'It was collateral. Damage followed.')).toEqual([]);
  });
});

describe('loadLexicon / loadLexicons', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-lex-'));
  const file = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
    return path;
  };

  it('reads a lexicon file and tags entries with its name', () => {
    const lex = loadLexicon(file('mine.json', { name: 'mine', entries: [{ term: 'thug', category: 'label', note: 'n' }] }));
    expect(lex.name).toBe('mine');
    expect(lex.entries[0].lexicon).toBe('mine');
  });

  it('throws a FramelensError naming the file for malformed lexicons', () => {
    expect(() => loadLexicon(file('bad.json', '{nope'))).toThrow(FramelensError);
    expect(() => loadLexicon(file('bad2.json', { entries: [{ term: 'x' }] }))).toThrow(/bad2\.json.*category/);
    expect(() => loadLexicon(file('bad3.json', { entries: [{ term: 'x', category: 'c', match: 'fuzzy' }] }))).toThrow(/match/);
  });

  it('adds user entries and lets them override same-term entries of the same category', () => {
    const titles = loadLexicons(['titles']);
    const president = titles.entries.find((e) => e.term === 'president' && e.category === 'title')!;
    expect(president).toBeDefined();
    const user = file('user.json', { name: 'titles', entries: [{ term: 'President', category: 'title', note: 'mine' }, { term: 'tsar', category: 'title', note: 'new' }] });
    const merged = loadLexicons(['titles'], [user]);
    expect(merged.entries.filter((e) => e.term.toLowerCase() === 'president' && e.category === 'title')).toEqual([expect.objectContaining({ note: 'mine' })]);
    expect(merged.entries.some((e) => e.term === 'tsar')).toBe(true);
    const other = file('other.json', { name: 'labels', entries: [{ term: 'tsar2', category: 'title', note: 'x' }] });
    expect(loadLexicons(['titles'], [other]).entries.some((e) => e.term === 'tsar2')).toBe(false);
  });

  it('rejects an unknown lexicon name', () => {
    expect(() => loadLexicons(['no-such-lexicon'])).toThrow(/no lexicon named 'no-such-lexicon'/);
  });

  it('rejects a user file whose name is none of the lexicons it could extend, naming the file', () => {
    const mine = file('mine.json', { name: 'my-labels', entries: [{ term: 'hotheads', category: 'label', note: 'x' }] });
    expect(() => loadLexicons(['labels'], [mine])).toThrow(FramelensError);
    expect(() => loadLexicons(['labels'], [mine])).toThrow(/mine\.json: its name 'my-labels' is not one of the lexicons it can extend \(.*labels/);
  });

  it('stops a pipeline run before any article with one error naming a bad user file', () => {
    const mine = file('mine2.json', { name: 'my-labels', entries: [{ term: 'hotheads', category: 'label', note: 'x' }] });
    const article = { id: 'a', outlet: 'O', title: 'T', text: 'The hotheads met again on Monday.' };
    expect(() => runPipeline([article], { lexiconFiles: [mine] })).toThrow(/mine2\.json: its name 'my-labels'/);
  });

  it('offers the entries of a user file without a name to every lexicon', () => {
    const anon = file('anon.json', { entries: [{ term: 'hotheads', category: 'label', note: 'x' }] });
    expect(loadLexicons(['labels'], [anon]).entries.some((e) => e.term === 'hotheads')).toBe(true);
    expect(loadLexicons(['titles'], [anon]).entries.some((e) => e.term === 'hotheads')).toBe(true);
  });
});
