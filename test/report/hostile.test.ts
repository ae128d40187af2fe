import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { writeReport } from '../../src/report/write-report.js';
import { buildResult } from './fixture.js';
import { hostileArticles } from './hostile.js';
import { brokenLinks, listFiles } from './report-files.js';

describe('a report of the hostile corpus', () => {
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'framelens-hostile-'));
    out = join(dir, 'report');
    await writeReport(buildResult(hostileArticles()), out);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Page markup without the bodies of our own inline scripts (the vega builds). */
  const markup = (file: string) => readFileSync(join(out, file), 'utf8').replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
  const htmlPages = () => listFiles(out).filter((f) => f.endsWith('.html'));

  it('contains no payload as markup on any page', () => {
    expect(htmlPages().length).toBe(1 + 2 + 3);
    for (const page of htmlPages()) {
      const html = markup(page);
      expect(html, page).not.toContain('<script>window.pwned');
      expect(html, page).not.toMatch(/<img\b/i);
      expect(html, page).not.toMatch(/<svg onload/i);
      expect(html, page).not.toMatch(/(href|src)="\s*(javascript|data):/i);
      expect(html, page).not.toMatch(/[\u2028\u2029]<\/script>/);
      // Only our own script elements: data blocks, inline scripts we hashed, or files in assets/.
      for (const tag of html.match(/<script[^>]*>/g) ?? []) {
        expect(tag).toMatch(/^<script(>| type="application\/json"| src="(\.\.\/)?assets\/)/);
      }
    }
  });

  it('keeps the payloads visible as text', () => {
    const index = markup('index.html');
    expect(index).toContain('&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt; Headline');
    const article = htmlPages().find((p) => p.startsWith('articles/img-src-x-onerror'))!;
    expect(markup(article)).toContain('Opening line with &lt;/script&gt;&lt;script&gt;window.pwned=1&lt;/script&gt; inside.\u2028Line');
  });

  it('writes only slug file names, even for an id like ../../../etc/passwd', () => {
    for (const file of listFiles(out)) expect(file).toMatch(/^[a-z0-9/.-]+$/);
    expect(listFiles(dir).every((f) => f.startsWith('report/'))).toBe(true);
  });

  it('escapes the table and chart JSON blocks so they cannot close their script element', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const blocks = [...index.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(block).not.toMatch(/[<>\u2028\u2029]/);
      expect(() => JSON.parse(block)).not.toThrow();
    }
  });

  it('keeps every local link resolvable', () => {
    expect(brokenLinks(out)).toEqual([]);
  });

  it('renders hostile labels as text inside the chart SVG files', () => {
    for (const svg of listFiles(out).filter((f) => f.endsWith('.svg'))) {
      const doc = new DOMParser().parseFromString(readFileSync(join(out, svg), 'utf8'), 'image/svg+xml');
      expect(doc.querySelectorAll('script, img, foreignObject, iframe').length, svg).toBe(0);
      const handlers = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)));
      expect(handlers, svg).toEqual([]);
      expect(doc.documentElement.textContent).toMatch(/window\.pwned|Plain Outlet/);
    }
  });
});
