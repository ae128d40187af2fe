/**
 * The words an outlet names itself with: the brand word of its name (the last word of a
 * multi-word name: "klaxon" for The Daily Klaxon, "ledger" for The Velmora Ledger) and its
 * one-word aliases in data/lexicons/outlets.json ("kpb" for Kestria Public Broadcasting, "rt"
 * for rt.com). An outlet's own name in its articles is a byline or a brand ("told the Ledger"),
 * not word choice, so the keyness of an outlet leaves out terms made only of these words
 * (summarize.ts). The other words of a name often name a place ("Velmora", "Washington"), whose
 * use is word choice, and are kept. Terms are lower case, as the terms analysis counts them.
 */
import { isDomain, loadOutletAliases, outletKey, type OutletAliases } from '../../src/corpus/outlets.js';

let aliases: OutletAliases | undefined;

/** Name words that are everyday words too ("Kestria Today", "Fox News"): never left out. */
const EVERYDAY_NAME_WORDS = new Set(['the', 'news', 'daily', 'times', 'post', 'today', 'press', 'report', 'world', 'online', 'live', 'media', 'network', 'journal', 'review']);

/** The own-name words of `outlet`. */
export function ownNameWords(outlet: string): Set<string> {
  aliases ??= loadOutletAliases();
  const own = new Set<string>();
  const add = (word: string) => {
    const w = word.toLowerCase();
    if (w.length >= 2 && !EVERYDAY_NAME_WORDS.has(w)) own.add(w);
  };
  const nameWords = outlet.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (nameWords.length >= 2) add(nameWords[nameWords.length - 1]);
  for (const entry of aliases.entries) {
    if (entry.name !== outlet) continue;
    for (const alias of entry.aliases) {
      const key = outletKey(alias); // lower case, without scheme, www. or path
      const word = isDomain(key) ? key.split('.')[0] : alias;
      if (/^[\p{L}\p{N}]+$/u.test(word)) add(word);
    }
  }
  return own;
}

/** Whether every word of `term` (an n-gram, words joined by spaces) is one of `own`. */
export function isOwnName(term: string, own: ReadonlySet<string>): boolean {
  return own.size > 0 && term.split(' ').every((w) => own.has(w));
}
