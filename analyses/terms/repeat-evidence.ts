/**
 * The evidence of the repeated-sentence rule (repeated-sentences.ts) as the terms summary keeps
 * it: per outlet, how many repeated sentences it has and how many sentences, articles and tokens
 * were left out, with its most widespread repeated sentences and a few spans of each, so every
 * number can be traced to the articles (summarize.ts records; the report cites the spans).
 */
import { getOrAdd } from '../../src/get-or-add.js';
import { stretch } from './kwic.js';
import { sentenceTokens, type RepeatedKey } from './repeated-sentences.js';
import { endOf } from './terms-doc.js';
import type { OutletRepeatedSentences, RepeatedSentence, TermsDoc } from './types.js';

/** Repeated sentences listed per outlet, and spans kept per sentence. */
const LISTED = 5;
const SPANS = 3;

export class RepeatEvidence {
  private readonly outlets = new Map<string, OutletRepeatedSentences>();
  private readonly sentences = new Map<RepeatedKey, RepeatedSentence>();

  constructor(keys: readonly RepeatedKey[]) {
    for (const key of keys) {
      const outlet = getOrAdd(this.outlets, key.outlet, () => ({ outlet: key.outlet, repeated: 0, sentences: 0, docs: 0, tokens: 0, top: [] }));
      outlet.repeated++;
      if (outlet.top.length >= LISTED) continue;
      const sentence: RepeatedSentence = { text: '', docs: key.docs, events: key.events, examples: [] };
      outlet.top.push(sentence);
      this.sentences.set(key, sentence);
    }
  }

  /**
   * One article's left-out sentences (indices into its sentences, with the key of each) and the
   * tokens they held; `doc` gives the article's token stream, asked for only when a span is
   * still wanted. Articles must come in corpus order, so the spans are the first ones.
   */
  record(meta: { id: string; outlet: string }, sentences: readonly number[], keys: readonly RepeatedKey[], tokens: number, doc: () => TermsDoc): void {
    const summary = this.outlets.get(meta.outlet);
    if (!summary) return;
    summary.docs++;
    summary.sentences += sentences.length;
    summary.tokens += tokens;
    let stream: TermsDoc | undefined;
    const spanned = new Set<RepeatedSentence>();
    sentences.forEach((s, k) => {
      const listed = this.sentences.get(keys[k]);
      if (!listed || listed.examples.length >= SPANS || spanned.has(listed)) return;
      spanned.add(listed);
      stream ??= doc();
      const [first, last] = sentenceTokens(stream, s);
      const text = stretch({ ...stream, id: meta.id, outlet: meta.outlet }, first, last);
      listed.examples.push({ doc: meta.id, start: stream.start[first], end: endOf(stream, last), text });
      if (!listed.text) listed.text = text;
    });
  }

  /** Per outlet with repeated sentences, in the given outlet order. */
  summary(outletOrder: readonly string[]): OutletRepeatedSentences[] {
    return outletOrder.flatMap((o) => this.outlets.get(o) ?? []);
  }
}
