/**
 * Finds the forms of compiled variant sets in article text, with exact spans. Only the sets
 * whose needles occur in the text run their regex (needles.ts).
 */
import { canonical, type CompiledVariantSet } from './lexicon.js';
import { possibleSets } from './needles.js';
import type { VariantMatch } from './types.js';

/** Every variant form in `text`, ordered by start offset. */
export function findVariantMatches(text: string, sets: CompiledVariantSet[]): VariantMatch[] {
  const out: VariantMatch[] = [];
  const possible = possibleSets(text, sets);
  for (let i = 0; i < sets.length; i++) {
    if (!possible[i]) continue;
    const { set, pattern, formOf } = sets[i];
    for (const m of text.matchAll(pattern)) {
      const form = formOf.get(canonical(m[0], set.case === 'sensitive'));
      if (form !== undefined) out.push({ set: set.id, form, start: m.index!, end: m.index! + m[0].length, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
