#!/usr/bin/env node
// Regenerates data/sample/articles.jsonl from the authoring source data/sample/markdown/<event>/<outlet>--<slug>.md
// and checks the corpus invariants the README promises (ids match file names, every article 250–600 words,
// ≥ 4 outlets per event). Run: `node scripts/build-sample.mjs` (add `--check` to verify without writing).
// It sits outside the library on purpose: the sample corpus is data, and this script only keeps its two
// copies (Markdown and JSONL) in step. No dependency beyond `yaml`.
import { readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join, basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const sampleDir = fileURLToPath(new URL('../data/sample/', import.meta.url));
const markdownDir = join(sampleDir, 'markdown');
const jsonlPath = join(sampleDir, 'articles.jsonl');

const MIN_WORDS = 250;
const MAX_WORDS = 600;
const MIN_OUTLETS_PER_EVENT = 4;
const FIELDS = ['id', 'outlet', 'title', 'text', 'date', 'url', 'event'];

/** Words as the README counts them: whitespace-separated tokens of `text`. */
export function countWords(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Splits a Markdown file into YAML front matter and body; the body is everything after the closing `---`. */
export function splitFrontMatter(source) {
  const normalized = source.replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(normalized);
  if (!match) return null;
  return { meta: parseYaml(match[1]), body: normalized.slice(match[0].length) };
}

/** Body → article text: trimmed, paragraphs separated by exactly one blank line ("\n\n"). */
export function bodyToText(body) {
  return body
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .join('\n\n');
}

function listMarkdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listMarkdownFiles(path);
      return entry.name.endsWith('.md') ? [path] : [];
    })
    .sort();
}

function readArticle(path, problems) {
  const where = relative(sampleDir, path);
  const parts = splitFrontMatter(readFileSync(path, 'utf8'));
  if (!parts) {
    problems.push(`${where}: no YAML front matter`);
    return null;
  }
  const { meta, body } = parts;
  const article = { ...meta, text: bodyToText(body) };
  for (const field of FIELDS) {
    if (typeof article[field] !== 'string' || article[field] === '') problems.push(`${where}: missing ${field}`);
  }
  const stem = basename(path, '.md');
  if (article.id !== stem) problems.push(`${where}: id "${article.id}" differs from file name "${stem}"`);
  const folder = basename(join(path, '..'));
  if (article.event !== folder) problems.push(`${where}: event "${article.event}" differs from folder "${folder}"`);
  if (/[^\n]\n[^\n]/.test(article.text)) problems.push(`${where}: a paragraph is wrapped over several lines`);
  const words = countWords(article.text);
  if (words < MIN_WORDS || words > MAX_WORDS) problems.push(`${where}: ${words} words, outside ${MIN_WORDS}–${MAX_WORDS}`);
  return Object.fromEntries(FIELDS.map((field) => [field, article[field]]));
}

function summarize(articles) {
  const outletsByEvent = new Map();
  for (const { event, outlet } of articles) {
    if (!outletsByEvent.has(event)) outletsByEvent.set(event, new Set());
    outletsByEvent.get(event).add(outlet);
  }
  const words = articles.map((a) => countWords(a.text));
  const dates = articles.map((a) => a.date).sort();
  return {
    articles: articles.length,
    outlets: new Set(articles.map((a) => a.outlet)).size,
    events: outletsByEvent.size,
    outletsByEvent,
    words: { min: Math.min(...words), max: Math.max(...words), total: words.reduce((a, b) => a + b, 0) },
    dates: { first: dates[0], last: dates.at(-1) },
  };
}

function main() {
  const checkOnly = process.argv.includes('--check');
  const problems = [];
  const articles = listMarkdownFiles(markdownDir)
    .map((path) => readArticle(path, problems))
    .filter(Boolean)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

  const ids = new Set();
  for (const { id } of articles) {
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    ids.add(id);
  }
  const summary = summarize(articles);
  for (const [event, outlets] of summary.outletsByEvent) {
    if (outlets.size < MIN_OUTLETS_PER_EVENT) problems.push(`event ${event}: only ${outlets.size} outlets`);
  }

  const jsonl = articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
  if (checkOnly) {
    if (readFileSync(jsonlPath, 'utf8') !== jsonl) problems.push('articles.jsonl is out of date: run node scripts/build-sample.mjs');
  } else if (problems.length === 0) {
    writeFileSync(`${jsonlPath}.tmp`, jsonl);
    renameSync(`${jsonlPath}.tmp`, jsonlPath);
  }

  const { words, dates } = summary;
  console.error(
    `${summary.articles} articles, ${summary.outlets} outlets, ${summary.events} events; ` +
      `words ${words.min}–${words.max} (total ${words.total}); dates ${dates.first} → ${dates.last}`,
  );
  for (const [event, outlets] of summary.outletsByEvent) console.error(`  ${event}: ${outlets.size} outlets`);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`problem: ${problem}`);
    process.exitCode = 1;
  } else if (!checkOnly) {
    console.error(`wrote ${relative(process.cwd(), jsonlPath)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
