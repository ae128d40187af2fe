// Checks the bundled sample corpus (data/sample) against what its README and planted.json promise.
// Many analysis tests use this corpus as ground truth, so this suite reads the files directly
// (node:fs + yaml, no project code): if it fails, the data drifted, not a reader.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const sampleDir = fileURLToPath(new URL('../../data/sample/', import.meta.url));

interface SampleArticle {
  id: string;
  outlet: string;
  title: string;
  text: string;
  date: string;
  url: string;
  event: string;
}

interface PlantedEntry {
  kind: string;
  outlet: string;
  doc: string;
  phrase: string;
}

interface Planted {
  distinctiveWords: Record<string, string[]>;
  variants: { kind: string; forms: Record<string, string[]> }[];
  wireReprint: { event: string; original: string; reprints: { doc: string; outlet: string }[] };
  otherFormats: { file: string; outlet: string; title: string; event: string; date?: string; url?: string }[];
  entries: PlantedEntry[];
}

const read = (relative: string) => readFileSync(join(sampleDir, relative), 'utf8');

const articles: SampleArticle[] = read('articles.jsonl')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SampleArticle);
const byId = new Map(articles.map((article) => [article.id, article]));
const planted = JSON.parse(read('planted.json')) as Planted;

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
const sentencesOf = (text: string) =>
  text
    .split(/\n\n|(?<=[.!?]["”’]?)\s+(?=["“‘«]?[A-Z])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

function readMarkdownArticle(path: string): SampleArticle & { folder: string; stem: string } {
  const source = readFileSync(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) throw new Error(`${path}: no front matter`);
  const meta = parseYaml(match[1]) as Omit<SampleArticle, 'text'>;
  const paragraphs = source
    .slice(match[0].length)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return { ...meta, text: paragraphs.join('\n\n'), folder: basename(join(path, '..')), stem: basename(path, '.md') };
}

describe('the sample corpus in JSONL and Markdown', () => {
  const markdown = markdownFiles(join(sampleDir, 'markdown')).map(readMarkdownArticle);

  it('holds the same articles in both formats, field for field', () => {
    expect(markdown.map((a) => a.id).sort()).toEqual(articles.map((a) => a.id).sort());
    for (const md of markdown) {
      const { folder, stem, ...fields } = md;
      expect(byId.get(md.id), md.id).toEqual(fields);
      expect(stem, 'file name is the id').toBe(md.id);
      expect(folder, 'folder is the event id').toBe(md.event);
    }
  });

  it('has at least 32 articles with unique ids and complete, well-formed fields', () => {
    expect(articles.length).toBeGreaterThanOrEqual(32);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    for (const article of articles) {
      expect(article.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*--[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(article.event).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(article.date).toMatch(/^2025-06-(0[2-9]|1[0-5])$/);
      expect(new URL(article.url).hostname.endsWith('.example')).toBe(true);
      expect(article.title.trim()).not.toBe('');
      expect(article.text).toBe(article.text.trim());
      expect(article.text).not.toMatch(/\n\n\n|[^\n]\n[^\n]/);
    }
  });

  it('keeps every article between 250 and 600 words', () => {
    const outOfRange = articles.filter((a) => countWords(a.text) < 250 || countWords(a.text) > 600);
    expect(outOfRange.map((a) => `${a.id}: ${countWords(a.text)}`)).toEqual([]);
  });

  it('covers at least 6 events by at least 4 outlets each, from at least 4 outlets in all', () => {
    const outletsByEvent = new Map<string, Set<string>>();
    for (const { event, outlet } of articles) {
      outletsByEvent.set(event, (outletsByEvent.get(event) ?? new Set()).add(outlet));
    }
    expect(new Set(articles.map((a) => a.outlet)).size).toBeGreaterThanOrEqual(4);
    expect(outletsByEvent.size).toBeGreaterThanOrEqual(6);
    for (const [event, outlets] of outletsByEvent) expect(outlets.size, event).toBeGreaterThanOrEqual(4);
  });
});

describe('the planted phenomena in planted.json', () => {
  it('names a real article and its outlet for every entry, and each phrase occurs verbatim in it', () => {
    const missing = planted.entries.filter((entry) => {
      const article = byId.get(entry.doc);
      return !article || article.outlet !== entry.outlet || !article.text.includes(entry.phrase);
    });
    expect(missing).toEqual([]);
  });

  it('covers every kind of phenomenon the README documents', () => {
    const kinds = new Set(planted.entries.map((entry) => entry.kind));
    const readme = read('README.md');
    for (const kind of kinds) expect(readme, kind).toContain(`\`${kind}\``);
    for (const kind of ['scare-quote', 'partial-quote', 'direct-quote', 'multi-paragraph-quote', 'nested-quote',
      'guillemet-quote', 'apostrophe', 'label', 'euphemism', 'hedge', 'intensifier', 'report-verb',
      'anonymous-source', 'according-to', 'told', 'quoted-as-saying', 'citing', 'interview']) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });

  it('splits each spelling variant by outlet, with no outlet using both forms', () => {
    for (const { forms } of planted.variants) {
      for (const [form, outlets] of Object.entries(forms)) {
        const users = new Set(articles.filter((a) => `${a.title}\n${a.text}`.includes(form)).map((a) => a.outlet));
        expect([...users].sort(), form).toEqual([...outlets].sort());
      }
    }
  });

  it('gives each outlet distinctive words it uses often and the others almost never', () => {
    for (const [outlet, words] of Object.entries(planted.distinctiveWords)) {
      const own = articles.filter((a) => a.outlet === outlet).flatMap((a) => wordsOf(a.text));
      const rest = articles.filter((a) => a.outlet !== outlet).flatMap((a) => wordsOf(a.text));
      for (const word of words) {
        const inOwn = own.filter((w) => w === word).length;
        const elsewhere = rest.filter((w) => w === word).length;
        expect(inOwn, `${outlet}: ${word}`).toBeGreaterThanOrEqual(5);
        expect(elsewhere, `${outlet}: ${word} elsewhere`).toBeLessThanOrEqual(3);
      }
    }
  });

  it('has a wire story reprinted nearly verbatim by two outlets under new headlines', () => {
    const { original, reprints, event } = planted.wireReprint;
    const wire = byId.get(original)!;
    expect(wire.event).toBe(event);
    const wireSentences = new Set(sentencesOf(wire.text));
    expect(reprints).toHaveLength(2);
    for (const { doc, outlet } of reprints) {
      const reprint = byId.get(doc)!;
      expect(reprint.outlet).toBe(outlet);
      expect(reprint.event).toBe(event);
      expect(reprint.title).not.toBe(wire.title);
      const sentences = sentencesOf(reprint.text);
      const shared = sentences.filter((s) => wireSentences.has(s)).length;
      expect(shared / sentences.length, doc).toBeGreaterThanOrEqual(0.8);
      expect(shared / wireSentences.size, doc).toBeGreaterThanOrEqual(0.8);
      const paragraphDelta = reprint.text.split('\n\n').length - wire.text.split('\n\n').length;
      expect(Math.abs(paragraphDelta), doc).toBe(1);
    }
  });

  it('has no other pair of articles sharing more than a tenth of their sentences', () => {
    const { original, reprints } = planted.wireReprint;
    const copies = new Set([original, ...reprints.map((r) => r.doc)]);
    const sentenceSets = articles.map((a) => ({ id: a.id, sentences: new Set(sentencesOf(a.text)) }));
    const overlapping: string[] = [];
    for (const [i, a] of sentenceSets.entries()) {
      for (const b of sentenceSets.slice(i + 1)) {
        if (copies.has(a.id) && copies.has(b.id)) continue;
        const shared = [...a.sentences].filter((s) => b.sentences.has(s)).length;
        if (shared / Math.min(a.sentences.size, b.sentences.size) > 0.1) overlapping.push(`${a.id} ~ ${b.id}`);
      }
    }
    expect(overlapping).toEqual([]);
  });
});

describe('the other input formats', () => {
  const knownTitles = new Set(articles.map((a) => a.title));
  const dumpStories = planted.otherFormats.filter((f) => f.file === 'dumps/aggregator-page.txt');

  it('ships an aggregator page dump shaped like the seed, with three new stories and site boilerplate', () => {
    const lines = read('dumps/aggregator-page.txt').split('\n');
    for (const boilerplate of ['Hashtags', 'Try Our AI Features', 'Comments', 'No comments yet...', 'Related Articles']) {
      expect(lines, boilerplate).toContain(boilerplate);
    }
    expect(lines.some((line) => /^Explore what .+ AI can do for you:$/.test(line))).toBe(true);
    expect(lines[1]).toBe(dumpStories[0].title);
    const related = lines.flatMap((line, i) =>
      /^\d+ hours? ago$/.test(line) ? [{ outlet: lines[i - 1], dash: lines[i + 1], title: lines[i + 2], body: lines[i + 3] }] : [],
    );
    expect(related.map((r) => r.title)).toEqual(dumpStories.slice(1).map((s) => s.title));
    for (const block of related) {
      expect(block.outlet).toBe(dumpStories[0].outlet);
      expect(block.dash).toBe(`- ${block.outlet}`);
      expect(countWords(block.body)).toBeGreaterThanOrEqual(250);
    }
    expect(dumpStories).toHaveLength(3);
    for (const story of dumpStories) expect(knownTitles.has(story.title), story.title).toBe(false);
  });

  it('ships a saved HTML article page with Open Graph metadata and the story in an article element', () => {
    const page = planted.otherFormats.find((f) => f.file.startsWith('html/'))!;
    const html = read(page.file);
    const meta = (property: string) =>
      new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(html)?.[1];
    expect(meta('og:site_name')).toBe(page.outlet);
    expect(meta('og:title')).toBe(page.title);
    expect(meta('og:url')).toBe(page.url);
    expect(meta('article:published_time')).toBe(page.date);
    const body = /<article[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
    const paragraphs = [...body.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
    expect(paragraphs.length).toBeGreaterThanOrEqual(5);
    expect(countWords(paragraphs.join(' '))).toBeGreaterThanOrEqual(250);
    expect(html).toMatch(/<nav[\s>]/);
    expect(html).toMatch(/<footer[\s>]/);
    expect(knownTitles.has(page.title)).toBe(false);
  });
});
