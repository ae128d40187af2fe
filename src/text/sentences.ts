/**
 * Sentences for the AnalyzedDoc: wink's sentence boundaries, cut again wherever a sentence
 * crosses a paragraph boundary (wink does not see paragraphs: a headline without a full stop
 * runs into the first line of the story). Built incrementally while tokens are read, so the
 * tokens are walked once; each sentence knows its token range and paragraph, and each token
 * gets its sentence index.
 */
import type { Paragraph, Sentence, Token } from './types.js';

export class SentenceBuilder {
  readonly sentences: Sentence[] = [];
  private para = 0;
  private current: Sentence | undefined;
  private currentWink = -1;

  constructor(private readonly paragraphs: readonly Paragraph[]) {}

  /** Adds the next token (index `i` in the document's tokens) from wink sentence `winkSentence`. */
  add(token: Token, i: number, winkSentence: number): void {
    const paragraphs = this.paragraphs;
    while (this.para + 1 < paragraphs.length && token.start >= paragraphs[this.para + 1].start) this.para++;
    let current = this.current;
    if (!current || winkSentence !== this.currentWink || this.para !== current.paragraph) {
      current = this.current = { start: token.start, end: token.end, tokenStart: i, tokenEnd: i + 1, paragraph: this.para };
      this.currentWink = winkSentence;
      this.sentences.push(current);
    }
    current.end = token.end;
    current.tokenEnd = i + 1;
    token.sentence = this.sentences.length - 1;
  }
}

/**
 * All at once: sentences for `tokens` (their `sentence` field is filled in).
 * @param winkSentence for each token, the index of the wink sentence holding it
 */
export function buildSentences(tokens: Token[], winkSentence: ArrayLike<number>, paragraphs: readonly Paragraph[]): Sentence[] {
  const builder = new SentenceBuilder(paragraphs);
  tokens.forEach((token, i) => builder.add(token, i, winkSentence[i]));
  return builder.sentences;
}
