/**
 * The variants summary: form preferences per outlet, per event and per outlet within an event,
 * a few example spans per form (so the report can link to them), and discovered candidate
 * pairs. Built from the per-article matches and proper-noun counts only.
 */
import { detailedEvents, type CorpusIndex, type DocMeta } from '../types.js';
import { ProperNameTally } from './discover.js';
import type { PackedProperNames } from './proper-nouns.js';
import { addMatches, variantRows, type FormCounts } from './variants.js';
import type { DiscoverOptions, VariantCandidate, VariantMatch, VariantRow, VariantSet } from './types.js';
import { getOrAdd } from '../../src/get-or-add.js';

/** Per-article result of the variants analysis: matches, and proper-noun forms with their counts and name mates (for discovery; proper-nouns.ts). */
export interface VariantsDoc extends PackedProperNames {
  matches: VariantMatch[];
}

export interface VariantExample {
  doc: string;
  outlet: string;
  start: number;
  end: number;
  text: string;
}

export interface VariantsSummary {
  /** Sets with at least one use, in lexicon order. */
  sets: VariantSet[];
  outlets: VariantRow[];
  events: VariantRow[];
  eventOutlets: Array<VariantRow & { event: string }>;
  /** set id → form → first uses (one per outlet first, then more). */
  examples: Record<string, Record<string, VariantExample[]>>;
  /** The same per event, for the DETAILED_EVENTS largest events (an event page's evidence is its own articles'). */
  eventExamples: Record<string, Record<string, Record<string, VariantExample[]>>>;
  discovered: VariantCandidate[];
}

export interface VariantsAnalysisOptions {
  /** Example spans kept per form. Default 4. */
  examples?: number;
  /** Options of discovery; `false` to skip it. */
  discover?: DiscoverOptions | false;
}

/** Examples kept per form on an event page. */
const EVENT_EXAMPLES = 2;

/** The first uses of each form of each set, at most `perForm`, one per outlet (so the evidence shows who uses the form). */
class ExampleCollector {
  readonly examples: Record<string, Record<string, VariantExample[]>> = {};
  private readonly outlets = new Map<string, Set<string>>();
  constructor(private readonly perForm: number) {}

  add(meta: DocMeta, m: VariantMatch): void {
    const list = ((this.examples[m.set] ??= {})[m.form] ??= []);
    const key = `${m.set}\u0000${m.form}`;
    const seen = getOrAdd(this.outlets, key, () => new Set<string>());
    if (list.length < this.perForm && !seen.has(meta.outlet)) {
      list.push({ doc: meta.id, outlet: meta.outlet, start: m.start, end: m.end, text: m.text });
      seen.add(meta.outlet);
    }
  }
}

function counter(map: Map<string, FormCounts>, key: string): FormCounts {
  return getOrAdd(map, key, () => new Map());
}

export function summarizeVariants(perDoc: ReadonlyMap<string, VariantsDoc>, corpus: CorpusIndex, sets: VariantSet[], options: VariantsAnalysisOptions = {}): VariantsSummary {
  const byOutlet = new Map<string, FormCounts>(corpus.outlets.map((o) => [o, new Map()]));
  const byEvent = new Map<string, FormCounts>();
  const byEventOutlet = new Map<string, Map<string, FormCounts>>();
  const examples = new ExampleCollector(options.examples ?? 4);
  const detailed = detailedEvents(corpus);
  const eventExamples = new Map<string, ExampleCollector>();
  // Discovery reads the same results: one pass, as perDoc may decode on every get (lazy-result-map.ts).
  const names = options.discover === false ? undefined : new ProperNameTally();
  for (const meta of corpus.docs) {
    const d = perDoc.get(meta.id);
    if (!d) continue;
    names?.addNames(meta.outlet, d);
    addMatches(counter(byOutlet, meta.outlet), d.matches);
    if (meta.event) {
      addMatches(counter(byEvent, meta.event), d.matches);
      addMatches(counter(getOrAdd(byEventOutlet, meta.event, () => new Map()), meta.outlet), d.matches);
    }
    const inEvent = meta.event && detailed.has(meta.event) && d.matches.length ? getOrAdd(eventExamples, meta.event, () => new ExampleCollector(EVENT_EXAMPLES)) : undefined;
    for (const m of d.matches) {
      examples.add(meta, m);
      inEvent?.add(meta, m);
    }
  }
  const used = sets.filter((s) => examples.examples[s.id]);
  const eventOutlets = [...byEventOutlet].flatMap(([event, within]) => variantRows(within, used).map((r) => ({ event, ...r })));
  const discovered = names?.candidates(options.discover || undefined) ?? [];
  return {
    sets: used,
    outlets: variantRows(byOutlet, used),
    events: variantRows(byEvent, used),
    eventOutlets,
    examples: examples.examples,
    eventExamples: Object.fromEntries([...eventExamples].map(([event, c]) => [event, c.examples])),
    discovered,
  };
}
