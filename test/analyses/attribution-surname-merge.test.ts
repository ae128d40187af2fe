import { describe, expect, it } from 'vitest';
import { surnameOwners } from '../../analyses/attribution/surname-merge.js';
import { summarizeAttributions } from '../../analyses/attribution/summarize.js';
import { buildCorpusIndex } from '../../src/pipeline/corpus-index.js';
import type { Article } from '../../src/corpus/article.js';
import type { Attribution, AttributionDoc } from '../../analyses/attribution/types.js';

const person = (source: string, attributions: number) => ({ source, sourceType: 'person' as const, attributions });

describe('surnameOwners', () => {
  it('gives a surname to the full name that owns it, not to one of two people sharing it, nor to a name used far less than the surname', () => {
    const owners = surnameOwners([
      person('Oren Halvik', 40), person('Halvik', 60), person('Mira Halvik', 2),
      person('Ada Renn', 30), person('Bo Renn', 25), person('Renn', 50),
      person('Tova Arden', 3), person('Arden', 90),
    ]);
    expect([...owners]).toEqual([['Halvik', 'Oren Halvik']]);
  });

  it('counts a person’s forms of a full name as one, also towards owning the surname', () => {
    // split over three forms, "Oren Halvik" alone holds under 80 % of the full names ending in Halvik
    const owners = surnameOwners([person('Oren Halvik', 60), person('Oren J. Halvik', 25), person('Oren Jan Halvik', 15), person('Mira Halvik', 20), person('Halvik', 100)]);
    expect(owners.get('Oren J. Halvik')).toBe('Oren Halvik');
    expect(owners.get('Oren Jan Halvik')).toBe('Oren Halvik');
    expect(owners.get('Halvik')).toBe('Oren Halvik');
    expect(owners.has('Mira Halvik')).toBe(false);
  });
});

describe('summarizeAttributions', () => {
  it('counts attributions to a surname under the full name another article gives it, in every outlet', () => {
    const articles: Article[] = [
      { id: 'a1', outlet: 'Ardel Post', title: '', text: 'x' },
      { id: 'b1', outlet: 'Velmora Ledger', title: '', text: 'x' },
    ];
    const attribution = (source: string): Attribution =>
      ({ kind: 'indirect', source: { start: 0, end: 1, text: source }, sourceType: 'person', cue: { start: 0, end: 1, text: 'said' }, verb: 'say', stance: 'neutral', quotedWords: 3 }) as unknown as Attribution;
    const perDoc = new Map<string, AttributionDoc>([
      ['a1', { attributions: [attribution('Oren Halvik'), attribution('Oren Halvik')] }],
      ['b1', { attributions: [attribution('Halvik'), attribution('Halvik'), attribution('Halvik')] }],
    ]);
    const index = buildCorpusIndex(articles, new Map([['a1', 10], ['b1', 10]]));
    const summary = summarizeAttributions(perDoc, index);
    expect(summary.byOutlet['Velmora Ledger'].topSources.map((s) => [s.source, s.attributions])).toEqual([['Oren Halvik', 3]]);
    expect(summary.byOutlet['Ardel Post'].topSources.map((s) => [s.source, s.attributions])).toEqual([['Oren Halvik', 2]]);
  });

  it('counts a name as the source type most of its attributions have, not the first one’s', () => {
    const articles: Article[] = [{ id: 'a1', outlet: 'Ardel Post', title: '', text: 'x' }];
    const attribution = (source: string, sourceType: string): Attribution =>
      ({ kind: 'indirect', source: { start: 0, end: 1, text: source }, sourceType, cue: { start: 0, end: 1, text: 'said' }, verb: 'say', stance: 'neutral', quotedWords: 3 }) as unknown as Attribution;
    // an outlet of the corpus named like a person is typed media where an article shows no person
    const perDoc = new Map<string, AttributionDoc>([['a1', { attributions: [attribution('Oren Halvik', 'media'), attribution('Oren Halvik', 'person'), attribution('Oren Halvik', 'person')] }]]);
    const summary = summarizeAttributions(perDoc, buildCorpusIndex(articles, new Map([['a1', 10]])));
    expect(summary.byOutlet['Ardel Post'].topSources.map((s) => [s.source, s.sourceType, s.attributions])).toEqual([['Oren Halvik', 'person', 3]]);
  });
});
