/**
 * Each outlet's repeated sentences (analyses/terms/repeated-sentences.ts) in the terms summary:
 * a line one outlet prints under articles about different events stops counting as its word
 * choice and is listed with spans; a passage repeated within one event, and the same words in
 * another outlet's prose, still count; the counts are exactly those of the articles without the
 * lines. Invented articles and outlets.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/corpus/article.js';
import { analyzeDoc } from '../../../src/text/analyze.js';
import { buildCorpusIndex } from '../../../src/pipeline/corpus-index.js';
import { summarizeTerms, terms, termsDocOf, type PackedTermsDoc, type TermsAnalysisOptions, type TermsDoc } from '../../../analyses/terms/index.js';
import { sentenceKeys } from '../../../analyses/terms/sentence-keys.js';
import { expectedEvents, leaveOutSentences } from '../../../analyses/terms/repeated-sentences.js';
import { createKit, newPageParts } from '../../../src/report/kit.js';

const context = { lexiconFiles: [], options: {}, outlets: [] };

const FOOTER = 'Marlow Fenwick writes the Tidewatch column from the quayside office every week.';
const BACKGROUND = 'The quarry dispute began when the county rezoned the Ashgrove wetlands for gravel pits.';

/** Bodies on four unrelated events; the Harbor Gazette signs every one with the same footer. */
const harbor: Array<[string, string]> = [
  ['quarry', `Residents packed the council chamber to oppose the gravel permit. ${BACKGROUND} Opponents warned about heron colonies. ${FOOTER}`],
  ['quarry', `The planning board delayed its vote on the gravel permit again. ${BACKGROUND} Engineers presented drainage surveys. ${FOOTER}`],
  ['quarry', `A judge froze the gravel permit pending an appeal. ${BACKGROUND} Lawyers for the company promised a swift filing. ${FOOTER}`],
  ['ferry', `The island ferry resumed sailings after a week of repairs to its hull. Commuters cheered at the pier. ${FOOTER}`],
  ['library', `The library reopened its reading room with longer evening hours. Volunteers catalogued donated atlases. ${FOOTER}`],
  ['marathon', `Runners crowded the promenade for the autumn marathon despite drizzle. A teacher won in record time. ${FOOTER}`],
];

/** Another outlet on the same events, using the footer's words in its own prose. */
const ridge: Array<[string, string]> = [
  ['quarry', 'Critics of the gravel permit quoted the Tidewatch column by Marlow Fenwick at the hearing.'],
  ['ferry', 'Ferry passengers praised the crew, and the Tidewatch column agreed.'],
  ['library', 'Fenwick, the columnist, donated old atlases to the reading room.'],
  ['marathon', 'The marathon route passed the quayside office of the Tidewatch column.'],
];

function corpus(): Article[] {
  const make = (outlet: string, rows: Array<[string, string]>, prefix: string) =>
    rows.map(([event, text], i): Article => ({ id: `${prefix}${i}`, outlet, title: `${outlet} ${i}`, text, event, meta: {} }));
  return [...make('Harbor Gazette', harbor, 'h'), ...make('Ridge Courier', ridge, 'r')];
}

function summarize(articles: Article[], options: TermsAnalysisOptions = {}) {
  const perDoc = new Map<string, PackedTermsDoc>(articles.map((a) => [a.id, terms.perDoc(analyzeDoc(a), context)]));
  const index = buildCorpusIndex(articles, new Map(articles.map((a) => [a.id, perDoc.get(a.id)!.words])));
  return { perDoc, index, summary: summarizeTerms(perDoc, index, options) };
}

const outletOf = (summary: ReturnType<typeof summarizeTerms>, name: string) => summary.outlets.find((o) => o.group === name)!;
const counted = (summary: ReturnType<typeof summarizeTerms>, name: string) => new Map(outletOf(summary, name).frequent.map((t) => [t.term, t.count]));

describe('repeated sentences in the terms summary', () => {
  it('leaves a footer one outlet prints under articles on four events out of its words, and lists it with spans', () => {
    const articles = corpus();
    const { summary } = summarize(articles, { frequent: 200 });
    const { summary: raw } = summarize(articles, { frequent: 200, repeatedSentences: false });
    // the text layer alone keeps the footer: its words count, and are among the Gazette's distinctive terms
    expect(counted(raw, 'Harbor Gazette').get('tidewatch')).toBe(6);
    expect(outletOf(raw, 'Harbor Gazette').top.map((t) => t.term)).toEqual(expect.arrayContaining(['week', 'writes']));

    const gazette = counted(summary, 'Harbor Gazette');
    for (const word of ['tidewatch', 'fenwick', 'marlow', 'quayside', 'column']) expect(gazette.has(word)).toBe(false);
    const top = outletOf(summary, 'Harbor Gazette').top.map((t) => t.term);
    expect(top).not.toContain('week');
    expect(top).not.toContain('writes');

    expect(summary.repeated).toHaveLength(1);
    const [listed] = summary.repeated;
    expect(listed).toMatchObject({ outlet: 'Harbor Gazette', repeated: 1, sentences: 6, docs: 6 });
    expect(listed.top[0]).toMatchObject({ text: FOOTER, docs: 6, events: 4 });
    expect(listed.top[0].examples).toHaveLength(3);
    for (const span of listed.top[0].examples) {
      const article = articles.find((a) => a.id === span.doc)!;
      expect(article.outlet).toBe('Harbor Gazette');
      expect(article.text.slice(span.start, span.end)).toBe(FOOTER);
    }
  });

  it('keeps counting a passage repeated within one event, and the same words in another outlet’s prose', () => {
    const { summary } = summarize(corpus(), { frequent: 200 });
    const gazette = counted(summary, 'Harbor Gazette');
    expect(gazette.get('ashgrove')).toBe(3);
    expect(gazette.get('rezoned')).toBe(3);
    const courier = counted(summary, 'Ridge Courier');
    expect(courier.get('tidewatch')).toBe(3);
    expect(courier.get('fenwick')).toBe(2);
    expect(summary.repeated.map((r) => r.outlet)).toEqual(['Harbor Gazette']);
  });

  it('takes the left-out tokens off the outlet’s token count, the denominator of its rates', () => {
    const articles = corpus();
    const { summary } = summarize(articles);
    const { summary: raw } = summarize(articles, { repeatedSentences: false });
    const left = summary.repeated[0].tokens;
    expect(left).toBe(6 * 12); // the footer's twelve words, six times
    expect(outletOf(summary, 'Harbor Gazette').tokens).toBe(outletOf(raw, 'Harbor Gazette').tokens - left);
    expect(outletOf(summary, 'Ridge Courier').tokens).toBe(outletOf(raw, 'Ridge Courier').tokens);
    expect(summary.tokens).toBe(raw.tokens - left);
  });

  it('counts every level, n-grams, lemmas and KWIC lines exactly as if the repeated sentences were not in the articles', () => {
    const articles = corpus();
    for (const options of [{}, { ngram: 3, lemma: true }, { ngram: 2, stopWords: true, numbers: true }] as TermsAnalysisOptions[]) {
      const { perDoc, index, summary } = summarize(articles, { ...options, frequent: 100, minCount: 1 });
      // the same documents with the footer's tokens turned into breaks beforehand, and the rule off
      const without = new Map<string, TermsDoc>();
      for (const [id, packed] of perDoc) {
        const doc = termsDocOf(packed);
        const keys = sentenceKeys(doc);
        const footer = keys.hashes.findIndex((_, s) => id.startsWith('h') && s === keys.hashes.length - 1);
        without.set(id, footer >= 0 ? leaveOutSentences(doc, [footer]).doc : doc);
      }
      const expected = summarizeTerms(without, index, { ...options, frequent: 100, minCount: 1, repeatedSentences: false });
      expect({ ...summary, repeated: [] }).toEqual(expected);
    }
  });

  it('asks more of a short line: a two-word sentence in three of six articles on three events still counts', () => {
    const articles = corpus().map((a, i) => (a.outlet === 'Harbor Gazette' && i >= 3 ? { ...a, text: `${a.text} Gulls circled.` } : a));
    const { summary } = summarize(articles, { frequent: 200 });
    expect(counted(summary, 'Harbor Gazette').get('gulls')).toBe(3);
    expect(summary.repeated[0].repeated).toBe(1);
  });

  it('reads a line as the same key whatever its numbers, case and punctuation, and a different line as another', () => {
    const keyOf = (text: string) => {
      const article: Article = { id: 'k', outlet: 'Harbor Gazette', title: 't', text, meta: {} };
      return sentenceKeys(terms.perDoc(analyzeDoc(article), context)).hashes[0];
    };
    const updated = keyOf('The harbor desk logged 5:30 p.m. arrivals for 12 ferries.');
    expect(keyOf('The harbor desk logged 11:05 p.m. arrivals for 3 ferries.')).toBe(updated);
    expect(keyOf('THE Harbor desk logged 9:15 p.m. arrivals, for 40 ferries!')).toBe(updated);
    expect(keyOf('The harbor desk logged 5:30 a.m. arrivals for 12 ferries.')).not.toBe(updated);
    expect(keyOf('The river desk logged 5:30 p.m. arrivals for 12 ferries.')).not.toBe(updated);
    expect(updated).toBeGreaterThan(0);
    // a sentence of stop words and numbers alone is no candidate: leaving it out would change no count
    expect(keyOf('It was 42.')).toBe(0);
  });

  it('expects as many events as chance gives for articles drawn from an outlet', () => {
    const expected = expectedEvents(6, [3, 1, 1, 1]);
    expect(expected(6)).toBeCloseTo(4, 10);
    expect(expected(1)).toBeCloseTo(1, 10);
    // two of six articles: both in the three-article event with probability 3/15
    expect(expected(2)).toBeCloseTo(2 - 3 / 15, 10);
  });

  it('says in the report what was left out, quoting the line with a link to its span', () => {
    const { index, summary } = summarize(corpus());
    const linked: string[] = [];
    const kit = () =>
      createKit(newPageParts(), {
        root: '',
        articleSlug: (id) => id,
        eventSlug: (id) => id,
        outletColor: () => '#123456',
        onArticleLink: (doc, anchor) => linked.push(`${doc}${anchor && 'start' in anchor ? `#${anchor.start}-${anchor.end}` : ''}`),
      });
    const markup = terms.overview!(summary, index, kit())!.html.value;
    expect(markup).toContain('Not counted as word choice: 6 sentences that 1 outlet repeats across many of its articles on different events');
    expect(markup).toContain('in 6 articles, for example <a href="');
    expect(markup).toContain(`“${FOOTER}”</a> (Harbor Gazette, 6 articles).`);
    const span = summary.repeated[0].top[0].examples[0];
    expect(linked).toContain(`${span.doc}#${span.start}-${span.end}`);
    // without repeated sentences the section says nothing of them
    const { index: ridgeIndex, summary: ridgeOnly } = summarize(corpus().filter((a) => a.outlet === 'Ridge Courier'));
    expect(terms.overview!(ridgeOnly, ridgeIndex, kit())!.html.value).not.toContain('Not counted as word choice');
  });
});
