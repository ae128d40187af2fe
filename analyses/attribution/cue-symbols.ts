/**
 * Feature names of the cue classifier as numbers. A feature is a template ("w-1", "w|p+1") with
 * zero, one or two values (a lemma, a POS tag, a placeholder); its name is written
 * `template`, `template=a` or `template=a|b`. cue-features.ts enumerates features as
 * (template, value id, value id) triples; the trainer turns them into names
 * (scripts/train-attribution.mjs) and cue-model.ts looks weights up by the numbers, so the hot
 * loop builds no strings.
 */

/** A feature template: its name and how many values it carries. */
export interface Template {
  name: string;
  arity: 0 | 1 | 2;
}

/** All templates, in a fixed order (their index is the template id). */
export const TEMPLATES: Template[] = [];
const byName = new Map<string, number>();

/** Registers a template; returns its id. */
export function template(name: string, arity: 0 | 1 | 2): number {
  byName.set(name, TEMPLATES.length);
  return TEMPLATES.push({ name, arity }) - 1;
}

/**
 * Value strings ↔ small integer ids. A growing table (the trainer's) gives every new value an
 * id; a frozen one (a loaded model's) answers -1 for values no weight mentions, which lets the
 * scorer skip features that cannot have a weight.
 */
export class Symbols {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  private frozen = false;

  /** The id of `value`, or -1 when frozen and unknown. */
  id(value: string): number {
    const known = this.ids.get(value);
    if (known !== undefined) return known;
    if (this.frozen) return -1;
    this.ids.set(value, this.values.length);
    return this.values.push(value) - 1;
  }

  /** Stops adding values (after a model's names are read). */
  freeze(): this {
    this.frozen = true;
    return this;
  }

  get size(): number {
    return this.values.length;
  }
}

/** The name of a feature triple (`b` ignored for one-value templates). */
export function featureName(symbols: Symbols, t: number, a: number, b: number): string {
  const { name, arity } = TEMPLATES[t];
  if (arity === 0) return name;
  if (arity === 1) return `${name}=${symbols.values[a]}`;
  return `${name}=${symbols.values[a]}|${symbols.values[b]}`;
}

/**
 * Every reading of a feature name as template and values, adding the values to `symbols`.
 * Values may themselves be "|" (a punctuation token), so a two-value name is read at each of
 * its bars: any reading whose values the extractor emits has, by construction, this very name.
 * Names of unknown templates give no reading (the extractor never emits them).
 */
export function parseFeatureName(name: string, symbols: Symbols): Array<[number, number, number]> {
  const eq = name.indexOf('=');
  const t = byName.get(eq < 0 ? name : name.slice(0, eq));
  if (t === undefined) return [];
  const { arity } = TEMPLATES[t];
  if (arity === 0) return eq < 0 ? [[t, -1, -1]] : [];
  if (eq < 0) return [];
  const rest = name.slice(eq + 1);
  if (arity === 1) return [[t, symbols.id(rest), -1]];
  const readings: Array<[number, number, number]> = [];
  for (let bar = rest.indexOf('|'); bar >= 0; bar = rest.indexOf('|', bar + 1)) {
    readings.push([t, symbols.id(rest.slice(0, bar)), symbols.id(rest.slice(bar + 1))]);
  }
  return readings;
}
