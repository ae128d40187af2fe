import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileVariantSets, loadVariantSets } from '../../analyses/variants/lexicon.js';
import { findVariantMatches } from '../../analyses/variants/match.js';
import { needleOf } from '../../analyses/variants/needles.js';

// The needle prefilter only skips regexes that cannot match: with and without it, the matches
// are the same, whatever the case, spacing, hyphens, apostrophes or look-alike letters.
const compiled = compileVariantSets(loadVariantSets());
const unfiltered = compiled.map((c) => ({ ...c, needles: undefined }));
const forms = [...new Set(compiled.flatMap((c) => c.set.forms.flatMap((f) => f.match ?? [f.form])))];

const mangle = (s: string, how: number) =>
  how === 0 ? s : how === 1 ? s.toUpperCase() : how === 2 ? s.replace(/ /g, '-') : how === 3 ? s.replace(/s/g, 'ſ').replace(/k/g, '\u212a') : s.replace(/'/g, '’');
const piece = fc.oneof(
  fc.tuple(fc.constantFrom(...forms), fc.integer({ min: 0, max: 4 })).map(([s, how]) => mangle(s, how)),
  fc.constantFrom(' ', ', ', '\n', 'x', 'Der', "'s", '-', 'é', '2'),
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('variant needles', () => {
  it('never change the matches found', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(findVariantMatches(t, compiled)).toEqual(findVariantMatches(t, unfiltered));
      }),
      { numRuns: 1500 },
    );
  });

  it('take the longest plain ASCII word of a string, and none when a letter folds to ASCII', () => {
    expect(needleOf('Hamas-run Gaza health ministry', false)).toBe('ministry');
    expect(needleOf('Côte d’Ivoire', false)).toBe('ivoire');
    expect(needleOf('ISIS', true)).toBe('ISIS');
    expect(needleOf('Киев', false)).toBeUndefined();
    expect(needleOf('Kurſk', false)).toBeUndefined();
  });
});
