import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/text/quotes.js';

const ALPHABET = ['a', 'b', 'Z', 's', 'n', ' ', ' ', ' ', '\n', '\n\n', '.', ',', '!', '?', '…', '"', "'", '“', '”', '‘', '’', '«', '»', '‹', '›', '„', '‚', '`', '-', '(', ')'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 80 }).map((parts) => parts.join(''));

describe('findQuotes properties', () => {
  it('never throws and keeps every span inside the text, exact and well nested', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { quotes, issues } = findQuotes(t);
        for (const q of quotes) {
          expect(q.outerStart).toBeGreaterThanOrEqual(0);
          expect(q.outerEnd).toBeLessThanOrEqual(t.length);
          expect(q.outerStart).toBeLessThan(q.start);
          expect(q.start).toBeLessThanOrEqual(q.end);
          expect(q.end).toBeLessThan(q.outerEnd);
          expect(t.slice(q.start, q.end)).toBe(q.text);
          expect(t.slice(q.outerStart, q.outerStart + q.open.length)).toBe(q.open);
          expect(t.slice(q.outerEnd - q.close.length, q.outerEnd)).toBe(q.close);
        }
        for (const a of quotes) {
          for (const b of quotes) {
            if (a === b) continue;
            const disjoint = a.outerEnd <= b.outerStart || b.outerEnd <= a.outerStart;
            const aInB = b.start <= a.outerStart && a.outerEnd <= b.end;
            const bInA = a.start <= b.outerStart && b.outerEnd <= a.end;
            expect(disjoint || aInB || bInA).toBe(true);
            if (bInA) expect(b.depth).toBeGreaterThan(a.depth);
          }
        }
        for (const i of issues) expect(t.slice(i.offset, i.offset + i.mark.length)).toBe(i.mark);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });

  it('finds no new quotes once the marks of found quotes and issues are removed', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { quotes, issues } = findQuotes(t);
        const removed = new Set<number>();
        for (const q of quotes) {
          for (let k = q.outerStart; k < q.start; k++) removed.add(k);
          for (let k = q.end; k < q.outerEnd; k++) removed.add(k);
        }
        for (const i of issues) for (let k = i.offset; k < i.offset + i.mark.length; k++) removed.add(k);
        const rest = [...t].length === t.length ? [...t].filter((_, k) => !removed.has(k)).join('') : t;
        expect(findQuotes(rest).quotes).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });
});
