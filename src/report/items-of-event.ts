/**
 * An event's share of a summary list, split once per (list, corpus, key): event views ask for
 * their event's share once per event, and the report renders its sections up to three times, so
 * filtering the whole list each time cost O(events × items): on the 20k-article report, 2.3 of
 * the 9.8 CPU seconds of writing went to the loaded-language examples and reused passages.
 */
import type { CorpusIndex } from '../../analyses/types.js';

type EventOf<T> = (item: T, corpus: CorpusIndex) => string | undefined;

const cache = new WeakMap<readonly object[], WeakMap<CorpusIndex, Map<EventOf<never>, Map<string, object[]>>>>();

/**
 * The items of `list` whose event is `event`, in list order (a new array). `eventOf` must depend on nothing
 * but the item and the corpus (a function defined once, so the split is found again).
 */
export function itemsOfEvent<T extends object>(list: readonly T[], corpus: CorpusIndex, event: string, eventOf: EventOf<T>): T[] {
  let byCorpus = cache.get(list);
  if (!byCorpus) cache.set(list, (byCorpus = new WeakMap()));
  let byKey = byCorpus.get(corpus);
  if (!byKey) byCorpus.set(corpus, (byKey = new Map()));
  let groups = byKey.get(eventOf) as Map<string, T[]> | undefined;
  if (!groups) {
    groups = new Map();
    for (const item of list) {
      const e = eventOf(item, corpus);
      if (e === undefined) continue;
      const group = groups.get(e);
      if (group) group.push(item);
      else groups.set(e, [item]);
    }
    byKey.set(eventOf, groups);
  }
  return [...(groups.get(event) ?? [])]; // a copy: the caller may sort or trim it
}
