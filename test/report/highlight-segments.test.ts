import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidSpan, segmentHighlights } from '../../src/report/highlight-segments.js';
import { renderHighlightedText } from '../../src/report/article-page.js';

const h = (start: number, end: number, kind = 'k') => ({ start, end, kind, label: kind, reason: '' });

describe('segmentHighlights', () => {
  it('cuts nested and crossing spans into segments that carry every covering highlight, outermost first', () => {
    const spans = [h(2, 10, 'outer'), h(4, 6, 'inner'), h(5, 12, 'cross')];
    expect(segmentHighlights(14, spans)).toEqual([
      { start: 0, end: 2, layers: [] },
      { start: 2, end: 4, layers: [0] },
      { start: 4, end: 5, layers: [0, 1] },
      { start: 5, end: 6, layers: [0, 1, 2] },
      { start: 6, end: 10, layers: [0, 2] },
      { start: 10, end: 12, layers: [2] },
      { start: 12, end: 14, layers: [] },
    ]);
  });

  it('covers the text exactly once and matches a brute-force coverage check for any spans', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((length) =>
          fc.tuple(
            fc.constant(length),
            fc.array(
              fc.tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: length })).filter(([a, b]) => a < b).map(([a, b]) => h(a, b)),
              { maxLength: 8 },
            ),
          ),
        ),
        ([length, spans]) => {
          const segments = segmentHighlights(length, spans);
          expect(segments[0].start).toBe(0);
          expect(segments[segments.length - 1].end).toBe(length);
          for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBe(segments[i - 1].end);
          for (const s of segments) {
            const covering = spans.map((x, i) => (x.start <= s.start && x.end >= s.end ? i : -1)).filter((i) => i >= 0);
            expect([...s.layers].sort((a, b) => a - b)).toEqual(covering);
          }
        },
      ),
    );
  });
});

describe('isValidSpan', () => {
  it('accepts spans inside the text and rejects empty, reversed, fractional and out-of-range ones', () => {
    expect(isValidSpan({ start: 0, end: 3 }, 3)).toBe(true);
    expect(isValidSpan({ start: 2, end: 2 }, 3)).toBe(false);
    expect(isValidSpan({ start: 2, end: 1 }, 3)).toBe(false);
    expect(isValidSpan({ start: 0.5, end: 2 }, 3)).toBe(false);
    expect(isValidSpan({ start: 0, end: 4 }, 3)).toBe(false);
  });
});

describe('renderHighlightedText', () => {
  it('renders overlaps as properly nested marks and keeps the text exactly', () => {
    const text = 'the so-called regime forces <b>';
    const out = renderHighlightedText(text, [h(4, 27, 'scare'), h(14, 20, 'loaded:label')]).value;
    expect(out).toBe(
      'the <mark class="hl k-scare" id="f-4-27">so-called </mark>' +
        '<mark class="hl k-scare"><mark class="hl k-loaded-label" id="f-14-20">regime</mark></mark>' +
        '<mark class="hl k-scare"> forces</mark> &lt;b&gt;',
    );
    expect(out.replace(/<\/?mark[^>]*>/g, '').replace('&lt;b&gt;', '<b>')).toBe(text);
  });
});

describe('renderHighlightedText offsets', () => {
  it('writes CR and NUL as character references, so the text in the page keeps the article offsets', () => {
    const text = 'one\r\ntwo\u0000three';
    const out = renderHighlightedText(text, [h(5, 8, 'k')]).value;
    expect(out).toBe('one&#13;\n<mark class="hl k-k" id="f-5-8">two</mark>&#0;three');
  });
});
