/**
 * Summaries keep per-event detail for the DETAILED_EVENTS largest events only (analyses/types.ts):
 * a corpus without event ids has thousands of one-article groups. Invented one-line articles.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import { DETAILED_EVENTS } from '../../analyses/types.js';
import { terms } from '../../analyses/terms/index.js';
import { loaded } from '../../analyses/loaded/index.js';
import { attribution } from '../../analyses/attribution/index.js';

describe('per-event detail in summaries', () => {
  it('keeps terms and loaded-language detail for the largest events and counts every article per outlet', () => {
    const articles: Article[] = [];
    for (let k = 0; k < 4; k++) articles.push({ id: `big-${k}`, outlet: `Outlet ${k % 2}`, event: 'big', title: '', text: `The regime closed the harbour at Varn again, officials said (${k}).` });
    for (let e = 0; e < DETAILED_EVENTS + 1; e++) articles.push({ id: `s-${e}`, outlet: `Outlet ${e % 2}`, event: `small-${String(e).padStart(4, '0')}`, title: '', text: `Council ${e} met in Orvel.` });
    const ctx = { lexiconFiles: [], options: {}, outlets: [] };
    const docs = articles.map((a) => analyzeDoc(a));
    const index = buildCorpusIndex(articles, new Map(docs.map((d) => [d.article.id, d.words])));
    expect(index.events.length).toBe(DETAILED_EVENTS + 2);

    const termsSummary = terms.summarize(new Map(docs.map((d) => [d.article.id, terms.perDoc(d, ctx)])), index, ctx);
    expect(termsSummary.events.map((e) => e.event)).toEqual(index.events.slice(0, DETAILED_EVENTS));
    expect(termsSummary.events[0]).toMatchObject({ event: 'big', docs: 4 });

    const loadedSummary = loaded.summarize(new Map(docs.map((d) => [d.article.id, loaded.perDoc(d, ctx)])), index, ctx);
    expect(Object.keys(loadedSummary.byEvent).length).toBeLessThanOrEqual(DETAILED_EVENTS);
    expect(loadedSummary.byEvent.big).toBeDefined();
    const perOutlet = Object.values(loadedSummary.byOutlet).reduce((n, s) => n + s.docs, 0);
    expect(perOutlet).toBe(articles.length);

    const attributions = new Map(docs.map((d) => [d.article.id, attribution.perDoc(d, ctx)]));
    const sourcing = attribution.summarize(attributions, index, ctx);
    expect(Object.keys(sourcing.byEvent).length).toBeLessThanOrEqual(DETAILED_EVENTS);
    expect(sourcing.byEvent.big).toBeDefined();
    // the sources command asks for every event
    const all = attribution.summarize(attributions, index, { ...ctx, options: { attribution: { allEvents: true } } });
    expect(Object.keys(all.byEvent).length).toBeGreaterThan(Object.keys(sourcing.byEvent).length);
  }, 60_000);
});
