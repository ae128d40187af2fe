/**
 * Outlet colours: one fixed categorical palette (Tableau 10, then darker and lighter variants of
 * it) indexed by the corpus outlet order, so an outlet has the same colour in every chart and page.
 */
import { color, schemeTableau10 } from 'd3';

const variant = (shift: (c: NonNullable<ReturnType<typeof color>>) => NonNullable<ReturnType<typeof color>>) =>
  schemeTableau10.map((c) => shift(color(c)!).formatHex());

/** 30 distinguishable colours; outlets beyond them reuse the palette in the same order. */
export const OUTLET_PALETTE: readonly string[] = [
  ...schemeTableau10,
  ...variant((c) => c.darker(0.9)),
  ...variant((c) => c.brighter(0.7)),
];

/** Colour of "other" buckets that group small outlets. */
export const OTHER_COLOR = '#9e9e9e';

/** Maps outlets to colours by their position in `outlets` (the CorpusIndex order). */
export function outletColors(outlets: readonly string[]): (outlet: string) => string {
  const colors = new Map(outlets.map((o, i) => [o, OUTLET_PALETTE[i % OUTLET_PALETTE.length]]));
  return (outlet) => colors.get(outlet) ?? OTHER_COLOR;
}

/** Colours for highlight kinds, by their position in the sorted kind list. */
export const KIND_PALETTE: readonly string[] = [
  '#f28e2c', '#4e79a7', '#e15759', '#59a14f', '#b07aa1', '#edc949', '#76b7b2', '#ff9da7', '#9c755f', '#8cd17d',
  '#d37295', '#499894', '#f1ce63', '#a0cbe8', '#86bcb6', '#fabfd2',
];
