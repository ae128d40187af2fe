/**
 * Every message and generated sentence of the variants analysis, as functions of the data.
 */
import { plural } from '../../src/plural.js';
import type { VariantCandidate, VariantRow } from './types.js';

export const invalidLexicon = (file: string, reason: string) => `framelens: variants lexicon ${file}: ${reason}`;

/** "Kestria Today writes “Kiev” (12 of 12), Lodestar Wire “Kyiv” (9 of 10)." */
export function preferenceSentence(label: string, rows: VariantRow[]): string {
  const byGroup = new Map<string, VariantRow[]>();
  for (const r of rows) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  const parts = [...byGroup].map(([group, forms]) => {
    const best = [...forms].sort((a, b) => b.count - a.count)[0];
    const total = forms.reduce((s, f) => s + f.count, 0);
    return `${group} writes “${best.form}” (${best.count} of ${total})`;
  });
  return `${label}: ${parts.join(', ')}.`;
}

export function candidateSentence(c: VariantCandidate): string {
  const [first] = c.byOutlet;
  return `“${c.a}” (${c.countA}) and “${c.b}” (${c.countB}) split across ${c.outlets} outlets (Cramér's V = ${c.v.toFixed(2)}, χ² = ${c.chi2.toFixed(1)}, df ${c.df})${first ? `; ${first[0]} uses ${first[1]} × “${c.a}” and ${first[2]} × “${c.b}”` : ''}.`;
}

export function chartCaption(rows: VariantRow[], sets: number): string {
  const groups = new Set(rows.map((r) => r.group)).size;
  const uses = rows.reduce((s, r) => s + r.count, 0);
  const found = sets === 1 ? 'the variant set found' : `the ${plural(sets, 'variant set')} found`;
  return `Share of each competing form per outlet, for ${found} in the corpus (${plural(uses, 'use')} in ${plural(groups, 'outlet')}). Hover a bar for its count.`;
}

/** Caption of the candidate pairs' chart: the strongest split, and that a pair is a proposal. */
export function candidateChartCaption(candidates: VariantCandidate[], shown: number): string {
  const [top] = candidates;
  const strongest = top ? ` The strongest split is “${top.a}” / “${top.b}” across ${plural(top.outlets, 'outlet')} (Cramér's V = ${top.v.toFixed(2)}).` : '';
  return `Share of each spelling per outlet for the ${plural(Math.min(shown, candidates.length), 'candidate pair')} below.${strongest} They are proposals: confirm a pair names the same thing before citing it, and add it to a variants file with --variants to track it per event.`;
}
