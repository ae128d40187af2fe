/**
 * Scale: keyness over the article-bias-prediction corpus (377 outlets, left/center/right labels)
 * read from ../shared/data with zlib. Skips with a message when the data set is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { keyness, termCounts } from '../../analyses/terms/index.js';

const FILE = new URL('../../../shared/data/article-bias-prediction/articles_sample.jsonl.gz', import.meta.url);
const present = existsSync(FILE);
const SAMPLE = Number(process.env.FRAMELENS_ABP_SAMPLE ?? 3000);

interface Record_ { ID?: string; source: string; bias_text: string; topic: string; content_original?: string; content?: string; title: string }

function loadSample(limit: number) {
  const lines = gunzipSync(readFileSync(FILE)).toString('utf8').split('\n').filter(Boolean);
  // Every k-th line, so the sample spans topics and outlets instead of the file's first block.
  const step = Math.max(1, Math.floor(lines.length / limit));
  const picked = lines.filter((_, i) => i % step === 0).slice(0, limit);
  return picked.map((line, i) => {
    const r = JSON.parse(line) as Record_;
    return { id: r.ID ?? `abp-${i}`, outlet: r.source, event: r.topic, bias: r.bias_text, title: r.title, text: r.content_original ?? r.content ?? '' };
  });
}

describe.skipIf(!present)('terms on article-bias-prediction', () => {
  it('scores the three bias groups and 100+ outlets without error, fast enough for a unit test', () => {
    const articles = loadSample(SAMPLE);
    const t0 = performance.now();
    const byBias = termCounts(articles, { by: (_, input) => (input as { bias: string }).bias });
    const t1 = performance.now();
    const byOutlet = termCounts(articles, { by: 'outlet' });
    const t2 = performance.now();
    const bias = keyness(byBias, { limit: 15, minCount: 10 });
    const t3 = performance.now();
    const outlets = keyness(byOutlet, { limit: 10, minCount: 10 });
    const t4 = performance.now();
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`[abp] ${articles.length} articles, ${byOutlet.size} outlets: tokenize+count ${s(t1 - t0)} (by bias), ${s(t2 - t1)} (by outlet); keyness ${s(t3 - t2)} (3 groups), ${s(t4 - t3)} (outlets)`);
    for (const g of bias) console.log(`[abp] ${g.group}: ${g.top.map((t) => `${t.term} (${t.count}/${t.otherCount}, z ${t.z.toFixed(1)})`).join(', ')}`);
    expect(bias.map((g) => g.group).sort()).toEqual(['center', 'left', 'right']);
    expect(byOutlet.size).toBeGreaterThanOrEqual(SAMPLE >= 20000 ? 300 : 100);
    expect(outlets).toHaveLength(byOutlet.size);
    for (const g of bias) {
      expect(g.top).toHaveLength(15);
      expect(g.top.every((t, i) => i === 0 || t.z <= g.top[i - 1].z)).toBe(true);
      expect(g.top.every((t) => t.count >= 1 && t.otherCount >= 0 && t.g2 > 0)).toBe(true);
    }
    // Every article lands in exactly one bias group and one outlet: tokens add up.
    const tokens = (m: Map<string, { tokens: number }>) => [...m.values()].reduce((sum, g) => sum + g.tokens, 0);
    expect(tokens(byBias)).toBe(tokens(byOutlet));
  }, 900_000);
});
