/**
 * The token walk of the terms analysis (analyses/terms/terms-doc.ts) reads a lone token's lower
 * case, lemma and stop-word kind by word id (src/text/word-ids.ts): what it reports must be what
 * the plain string definitions give, for the text layer's docs and for copies of them whose ids
 * are numbered from the strings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { analyzeDoc } from '../../src/text/analyze.js';
import type { AnalyzedDoc } from '../../src/text/types.js';
import { nonProseSentences } from '../../src/text/non-prose.js';
import { termsDocFromAnalyzed } from '../../analyses/terms/index.js';
import { isStopWord } from '../../analyses/terms/stop-words.js';

const SAMPLE = new URL('../../data/sample/articles.jsonl', import.meta.url);
const sample: Article[] = readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const ODD: Article = {
  id: 'odd', outlet: 'Test Daily', title: '',
  text: "İSTANBUL’S mayor DIDN'T say it; THE Ministers’ plans aren’t “The Plans”. Don’t, WON’T, can’t. Él habló. ÆSIR and naïve Über-fans.",
};

const NUMBER_TYPES = new Set(['number', 'decade', 'ordinal', 'time', 'date', 'currency']);
const WORD_TYPES = new Set(['word', 'hashtag', 'mention', 'abbreviation']);

/** A wire credit line ("(Reporting by X; Editing by Y)"): its tokens are breaks, not terms. */
const CREDIT_LINE = /^\(?(?:reporting|writing|editing|additional|compiled|produced|graphics|research)(?:\s+\S+)?\s+by\b/i;

/** Every lone (non-compound) token's text, kind and reported lemma, by the string definitions. */
function expectedLone(doc: AnalyzedDoc, i: number): [string, string, string | undefined] {
  const t = doc.tokens[i];
  const lower = t.text.toLowerCase();
  const sentence = doc.sentences[t.sentence];
  // Breaks: credit lines, lists (their definition is non-prose.ts's), outlet names.
  const credit =
    CREDIT_LINE.test(doc.article.text.slice(sentence.start, sentence.end)) ||
    nonProseSentences(doc)[t.sentence] === 1 ||
    doc.mentions.some((m) => m.type === 'media' && m.tokenStart <= i && i < m.tokenEnd);
  const kind = credit || t.type === 'punctuation' ? 'p'
    : !WORD_TYPES.has(t.type) ? (NUMBER_TYPES.has(t.type) ? 'n' : 'p')
    : t.stop || isStopWord(lower) ? 's' : 'w';
  const lemma = t.lemma.toLowerCase();
  return [t.text, kind, !credit && lemma && lemma !== lower ? lemma : undefined];
}

function checkDoc(doc: AnalyzedDoc): number {
  const out = termsDocFromAnalyzed(doc);
  let checked = 0;
  // Terms are reported in token order; a compound covers several tokens and is left out here.
  for (let k = 0, i = 0; k < out.text.length; k++) {
    while (doc.tokens[i].start !== out.start[k]) i++;
    if (out.text[k] !== doc.tokens[i].text) continue;
    const kind = out.kind[k].toLowerCase();
    expect([out.text[k], kind, out.lemma[k]]).toEqual(expectedLone(doc, i));
    checked++;
  }
  return checked;
}

describe('termsDocFromAnalyzed', () => {
  it("gives each lone token the kind and lemma the string definitions give, for the text layer's docs and copies of them", () => {
    let checked = 0;
    for (const article of [ODD, ...sample]) {
      const doc = analyzeDoc(article);
      checked += checkDoc(doc);
      checked += checkDoc(structuredClone(doc));
    }
    expect(checked).toBeGreaterThan(20000);
  });

  it('counts no word of a wire credit line, so reporters’ names are not an outlet’s word choice', () => {
    const doc = analyzeDoc({ id: 'w', outlet: 'Wire', title: '', text: 'Talks resumed in Port Ilva on Monday.\n\n(Reporting by Mira Santel; Editing by Joss Arden)' });
    const out = termsDocFromAnalyzed(doc);
    const words = out.text.filter((_, k) => out.kind[k].toLowerCase() === 'w');
    expect(words).toEqual(expect.arrayContaining(['Talks', 'resumed']));
    expect(words.some((w) => /Mira|Santel|Joss|Arden|Reporting|Editing/.test(w))).toBe(false);
  });

  it('counts no word of a news outlet’s name, its own or another’s, and keeps the same words used apart from the name', () => {
    const text = 'Velmora braced for the vote, the Velmora Ledger reported. "We are ready," the mayor of Velmora told The Daily Klaxon, whose reporters were in the square.';
    const doc = analyzeDoc({ id: 'n', outlet: 'The Velmora Ledger', title: '', text });
    const out = termsDocFromAnalyzed(doc);
    const words = out.text.filter((_, k) => out.kind[k].toLowerCase() === 'w');
    expect(words.filter((w) => w === 'Velmora')).toHaveLength(2); // the city, not the paper
    expect(words.some((w) => /Ledger|Klaxon/.test(w))).toBe(false);
    expect(words).toEqual(expect.arrayContaining(['braced', 'vote', 'mayor', 'reporters', 'square']));
  });
});
