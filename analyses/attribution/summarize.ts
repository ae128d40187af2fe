/**
 * Sourcing profiles from per-article attributions (no article text): per outlet and per event
 * — top sources and their share of quoted words, source-type mix, share anonymous, direct vs
 * indirect, cue stance mix — and, per event, the sources one outlet quotes that no other outlet
 * covering the event does.
 */
import type { CorpusIndex } from '../types.js';
import type {
  Attribution, AttributionDoc, AttributionKind, AttributionOptions, AttributionSummary, EventSourcing,
  SourceCount, SourceType, SourcingProfile, Stance,
} from './types.js';

export const KINDS: AttributionKind[] = ['direct', 'mixed', 'indirect', 'according-to'];
export const SOURCE_TYPES: SourceType[] = ['person', 'organization', 'media', 'anonymous', 'document', 'unknown'];
export const STANCES: Stance[] = ['neutral', 'doubting', 'conceding', 'emphatic'];

const zeros = <K extends string>(keys: K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Name a source is counted under: its resolved name, else its text, else "(no source)". */
export const sourceName = (a: Attribution) => a.resolved ?? a.source?.text ?? '(no source)';

/** One group's profile from its attributions (each with the doc it came from). */
export function profileOf(items: ReadonlyArray<{ doc: string; a: Attribution }>, topN: number): SourcingProfile {
  const kinds = zeros(KINDS);
  const sourceTypes = zeros(SOURCE_TYPES);
  const stances = zeros(STANCES);
  const sources = new Map<string, SourceCount>();
  const verbs = new Map<string, { verb: string; stance: Stance; count: number }>();
  let quoted = 0;
  for (const { doc, a } of items) {
    kinds[a.kind]++;
    sourceTypes[a.sourceType]++;
    stances[a.stance]++;
    quoted += a.quotedWords;
    const name = sourceName(a);
    const s = sources.get(name) ?? { source: name, sourceType: a.sourceType, attributions: 0, quotedWords: 0, quotedShare: 0, example: { doc, start: a.cue.start, end: a.cue.end } };
    s.attributions++;
    s.quotedWords += a.quotedWords;
    sources.set(name, s);
    const v = verbs.get(a.verb) ?? { verb: a.verb, stance: a.stance, count: 0 };
    v.count++;
    verbs.set(a.verb, v);
  }
  const n = items.length;
  const topSources = [...sources.values()]
    .filter((s) => s.source !== '(no source)')
    .map((s) => ({ ...s, quotedShare: quoted ? s.quotedWords / quoted : 0 }))
    .sort((a, b) => b.quotedWords - a.quotedWords || b.attributions - a.attributions || a.source.localeCompare(b.source))
    .slice(0, topN);
  return {
    attributions: n,
    kinds,
    sourceTypes,
    stances,
    anonymousShare: n ? sourceTypes.anonymous / n : 0,
    directShare: n ? (kinds.direct + kinds.mixed) / n : 0,
    topSources,
    topVerbs: [...verbs.values()].sort((a, b) => b.count - a.count || a.verb.localeCompare(b.verb)).slice(0, topN),
  };
}

/** Sources quoted by exactly one outlet among those covering an event. */
function exclusiveSources(byOutletItems: Map<string, Array<{ doc: string; a: Attribution }>>): EventSourcing['exclusive'] {
  const outletsOf = new Map<string, Set<string>>();
  for (const [outlet, items] of byOutletItems) {
    for (const { a } of items) {
      if (!a.source || a.sourceType === 'anonymous' || a.sourceType === 'unknown') continue;
      const name = sourceName(a);
      if (!outletsOf.has(name)) outletsOf.set(name, new Set());
      outletsOf.get(name)!.add(outlet);
    }
  }
  const outlets = [...byOutletItems.keys()];
  if (outlets.length < 2) return [];
  const out: EventSourcing['exclusive'] = [];
  for (const [name, set] of outletsOf) {
    if (set.size !== 1) continue;
    const outlet = [...set][0];
    const items = byOutletItems.get(outlet)!.filter(({ a }) => sourceName(a) === name);
    out.push({ outlet, source: name, sourceType: items[0].a.sourceType, attributions: items.length, otherOutlets: outlets.filter((o) => o !== outlet) });
  }
  return out.sort((a, b) => b.attributions - a.attributions || a.outlet.localeCompare(b.outlet) || a.source.localeCompare(b.source));
}

export function summarizeAttributions(perDoc: ReadonlyMap<string, AttributionDoc>, corpus: CorpusIndex, options: AttributionOptions = {}): AttributionSummary {
  const topN = options.topSources ?? 10;
  const byOutlet = new Map<string, Array<{ doc: string; a: Attribution }>>(corpus.outlets.map((o) => [o, []]));
  const byEvent = new Map<string, Map<string, Array<{ doc: string; a: Attribution }>>>();
  let total = 0;
  for (const meta of corpus.docs) {
    const result = perDoc.get(meta.id);
    if (!result) continue;
    const items = result.attributions.map((a) => ({ doc: meta.id, a }));
    total += items.length;
    if (!byOutlet.has(meta.outlet)) byOutlet.set(meta.outlet, []);
    byOutlet.get(meta.outlet)!.push(...items);
    if (meta.event) {
      if (!byEvent.has(meta.event)) byEvent.set(meta.event, new Map());
      const event = byEvent.get(meta.event)!;
      if (!event.has(meta.outlet)) event.set(meta.outlet, []);
      event.get(meta.outlet)!.push(...items);
    }
  }
  const summary: AttributionSummary = { byOutlet: {}, byEvent: {}, total };
  for (const [outlet, items] of byOutlet) summary.byOutlet[outlet] = profileOf(items, topN);
  for (const event of corpus.events) {
    const outlets = byEvent.get(event);
    if (!outlets) continue;
    const profiles: Record<string, SourcingProfile> = {};
    for (const [outlet, items] of outlets) profiles[outlet] = profileOf(items, topN);
    summary.byEvent[event] = { event, byOutlet: profiles, exclusive: exclusiveSources(outlets) };
  }
  return summary;
}
