/**
 * The loaded-language evaluation: span-overlap and character-level scores on hand-made spans,
 * the deterministic PTC split, and (when ../shared/data is present) the PTC dev scores against
 * their floors.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { charScores, mergeSpans, overlapScores, readPtc, splitOf, sumScores } from '../../src/eval/loaded-data.js';
import { loadedEval } from '../../src/eval/loaded.js';

const DATA = fileURLToPath(new URL('../../../shared/data', import.meta.url));

describe('span scores', () => {
  it('counts a prediction correct when it overlaps any gold span, and a gold span found when any prediction overlaps it', () => {
    const gold = [{ start: 0, end: 10 }, { start: 20, end: 30 }, { start: 40, end: 45 }];
    const pred = [{ start: 5, end: 8 }, { start: 9, end: 12 }, { start: 31, end: 35 }];
    const s = overlapScores(pred, gold);
    expect(s).toMatchObject({ tpPred: 2, predicted: 3, tpGold: 1, gold: 3 });
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.f1).toBeCloseTo(0.4444, 3);
  });

  it('touching spans do not overlap ([start, end) offsets)', () => {
    expect(overlapScores([{ start: 10, end: 12 }], [{ start: 0, end: 10 }]).tpPred).toBe(0);
  });

  it('the character-level score gives partial credit', () => {
    const c = charScores([{ start: 0, end: 4 }], [{ start: 2, end: 10 }]);
    expect(c.precisionSum).toBeCloseTo(0.5);
    expect(c.recallSum).toBeCloseTo(0.25);
  });

  it('sums documents as a micro average and merges overlapping predictions', () => {
    const total = sumScores([overlapScores([{ start: 0, end: 1 }], [{ start: 0, end: 1 }]), overlapScores([{ start: 5, end: 6 }], [])]);
    expect(total.precision).toBe(0.5);
    expect(total.recall).toBe(1);
    expect(mergeSpans([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 2, end: 6 }])).toEqual([{ start: 0, end: 9 }]);
  });

  it('splits documents deterministically, about a quarter to dev', () => {
    const ids = Array.from({ length: 400 }, (_, i) => String(700000000 + i * 7919));
    const dev = ids.filter((id) => splitOf(id) === 'dev').length;
    expect(dev).toBeGreaterThan(60);
    expect(dev).toBeLessThan(140);
    expect(ids.map(splitOf)).toEqual(ids.map(splitOf));
  });
});

describe.skipIf(!existsSync(`${DATA}/ptc`))('PTC and BABE (../shared/data, skipped when absent)', () => {
  it('reads PTC gold spans of the two target techniques inside the article text', () => {
    const docs = readPtc(DATA, { limit: 20 });
    expect(docs.length).toBe(20);
    for (const d of docs) for (const g of d.gold) {
      expect(['Loaded_Language', 'Name_Calling,Labeling']).toContain(g.technique);
      expect(g.end).toBeLessThanOrEqual(d.article.text.length);
    }
  });

  it('reaches its floors on the PTC dev articles and BABE dev sentences', async () => {
    const result = await loadedEval.run({ dataDir: DATA });
    for (const [metric, floor] of Object.entries(result.floors)) expect(result.metrics[metric], metric).toBeGreaterThanOrEqual(floor);
    expect(result.metrics['ptc-dev.f1']).toBeGreaterThan(result.rows.find((r) => r.set === 'ptc-dev lexicons only')!.F1 as number);
  });
});
