/**
 * The terms and variants report sections through the real pipeline and ReportKit: terms link
 * to KWIC evidence with finding anchors, event views contrast outlets with numbers, charts are
 * placed with generated captions, and corpus text is escaped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { createKit, newPageParts } from '../../src/report/kit.js';
import { terms } from '../../analyses/terms/index.js';
import { variants } from '../../analyses/variants/index.js';
import type { TermsSummary } from '../../analyses/terms/index.js';
import type { VariantsSummary } from '../../analyses/variants/index.js';

const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const readSample = (): Article[] => readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

function kit() {
  const page = newPageParts();
  const linked: string[] = [];
  const k = createKit(page, {
    root: '',
    articleSlug: (id) => id,
    eventSlug: (id) => id,
    outletColor: () => '#123456',
    onArticleLink: (doc, anchor) => linked.push(`${doc}${anchor && 'start' in anchor ? `#${anchor.start}-${anchor.end}` : ''}`),
  });
  return { k, page, linked };
}

describe('terms and variants report sections on the sample corpus', () => {
  const articles = readSample();
  const result = runPipeline(articles, { analyses: ['terms', 'variants'] });
  const termsSummary = result.summaries.get('terms') as TermsSummary;
  const variantsSummary = result.summaries.get('variants') as VariantsSummary;

  it('lists distinctive terms per outlet, each opening to KWIC lines linked to the exact span', () => {
    const { k, page, linked } = kit();
    const section = terms.overview!(termsSummary, result.index, k)!;
    const markup = section.html.value;
    expect(section.id).toBe('terms');
    for (const outlet of result.index.outlets) expect(markup).toContain(outlet);
    expect(markup).toContain('<strong>fury</strong>');
    expect(markup).toMatch(/href="articles\/daily-klaxon--[^"#]+\.html#f-\d+-\d+"/);
    expect([...page.charts.keys()].sort()).toEqual(['distinctive', 'scatter']);
    expect(page.charts.get('distinctive')!.caption).toMatch(/most distinctive term is “[^”]+” \(\d+ uses vs \d+ in the other outlets, z = [\d.]+\)/);
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const link of linked.filter((l) => l.includes('#'))) {
      const [doc, span] = link.split('#');
      const [start, end] = span.split('-').map(Number);
      expect(byId.get(doc)!.text.slice(start, end).length).toBe(end - start);
    }
  });

  it('says for an event which words each outlet uses where the others use other words, with counts', () => {
    const { k } = kit();
    const section = terms.eventView!(termsSummary, 'border-clash', result.index, k)!;
    expect(section.html.value).toMatch(/For this event, [^.]+ says “[^”]+” \((twice|\d+ times) in its [\d,]+ words; the others (never|once|twice|\d+ times) in [\d,]+\)/);
    // Outlets with one article on the event say so in the singular.
    expect(section.html.value).toContain('<small>1 article</small>');
    expect(section.html.value).not.toContain('<small>1 articles</small>');
  });

  it('shows the variant sets the corpus uses, with example links, and highlights matches', () => {
    const { k } = kit();
    const section = variants.overview!(variantsSummary, result.index, k)!;
    expect(section.html.value).toContain('Possible variants found in the corpus');
    expect(section.html.value).toMatch(/“Orlisk” \(\d+\) and “Orlesk” \(\d+\) split across 5 outlets/);
  });

  it('lists on an event page the variant sets two or more of its outlets used, with examples from the event’s own articles', () => {
    const fixtures: Article[] = [
      { id: 'a1', outlet: 'A', event: 'talks', title: '', text: 'Envoys met in Kiev on the war.' },
      { id: 'b1', outlet: 'B', event: 'talks', title: '', text: 'Envoys met in Kyiv.' },
      { id: 'c1', outlet: 'C', event: 'talks', title: '', text: 'Envoys met again.' },
      { id: 'a2', outlet: 'A', event: 'later', title: '', text: 'Kiev was calm.' },
    ];
    const run = runPipeline(fixtures, { analyses: ['variants'] });
    const summary = run.summaries.get('variants') as VariantsSummary;
    const { k, linked } = kit();
    const markup = variants.eventView!(summary, 'talks', run.index, k)!.html.value;
    expect(markup).toContain('Kiev');
    expect(markup).toContain('Kyiv');
    // "war" is only A's: no contrast on this event.
    expect(markup).not.toMatch(/invasion|special military operation/);
    // Every example link goes to one of the event's articles.
    const docs = linked.map((l) => l.split('#')[0]);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((d) => d === 'a1' || d === 'b1')).toBe(true);
    expect(variants.eventView!(summary, 'later', run.index, kit().k)).toBeUndefined();
  });

  it('escapes corpus text in KWIC lines', () => {
    const hostile: Article[] = [
      { id: 'h1', outlet: 'A', title: '', text: 'The <script>alert(1)</script> mandate. A mandate again. The mandate holds.' },
      { id: 'h2', outlet: 'B', title: '', text: 'Rain fell. Rain fell again. More rain.' },
    ];
    const run = runPipeline(hostile, { analyses: ['terms'], options: { terms: { minCount: 1 } } });
    const { k } = kit();
    const markup = terms.overview!(run.summaries.get('terms') as TermsSummary, run.index, k)!.html.value;
    expect(markup).toContain('mandate');
    expect(markup).not.toContain('<script>alert');
    expect(markup).toContain('&lt;script&gt;');
  });
});
