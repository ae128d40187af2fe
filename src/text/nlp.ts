/**
 * The one shared wink-nlp instance. Loading the model takes a few hundred milliseconds, so it
 * happens once per process, on first use. The pipe keeps only what the text layer reads:
 * sentence boundaries, negation scopes and POS tags (POS also drives lemmas); wink's own
 * NER/sentiment/custom-entity stages are skipped because nothing downstream reads them.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { IsolatedVocabulary, type WinkCache } from './isolated-vocabulary.js';
import { winkCache } from './wink-tokens.js';

/** wink annotation stages the text layer needs. */
export const NLP_PIPE = ['sbd', 'negation', 'pos'];

export type Nlp = ReturnType<typeof winkNLP>;

let instance: Nlp | undefined;
/** wink's lexeme table (value → index, and index → value), captured when the model loads. */
let lexeme: { hash: Record<string, number>; list: string[] } | undefined;

/** The shared wink-nlp instance (created on first call). */
export function getNlp(): Nlp {
  instance ??= winkNLP(
    {
      ...model,
      core: () => {
        const core = (model.core as () => { features: { lexeme: NonNullable<typeof lexeme> } })();
        lexeme = core.features.lexeme;
        return core;
      },
    },
    NLP_PIPE,
  );
  return instance;
}

let vocabulary: IsolatedVocabulary | null | undefined;

/** The per-document vocabulary view on the shared instance, or null when wink's cache is out of reach. */
function isolatedVocabulary(nlp: Nlp): IsolatedVocabulary | null {
  if (vocabulary === undefined) {
    const cache = winkCache(nlp.readDoc('a')) as Partial<WinkCache> | undefined;
    const usable = lexeme && typeof cache?.add === 'function' && typeof cache.lookup === 'function';
    vocabulary = usable ? new IsolatedVocabulary(cache as WinkCache, lexeme!.hash) : null;
  }
  return vocabulary;
}

/**
 * Reads one document so that its analysis does not depend on what was read before. wink adds
 * every out-of-vocabulary word to a vocabulary shared by all later documents, and its tokenizer
 * consults it (once "women's" was seen whole, it is no longer split into "women" + "'s"), so the
 * same article could be tokenized differently by one or two worker threads. The words of
 * earlier documents are hidden while this one is read (isolated-vocabulary.ts). `release()`
 * matters only where wink's cache is out of reach: there the words this document added are
 * dropped from the lookup table by hand (the list keeps them, so wink's parallel arrays stay
 * aligned), which makes every document add its unknown words again.
 */
export function readDocIsolated(text: string): { doc: ReturnType<Nlp['readDoc']>; release: () => void } {
  const nlp = getNlp();
  const view = isolatedVocabulary(nlp);
  if (view) return { doc: view.read(() => nlp.readDoc(text)), release: () => {} };
  const mark = lexeme?.list.length ?? 0;
  const doc = nlp.readDoc(text);
  return {
    doc,
    release() {
      if (!lexeme) return;
      const { hash, list } = lexeme;
      for (let i = mark; i < list.length; i++) if (hash[list[i]] === i) delete hash[list[i]];
    },
  };
}
