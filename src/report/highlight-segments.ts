/**
 * Overlapping highlights → flat segments. The text is cut at every highlight boundary; each
 * segment lists the highlights covering it (outermost first), so nested and crossing spans
 * render as properly nested <mark> elements without breaking the markup or the offsets.
 */

export interface SpanLike {
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Indices into the highlight array, outermost (earliest start, then longest) first. */
  layers: number[];
}

/** Highlights that fit inside a text of `length` code units with start < end. */
export function isValidSpan(span: SpanLike, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= length && span.start < span.end;
}

/**
 * Splits `[0, length)` into segments with a constant set of covering highlights.
 * Invalid spans must be filtered out first (isValidSpan).
 */
export function segmentHighlights(length: number, spans: readonly SpanLike[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || spans[b].end - spans[a].end || a - b);
  const segments: Segment[] = [];
  const active: number[] = [];
  let next = 0;
  for (let p = 0; p < points.length - 1; p++) {
    const start = points[p];
    const end = points[p + 1];
    while (next < byStart.length && spans[byStart[next]].start <= start) active.push(byStart[next++]);
    for (let i = active.length - 1; i >= 0; i--) if (spans[active[i]].end <= start) active.splice(i, 1);
    segments.push({ start, end, layers: [...active] });
  }
  return segments;
}
