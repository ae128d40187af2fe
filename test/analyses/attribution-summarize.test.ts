import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serialize } from 'node:v8';
import { profileOf, sourceName, SOURCE_TYPES, summarizeAttributions } from '../../analyses/attribution/summarize.js';
import type { Attribution, AttributionDoc, SourceType } from '../../analyses/attribution/types.js';
import type { CorpusIndex, DocMeta } from '../../analyses/types.js';

/** A hand-made attribution: only the fields the summary reads matter. */
function attr(name: string | null, sourceType: SourceType, at: number, extra: Partial<Attribution> = {}): Attribution {
  return {
    source: name === null ? null : { start: 0, end: name.length, text: name },
    cue: { start: at, end: at + 4, text: 'said' },
    content: null,
    kind: 'indirect',
    sourceType,
    resolved: null,
    chain: [],
    verb: 'say',
    stance: 'neutral',
    reason: 'test',
    words: 3,
    quotedWords: 0,
    ...extra,
  };
}

function corpus(docs: Array<{ id: string; outlet: string; event?: string }>): CorpusIndex {
  const metas: DocMeta[] = docs.map((d) => ({ ...d, title: d.id, words: 100 }));
  return {
    docs: metas,
    byId: new Map(metas.map((m) => [m.id, m])),
    outlets: [...new Set(metas.map((m) => m.outlet))],
    events: [...new Set(metas.flatMap((m) => (m.event ? [m.event] : [])))],
    eventLabels: new Map(),
  };
}

describe('attribution summary', () => {
  it('gives each source the cue of its first attribution in corpus order as the example', () => {
    const index = corpus([{ id: 'd1', outlet: 'A' }, { id: 'd2', outlet: 'B' }, { id: 'd3', outlet: 'A' }]);
    const perDoc = new Map<string, AttributionDoc>([
      ['d3', { attributions: [attr('Mayor', 'person', 50)] }],
      ['d1', { attributions: [attr('Mayor', 'person', 10), attr('Mayor', 'person', 20)] }],
      ['d2', { attributions: [attr('Mayor', 'person', 30)] }],
    ]);
    const summary = summarizeAttributions(perDoc, index);
    expect(summary.total).toBe(4);
    expect(summary.byOutlet.A.topSources).toEqual([
      { source: 'Mayor', sourceType: 'person', attributions: 3, quotedWords: 0, quotedShare: 0, example: { doc: 'd1', start: 10, end: 14 } },
    ]);
    expect(summary.byOutlet.B.topSources[0].example.doc).toBe('d2');
  });

  it('counts every attribution an outlet makes to an exclusive source and takes the type most have (on a tie the first one’s)', () => {
    const index = corpus([{ id: 'd1', outlet: 'A', event: 'e' }, { id: 'd2', outlet: 'B', event: 'e' }]);
    const perDoc = new Map<string, AttributionDoc>([
      // The first attribution to "Kovac" is typed unknown: it does not make her quoted, the second does.
      ['d1', { attributions: [attr('Kovac', 'unknown', 1), attr('Kovac', 'person', 2), attr('Brandt', 'person', 3)] }],
      ['d2', { attributions: [attr('Brandt', 'person', 4), attr('sources', 'anonymous', 5)] }],
    ]);
    expect(summarizeAttributions(perDoc, index).byEvent.e.exclusive).toEqual([
      { outlet: 'A', source: 'Kovac', sourceType: 'unknown', attributions: 2, otherOutlets: ['B'] },
    ]);
  });

  it('passes an event with many exclusive sources between threads at the size of one outlet list per outlet', () => {
    // 60 outlets, each quoting 50 names no other outlet quotes: 3,000 exclusive sources.
    const outlets = Array.from({ length: 60 }, (_, o) => `Outlet number ${o}`);
    const index = corpus(outlets.map((outlet, o) => ({ id: `d${o}`, outlet, event: 'e' })));
    const perDoc = new Map<string, AttributionDoc>(
      outlets.map((_, o) => [`d${o}`, { attributions: Array.from({ length: 50 }, (_, n) => attr(`Name ${o}-${n}`, 'person', n * 10)) }]),
    );
    const { exclusive } = summarizeAttributions(perDoc, index).byEvent.e;
    expect(exclusive).toHaveLength(3000);
    expect(exclusive.every((e) => e.otherOutlets.length === 59 && !e.otherOutlets.includes(e.outlet))).toBe(true);
    // A copy of the 59 other names per source would be ≈ 3,000 × 59 × 18 bytes ≈ 3.2 MB; shared, ≈ 0.4 MB.
    expect(serialize(exclusive).length).toBeLessThan(1_000_000);
  });

  it('lists no exclusive sources for an event only one outlet covers', () => {
    const index = corpus([{ id: 'd1', outlet: 'A', event: 'e' }]);
    const perDoc = new Map<string, AttributionDoc>([['d1', { attributions: [attr('Kovac', 'person', 1)] }]]);
    const summary = summarizeAttributions(perDoc, index);
    expect(summary.byEvent.e.exclusive).toEqual([]);
    expect(summary.byEvent.e.byOutlet.A.attributions).toBe(1);
  });

  it('profiles an outlet whose articles have no attributions with zero counts', () => {
    const index = corpus([{ id: 'd1', outlet: 'A', event: 'e' }]);
    const summary = summarizeAttributions(new Map([['d1', { attributions: [] }]]), index);
    expect(summary.byOutlet.A).toMatchObject({ attributions: 0, anonymousShare: 0, directShare: 0, topSources: [], topVerbs: [] });
    expect(Object.keys(summary.byEvent.e.byOutlet)).toEqual(['A']);
  });

  it('summarises as if every group had been collected first, whatever the order articles come in', () => {
    const names = ['Kovac', 'Brandt', 'kovac', 'Police', null];
    const attribution = fc.record({
      name: fc.constantFrom(...names),
      sourceType: fc.constantFrom<SourceType>('person', 'organization', 'anonymous', 'unknown'),
      quotedWords: fc.nat(5),
      verb: fc.constantFrom('say', 'claim', 'tell'),
      at: fc.nat(500),
    });
    const doc = fc.record({ outlet: fc.constantFrom('A', 'B', 'C'), event: fc.constantFrom('e1', 'e2', undefined), attributions: fc.array(attribution, { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 12 }), fc.nat(3), (docs, topN) => {
        const index = corpus(docs.map((d, i) => ({ id: `d${i}`, outlet: d.outlet, event: d.event })));
        const perDoc = new Map<string, AttributionDoc>(docs.map((d, i) => [`d${i}`, {
          attributions: d.attributions.map((a) => attr(a.name, a.sourceType, a.at, { quotedWords: a.quotedWords, verb: a.verb, resolved: a.name === 'Police' ? 'police' : null })),
        }]));
        expect(summarizeAttributions(perDoc, index, { topSources: topN })).toEqual(collectedFirst(perDoc, index, topN));
      }),
    );
  });
});

/** The type most attributions have; on a tie the first one's, if it is among the most common, else the earliest in SOURCE_TYPES. */
function mostCommonType(types: SourceType[]): SourceType {
  const count = (t: SourceType) => types.filter((x) => x === t).length;
  const most = Math.max(...types.map(count));
  return count(types[0]) === most ? types[0] : SOURCE_TYPES.find((t) => count(t) === most)!;
}

/** The summary computed the simple way, holding every group's attributions until the end. */
function collectedFirst(perDoc: Map<string, AttributionDoc>, index: CorpusIndex, topN: number) {
  type Item = { doc: string; a: Attribution };
  const byOutlet = new Map<string, Item[]>(index.outlets.map((o) => [o, []]));
  const byEvent = new Map<string, Map<string, Item[]>>();
  for (const meta of index.docs) {
    const items = perDoc.get(meta.id)!.attributions.map((a) => ({ doc: meta.id, a }));
    byOutlet.get(meta.outlet)!.push(...items);
    if (!meta.event) continue;
    if (!byEvent.has(meta.event)) byEvent.set(meta.event, new Map());
    const event = byEvent.get(meta.event)!;
    event.set(meta.outlet, [...(event.get(meta.outlet) ?? []), ...items]);
  }
  const named = (a: Attribution) => a.source && a.sourceType !== 'anonymous' && a.sourceType !== 'unknown';
  return {
    total: index.docs.reduce((n, m) => n + perDoc.get(m.id)!.attributions.length, 0),
    byOutlet: Object.fromEntries([...byOutlet].map(([o, items]) => [o, profileOf(items, topN)])),
    byEvent: Object.fromEntries([...byEvent].map(([event, outlets]) => {
      const outletNames = [...outlets.keys()];
      const exclusive = outletNames.length < 2 ? [] : outletNames.flatMap((outlet) => {
        const quoted = new Set(outlets.get(outlet)!.filter(({ a }) => named(a)).map(({ a }) => sourceName(a)));
        return [...quoted]
          .filter((name) => outletNames.every((o) => o === outlet || !outlets.get(o)!.some(({ a }) => named(a) && sourceName(a) === name)))
          .map((name) => {
            const items = outlets.get(outlet)!.filter(({ a }) => sourceName(a) === name);
            return { outlet, source: name, sourceType: mostCommonType(items.map(({ a }) => a.sourceType)), attributions: items.length, otherOutlets: outletNames.filter((o) => o !== outlet) };
          });
      }).sort((a, b) => b.attributions - a.attributions || a.outlet.localeCompare(b.outlet) || a.source.localeCompare(b.source));
      return [event, { event, byOutlet: Object.fromEntries([...outlets].map(([o, items]) => [o, profileOf(items, topN)])), exclusive }];
    })),
  };
}
