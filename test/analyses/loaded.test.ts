/**
 * Loaded language: quote classes, lexicon markers, the learned model's explained flags,
 * `--lexicon` overrides, summaries, charts and highlights — on fictional fixtures, the sample
 * corpus's planted phenomena, and the seed page dump from ../shared when present.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import { detectLoaded, loaded, loadedResources, ratesChart, voiceChart, type LoadedDoc } from '../../analyses/loaded/index.js';

const SEED = new URL('../../../shared/data/seeds/000_2b63a6624e7e042a.txt', import.meta.url);
const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const PLANTED = new URL('../../data/sample/planted.json', import.meta.url);

const article = (text: string, extra: Partial<Article> = {}): Article => ({ id: 'a1', outlet: 'Fixture Daily', title: '', text, ...extra });
const run = (text: string, options = {}) => detectLoaded(analyzeDoc(article(text)), loadedResources(), options);
const quoteClassOf = (doc: LoadedDoc, text: string) => doc.markers.find((m) => m.category === 'quote' && m.text === text)?.subcategory;

describe('quote classes', () => {
  it('a short quote with no speaker in its sentence is a scare quote in the writer’s voice', () => {
    const doc = run("The 'government' in Valmora announced new taxes on Monday.");
    const quote = doc.markers.find((m) => m.category === 'quote')!;
    expect(quote.subcategory).toBe('scare');
    expect(quote.voice).toBe('own');
    expect(quote.reason).toMatch(/no speaker/);
  });

  it('a few words lifted into a sentence with a report verb are a partial quote', () => {
    const doc = run("Minister Arlen Tesk said the plan was a 'grave mistake' and would fail.");
    expect(quoteClassOf(doc, 'grave mistake')).toBe('partial');
    expect(doc.markers.find((m) => m.text === 'grave mistake')!.reason).toMatch(/said/);
  });

  it('a whole quoted sentence is direct speech, never a scare quote', () => {
    const doc = run('The talks ended late. "We will not sign anything that divides our country," Tesk told reporters.');
    expect(quoteClassOf(doc, 'We will not sign anything that divides our country,')).toBe('direct');
  });

  it('a capitalised name after a naming cue is a title quote', () => {
    const doc = run("Troops moved north in the operation dubbed 'Winter Lantern' last week.");
    expect(quoteClassOf(doc, 'Winter Lantern')).toBe('title');
  });

  it('"so-called" before a quote makes it a scare quote even next to a report verb', () => {
    const doc = run("The mayor said the so-called 'reform' was only a slogan.");
    expect(quoteClassOf(doc, 'reform')).toBe('scare');
  });
});

describe('lexicon markers', () => {
  it('finds labels, euphemisms, hedges, intensifiers and non-neutral report verbs with their notes', () => {
    const doc = run('The regime claimed its forces were liberating the town. Critics admitted the alleged raid was brutal. Officials said nothing.');
    const by = (text: string) => doc.markers.find((m) => m.text === text && m.category !== 'loaded');
    expect(by('regime')).toMatchObject({ category: 'label', subcategory: 'delegitimizing' });
    expect(by('claimed')).toMatchObject({ category: 'report-verb', subcategory: 'doubting' });
    expect(by('liberating')).toMatchObject({ category: 'euphemism' });
    expect(by('admitted')).toMatchObject({ category: 'report-verb', subcategory: 'conceding' });
    expect(by('alleged')).toMatchObject({ category: 'hedge' });
    expect(by('brutal')).toMatchObject({ category: 'intensifier' });
    // Neutral report verbs are speech cues, not loaded markers.
    expect(doc.markers.some((m) => m.text === 'said')).toBe(false);
    for (const m of doc.markers) expect(m.text).toBe(`The regime claimed its forces were liberating the town. Critics admitted the alleged raid was brutal. Officials said nothing.`.slice(m.start, m.end));
  });

  it('matches multi-word entries by lemma', () => {
    const doc = run('The army called it a special military operation while critics lashed out at the puppet regimes.');
    expect(doc.markers.find((m) => m.text === 'special military operation')?.category).toBe('euphemism');
    expect(doc.markers.find((m) => m.text === 'puppet regimes')?.category).toBe('label');
  });

  it('counts top items under the lexicon entry a reader knows, not a lemma string', () => {
    const doc = run('Foreign-backed militants stormed the depot, and the regimes claimed victory.');
    const keyOf = (text: string) => doc.markers.find((m) => m.text === text && m.category !== 'loaded')?.key;
    expect(keyOf('Foreign-backed')).toBe('foreign-backed');
    expect(keyOf('regimes')).toBe('regime');
    expect(keyOf('claimed')).toBe('claim');
  });

  it('a user lexicon adds terms and overrides the note of a shipped entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loaded-lex-'));
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ entries: [
      { term: 'gremlin', category: 'label', subcategory: 'dehumanizing', note: 'house term' },
      { term: 'regime', category: 'label', subcategory: 'delegitimizing', note: 'our own note' },
    ] }));
    const doc = detectLoaded(analyzeDoc(article('The regime sent gremlins to the border.')), loadedResources([file]), { noModel: true });
    expect(doc.markers.find((m) => m.text === 'gremlins')?.subcategory).toBe('dehumanizing');
    expect(doc.markers.find((m) => m.text === 'regime')?.reason).toMatch(/our own note/);
  });
});

describe('the learned model', () => {
  it('flags loaded words no lexicon lists and says why, with its probability', () => {
    const doc = run('The incompetent, clueless bureaucrats wrecked the disgraceful scheme once again! Their hateful, venomous screeds poisoned everything.');
    const learned = doc.markers.filter((m) => m.category === 'loaded');
    expect(learned.length).toBeGreaterThan(0);
    for (const m of learned) {
      expect(m.reason).toMatch(/^learned model p=0\.\d\d: .+; as a phrase p=0\.\d\d/);
      expect(m.score).toBeGreaterThan(0);
    }
    expect(learned.map((m) => m.text).join(' ')).toMatch(/incompetent|clueless|venomous/);
  });

  it('keys a learned phrase by its own words as written, lower-cased', () => {
    const doc = run('The incompetent, clueless bureaucrats wrecked the disgraceful scheme once again! Their hateful, venomous screeds poisoned everything.');
    for (const m of doc.markers.filter((x) => x.category === 'loaded')) expect(m.key).toBe(m.text.toLowerCase());
  });

  it('flags nothing learned in a plain factual sentence', () => {
    const doc = run('The committee met on Tuesday to review the budget for the next year.');
    expect(doc.markers.filter((m) => m.category === 'loaded')).toEqual([]);
  });

  it('turns off with noModel', () => {
    const doc = run('The incompetent, clueless bureaucrats wrecked the scheme.', { noModel: true });
    expect(doc.markers.some((m) => m.category === 'loaded')).toBe(false);
  });

  it('ships weights under 1 MB with no capitalised names', () => {
    const file = new URL('../../data/models/loaded.json', import.meta.url);
    expect(readFileSync(file).length).toBeLessThan(1024 * 1024);
    const model = JSON.parse(readFileSync(file, 'utf8'));
    const lemmas = Object.keys(model.weights).filter((f) => f.startsWith('lem')).map((f) => f.split('=')[1]);
    expect(lemmas.length).toBeGreaterThan(100);
    for (const lemma of lemmas) expect(lemma).toMatch(/^[a-z][a-z'’-]*$/);
  });
});

describe.skipIf(!existsSync(SEED))('the seed page dump (../shared/data/seeds, skipped when absent)', () => {
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const doc = existsSync(SEED) ? detectLoaded(analyzeDoc(article(text, { outlet: 'RT' })), loadedResources()) : undefined;

  it("'junta' is a partial quote inside Lavrov's reported speech and a delegitimizing label", () => {
    const at = text.indexOf("'junta'") + 1;
    const here = doc!.markers.filter((m) => m.start === at && m.text === 'junta');
    expect(here.find((m) => m.category === 'quote')?.subcategory).toBe('partial');
    expect(here.find((m) => m.category === 'label')).toMatchObject({ subcategory: 'delegitimizing', quoteClass: 'partial', voice: 'quoted' });
    expect(doc!.sentences[here[0].sentence].text).toMatch(/^Lavrov said last week/);
  });

  it("'liberating' is a euphemism and 'admitted' and 'claimed' are loaded report verbs", () => {
    expect(doc!.markers.find((m) => m.text === 'liberating')?.category).toBe('euphemism');
    const verbs = doc!.markers.filter((m) => m.category === 'report-verb');
    expect(verbs.filter((m) => m.text === 'admitted').map((m) => m.subcategory)).toEqual(['conceding', 'conceding']);
    expect(verbs.find((m) => m.text === 'claimed')?.subcategory).toBe('doubting');
  });

  it('whole-sentence direct quotes are not scare quotes', () => {
    const analyzed = analyzeDoc(article(text, { outlet: 'RT' }));
    const whole = analyzed.quotes.filter((q) => !q.embedded);
    expect(whole.length).toBeGreaterThanOrEqual(5);
    for (const q of whole) expect(doc!.markers.find((m) => m.category === 'quote' && m.start === q.start)?.subcategory).toBe('direct');
    expect(doc!.markers.find((m) => m.text.startsWith('It was clear from the beginning'))?.subcategory).toBe('direct');
  });
});

describe.skipIf(!existsSync(PLANTED))('the sample corpus (planted phenomena)', () => {
  const articles: Article[] = existsSync(SAMPLE) ? readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  const planted: Array<{ kind: string; doc: string; phrase: string; quoted?: string }> = existsSync(PLANTED) ? JSON.parse(readFileSync(PLANTED, 'utf8')).entries : [];
  const results = new Map<string, LoadedDoc>();
  const resultOf = (id: string) => {
    if (!results.has(id)) results.set(id, detectLoaded(analyzeDoc(articles.find((a) => a.id === id)!), loadedResources()));
    return results.get(id)!;
  };
  const markersIn = (id: string, phrase: string) => {
    const a = articles.find((x) => x.id === id)!;
    const at = a.text.indexOf(phrase.replaceAll(' ¶ ', '\n\n'));
    return resultOf(id).markers.filter((m) => m.start >= at && m.end <= at + phrase.length);
  };

  it('classes every planted scare quote as a scare quote', () => {
    const scare = planted.filter((p) => p.kind === 'scare-quote');
    expect(scare.length).toBeGreaterThan(0);
    for (const p of scare) expect(markersIn(p.doc, p.phrase).find((m) => m.category === 'quote')?.subcategory, p.phrase).toBe('scare');
  });

  it('classes most planted partial quotes as partial quotes', () => {
    const partial = planted.filter((p) => p.kind === 'partial-quote');
    const found = partial.filter((p) => markersIn(p.doc, p.phrase).some((m) => m.category === 'quote' && m.subcategory === 'partial'));
    expect(found.length / partial.length).toBeGreaterThanOrEqual(0.8);
  });

  it('finds most planted labels, euphemisms and hedges in their category', () => {
    for (const kind of ['label', 'euphemism', 'hedge']) {
      const list = planted.filter((p) => p.kind === kind);
      const found = list.filter((p) => markersIn(p.doc, p.phrase).some((m) => m.category === kind || (kind === 'hedge' && m.category === 'report-verb')));
      expect(found.length / list.length, kind).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('keeps the most confident learned markers of each event, outlet and kind as examples, best first', () => {
    const ctx = { lexiconFiles: [], options: { loaded: { examplesPerGroup: 2 } }, outlets: [] };
    const perDoc = new Map(articles.map((a) => [a.id, loaded.perDoc(analyzeDoc(a), ctx)]));
    const index = buildCorpusIndex(articles, new Map(articles.map((a) => [a.id, perDoc.get(a.id)!.words])));
    const summary = loaded.summarize(perDoc, index, ctx);
    // The event × outlet with the most learned markers: more of them than the summary keeps.
    const scores = new Map<string, number[]>();
    for (const [id, d] of perDoc) {
      const { event, outlet } = index.byId.get(id)!;
      const slot = `${event}|${outlet}`;
      scores.set(slot, [...(scores.get(slot) ?? []), ...d.markers.filter((m) => m.category === 'loaded').map((m) => m.score)]);
    }
    const [slot, all] = [...scores].sort((a, b) => b[1].length - a[1].length)[0];
    expect(all.length).toBeGreaterThan(2);
    const shown = summary.examples.filter((e) => `${e.event}|${e.outlet}` === slot && e.category === 'loaded');
    const scoreOf = (e: (typeof shown)[number]) => perDoc.get(e.doc)!.markers.find((m) => m.start === e.start && m.end === e.end)!.score;
    expect(shown.map(scoreOf)).toEqual([...all].sort((a, b) => b - a).slice(0, 2));
  });

  it('summarizes rates per outlet, the share inside quotes, and charts that compile', () => {
    const ctx = { lexiconFiles: [], options: {}, outlets: [] };
    const perDoc = new Map(articles.map((a) => [a.id, loaded.perDoc(analyzeDoc(a), ctx)]));
    const index = buildCorpusIndex(articles, new Map(articles.map((a) => [a.id, perDoc.get(a.id)!.words])));
    const summary = loaded.summarize(perDoc, index, ctx);
    for (const outlet of summary.outlets) {
      const s = summary.byOutlet[outlet];
      const docs = articles.filter((a) => a.outlet === outlet).map((a) => perDoc.get(a.id)!);
      const labels = docs.flatMap((d) => d.markers).filter((m) => m.category === 'label').length;
      expect(s.counts.label).toBe(labels);
      expect(s.rates.label).toBeCloseTo((1000 * labels) / s.words, 1);
      for (const key of summary.keys) expect(s.quoted[key]).toBeLessThanOrEqual(s.counts[key]);
    }
    expect(summary.examples.every((e) => e.sentence.text.includes(e.text) || e.category === 'quote')).toBe(true);
    for (const spec of [ratesChart(summary, index), voiceChart(summary, index)]) {
      expect(spec).toBeDefined();
      expect(() => compile(spec as never)).not.toThrow();
    }
  });

  it('highlights markers as loaded:<category> and quotes as quote:<class>', () => {
    const doc = resultOf(planted.find((p) => p.kind === 'scare-quote')!.doc);
    const kinds = new Set(loaded.highlights!(doc, { id: 'x', outlet: 'x', title: '', words: doc.words }).map((h) => h.kind));
    expect([...kinds].some((k) => k.startsWith('loaded:'))).toBe(true);
    expect(kinds.has('quote:scare')).toBe(true);
  });

  it('labels a highlight with its kind once: "label (dehumanizing)", "loaded wording (learned)"', () => {
    const labels = new Set(articles.flatMap((a) => loaded.highlights!(resultOf(a.id), { id: a.id, outlet: a.outlet, title: '', words: 1 }).map((h) => h.label)));
    expect([...labels].some((l) => /^label \(\w+\)$/.test(l!))).toBe(true);
    expect(labels.has('loaded wording (learned)')).toBe(true);
    expect([...labels].some((l) => /\((\w+)\) \(\1\)/.test(l!))).toBe(false);
  });
});
