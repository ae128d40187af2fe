import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import type { Article } from '../../src/corpus/article.js';
import { extractAttributions, profileOf } from '../../analyses/attribution/index.js';
import { gluePoints, nameBeforeSeam } from '../../src/text/glued-names.js';

// A scraped page whose name cards ("Governor Hale Martin Joseph Hale") lost the break before
// the card's next headline, so the last name is glued to the headline's first word.
const SCRAPED = [
  'It went badly for Governor Hale Martin Joseph HaleGOP senators balk at a lengthy trial Ward goes local in race.',
  'The governor said on Monday that the plan would fail.',
  '"We will win," said Sen. Ada Roe Ada Mae RoeAides warn of a budget gap.',
  'McConnell said that DeSantis had called WikiLeaks.',
].join(' ');

const extract = (text: string) => {
  const article: Article = { id: 'g', outlet: 'Northern Ledger', title: '', text };
  return extractAttributions(analyzeDoc(article, { outlets: ['Northern Ledger'] }), { outlets: ['Northern Ledger'] });
};

describe('sources across glued words', () => {
  const found = extract(SCRAPED);
  const names = profileOf(found.map((a) => ({ doc: 'g', a })), 20).topSources.map((s) => s.source);

  it('never counts a source under a name that glues two words without a break', () => {
    expect(names.length).toBeGreaterThan(2);
    for (const name of names) expect(name, name).not.toMatch(/HaleGOP|RoeAides/);
  });

  it('cuts a source before its cue at the seam, keeping the words next to the cue', () => {
    const balk = found.find((a) => a.cue.text.startsWith('balk'));
    expect(balk?.source?.text).toBe('GOP senators');
    expect(SCRAPED.slice(balk!.source!.start, balk!.source!.end)).toBe('GOP senators');
  });

  it('resolves a description to the full name of a name card, not to the glued run', () => {
    const governor = found.find((a) => a.source?.text === 'The governor');
    expect(governor?.resolved).toBe('Martin Joseph Hale');
  });

  it('cuts a source after its cue at the seam', () => {
    const said = found.find((a) => a.cue.text === 'said' && a.source?.text.includes('Roe'));
    expect(said?.source?.text).toBe('Sen. Ada Roe Ada Mae Roe');
    expect(said?.resolved).toBe('Ada Mae Roe');
  });

  it('leaves mixed-case names whole', () => {
    expect(names).toContain('McConnell');
    expect(gluePoints(SCRAPED, 0, SCRAPED.length).map((p) => SCRAPED.slice(p, p + 3))).toEqual(['GOP', 'Aid']);
  });
});

describe('nameBeforeSeam', () => {
  it('returns null for a name with no seam and the full form of a doubled name card', () => {
    const text = 'Pat Lee said. Mayor Lee Patricia Ann LeeCouncil votes today.';
    expect(nameBeforeSeam(text, 0, 7)).toBeNull();
    const start = text.indexOf('Lee Patricia');
    expect(nameBeforeSeam(text, start, text.indexOf(' votes'))).toBe('Patricia Ann Lee');
  });
});
