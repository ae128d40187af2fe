/**
 * Naming variants: the shipped lexicon's shape, matching with exact spans, preference rows,
 * user files, the transliteration key, discovery of the sample corpus's planted spelling split,
 * the summary and its chart.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import {
  compileVariantSets,
  discoverVariants,
  findVariantMatches,
  isInflection,
  properNamesOfAnalyzed,
  properNamesOfText,
  loadVariantSets,
  candidateChart,
  preferenceChart,
  translitKey,
  validateSets,
  variantPreferences,
  variants,
  type VariantsDoc,
} from '../../analyses/variants/index.js';

const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const PLANTED = new URL('../../data/sample/planted.json', import.meta.url);
const readSample = (): Article[] => readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const ctx = { lexiconFiles: [], options: {}, outlets: [] };

describe('variants lexicon', () => {
  const sets = loadVariantSets();

  it('ships real-world sets, each with a category, a note and at least two noted forms', () => {
    expect(sets.length).toBeGreaterThanOrEqual(30);
    for (const id of ['kyiv', 'kharkiv', 'odesa', 'donbas', 'luhansk', 'mykolaiv', 'zelensky', 'zelensky-first-name', 'ukraine-war', 'kursk-region', 'myanmar', 'cote-divoire', 'beijing', 'abortion-opponents', 'immigrants', 'estate-tax']) {
      expect(sets.map((s) => s.id)).toContain(id);
    }
    for (const s of sets) {
      expect(['place', 'person', 'organization', 'framing']).toContain(s.category);
      expect(s.note.length).toBeGreaterThan(10);
      for (const f of s.forms) expect(f.note.length).toBeGreaterThan(3);
    }
  });

  it('rejects a file whose sets lack a category or a second form, naming the set', () => {
    expect(() => validateSets({ sets: [{ id: 'x', category: 'colour', note: 'n', forms: [{ form: 'a', note: '' }, { form: 'b', note: '' }] }] })).toThrow(/'x'.*category 'colour'/);
    expect(() => validateSets({ sets: [{ id: 'y', category: 'place', note: 'n', forms: [{ form: 'a', note: '' }] }] })).toThrow(/'y'.*two forms/);
    expect(() => validateSets({ entries: [] })).toThrow(/"sets" array/);
  });

  it('lets a user file add sets and replace shipped ones by id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framelens-variants-'));
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ sets: [
      { id: 'kyiv', label: 'Kyiv only', category: 'place', note: 'replaced', forms: [{ form: 'Kyiv', note: '' }, { form: 'Kyiiv', note: '' }] },
      { id: 'orlisk', category: 'place', note: 'fictional', forms: [{ form: 'Orlisk', note: '' }, { form: 'Orlesk', note: '' }] },
    ] }));
    const merged = loadVariantSets([file]);
    expect(merged.find((s) => s.id === 'kyiv')!.note).toBe('replaced');
    expect(merged.find((s) => s.id === 'orlisk')!.label).toBe('Orlisk / Orlesk');
    expect(merged.length).toBe(sets.length + 1);
  });
});

describe('variant matching', () => {
  const compiled = compileVariantSets(loadVariantSets());
  const text =
    'In Kiev, officials met. Kyiv’s mayor spoke; Volodymyr Zelenskyy and Vladimir Zelensky were named. ' +
    'North Macedonia and Macedonia. Turkey talks, then turkey dinner. The "special military operation", an invasion, a pro life rally, the Kievan past.';
  const matches = findVariantMatches(text, compiled);
  const of = (set: string) => matches.filter((m) => m.set === set).map((m) => m.form);

  it('finds each form with a span that slices exactly the matched text', () => {
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(of('kyiv')).toEqual(['Kiev', 'Kyiv']);
  });

  it('matches whole words only, phrases across spaces or hyphens, and longest forms first', () => {
    expect(matches.some((m) => m.text === 'Kiev' && text.slice(m.start, m.end + 2) === 'Kievan')).toBe(false);
    expect(of('zelensky')).toEqual(['Zelenskyy', 'Zelensky']);
    expect(of('zelensky-first-name')).toEqual(['Volodymyr Zelensky', 'Vladimir Zelensky']);
    expect(of('north-macedonia')).toEqual(['North Macedonia', 'Macedonia']);
    expect(of('ukraine-war')).toEqual(['special military operation', 'invasion']);
    expect(of('abortion-opponents')).toEqual(['pro-life']);
  });

  it('respects case-sensitive sets', () => {
    expect(of('turkiye')).toEqual(['Turkey']);
  });

  it('reports counts and shares per outlet, every form of a used set included', () => {
    const docs: Article[] = [
      { id: '1', outlet: 'A', title: '', text: 'Kiev and Kiev again, then Kyiv.' },
      { id: '2', outlet: 'B', title: '', text: 'Kyiv.' },
    ];
    const rows = variantPreferences(docs).filter((r) => r.set === 'kyiv');
    expect(rows).toEqual([
      { group: 'A', set: 'kyiv', form: 'Kyiv', count: 1, share: 1 / 3 },
      { group: 'A', set: 'kyiv', form: 'Kiev', count: 2, share: 2 / 3 },
      { group: 'B', set: 'kyiv', form: 'Kyiv', count: 1, share: 1 },
      { group: 'B', set: 'kyiv', form: 'Kiev', count: 0, share: 0 },
    ]);
  });
});

describe('variant discovery', () => {
  it('folds romanization differences into one transliteration key', () => {
    expect(translitKey('Kiev')).toBe(translitKey('Kyiv'));
    expect(translitKey('Kharkov')).toBe(translitKey('Kharkiv'));
    expect(translitKey('Lugansk')).toBe(translitKey('Luhansk'));
    expect(translitKey('Odessa')).toBe(translitKey('Odesa'));
    expect(translitKey('Zelenskiy')).toBe(translitKey('Zelenskyy'));
    expect(translitKey('Zelensky')).toBe(translitKey('Zelenskyy'));
    expect(translitKey('Donbass')).toBe(translitKey('Donbas'));
    expect(translitKey('Paris')).not.toBe(translitKey('Peking'));
  });

  it('treats inflected forms as the same word, not as variants', () => {
    expect(isInflection('Russia', 'Russian')).toBe(true);
    expect(isInflection('Democrats', 'Democrat')).toBe(true);
    expect(isInflection('Orlisk', 'Orlesk')).toBe(false);
  });

  it('finds a spelling split between two groups of outlets and drops look-alike names that share articles', () => {
    const docs = [
      ...Array.from({ length: 4 }, (_, i) => ({ outlet: 'A', proper: { Kharkov: 3, Halden: 2, Marrow: 1 } as Record<string, number>, i })),
      ...Array.from({ length: 4 }, (_, i) => ({ outlet: 'B', proper: { Kharkiv: 3, Halden: 2, Marrow: 1 } as Record<string, number>, i })),
      { outlet: 'C', proper: { Kharkiv: 2, Halden: 1, Harden: 1 } },
      { outlet: 'A', proper: { Halden: 1, Harden: 2 } },
    ];
    const found = discoverVariants(docs);
    expect(found[0]).toMatchObject({ a: 'Kharkiv', b: 'Kharkov', reason: 'transliteration', countA: 14, countB: 12, outlets: 3, coUse: 0 });
    expect(found[0].v).toBeCloseTo(1, 10);
    expect(found[0].byOutlet).toEqual([['A', 0, 12], ['B', 12, 0], ['C', 2, 0]]);
    expect(found.some((c) => [c.a, c.b].includes('Halden') && [c.a, c.b].includes('Harden'))).toBe(false); // used together
  });

  it('drops look-alike forms that are parts of different names, and keeps those whose names share a word', () => {
    const docs = (markA: string, markB: string) => [
      ...Array.from({ length: 4 }, () => ({ outlet: 'A', proper: { Kharkov: 3, [markA]: 3 }, mates: { Kharkov: [markA], [markA]: ['Kharkov'] } })),
      ...Array.from({ length: 4 }, () => ({ outlet: 'B', proper: { Kharkiv: 3, [markB]: 3 }, mates: { Kharkiv: [markB], [markB]: ['Kharkiv'] } })),
    ];
    const pair = (found: ReturnType<typeof discoverVariants>) => found.find((c) => [c.a, c.b].sort().join('/') === 'Kharkiv/Kharkov');
    // "Piet Kharkov" and "Ines Kharkiv": two people
    expect(pair(discoverVariants(docs('Piet', 'Ines')))).toBeUndefined();
    // "Piet Kharkov" and "Pyet Kharkiv": one person, the first name spelled two ways too
    expect(pair(discoverVariants(docs('Piet', 'Pyet')))).toMatchObject({ reason: 'transliteration' });
    // a form seen alone tells nothing: the pair stays
    const alone = docs('Piet', 'Ines').map((d) => ({ ...d, mates: {} }));
    expect(pair(discoverVariants(alone))).toBeDefined();
    // a name and a place: one form always with a first name, the other always alone
    const nameAndPlace = docs('Piet', 'Ines').map((d) => (d.outlet === 'B' ? { ...d, mates: {} } : d));
    expect(pair(discoverVariants(nameAndPlace))).toBeUndefined();
  });

  it('does not take one stray shared word for a shared name', () => {
    // "Piet Kharkov" and "Ines Kharkiv", each run once into the other's first name (a list of names)
    const side = (outlet: string, form: string, own: string, stray: string) => [
      ...Array.from({ length: 20 }, () => ({ outlet, proper: { [form]: 2 }, mates: { [form]: [own] } })),
      { outlet, proper: { [form]: 1 }, mates: { [form]: [stray] } },
    ];
    const found = discoverVariants([...side('A', 'Kharkov', 'Piet', 'Ines'), ...side('B', 'Kharkiv', 'Ines', 'Piet')]);
    expect(found.find((c) => [c.a, c.b].sort().join('/') === 'Kharkiv/Kharkov')).toBeUndefined();
  });

  it('drops pairs of two ordinary English words, but not a name the dictionary also knows as a word', () => {
    const split = (a: string, b: string) => [
      ...Array.from({ length: 4 }, () => ({ outlet: 'A', proper: { [a]: 3 } })),
      ...Array.from({ length: 4 }, () => ({ outlet: 'B', proper: { [b]: 3 } })),
    ];
    expect(discoverVariants(split('Policy', 'Police'))).toEqual([]);
    expect(discoverVariants(split('Kiev', 'Kyiv'))).toEqual([expect.objectContaining({ a: 'Kiev', b: 'Kyiv' })]);
  });

  it('records the other words of the names each form is part of, from the text layer and from plain text', () => {
    const text = 'Ines Haldan met the harbour master in Velmora on Monday. Haldan said the ferries of Tova Renner would sail again.';
    const analyzed = properNamesOfAnalyzed(analyzeDoc({ id: 'm', outlet: 'A', title: '', text }));
    expect(analyzed.mates).toMatchObject({ Haldan: ['Ines'], Renner: ['Tova'], Tova: ['Renner'] });
    expect(analyzed.mates).not.toHaveProperty('Velmora');
    expect(properNamesOfText(text).mates).toMatchObject({ Haldan: ['Ines'], Renner: ['Tova'] });
  });

  it('does not take an everyday word in a name for a proper noun where the article writes it in lower case', () => {
    const doc = analyzeDoc({ id: 'p', outlet: 'A', title: '', text: 'The Ardel Police Department said on Monday that police had closed the bridge to Velmora.' });
    const { forms } = variants.perDoc(doc, ctx);
    expect(forms).toEqual(expect.arrayContaining(['Ardel', 'Velmora']));
    expect(forms).not.toContain('Police');
  });

  it('finds the sample corpus’s planted spelling splits first, from the text layer and from plain text', () => {
    const planted = JSON.parse(readFileSync(PLANTED, 'utf8')).variants as Array<{ forms: Record<string, string[]> }>;
    // Discovery works on single proper-noun tokens: "Aurel Kastrovich" → Kastrovich.
    const expected = planted.map((v) => Object.keys(v.forms).map((f) => f.split(' ').pop()!).sort().join('/'));
    const articles = readSample();
    for (const input of [articles.map((a) => analyzeDoc(a)), articles]) {
      const found = discoverVariants(input);
      const top = found.slice(0, expected.length).map((c) => [c.a, c.b].sort().join('/'));
      expect(top.sort()).toEqual([...expected].sort());
      for (const c of found.slice(0, expected.length)) {
        expect(c.v).toBeGreaterThan(0.95);
        const outlets = planted.find((v) => Object.keys(v.forms).some((f) => f.endsWith(c.a)))!.forms;
        const usersOfA = Object.entries(outlets).find(([f]) => f.endsWith(c.a))![1];
        for (const [outlet, countA] of c.byOutlet.map(([o, a]) => [o, a] as const)) {
          expect(countA > 0).toBe(usersOfA.includes(outlet));
        }
      }
    }
  });
});

describe('variants analysis', () => {
  it('summarizes preferences per outlet and event, keeps example spans, and charts them', () => {
    const fixtures: Article[] = [
      { id: 'a1', outlet: 'A', event: 'e1', title: '', text: 'Troops left Kiev. Kiev was calm.' },
      { id: 'b1', outlet: 'B', event: 'e1', title: '', text: 'Troops left Kyiv after the invasion.' },
      { id: 'b2', outlet: 'B', event: 'e2', title: '', text: 'Kyiv again.' },
    ];
    const analyzed = fixtures.map((a) => analyzeDoc(a));
    const perDoc = new Map<string, VariantsDoc>(analyzed.map((d) => [d.article.id, variants.perDoc(d, ctx)]));
    const index = buildCorpusIndex(fixtures, new Map(analyzed.map((d) => [d.article.id, d.words])));
    const summary = variants.summarize(perDoc, index, ctx);
    expect(summary.sets.map((s) => s.id)).toEqual(['kyiv', 'ukraine-war']);
    expect(summary.outlets.filter((r) => r.set === 'kyiv' && r.count > 0)).toEqual([
      { group: 'B', set: 'kyiv', form: 'Kyiv', count: 2, share: 1 },
      { group: 'A', set: 'kyiv', form: 'Kiev', count: 2, share: 1 },
    ]);
    expect(summary.eventOutlets.filter((r) => r.event === 'e1' && r.set === 'kyiv' && r.count > 0).map((r) => [r.group, r.form])).toEqual([
      ['A', 'Kiev'],
      ['B', 'Kyiv'],
    ]);
    const example = summary.examples.kyiv.Kiev[0];
    expect(fixtures[0].text.slice(example.start, example.end)).toBe('Kiev');
    const highlights = variants.highlights!(perDoc.get('a1')!, index.byId.get('a1')!);
    expect(highlights.map((h) => [h.kind, h.label])).toEqual([['variant:kyiv', 'Kiev'], ['variant:kyiv', 'Kiev']]);
    expect(() => compile(preferenceChart(summary, index) as never)).not.toThrow();
  });

  it('discovers from the stored per-article results what it finds from the documents themselves', () => {
    const articles = readSample();
    const analyzed = articles.map((a) => analyzeDoc(a));
    // Stored results come back through JSON (the result store and cache).
    const perDoc = new Map<string, VariantsDoc>(analyzed.map((d) => [d.article.id, JSON.parse(JSON.stringify(variants.perDoc(d, ctx)))]));
    const index = buildCorpusIndex(articles, new Map(analyzed.map((d) => [d.article.id, d.words])));
    const discovered = variants.summarize(perDoc, index, ctx).discovered;
    expect(discovered.length).toBeGreaterThan(0);
    expect(discovered).toEqual(discoverVariants(analyzed));
  });

  it('charts the spelling each outlet uses for candidate pairs found in the corpus', () => {
    const articles: Article[] = [
      { id: 'a1', outlet: 'A', title: '', text: 'Orvask.' },
      { id: 'b1', outlet: 'B', title: '', text: 'Orvasque.' },
    ];
    const index = buildCorpusIndex(articles, new Map(articles.map((a) => [a.id, 1])));
    const pair = { a: 'Orvask', b: 'Orvasque', reason: 'spelling' as const, distance: 0.1, countA: 5, countB: 4, outlets: 2, chi2: 9, df: 1, v: 1, coUse: 0, byOutlet: [['A', 5, 0], ['B', 0, 4]] as Array<[string, number, number]> };
    const summary = { sets: [], outlets: [], events: [], eventOutlets: [], examples: {}, discovered: [pair] };
    const spec = candidateChart(summary, index) as { data: { values: Array<{ panel: string; group: string; form: string; share: number }> } };
    expect(spec.data.values).toEqual([
      { panel: 'Orvask / Orvasque', group: 'A', form: 'Orvask', count: 5, share: 1 },
      { panel: 'Orvask / Orvasque', group: 'B', form: 'Orvasque', count: 4, share: 1 },
    ]);
    expect(() => compile(spec as never)).not.toThrow();
    expect(candidateChart({ ...summary, discovered: [] }, index)).toBeUndefined();
  });
});

describe('chi-square critical values', () => {
  it('are within 1% of the tables at the 5% and 1% levels', async () => {
    const { chiSquareCritical } = await import('../../analyses/variants/discover.js');
    for (const [df, alpha, table] of [[1, 0.05, 3.841], [2, 0.05, 5.991], [4, 0.05, 9.488], [10, 0.05, 18.307], [30, 0.05, 43.773], [3, 0.01, 11.345], [20, 0.01, 37.566]]) {
      expect(Math.abs(chiSquareCritical(df, alpha) - table) / table).toBeLessThan(0.01);
    }
  });
});
