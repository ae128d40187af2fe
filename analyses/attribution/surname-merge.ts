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

/** One person's forms of a full name: the same first and last word ("Donald J. Trump", "Donald Trump"). */
function personKey(words: string[]): string {
  return `${words[0]} ${words[words.length - 1]}`;
}

/**
 * Source name → the name it is counted under, from every person source's corpus-wide
 * attributions: each form of a full name → that person's most used form ("Donald J. Trump" →
 * "Donald Trump"), and a surname → the person who owns it. A person's forms count together
 * towards owning the surname: split three ways, "Donald Trump" held 74 % of the full names ending
 * in "Trump" on 20,730 ABP articles (with its other forms 90 %), under MIN_OWNER_SHARE, and
 * "Trump" stayed apart: Fox News's most quoted source was "Trump" (6 % of quoted words), now
 * "Donald Trump" (8.7 %).
 */
export function surnameOwners(sources: Iterable<Pick<SourceCount, 'source' | 'sourceType' | 'attributions'>>): Map<string, string> {
  const counts = new Map<string, number>();
  for (const s of sources) if (s.sourceType === 'person') counts.set(s.source, (counts.get(s.source) ?? 0) + s.attributions);
  // Full names (two or more words) by their last word, then by person.
  const bySurname = new Map<string, Map<string, Array<[string, number]>>>();
  for (const [name, n] of counts) {
    const words = name.split(/\s+/);
    if (words.length < 2) continue;
    const people = getOrAdd(bySurname, words[words.length - 1], () => new Map());
    getOrAdd(people, personKey(words), () => []).push([name, n]);
  }
  const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  const owners = new Map<string, string>();
  for (const [surname, people] of bySurname) {
    // Each person under their most used form, with all their forms' attributions.
    const ranked: Array<[string, number]> = [];
    for (const forms of people.values()) {
      forms.sort(byCount);
      for (const [form] of forms.slice(1)) owners.set(form, forms[0][0]);
      ranked.push([forms[0][0], forms.reduce((sum, [, c]) => sum + c, 0)]);
    }
    ranked.sort(byCount);
    const alone = counts.get(surname);
    if (alone === undefined) continue;
    const [owner, n] = ranked[0];
    const total = ranked.reduce((sum, [, c]) => sum + c, 0);
    if (n >= MIN_OWNER_SHARE * total && alone <= MAX_SURNAME_SHARE * n) owners.set(surname, owner);
  }
  return owners;
}
