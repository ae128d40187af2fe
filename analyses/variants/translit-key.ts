/**
 * Transliteration keys and edit distance for variant discovery. Two spellings of one name often
 * differ only in how a non-Latin name was romanized (Kiev/Kyiv, Lugansk/Luhansk, Odessa/Odesa,
 * Zelenskiy/Zelenskyy): the key folds those differences away.
 */

/**
 * Rules, in order: strip diacritics and non-letters, lower-case; kh → h; g before a vowel → h
 * (Lugansk/Luhansk); a final -iy/-yy/-ii → y (Zelenskiy/Zelenskyy); y → i; e before v → i
 * (Kiev/Kyiv → kiiv); a final -ov → -iv (Kharkov/Kharkiv); doubled letters → one (Odessa).
 */
export function translitKey(form: string): string {
  return form
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/kh/g, 'h')
    .replace(/g(?=[aeiouy])/g, 'h')
    .replace(/(?:iy|yy|ii)$/, 'y')
    .replace(/y/g, 'i')
    .replace(/ev/g, 'iv')
    .replace(/ov$/, 'iv')
    .replace(/(.)\1+/g, '$1');
}

/** Levenshtein edit distance (insertions, deletions, substitutions all cost 1). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Edit distance divided by the longer length: 0 = same, 1 = nothing in common. */
export function normalizedDistance(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest ? levenshtein(a, b) / longest : 0;
}

/**
 * Consonant skeleton of a transliteration key, with common consonant alternations folded
 * (c/q → k, ph → f, w → v, z → s, x → ks, j → i). Spelling variants of one name usually differ
 * in vowels only (Orlisk/Orlesk); look-alike different names usually differ in a consonant
 * (Boston/Bolton, Carson/Carlson).
 */
export function consonantSkeleton(key: string): string {
  return key
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/[cq]/g, 'k')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/j/g, 'i')
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');
}
