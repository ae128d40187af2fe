/**
 * Variant preferences: for each group (outlet, event, …) and each variant set, how often each
 * competing form is used and its share of the set's uses in that group.
 */
import type { Article } from '../../src/corpus/article.js';
import type { AnalyzedDoc } from '../../src/text/types.js';
import { groupOf } from '../terms/grouping.js';
import type { GroupBy } from '../terms/types.js';
import { compileVariantSets, loadVariantSets, type CompiledVariantSet } from './lexicon.js';
import { findVariantMatches } from './match.js';
import type { VariantMatch, VariantRow, VariantSet } from './types.js';

/** Documents, or documents' matches already found (the variants perDoc result has them). */
export type VariantInput = Article | AnalyzedDoc | { id: string; outlet: string; event?: string; matches: VariantMatch[] };

/** set id → form → count, for one group. */
export type FormCounts = Map<string, Map<string, number>>;

function matchesOf(input: VariantInput, compiled: CompiledVariantSet[]) {
  if ('matches' in input) return { meta: input, matches: input.matches };
  const article = 'article' in input && 'tokens' in input ? input.article : (input as Article);
  return { meta: article, matches: findVariantMatches(article.text, compiled) };
}

/** Adds matches to a group's counts. */
export function addMatches(counts: FormCounts, matches: VariantMatch[]): void {
  for (const m of matches) {
    let forms = counts.get(m.set);
    if (!forms) counts.set(m.set, (forms = new Map()));
    forms.set(m.form, (forms.get(m.form) ?? 0) + 1);
  }
}

/** Rows for every group × set with at least one use; every form of such a set gets a row (share 0 when unused). */
export function variantRows(byGroup: Map<string, FormCounts>, sets: VariantSet[]): VariantRow[] {
  const rows: VariantRow[] = [];
  for (const set of sets) {
    for (const [group, counts] of byGroup) {
      const forms = counts.get(set.id);
      if (!forms) continue;
      const total = [...forms.values()].reduce((s, c) => s + c, 0);
      for (const f of set.forms) {
        const count = forms.get(f.form) ?? 0;
        rows.push({ group, set: set.id, form: f.form, count, share: total ? count / total : 0 });
      }
    }
  }
  return rows;
}

/** Preference rows `{group, set, form, count, share}` per outlet (or another grouping). */
export function variants(docs: Iterable<VariantInput>, sets: VariantSet[] = loadVariantSets(), options: { by?: GroupBy } = {}): VariantRow[] {
  const compiled = compileVariantSets(sets);
  const byGroup = new Map<string, FormCounts>();
  for (const input of docs) {
    const { meta, matches } = matchesOf(input, compiled);
    const group = groupOf(meta, options.by ?? 'outlet', input);
    if (group === undefined) continue;
    let counts = byGroup.get(group);
    if (!counts) byGroup.set(group, (counts = new Map()));
    addMatches(counts, matches);
  }
  return variantRows(byGroup, sets);
}
