import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { analyzeDoc } from '../../src/text/analyze.js';
import type { Article } from '../../src/corpus/article.js';
import { attribution, attributionHighlights, extractAttributions } from '../../analyses/attribution/index.js';
import type { Attribution, AttributionDoc } from '../../analyses/attribution/types.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';

const article = (id: string, outlet: string, text: string, event?: string): Article => ({ id, outlet, title: '', text, event });
const extract = (text: string) => extractAttributions(analyzeDoc(article('t', 'Northern Ledger', text), { outlets: ['Northern Ledger'] }), { outlets: ['Northern Ledger'] });
const byCue = (found: Attribution[], cue: string) => found.find((a) => a.cue.text.toLowerCase().includes(cue));

const FICTION = [
  'Harbor Minister Elena Varga said on Tuesday that the new port tax would be withdrawn.',
  '“We listened to the fishermen,” she added.',
  'Varga admitted that the ministry had underestimated the cost.',
  'Officials in the capital said the decision was final, according to the Valley Gazette.',
].join(' ');

describe('extractAttributions', () => {
  const found = extract(FICTION);

  it('finds an indirect attribution with its named source, cue lemma and that-clause content', () => {
    const said = byCue(found, 'said')!;
    expect(said.source?.text).toContain('Elena Varga');
    expect(said.verb).toBe('say');
    expect(said.stance).toBe('neutral');
    expect(said.kind).toBe('indirect');
    expect(said.content?.text).toMatch(/^that the new port tax would be withdrawn/);
  });

  it('resolves a pronoun speaker of a direct quote to the earlier named source', () => {
    const added = byCue(found, 'added')!;
    expect(added.source?.text).toBe('she');
    expect(added.kind).toBe('direct');
    expect(added.content?.text).toBe('We listened to the fishermen,');
    expect(added.resolved).toMatch(/Varga/);
    expect(added.chain.map((s) => s.rule)[0]).toBe('pronoun');
  });

  it('gives a conceding stance to "admitted" from the shared report-verb lexicon', () => {
    expect(byCue(found, 'admitted')?.stance).toBe('conceding');
  });

  it('types unnamed officials as anonymous and an according-to source as the phrase after the cue', () => {
    const officials = found.find((a) => a.source?.text.startsWith('Officials'));
    expect(officials?.sourceType).toBe('anonymous');
    const according = byCue(found, 'according to')!;
    expect(according.source?.text).toContain('Valley Gazette');
    expect(according.kind).toBe('according-to');
  });

  it('keeps spans exact: every span text equals the article text at its offsets', () => {
    for (const a of found) {
      for (const s of [a.source, a.cue, a.content]) if (s) expect(FICTION.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('says why each attribution was found', () => {
    for (const a of found) expect(a.reason).toMatch(/cue classifier|rule:/);
  });
});

describe('nested attributions and rule cues', () => {
  // A hand-made cue model that fires on "say" and "claim" alone, so the nesting rule is tested apart from the shipped weights.
  const model = { name: 'test', description: '', trainedOn: '', threshold: 0.5, weights: { bias: -5, 'w=say': 8, 'w=claim': 7 } };
  const cues = (text: string, nested = false) => extractAttributions(analyzeDoc(article('t', 'x', text)), { model, nested }).map((a) => a.cue.text);

  it('drops a cue nested in the that-clause of a surer attribution, as PolNeAR annotates one attribution per word', () => {
    const text = 'The harbor minister said on Monday that inspectors claimed the cranes were unsafe.';
    expect(cues(text, true)).toEqual(['said', 'claimed']);
    expect(cues(text)).toEqual(['said']);
  });

  it('keeps a second attribution after a clause break in indirect content', () => {
    expect(cues('The harbor minister said the port would reopen, and union leaders claimed they doubted it.')).toEqual(['said', 'claimed']);
    expect(cues('The harbor minister said the port would reopen, the union leaders who claimed otherwise were wrong.')).toEqual(['said', 'claimed']);
  });

  it('reads a dash between two place names or after a dateline as no cue', () => {
    const found = extract('Trucks waited at the Ardan-Velm border crossing for days.\n\nPORTVILLE — Harbor Minister Elena Varga visited the docks on Tuesday.');
    expect(found.some((a) => /^[-—]$/.test(a.cue.text))).toBe(false);
  });

  it('takes the dash signing an embedded tweet as its cue', () => {
    const found = extract('Great day for the port. pic.twitter.com/abc — Elena Varga (@evarga) May 3, 2016');
    expect(found.some((a) => a.cue.text === '—' && /signing/.test(a.reason))).toBe(true);
  });

  it('takes the colon of a "Name: words" headline as the cue of its speaker', () => {
    const found = extract('Elena Varga: The Port Tax Will Go\n\nThe harbor minister spoke to dock workers on Tuesday.');
    expect(found.some((a) => a.cue.text === ':' && /rule: speaker label of a headline/.test(a.reason))).toBe(true);
  });
});

describe('attribution analysis', () => {
  const docs = [
    article('a1', 'Northern Ledger', 'Mayor Tomas Brandt said the bridge would reopen in May. Engineers said the repairs were on schedule.', 'bridge'),
    article('a2', 'Valley Gazette', '“The bridge is safe,” Mayor Tomas Brandt told reporters. Union leader Ida Kovac said workers had not been paid.', 'bridge'),
  ];
  const ctx = { lexiconFiles: [], options: {}, outlets: ['Northern Ledger', 'Valley Gazette'] };
  const perDoc = new Map<string, AttributionDoc>(docs.map((d) => [d.id, attribution.perDoc(analyzeDoc(d, { outlets: ctx.outlets }), ctx)]));
  const index = buildCorpusIndex(docs, new Map(docs.map((d) => [d.id, 20])));
  const summary = attribution.summarize(perDoc, index, ctx);

  it('profiles each outlet: attributions, anonymous share and direct share', () => {
    expect(summary.byOutlet['Northern Ledger'].attributions).toBe(2);
    expect(summary.byOutlet['Northern Ledger'].anonymousShare).toBe(0.5);
    expect(summary.byOutlet['Valley Gazette'].directShare).toBeGreaterThan(0);
    expect(summary.byOutlet['Valley Gazette'].topSources[0].source).toMatch(/Brandt/);
    expect(summary.byOutlet['Valley Gazette'].topSources[0].quotedShare).toBe(1);
  });

  it('lists the sources only one outlet covering the event quotes', () => {
    const exclusive = summary.byEvent.bridge.exclusive;
    expect(exclusive.some((e) => e.outlet === 'Valley Gazette' && /Kovac/.test(e.source))).toBe(true);
    expect(exclusive.some((e) => /Brandt/.test(e.source))).toBe(false);
  });

  it('builds charts that vega-lite compiles', () => {
    const charts = attribution.charts!(summary, index);
    expect(Object.keys(charts).sort()).toEqual(['kinds', 'source-types']);
    for (const spec of Object.values(charts)) expect(() => compile(spec as never)).not.toThrow();
  });

  it('highlights source, cue and content spans with reasons', () => {
    const kinds = new Set(attributionHighlights(perDoc.get('a2')!).map((h) => h.kind));
    expect(kinds).toEqual(new Set(['attribution:source', 'attribution:cue', 'attribution:content']));
  });
});

const seedFile = resolve(import.meta.dirname, '../../../shared/data/seeds/000_2b63a6624e7e042a.txt');

describe('the seed page dump', () => {
  it.skipIf(!existsSync(seedFile))('finds the named sources with their cues and resolves pronouns (needs ../shared/data/seeds)', () => {
    const text = readFileSync(seedFile, 'utf8');
    const found = extractAttributions(analyzeDoc(article('seed', 'RT', text), { outlets: ['RT'] }), { outlets: ['RT'] });
    const has = (source: RegExp, cue: RegExp) => found.some((a) => source.test(`${a.source?.text ?? ''} ${a.resolved ?? ''}`) && cue.test(a.cue.text));
    expect(has(/Lavrov/, /said|stated|noted/)).toBe(true);
    expect(has(/Wadephul/, /admitted/)).toBe(true);
    expect(has(/The Times/, /reported|wrote|cited/)).toBe(true);
    expect(has(/Klitschko/, /cited|as saying|accused/)).toBe(true);
    expect(has(/Tkachenko/, /told/)).toBe(true);
    expect(has(/Macron/, /said|urged/)).toBe(true);
    expect(has(/Gerasimov/, /told/)).toBe(true);
    expect(has(/Seoul's foreign ministry/, /said/)).toBe(true);
    expect(has(/Yonhap/, /according to/)).toBe(true);
    expect(has(/State Department spokesperson/, /noted/)).toBe(true);
    const maintained = found.find((a) => a.cue.text.includes('maintained') && a.source?.text === 'He');
    expect(maintained?.resolved).toMatch(/Wadephul/);
    expect(maintained?.stance).toBe('doubting');
    const added = found.filter((a) => a.cue.text === 'added' && /^he$/i.test(a.source?.text ?? ''));
    expect(added.map((a) => a.resolved)).toEqual([expect.stringMatching(/Lavrov/), expect.stringMatching(/Macron/)]);
  });
});
