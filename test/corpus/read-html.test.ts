import { describe, expect, it } from 'vitest';
import { readCorpus, readHtml } from '../../src/corpus/index.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { context, fixture, tempDir } from './helpers.js';

describe('readHtml', () => {
  it('extracts the article text as paragraphs and leaves navigation and footer out', async () => {
    const { articles } = await readCorpus(fixture('page.html'));
    expect(articles).toHaveLength(1);
    const paragraphs = articles[0].text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^The Aldmoor fishermen's guild filed a lawsuit/);
    expect(paragraphs[1]).toBe('"We were never asked," said guild chair Tomas Ferrante-Quill, who called the levy "a decision made behind closed doors".');
    expect(articles[0].text).not.toMatch(/Home|Sport|Most read|© 2031/);
  });

  it('takes title, date and url from meta tags and the outlet from the og:url domain', async () => {
    const { articles } = await readCorpus(fixture('page.html'));
    expect(articles[0]).toMatchObject({
      title: 'Levy opponents file lawsuit',
      outlet: 'meridianpost.example',
      date: '2031-04-23T14:05:00.000Z',
      url: 'https://www.meridianpost.example/news/2031/04/levy-lawsuit?ref=home',
    });
  });

  it('prefers og:site_name for the outlet and canonicalizes it', async () => {
    const html = '<html><head><meta property="og:site_name" content="Russia Today"><title>T</title></head><body><p>' + 'Some article text. '.repeat(20) + '</p></body></html>';
    const file = join(tempDir(), 'page.html');
    writeFileSync(file, html);
    const { articles } = await readCorpus(file);
    expect(articles[0].outlet).toBe('RT');
    expect(articles[0].meta?.outletAsGiven).toBe('Russia Today');
  });

  it('falls back to time[datetime] and the canonical link', () => {
    const html = '<html><head><link rel="canonical" href="https://news.example.org/a"></head><body><article><p>' + 'Body text here. '.repeat(20) + '</p><time datetime="2031-05-01">May 1</time></article></body></html>';
    const result = readHtml(html, context('t.html'));
    expect(result.records[0].fields).toMatchObject({ outlet: 'news.example.org', url: 'https://news.example.org/a', date: '2031-05-01' });
  });

  it('rejects a page with no article text', () => {
    const result = readHtml('<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>', context('empty.html'));
    expect(result.rejects[0]).toMatchObject({ ruleId: 'corpus:missing-text', reason: 'found no article text in the page' });
  });
});
