/**
 * Word polarity from wink's English sentiment lexicon (the same model the text layer uses), a
 * subjectivity cue for the learned model: words with a strong prior polarity ("brutal",
 * "liar", "stunning") are the usual stuff of loaded language. Looked up once per word form.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let nlp: ReturnType<typeof winkNLP> | undefined;
const cache = new Map<string, number>();

/** Prior polarity of one word in [-1, 1] (0 when wink's lexicon does not know it). */
export function wordPolarity(word: string): number {
  const key = word.toLowerCase();
  let value = cache.get(key);
  if (value === undefined) {
    nlp ??= winkNLP(model, ['sentiment']);
    value = nlp.readDoc(key).out(nlp.its.sentiment) as unknown as number;
    if (typeof value !== 'number' || Number.isNaN(value)) value = 0;
    cache.set(key, value);
  }
  return value;
}

/** Buckets by word as written ('' when neutral): the model asks up to six times per token. */
const buckets = new Map<string, string>();

/** Polarity as a feature bucket: `neg2`, `neg1`, `pos1`, `pos2`, or undefined when neutral. */
export function polarityBucket(word: string): string | undefined {
  let bucket = buckets.get(word);
  if (bucket === undefined) {
    const v = wordPolarity(word);
    bucket = v <= -0.5 ? 'neg2' : v < 0 ? 'neg1' : v >= 0.5 ? 'pos2' : v > 0 ? 'pos1' : '';
    buckets.set(word, bucket);
  }
  return bucket || undefined;
}
