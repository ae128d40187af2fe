import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameSkeleton, unicodeSkeleton } from '../../analyses/similarity/name-skeleton.js';

/** The definition: NFKD, accents dropped, lower case, words of letters and numbers, vowels squeezed out of long words. */
const reference = unicodeSkeleton;

describe('nameSkeleton', () => {
  it('gives transliteration variants of a name one key and different names different keys', () => {
    expect(nameSkeleton('Aurel Kastrovich')).toBe(nameSkeleton('Aurel Kastrovych'));
    expect(nameSkeleton('Orlesk')).toBe('orlsk');
    expect(nameSkeleton('Oren Halvik')).not.toBe(nameSkeleton('Lidia Varenko'));
  });

  it('matches the definition on ASCII keys, whatever their separators and digits', () => {
    const matches = (key: string) => {
      expect(nameSkeleton(key)).toBe(reference(key));
    };
    const ascii = fc.string({ unit: fc.constantFrom(...'aAeEiIoOuUyYbBkKzZ09 -.\'_/\t'.split('')), maxLength: 40 });
    fc.assert(fc.property(ascii, matches), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), matches), { numRuns: 2000 });
  });

  it('drops accents and handles other scripts as the definition does', () => {
    for (const key of ['Zoë Ólafsdóttir', 'Kastrovič', 'Łukasz Wójcik', 'Сергей Лавров', 'ﬁnance Ministry', 'Ｆｕｌｌ width']) {
      expect(nameSkeleton(key)).toBe(reference(key));
    }
    expect(nameSkeleton('Zoë Ólafsdóttir')).toBe(nameSkeleton('Zoe Olafsdottir'));
  });
});
