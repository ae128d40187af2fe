import { describe, expect, it } from 'vitest';
import { createKit, newPageParts, type KitContext } from '../../src/report/kit.js';
import { html } from '../../src/report/html.js';
import { contentSecurityPolicy, scriptHash } from '../../src/report/layout.js';
import { outletColors, OUTLET_PALETTE } from '../../src/report/palette.js';
import { SlugRegistry, slugify } from '../../src/report/slug.js';

const context = (over: Partial<KitContext> = {}): KitContext => ({
  root: '../',
  articleSlug: (id) => (id === 'a1' ? 'story-0123456789' : undefined),
  eventSlug: (id) => (id === 'e1' ? 'event-0123456789' : undefined),
  outletColor: () => '#4e79a7',
  ...over,
});

describe('createKit', () => {
  it('links articles, findings, kinds and events relative to the page', () => {
    const kit = createKit(newPageParts(), context());
    expect(kit.articleHref('a1')).toBe('../articles/story-0123456789.html');
    expect(kit.articleHref('a1', { start: 3, end: 9 })).toBe('../articles/story-0123456789.html#f-3-9');
    expect(kit.articleHref('a1', { kind: 'loaded:label' })).toBe('../articles/story-0123456789.html#k-loaded-label');
    expect(kit.articleHref('missing')).toBe('#');
    expect(kit.eventHref('e1')).toBe('../events/event-0123456789.html');
  });

  it('records every article a section links to', () => {
    const cited: string[] = [];
    const kit = createKit(newPageParts(), context({ onArticleLink: (id) => cited.push(id) }));
    kit.articleHref('a1', { start: 0, end: 1 });
    expect(cited).toEqual(['a1']);
  });

  it('collects charts under prefixed names and rejects a name used twice on a page', () => {
    const page = newPageParts();
    const kit = createKit(page, context({ prefix: 'terms' }));
    const figure = kit.chart('keyness', { mark: 'bar' }, 'Outlet <A> uses "x" most.').value;
    expect(page.charts.get('terms-keyness')?.caption).toBe('Outlet <A> uses "x" most.');
    expect(figure).toContain('data-chart="terms-keyness"');
    expect(figure).toContain('<figcaption>Outlet &lt;A&gt; uses &quot;x&quot; most.</figcaption>');
    expect(() => kit.chart('keyness', {}, '')).toThrow(/used twice/);
  });

  it('escapes outlet names and table cells, and neutralizes javascript: links', () => {
    const kit = createKit(newPageParts(), context());
    expect(kit.outlet('<img src=x onerror=alert(1)>').value).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const table = kit.table(
      'rows',
      [
        { key: 'title', label: 'Title', href: (r: { url: string }) => r.url },
        { key: 'n', label: 'N', numeric: true },
        { key: 'note', label: 'Note', cell: (r: { note: string }) => html`<em>${r.note}</em>` },
      ],
      [{ title: '</script><script>alert(1)</script>', url: 'javascript:alert(1)', n: 12345.678, note: '<b>' }],
    ).value;
    expect(table).not.toContain('<script>alert');
    expect(table).not.toContain('javascript:');
    expect(table).toContain('<td class="num">12,345.68</td>');
    expect(table).toContain('<em>&lt;b&gt;</em>');
    const json = /<script type="application\/json" data-table-data="rows">(.*?)<\/script>/s.exec(table)![1];
    expect(JSON.parse(json).rows[0][0]).toBe('</script><script>alert(1)</script>');
    expect(JSON.parse(json).links[0]).toEqual(['#']);
  });

  it('writes only the first rows as HTML and every row once in the table data', () => {
    const kit = createKit(newPageParts(), context());
    const rows = Array.from({ length: 120 }, (_, i) => ({ i }));
    const table = kit.table('many', [{ key: 'i', label: 'I', numeric: true }], rows, { limit: 10 }).value;
    expect(table.match(/<tr>/g)).toHaveLength(6); // header + 5 rows; the script draws the first 10
    expect(table).toContain('Show all 120 rows');
    const json = /data-table-data="many">(.*?)<\/script>/s.exec(table)![1];
    expect(JSON.parse(json)).toMatchObject({ limit: 10 });
    expect(JSON.parse(json).rows).toHaveLength(120);
    expect(table).not.toContain('not in this table');
  });

  it('keeps at most `maxRows` rows and says how many were left out and where they are', () => {
    const kit = createKit(newPageParts(), context());
    const rows = Array.from({ length: 30 }, (_, i) => ({ i }));
    const table = kit.table('capped', [{ key: 'i', label: 'I', numeric: true }], rows, { maxRows: 20, total: 45, more: 'framelens loaded lists all.' }).value;
    const json = /data-table-data="capped">(.*?)<\/script>/s.exec(table)![1];
    expect(JSON.parse(json).rows.map((r: number[]) => r[0])).toEqual(rows.slice(0, 20).map((r) => r.i));
    expect(table).toContain('20 of 45 rows are in this table and its CSV download. framelens loaded lists all.');
  });

  it('caps every table at 1,000 rows unless told otherwise', () => {
    const kit = createKit(newPageParts(), context());
    const rows = Array.from({ length: 1_500 }, (_, i) => ({ i }));
    const json = (options: object) => JSON.parse(/data-table-data="[^"]+">(.*?)<\/script>/s.exec(kit.table(`t${Object.keys(options).length}`, [{ key: 'i', label: 'I' }], rows, options).value)![1]);
    expect(json({}).rows).toHaveLength(1_000);
    expect(json({ maxRows: Infinity }).rows).toHaveLength(1_500);
  });

  it('stores links that share a site as a short prefix code and the rest of the URL', () => {
    const kit = createKit(newPageParts(), context());
    const rows = Array.from({ length: 60 }, (_, i) => ({ title: `Story ${i}`, url: `https://www.northwind.example/news/story-${i}` }));
    const table = kit.table('links', [{ key: 'title', label: 'Title', href: (r) => r.url }], rows).value;
    const data = JSON.parse(/data-table-data="links">(.*?)<\/script>/s.exec(table)![1]);
    expect(data.linkPrefixes).toEqual({ 0: ['https://www.northwind.example/'] });
    expect(data.links[0][7]).toBe('0|news/story-7');
    expect(table).toContain('href="https://www.northwind.example/news/story-0"');
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no network, no eval, and only hashed inline scripts or report files', () => {
    const policy = contentSecurityPolicy(['console.log(1)']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src 'self' ${scriptHash('console.log(1)')}`);
    expect(policy).not.toMatch(/unsafe-eval|connect-src|https?:/);
  });
});

describe('outlet colours and slugs', () => {
  it('gives outlets palette colours in corpus order, stable for the same order', () => {
    const color = outletColors(['B', 'A']);
    expect(color('B')).toBe(OUTLET_PALETTE[0]);
    expect(color('A')).toBe(OUTLET_PALETTE[1]);
    expect(new Set(OUTLET_PALETTE).size).toBe(30);
  });

  it('makes ASCII slugs with a hash suffix, unique even for equal titles', () => {
    expect(slugify('Zelensky and Kiev mayor ‘at war’ — Café')).toBe('zelensky-and-kiev-mayor-at-war-cafe');
    const slugs = new SlugRegistry('article');
    const a = slugs.add('id-1', '</script>');
    const b = slugs.add('id-2', '</script>');
    expect(a).toMatch(/^script-[0-9a-f]{10}$/);
    expect(b).not.toBe(a);
    expect(slugs.add('x', '***')).toMatch(/^article-[0-9a-f]{10}$/);
  });
});

describe('empty charts', () => {
  it('places a note instead of a chart whose inline data is empty', () => {
    const page = newPageParts();
    const kit = createKit(page, context());
    const figure = kit.chart('empty', { data: { values: [] }, mark: 'bar' }, 'Nothing to compare.').value;
    expect(figure).toContain('No data to chart.');
    expect(figure).toContain('<figcaption>Nothing to compare.</figcaption>');
    expect(page.charts.size).toBe(0);
  });
});
