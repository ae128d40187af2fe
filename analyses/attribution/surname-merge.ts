/**
 * Across the corpus, a source named by surname alone ("Trump said") is the person an article
 * elsewhere names in full ("Donald Trump"), when one full name clearly owns that surname. Each
 * article resolves its own sources (resolve-source.ts), so an article that never writes the full
 * name counts "Trump": on the 20k-article ABP corpus Fox News's top sources were "Trump" (2,941
 * attributions) and "Donald Trump" (1,412) as two people. Read by the attribution summary
 * (summarize.ts) once every article is counted.
 */
import type { SourceCount } from './types.js';
import { getOrAdd } from '../../src/get-or-add.js';

/**
 * A surname joins the full name with the most attributions ending in it only when that name has
 * at least this share of them: "Clinton" stays itself where Hillary and Bill Clinton are both
 * quoted often.
 */
const MIN_OWNER_SHARE = 0.8;

/**
 * Nor when the surname alone is used more than this many times as often as the full name (the
 * text layer's alias rule, src/text/aliases.ts): news text introduces a person by full name and
 * then shortens it, so a far more frequent one-word name is someone or something else.
 */
const MAX_SURNAME_SHARE = 5;

/** Surname → full name, from every person source's corpus-wide attributions. */
export function surnameOwners(sources: Iterable<Pick<SourceCount, 'source' | 'sourceType' | 'attributions'>>): Map<string, string> {
  const counts = new Map<string, number>();
  for (const s of sources) if (s.sourceType === 'person') counts.set(s.source, (counts.get(s.source) ?? 0) + s.attributions);
  // Full names (two or more words) by their last word.
  const bySurname = new Map<string, Array<[string, number]>>();
  for (const [name, n] of counts) {
    const words = name.split(/\s+/);
    if (words.length < 2) continue;
    const surname = words[words.length - 1];
    getOrAdd(bySurname, surname, () => []).push([name, n]);
  }
  const owners = new Map<string, string>();
  for (const [surname, fullNames] of bySurname) {
    const alone = counts.get(surname);
    if (alone === undefined) continue;
    fullNames.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [owner, n] = fullNames[0];
    const total = fullNames.reduce((sum, [, c]) => sum + c, 0);
    if (n >= MIN_OWNER_SHARE * total && alone <= MAX_SURNAME_SHARE * n) owners.set(surname, owner);
  }
  return owners;
}
