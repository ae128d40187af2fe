import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { datedLeads, eventsEval, loadAllSides, loadAllSidesProbe, loadEcbPlus } from '../../src/eval/events.js';

const dataDir = fileURLToPath(new URL('../../../shared/data', import.meta.url));
const present = eventsEval.needs.every((n) => existsSync(`${dataDir}/${n}`));

describe.skipIf(!present)(`events evaluation (needs ${dataDir}: ${eventsEval.needs.join(', ')}; skipped when absent)`, () => {
  it('reads ECB+ with topic and subtopic labels and AllSides with one story id per lead', async () => {
    const ecb = await loadEcbPlus(dataDir, 30);
    expect(ecb.items).toHaveLength(30);
    expect(ecb.items[0].gold).toEqual({ topic: expect.any(String), subtopic: expect.any(String) });
    const allsides = await loadAllSides(dataDir, 20);
    const stories = new Set(allsides.items.map((i) => i.gold.story));
    expect(stories.size).toBeLessThanOrEqual(20);
    expect(allsides.items.length).toBeGreaterThanOrEqual(2 * stories.size);
    expect(allsides.items.every((i) => i.article.text.length > 0 && /^\d{4}-\d\d-\d\d/.test(i.article.date ?? ''))).toBe(true);
    expect(loadAllSidesProbe(dataDir, 'test', 5).items.length).toBeGreaterThanOrEqual(10);
  });

  it('gives AllSides leads what a user corpus has (outlet, headline, text, date) and never the roundup id', async () => {
    const allsides = await loadAllSides(dataDir, 20);
    for (const { article } of allsides.items) {
      expect(article.outlet).not.toBe('');
      expect(article.title.length).toBeGreaterThan(0);
      expect(article.event).toBeUndefined();
    }
    const dated = datedLeads(allsides);
    expect(dated.items.length).toBeGreaterThan(0);
    expect(dated.items.length).toBeLessThan(allsides.items.length);
    for (const { article } of dated.items) expect(article.date).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('scores the NeuS probe leads without outlets, since their position in a line is not one', () => {
    expect(loadAllSidesProbe(dataDir, 'test', 5).items.every((i) => i.article.outlet === '')).toBe(true);
  });

  it('scores event grouping at or above every floor with default settings', async () => {
    const result = await eventsEval.run({ dataDir });
    for (const [metric, floor] of Object.entries(result.floors)) expect(result.metrics[metric], metric).toBeGreaterThanOrEqual(floor);
    expect(result.rows.map((r) => `${r.data}/${r.level}`)).toEqual([
      'allsides/story', 'allsides-daylevel/story', 'allsides-ceiling/story',
      'allsides-dated/story', 'allsides-dated-daylevel/story', 'allsides-dated-ceiling/story',
      'allsides-test/story', 'allsides-test-ceiling/story',
      'ecbplus/topic', 'ecbplus/subtopic', 'ecbplus-ceiling/topic', 'ecbplus-ceiling/subtopic',
    ]);
    // A ceiling bounds what grouping reaches on the same articles.
    for (const key of ['allsides', 'allsides-dated', 'allsides-test']) expect(result.metrics[`${key}-ceiling.f1`]).toBeGreaterThanOrEqual(result.metrics[`${key}.f1`]);
  });
});
