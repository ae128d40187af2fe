import { describe, expect, it } from 'vitest';
import { itemsOfEvent } from '../../src/report/items-of-event.js';
import type { CorpusIndex, DocMeta } from '../../analyses/types.js';

function corpus(events: Record<string, string | undefined>): CorpusIndex {
  const docs: DocMeta[] = Object.entries(events).map(([id, event]) => ({ id, outlet: 'O', title: id, words: 1, event }));
  return { docs, byId: new Map(docs.map((d) => [d.id, d])), outlets: ['O'], events: [...new Set(docs.flatMap((d) => (d.event ? [d.event] : [])))], eventLabels: new Map() };
}

const ownEvent = (item: { event?: string }) => item.event;
const docEvent = (item: { doc: string }, index: CorpusIndex) => index.byId.get(item.doc)?.event;

describe('itemsOfEvent', () => {
  it('gives each event its items in list order, and nothing for an event without items', () => {
    const list = [{ event: 'b', n: 1 }, { event: 'a', n: 2 }, { n: 3 }, { event: 'b', n: 4 }];
    const index = corpus({});
    expect(itemsOfEvent(list, index, 'b', ownEvent).map((i) => i.n)).toEqual([1, 4]);
    expect(itemsOfEvent(list, index, 'a', ownEvent).map((i) => i.n)).toEqual([2]);
    expect(itemsOfEvent(list, index, 'c', ownEvent)).toEqual([]);
  });

  it('returns a new array each time, so a caller that sorts its share changes no other view', () => {
    const list = [{ event: 'a', n: 2 }, { event: 'a', n: 1 }];
    const index = corpus({});
    itemsOfEvent(list, index, 'a', ownEvent).sort((x, y) => x.n - y.n);
    expect(itemsOfEvent(list, index, 'a', ownEvent).map((i) => i.n)).toEqual([2, 1]);
  });

  it('splits the same list separately per corpus and per key function', () => {
    const list = [{ doc: 'd1', event: 'own' }];
    const first = corpus({ d1: 'x' });
    const second = corpus({ d1: 'y' });
    expect(itemsOfEvent(list, first, 'x', docEvent)).toHaveLength(1);
    expect(itemsOfEvent(list, second, 'y', docEvent)).toHaveLength(1);
    expect(itemsOfEvent(list, second, 'x', docEvent)).toHaveLength(0);
    expect(itemsOfEvent(list, first, 'own', ownEvent)).toHaveLength(1);
  });
});
