/**
 * Sourcing profiles from per-article attributions (no article text): per outlet and per event
 * — top sources and their share of quoted words, source-type mix, share anonymous, direct vs
 * indirect, cue stance mix — and, per event, the sources one outlet quotes that no other outlet
 * covering the event does.
 * Each article's attributions are counted as they are read from the lazy per-article map and
 * then dropped: holding them all until the end made this summary a peak of the run's memory.
 */
import { detailedEvents, type CorpusIndex } from '../types.js';
import { surnameOwners } from './surname-merge.js';
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

/**
 * One group's profile built as attributions stream past: only counts and the first example of each
 * source are kept, so an article's attributions can be dropped once added (holding them all until
 * the end made the summary the run's memory peak). Maps keep first-seen order, which the sorts'
 * ties fall back on.
 */
class ProfileAccumulator {
  private readonly kinds = zeros(KINDS);
  private readonly sourceTypes = zeros(SOURCE_TYPES);
  private readonly stances = zeros(STANCES);
  /** Every name counted, in first-seen order (the exclusive-source pass reads counts and types here too). */
  sources = new Map<string, SourceCount>();
  /**
   * Per name, its attributions by source type: a name is counted as the type most of them have
   * (settleTypes), not the first one's. A name the text layer types two ways ("Mitt Romney", an
   * outlet of the corpus, is media in an article that shows no person) took the first article's.
   */
  private typeCounts = new Map<string, Record<SourceType, number>>();
  private readonly verbs = new Map<string, { verb: string; stance: Stance; count: number }>();
  /** Names of named, non-anonymous sources in the order their first such attribution came. */
  readonly namedSources = new Set<string>();
  private quoted = 0;
  private n = 0;

  add(doc: string, a: Attribution): void {
    this.n++;
    this.kinds[a.kind]++;
    this.sourceTypes[a.sourceType]++;
    this.stances[a.stance]++;
    this.quoted += a.quotedWords;
    const name = sourceName(a);
    let s = this.sources.get(name);
    if (!s) {
      s = { source: name, sourceType: a.sourceType, attributions: 0, quotedWords: 0, quotedShare: 0, example: { doc, start: a.cue.start, end: a.cue.end } };
      this.sources.set(name, s);
    }
    s.attributions++;
    s.quotedWords += a.quotedWords;
    const types = this.typeCounts.get(name) ?? this.typeCounts.set(name, zeros(SOURCE_TYPES)).get(name)!;
    types[a.sourceType]++;
    let v = this.verbs.get(a.verb);
    if (!v) {
      v = { verb: a.verb, stance: a.stance, count: 0 };
      this.verbs.set(a.verb, v);
    }
    v.count++;
    if (a.source && a.sourceType !== 'anonymous' && a.sourceType !== 'unknown') this.namedSources.add(name);
  }

  /** Gives each name the source type most of its attributions have (ties: the first seen). */
  settleTypes(): void {
    for (const [name, s] of this.sources) {
      const types = this.typeCounts.get(name)!;
      for (const type of SOURCE_TYPES) if (types[type] > types[s.sourceType]) s.sourceType = type;
    }
  }

  /** Counts each source named in `owners` (a surname) under its owner's name (surname-merge.ts), keeping first-seen order. */
  mergeSources(owners: ReadonlyMap<string, string>): void {
    if (!owners.size) return;
    const merged = new Map<string, SourceCount>();
    const mergedTypes = new Map<string, Record<SourceType, number>>();
    for (const [name, s] of this.sources) {
      const target = owners.get(name) ?? name;
      const into = merged.get(target);
      const types = this.typeCounts.get(name)!;
      if (into) {
        into.attributions += s.attributions;
        into.quotedWords += s.quotedWords;
        const sum = mergedTypes.get(target)!;
        for (const type of SOURCE_TYPES) sum[type] += types[type];
      } else {
        merged.set(target, target === name ? s : { ...s, source: target });
        mergedTypes.set(target, { ...types });
      }
    }
    this.sources = merged;
    this.typeCounts = mergedTypes;
    this.settleTypes();
    const named = [...this.namedSources].map((name) => owners.get(name) ?? name);
    this.namedSources.clear();
    for (const name of named) this.namedSources.add(name);
  }

  profile(topN: number): SourcingProfile {
    const { n, kinds, sourceTypes, quoted } = this;
    const topSources = [...this.sources.values()]
      .filter((s) => s.source !== '(no source)')
      .map((s) => ({ ...s, quotedShare: quoted ? s.quotedWords / quoted : 0 }))
      .sort((a, b) => b.quotedWords - a.quotedWords || b.attributions - a.attributions || a.source.localeCompare(b.source))
      .slice(0, topN);
    return {
      attributions: n,
      kinds,
      sourceTypes,
      stances: this.stances,
      anonymousShare: n ? sourceTypes.anonymous / n : 0,
      directShare: n ? (kinds.direct + kinds.mixed) / n : 0,
      topSources,
      topVerbs: [...this.verbs.values()].sort((a, b) => b.count - a.count || a.verb.localeCompare(b.verb)).slice(0, topN),
    };
  }
}

/** One group's profile from its attributions (each with the doc it came from). */
export function profileOf(items: ReadonlyArray<{ doc: string; a: Attribution }>, topN: number): SourcingProfile {
  const acc = new ProfileAccumulator();
  for (const { doc, a } of items) acc.add(doc, a);
  acc.settleTypes();
  return acc.profile(topN);
}

/**
 * Sources quoted by exactly one outlet among those covering an event. A source's count and type
 * are over all of that outlet's attributions to the name (its profile's source entry), not only
 * the named ones that made it count as quoted.
 */
function exclusiveSources(byOutlet: Map<string, ProfileAccumulator>): EventSourcing['exclusive'] {
  const outletsOf = new Map<string, Set<string>>();
  for (const [outlet, acc] of byOutlet) {
    for (const name of acc.namedSources) {
      if (!outletsOf.has(name)) outletsOf.set(name, new Set());
      outletsOf.get(name)!.add(outlet);
    }
  }
  const outlets = [...byOutlet.keys()];
  if (outlets.length < 2) return [];
  // One list of the other outlets per outlet, shared by its entries: a large event has thousands
  // of exclusive sources and ~100 outlets, and a copy per entry made the summary 100 MB to pass
  // between threads (structured clone writes a shared array once).
  const others = new Map(outlets.map((outlet) => [outlet, outlets.filter((o) => o !== outlet)]));
  const out: EventSourcing['exclusive'] = [];
  for (const [name, set] of outletsOf) {
    if (set.size !== 1) continue;
    const outlet = [...set][0];
    const { sourceType, attributions } = byOutlet.get(outlet)!.sources.get(name)!;
    out.push({ outlet, source: name, sourceType, attributions, otherOutlets: others.get(outlet)! });
  }
  return out.sort((a, b) => b.attributions - a.attributions || a.outlet.localeCompare(b.outlet) || a.source.localeCompare(b.source));
}

export function summarizeAttributions(perDoc: ReadonlyMap<string, AttributionDoc>, corpus: CorpusIndex, options: AttributionOptions = {}): AttributionSummary {
  const topN = options.topSources ?? 10;
  const byOutlet = new Map<string, ProfileAccumulator>(corpus.outlets.map((o) => [o, new ProfileAccumulator()]));
  const byEvent = new Map<string, Map<string, ProfileAccumulator>>();
  const detailed = options.allEvents ? undefined : detailedEvents(corpus);
  let total = 0;
  for (const meta of corpus.docs) {
    const result = perDoc.get(meta.id);
    if (!result) continue;
    total += result.attributions.length;
    if (!byOutlet.has(meta.outlet)) byOutlet.set(meta.outlet, new ProfileAccumulator());
    const outletAcc = byOutlet.get(meta.outlet)!;
    let eventAcc: ProfileAccumulator | undefined;
    if (meta.event && (!detailed || detailed.has(meta.event))) {
      if (!byEvent.has(meta.event)) byEvent.set(meta.event, new Map());
      const event = byEvent.get(meta.event)!;
      if (!event.has(meta.outlet)) event.set(meta.outlet, new ProfileAccumulator());
      eventAcc = event.get(meta.outlet)!;
    }
    for (const a of result.attributions) {
      outletAcc.add(meta.id, a);
      eventAcc?.add(meta.id, a);
    }
  }
  for (const acc of byOutlet.values()) acc.settleTypes();
  for (const outlets of byEvent.values()) for (const acc of outlets.values()) acc.settleTypes();
  // "Trump" where one full name owns the surname corpus-wide is that person (surname-merge.ts).
  const owners = surnameOwners([...byOutlet.values()].flatMap((acc) => [...acc.sources.values()]));
  for (const acc of byOutlet.values()) acc.mergeSources(owners);
  for (const outlets of byEvent.values()) for (const acc of outlets.values()) acc.mergeSources(owners);
  const summary: AttributionSummary = { byOutlet: {}, byEvent: {}, total };
  for (const [outlet, acc] of byOutlet) summary.byOutlet[outlet] = acc.profile(topN);
  for (const event of corpus.events) {
    const outlets = byEvent.get(event);
    if (!outlets) continue;
    const profiles: Record<string, SourcingProfile> = {};
    for (const [outlet, acc] of outlets) profiles[outlet] = acc.profile(topN);
    summary.byEvent[event] = { event, byOutlet: profiles, exclusive: exclusiveSources(outlets) };
  }
  return summary;
}
