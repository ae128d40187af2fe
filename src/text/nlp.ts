/**
 * The one shared wink-nlp instance. Loading the model takes a few hundred milliseconds, so it
 * happens once per process, on first use. The pipe keeps only what the text layer reads:
 * sentence boundaries, negation scopes and POS tags (POS also drives lemmas); wink's own
 * NER/sentiment/custom-entity stages are skipped because nothing downstream reads them.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** wink annotation stages the text layer needs. */
export const NLP_PIPE = ['sbd', 'negation', 'pos'];

export type Nlp = ReturnType<typeof winkNLP>;

let instance: Nlp | undefined;

/** The shared wink-nlp instance (created on first call). */
export function getNlp(): Nlp {
  instance ??= winkNLP(model, NLP_PIPE);
  return instance;
}
