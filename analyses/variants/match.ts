/**
 * Finds the forms of compiled variant sets in article text, with exact spans. Only the sets
 * whose needles occur in the text run their regex (needles.ts).
 */
import { canonical, type CompiledVariantSet } from './lexicon.js';
import { possibleSets } from './needles.js';
import type { VariantMatch } from './types.js';

// Matched strings repeat across articles ("Kyiv", "war"): canonicalizing one (NFC, folding,
// case) costs more than finding it, so each set keeps its matched string → form (or none).
const formsOfMatches = new WeakMap<CompiledVariantSet, Map<string, string | undefined>>();

function formOfMatch(compiled: CompiledVariantSet, matched: string): string | undefined {
  let known = formsOfMatches.get(compiled);
  if (!known) formsOfMatches.set(compiled, (known = new Map()));
  if (known.has(matched)) return known.get(matched);
  const form = compiled.formOf.get(canonical(matched, compiled.set.case === 'sensitive'));
  known.set(matched, form);
  return form;
}

/** Every variant form in `text`, ordered by start offset. */
export function findVariantMatches(text: string, sets: CompiledVariantSet[]): VariantMatch[] {
  const out: VariantMatch[] = [];
  const possible = possibleSets(text, sets);
  for (let i = 0; i < sets.length; i++) {
    if (!possible[i]) continue;
    const { set, pattern } = sets[i];
    // exec on the shared global regex (reset before and after) spares matchAll's copy and
    // iterator; every match holds a character of a non-blank form, so each exec moves on
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const form = formOfMatch(sets[i], m[0]);
      if (form !== undefined) out.push({ set: set.id, form, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
    pattern.lastIndex = 0;
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
