/**
 * Sentences for the AnalyzedDoc: wink's sentence boundaries, cut again wherever a sentence
 * crosses a paragraph boundary (wink does not see paragraphs: a headline without a full stop
 * runs into the first line of the story). Each sentence knows its token range and paragraph;
 * each token gets its sentence index.
 */
import type { Paragraph, Sentence, Token } from './types.js';

/**
 * @param tokens the document's tokens (their `sentence` field is filled in here)
 * @param winkSentence for each token, the index of the wink sentence holding it
 */
export function buildSentences(tokens: Token[], winkSentence: ArrayLike<number>, paragraphs: readonly Paragraph[]): Sentence[] {
  const sentences: Sentence[] = [];
  let para = 0;
  let current: Sentence | undefined;
  let currentWink = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    while (para + 1 < paragraphs.length && token.start >= paragraphs[para + 1].start) para++;
    if (!current || winkSentence[i] !== currentWink || para !== current.paragraph) {
      current = { start: token.start, end: token.end, tokenStart: i, tokenEnd: i + 1, paragraph: para };
      currentWink = winkSentence[i];
      sentences.push(current);
    }
    current.end = token.end;
    current.tokenEnd = i + 1;
    token.sentence = sentences.length - 1;
  }
  return sentences;
}
