/**
 * Group keys of documents (outlet, event, event × outlet, everything, or a caller's function),
 * shared by counting, KWIC and variants so every table groups the same way.
 */
import type { GroupBy } from './types.js';

/** Separator inside `event-outlet` group keys: "<event> | <outlet>". */
export const EVENT_OUTLET_SEPARATOR = ' | ';

/** The group of a document, or undefined when it has none (e.g. no event). `input` is what the caller passed. */
export function groupOf(doc: { id: string; outlet: string; event?: string }, by: GroupBy = 'outlet', input: unknown = doc): string | undefined {
  if (typeof by === 'function') return by(doc, input);
  switch (by) {
    case 'outlet':
      return doc.outlet;
    case 'event':
      return doc.event || undefined;
    case 'event-outlet':
      return doc.event ? `${doc.event}${EVENT_OUTLET_SEPARATOR}${doc.outlet}` : undefined;
    case 'all':
      return 'all';
    default:
      throw new Error(`framelens: unknown grouping '${String(by)}' (expected outlet, event, event-outlet or all)`);
  }
}
