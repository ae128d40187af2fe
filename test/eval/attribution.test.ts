import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributionEval, emptyCounts, metricsOf, parseBratAttributions, scoreDocument, type GoldDoc } from '../../src/eval/attribution.js';

const span = (text: string, part: string) => {
  const start = text.indexOf(part);
  return { start, end: start + part.length, text: part };
};

describe('parseBratAttributions', () => {
  it('reads cue, source and content of attribution events, with discontinuous fragments', () => {
    const ann = [
      'T1\tSource 0 5\tAlice',
      'T2\tCue 6 10\tsaid',
      'T3\tContent 11 20;25 30\tit rained … again',
      'T4\tAttribution 6 10\tsaid',
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      'T5\tCue 40 52\taccording to',
      'T6\tAttribution 40 52\taccording to',
      'E2\tAttribution-no-source:T6 Cue:T5',
    ].join('\n');
    expect(parseBratAttributions(ann)).toEqual([
      { cue: [{ start: 6, end: 10 }], source: [{ start: 0, end: 5 }], content: [{ start: 11, end: 20 }, { start: 25, end: 30 }] },
      { cue: [{ start: 40, end: 52 }], source: null, content: null },
    ]);
  });
});

describe('scoreDocument', () => {
  const text = 'Alice said it rained. Bob thinks so. Carol wrote nothing.';
  const gold: GoldDoc = {
    id: 'd',
    text,
    attributions: [
      { cue: [span(text, 'said')], source: [span(text, 'Alice')], content: [span(text, 'it rained')] },
      { cue: [span(text, 'thinks')], source: [span(text, 'Bob')], content: [span(text, 'so')] },
    ],
  };

  it('counts overlapping cues as matches, exact extents separately, and sources on matched cues', () => {
    const counts = emptyCounts();
    scoreDocument(counts, gold, [
      { cue: span(text, 'Alice said'), source: span(text, 'Alice'), content: span(text, 'it rained') },
      { cue: span(text, 'thinks'), source: span(text, 'so'), content: null },
      { cue: span(text, 'wrote'), source: span(text, 'Carol'), content: null },
    ]);
    const m = metricsOf(counts);
    expect([m.cueP, m.cueR]).toEqual([0.667, 1]);
    expect(m.cueF1).toBe(0.8);
    expect(m.cueExactF1).toBe(0.4);
    expect(m.sourceOverlap).toBe(0.5);
    expect(m.contentOverlap).toBe(0.5);
    expect(counts.spurious.get('wrote')).toBe(1);
  });

  it('counts identical predicted cue spans once', () => {
    const counts = emptyCounts();
    const said = { cue: span(text, 'said'), source: null, content: null };
    scoreDocument(counts, gold, [said, said]);
    expect(counts.predicted).toBe(1);
    expect(counts.missed.get('thinks')).toBe(1);
  });
});

const dataDir = resolve(import.meta.dirname, '../../../shared/data');

describe('attribution evaluation on PolNeAR', () => {
  it.skipIf(!existsSync(resolve(dataDir, 'polnear')))('scores a sample of documents well above a verb-list baseline (needs ../shared/data/polnear)', async () => {
    const result = await attributionEval.run({ dataDir, limit: 12 });
    expect(result.rows.map((r) => r.split)).toEqual(['train', 'dev']);
    expect(result.metrics['dev.cueF1']).toBeGreaterThan(0.65);
    expect(result.metrics['dev.sourceOverlap']).toBeGreaterThan(0.75);
    expect(result.notes?.some((n) => n.includes('tokens/s'))).toBe(true);
  });
});
