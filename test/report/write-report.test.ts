import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/corpus/article.js';
import type { AnyAnalysis } from '../../analyses/types.js';
import { writeReport } from '../../src/report/write-report.js';
import { html } from '../../src/report/html.js';
import { buildResult, fixtureArticles, marksAnalysis } from './fixture.js';
import { brokenLinks, listFiles } from './report-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'framelens-report-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (report: string, file: string) => readFileSync(join(report, file), 'utf8');
const pages = (report: string) => listFiles(report).filter((f) => f.endsWith('.html'));

describe('writeReport', () => {
  it('writes the overview, one page per event and per article, chart files and assets', async () => {
    const out = join(dir, 'report');
    const report = await writeReport(buildResult(fixtureArticles()), out);
    const files = listFiles(out).sort();
    expect(files.filter((f) => f.startsWith('events/'))).toHaveLength(2);
    expect(files.filter((f) => f.startsWith('articles/'))).toHaveLength(6);
    for (const name of ['articles-per-outlet', 'articles-per-date', 'articles-per-event', 'marks-per-outlet']) {
      expect(files).toContain(`charts/${name}.vl.json`);
      expect(read(out, `charts/${name}.svg`)).toMatch(/^<svg[^>]*>.*<path/s);
    }
    expect(files).toEqual(expect.arrayContaining(['index.html', 'assets/report.css', 'assets/report.js']));
    expect(report.files.map((f) => f.path).sort()).toEqual(files);
    expect(report.bytes).toBe(files.reduce((sum, f) => sum + statSync(join(out, f)).size, 0));
    expect(report.articlePages).toBe(6);
    expect(report.diagnostics).toEqual([]);
  });

  it('names article and event pages by slugs, never by raw ids', async () => {
    const out = join(dir, 'report');
    await writeReport(buildResult(fixtureArticles()), out);
    for (const file of listFiles(out).filter((f) => /^(articles|events)\//.test(f))) {
      expect(file).toMatch(/^(articles|events)\/[a-z0-9-]+-[0-9a-f]{10}\.html$/);
    }
    expect(existsSync(join(out, 'articles/calvora-talks-stall-640d87e741.html'))).toBe(true);
  });

  it('sets a no-network Content-Security-Policy that runs only the report\'s own script files', async () => {
    const out = join(dir, 'report');
    await writeReport(buildResult(fixtureArticles()), out);
    for (const page of pages(out)) {
      const html = read(out, page);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
      expect(csp, page).toBeDefined();
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      for (const source of inline) {
        expect(csp).toContain(`'sha256-${createHash('sha256').update(source).digest('base64')}'`);
      }
      expect(inline).toEqual([]);
      expect(csp).toContain("script-src 'self'");
    }
  });

  it('loads vega, vega-lite and vega-embed from one shared file on every page instead of inlining them', async () => {
    const out = join(dir, 'report');
    await writeReport(buildResult(fixtureArticles()), out);
    const index = read(out, 'index.html');
    expect(index).toContain('<script src="assets/vendor.js"></script>');
    expect(index).not.toContain('vegaEmbed');
    expect(read(out, 'assets/vendor.js')).toContain('globalThis.vegaExpressionInterpreter');
    expect(index.length).toBeLessThan(100_000);
  });

  it('resolves every local link and anchor on every page', async () => {
    const out = join(dir, 'report');
    await writeReport(buildResult(fixtureArticles()), out);
    expect(brokenLinks(out)).toEqual([]);
  });

  it('works with no analyses: the corpus overview, event and article pages only', async () => {
    const out = join(dir, 'report');
    const report = await writeReport(buildResult(fixtureArticles(), []), out);
    expect(report.articlePages).toBe(6);
    expect(read(out, 'index.html')).not.toContain('class="analysis"');
    expect(read(out, 'articles/calvora-talks-stall-640d87e741.html')).toContain('No analyses were run');
    expect(brokenLinks(out)).toEqual([]);
  });

  it('reports a corpus without events or dates without the event chart and with a note', async () => {
    const out = join(dir, 'report');
    const articles = fixtureArticles().map(({ event: _e, date: _d, ...rest }) => rest);
    await writeReport(buildResult(articles, []), out);
    expect(listFiles(out).filter((f) => f.startsWith('events/') || f.includes('per-event') || f.includes('per-date'))).toEqual([]);
    expect(read(out, 'index.html')).toContain('No events are known for this corpus');
  });
});

describe('writeReport as an atomic folder write', () => {
  it('refuses to replace a folder that is not a framelens report and leaves it untouched', async () => {
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.tex'), 'precious');
    await expect(writeReport(buildResult(fixtureArticles()), out)).rejects.toThrow(/not a framelens report/);
    expect(readdirSync(out)).toEqual(['thesis.tex']);
    expect(readdirSync(dir)).toEqual(['mine']);
  });

  it('replaces an existing report with the new one', async () => {
    const out = join(dir, 'report');
    await writeReport(buildResult(fixtureArticles()), out);
    await writeReport(buildResult(fixtureArticles().slice(0, 2)), out);
    expect(listFiles(out).filter((f) => f.startsWith('articles/'))).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(['report']);
  });

  it('keeps the old report and leaves no temp folder when writing fails half-way', async () => {
    const out = join(dir, 'report');
    await writeReport(buildResult(fixtureArticles()), out);
    const before = read(out, 'index.html');
    const broken: AnyAnalysis = {
      ...marksAnalysis,
      id: 'broken',
      highlights: (doc: unknown[]) => {
        if (doc.length > 0) throw new Error('highlights exploded');
        return [];
      },
    };
    const result = buildResult(fixtureArticles(), [broken]);
    await expect(writeReport(result, out)).rejects.toThrow('highlights exploded');
    expect(read(out, 'index.html')).toBe(before);
    expect(readdirSync(dir)).toEqual(['report']);
  });
});

describe('writeReport resilience', () => {
  it('shows a failing analysis section as an error and records a diagnostic', async () => {
    const failing: AnyAnalysis = { ...marksAnalysis, id: 'failing', title: 'Failing', overview: () => { throw new Error('no data'); } };
    const out = join(dir, 'report');
    const report = await writeReport(buildResult(fixtureArticles(), [failing]), out);
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(['report:section-failed']);
    expect(read(out, 'index.html')).toContain('The failing section could not be rendered: no data');
  });

  it('drops highlights outside the article text with one warning per analysis', async () => {
    const sloppy: AnyAnalysis = { ...marksAnalysis, id: 'sloppy', highlights: () => [{ start: 5, end: 100_000, kind: 'x', label: 'x', reason: 'x' }] };
    const out = join(dir, 'report');
    const report = await writeReport(buildResult(fixtureArticles(), [sloppy]), out);
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(['report:invalid-highlight']);
    expect(read(out, 'articles/calvora-talks-stall-640d87e741.html')).not.toContain('class="hl k-x"');
  });

  it('lists input diagnostics on the overview', async () => {
    const out = join(dir, 'report');
    await writeReport(buildResult(fixtureArticles()), out, {
      diagnostics: [{ reason: 'Missing text', ruleId: 'corpus:missing-text', severity: 'error', file: 'feed.csv', line: 7 }],
    });
    const index = read(out, 'index.html');
    expect(index).toContain('id="diagnostics"');
    expect(index).toContain('feed.csv:7');
  });
});

describe('the size budget', () => {
  function bigCorpus(): Article[] {
    const filler = 'The committee met again and discussed the harbour budget in detail. '.repeat(60);
    const extra = Array.from({ length: 120 }, (_, i) => ({
      id: `b${i}`,
      outlet: ['Northwind Courier', 'Southgate Tribune', 'Eastline Daily'][i % 3],
      title: `Harbour budget, part ${i}`,
      text: filler,
      date: `2031-07-${String((i % 28) + 1).padStart(2, '0')}`,
      event: i % 2 ? 'harbour' : 'budget',
    }));
    return [...fixtureArticles(), ...extra];
  }

  it('leaves out article views beyond the budget but keeps every view an analysis cites', async () => {
    const out = join(dir, 'report');
    const maxBytes = 1_300_000;
    const report = await writeReport(buildResult(bigCorpus()), out, { maxBytes });
    expect(report.omittedArticles).toBeGreaterThan(0);
    expect(report.articlePages).toBeGreaterThan(10);
    expect(report.bytes).toBeLessThanOrEqual(maxBytes);
    for (const cited of ['talks-resume-in-calvora-40b3eab63f', 'calvora-talks-stall-640d87e741', 'river-rises-at-dunmere-40243476fc']) {
      expect(existsSync(join(out, `articles/${cited}.html`))).toBe(true);
    }
    expect(read(out, 'index.html')).toContain('were left out to keep the report under 1 MB');
    expect(brokenLinks(out)).toEqual([]);
  });

  it('gives the same report when analyses name their highlight kinds (no pass over every article first)', async () => {
    const declared: AnyAnalysis = { ...marksAnalysis, highlightKinds: () => ['loaded:label', 'hedge', 'scare'] };
    const maxBytes = 1_300_000;
    const a = await writeReport(buildResult(bigCorpus(), [marksAnalysis]), join(dir, 'scan'), { maxBytes });
    const b = await writeReport(buildResult(bigCorpus(), [declared]), join(dir, 'declared'), { maxBytes });
    expect(b.omittedArticles).toBeGreaterThan(0);
    expect(b.files).toEqual(a.files);
    for (const { path } of a.files) expect(read(join(dir, 'declared'), path), path).toBe(read(join(dir, 'scan'), path));
  });

  it('writes every article view when the corpus fits', async () => {
    const report = await writeReport(buildResult(bigCorpus()), join(dir, 'report'));
    expect(report.omittedArticles).toBe(0);
    expect(report.articlePages).toBe(126);
  });
});

describe('cited evidence', () => {
  it('anchors a span a section links to even when no highlight covers it', async () => {
    const citing: AnyAnalysis = {
      ...marksAnalysis,
      id: 'citing',
      highlights: () => [],
      overview: (_s, _c, kit) => ({ id: 'citing', title: 'Citing', html: html`<a href="${kit.articleHref('e1', { start: 0, end: 6 })}">Envoys</a>` }),
    };
    const out = join(dir, 'report');
    const report = await writeReport(buildResult(fixtureArticles(), [citing]), out);
    const page = read(out, report.articlePaths.get('e1')!);
    expect(page).toContain('<mark class="hl k-cited" id="f-0-6">Envoys</mark>');
    expect(page).toContain('linked as evidence from the citing section');
    expect(brokenLinks(out)).toEqual([]);
  });
});

describe('the size budget with many cited articles', () => {
  it('links cited articles to their original page when their views alone would break the budget', async () => {
    const out = join(dir, 'report');
    const report = await writeReport(buildResult(fixtureArticles()), out, { maxBytes: 100_000 });
    expect(report.diagnostics.map((d) => d.ruleId)).toContain('report:over-budget');
    expect(report.articlePaths.size).toBe(0);
    const index = read(out, 'index.html');
    expect(index).toContain('https://northwind.example/talks');
    expect(index).not.toMatch(/href="articles\//);
    expect(brokenLinks(out)).toEqual([]);
  });
});

describe('a budget below what is always written', () => {
  it('writes the report anyway and says by how much it is over and why', async () => {
    const out = join(dir, 'report');
    const report = await writeReport(buildResult(fixtureArticles()), out, { maxBytes: 50_000 });
    expect(report.bytes).toBeGreaterThan(50_000);
    const note = report.diagnostics.find((d) => d.ruleId === 'report:over-budget-floor');
    expect(note?.reason).toContain(`The report is ${(report.bytes / 1e6).toFixed(2)} MB, over the 0.1 MB budget`);
    expect(report.diagnostics.map((d) => d.reason).join(' ')).not.toMatch(/the 0 largest/);
  });

  it('adds no such note when the report fits', async () => {
    const report = await writeReport(buildResult(fixtureArticles()), join(dir, 'report'));
    expect(report.diagnostics.map((d) => d.ruleId)).not.toContain('report:over-budget-floor');
  });
});

describe('kind links', () => {
  it('resolves a link to a highlight kind the article does not have', async () => {
    const linking: AnyAnalysis = {
      ...marksAnalysis,
      id: 'linking',
      overview: (_s, _c, kit) => ({ id: 'linking', title: 'Linking', html: html`<a href="${kit.articleHref('e1', { kind: 'hedge' })}">hedges</a>` }),
    };
    const out = join(dir, 'report');
    const report = await writeReport(buildResult(fixtureArticles(), [linking]), out);
    expect(read(out, report.articlePaths.get('e1')!)).toContain('<li id="k-hedge" class="muted">hedge (0)</li>');
    expect(brokenLinks(out)).toEqual([]);
  });
});

describe('interrupting writeReport', () => {
  it('stops, removes its temp folder and keeps the old report when the signal is aborted', async () => {
    const out = join(dir, 'report');
    await writeReport(buildResult(fixtureArticles()), out);
    const before = read(out, 'index.html');
    const controller = new AbortController();
    // Ctrl-C arrives half-way: while the charts are being collected.
    const interrupting: AnyAnalysis = { ...marksAnalysis, charts: (s, c) => (controller.abort(new Error('interrupted')), marksAnalysis.charts!(s, c)) };
    await expect(writeReport(buildResult(fixtureArticles().slice(0, 1), [interrupting]), out, { signal: controller.signal })).rejects.toThrow('interrupted');
    expect(read(out, 'index.html')).toBe(before);
    expect(readdirSync(dir)).toEqual(['report']);
  });
});

describe('chart files', () => {
  it('writes a chart placed by a section and returned by charts() once', async () => {
    const placing: AnyAnalysis = {
      ...marksAnalysis,
      overview: (summary, corpus, kit) => ({ id: 'marks', title: 'Marks', html: kit.chart('marks-chart', marksAnalysis.charts!(summary, corpus)['per-outlet'], 'Marks per outlet.') }),
    };
    const out = join(dir, 'report');
    await writeReport(buildResult(fixtureArticles(), [placing]), out);
    expect(listFiles(out).filter((f) => f.startsWith('charts/marks') && f.endsWith('.vl.json'))).toEqual(['charts/marks-chart.vl.json']);
  });
});
