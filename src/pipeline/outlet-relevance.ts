/**
 * Which outlet names can change an article's per-article results. The text layer types a
 * mention as media when it matches one of the corpus's outlet names, so a result computed when
 * the corpus had other outlets is still valid unless an added or removed name occurs in the
 * text. "Occurs" is a necessary condition of any token match: every word of the name (without
 * a leading "the") appears somewhere in the lower-cased text. A corpus that gains a new outlet
 * thus re-analyses only the articles that could mention it, not the whole corpus.
 */

/** Outlets in one list and not the other. */
export function changedOutlets(before: readonly string[], now: ReadonlySet<string>): string[] {
  const old = new Set(before);
  return [...before.filter((o) => !now.has(o)), ...[...now].filter((o) => !old.has(o))];
}

/** The words every match of an outlet name must contain, lower-cased. */
export function nameWords(outlet: string): string[] {
  const words = outlet.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length > 1 && words[0] === 'the' ? words.slice(1) : words;
}

/** True when any of the outlets could be mentioned in the text. */
export function mayMention(text: string, outlets: readonly string[]): boolean {
  if (!outlets.length) return false;
  const lower = text.toLowerCase();
  return outlets.some((o) => nameWords(o).every((w) => lower.includes(w)));
}
