/**
 * A per-document view of wink's vocabulary, so that reading a document does not depend on what
 * was read before (nlp.ts, readDocIsolated).
 *
 * wink adds every out-of-vocabulary word to one lexicon shared by all later documents, and its
 * tokenizer consults it: once "women's" was seen whole it is no longer split into "women" + "'s".
 * So the same article could be tokenized differently by one or by two worker threads. While a
 * document is read here, words that earlier documents added are hidden from the tokenizer's
 * lookups; when the document adds one of them again, wink's existing entry is handed back instead
 * of a new one. An entry's features are a function of its text and token category only, so it is
 * reused only for the same category (and the same normal-form entry); otherwise it is hidden for
 * good and wink makes a fresh one. Result: the same tokens as a wink that never saw another
 * document, with the lexicon growing by distinct words, not by every word of every document (an
 * earlier version re-added them per document: 1 in 8 readDoc cycles went to that, and the
 * lexicon grew without bound).
 *
 * It works on wink's cache object (`add`, `lookup`), reached through the raw document data
 * (wink-tokens.ts); when that is out of reach the caller falls back to hiding new words by hand.
 */

/** The part of wink's lexicon cache used here (wink-nlp/src/cache.js). */
export interface WinkCache {
  add(text: string, category: number): number;
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
}

/** What an entry this view made was made from: token category and its normal form's entry. */
interface Made {
  category: number;
  norm: number;
  /** Its text no longer leads to it (hidden for good, see `retire`). */
  retired: boolean;
}

export class IsolatedVocabulary {
  /**
   * Entries added by wink after its model loaded that the current document may see: those whose
   * stamp (by id above the model's own) is the current document's number.
   */
  private stamps = new Int32Array(1 << 16);
  private documentNumber = 0;
  /** Entries below this id are the model's own, always visible. */
  private readonly intrinsic: number;
  private readonly made = new Map<number, Made>();
  private active = false;
  /** The last word `lookup` hid, and its entry: wink adds that very word next, most of the time. */
  private hiddenText: string | undefined;
  private hiddenIndex = -1;

  /**
   * @param cache wink's cache methods object; its `add` and `lookup` are replaced (they behave as
   *   before outside `read`).
   * @param hash wink's lexeme hash (text → entry id), the one `cache.lookup` reads.
   */
  constructor(cache: WinkCache, private readonly hash: Record<string, number>) {
    this.intrinsic = cache.intrinsicSize();
    const lookup = cache.lookup;
    const add = cache.add;
    // wink answers [id] for a plain word (longer arrays are the model's own contractions): one
    // hash probe, not two, as looking up unknown strings is most of what lookup costs
    cache.lookup = (text) => {
      const found = lookup(text);
      if (!this.active || found === null || found.length !== 1 || !this.hidden(found[0])) return found;
      this.hiddenText = text;
      this.hiddenIndex = found[0];
      return null;
    };
    cache.add = (text, category) => {
      if (!this.active) return add(text, category);
      const index = text === this.hiddenText ? this.hiddenIndex : hash[text];
      if (this.hidden(index)) {
        if (this.reusable(index, category)) return index;
        this.retire(text);
      }
      const norm = text.toLowerCase();
      if (norm !== text && this.hidden(hash[norm]) && this.made.get(hash[norm])?.category !== category) this.retire(norm);
      const textBefore = hash[text];
      const normBefore = hash[norm];
      // wink's own feature code looks up the normal form it has just added: no hiding inside add
      this.active = false;
      let added: number;
      try {
        added = add(text, category);
      } finally {
        this.active = true;
      }
      const normIndex = hash[norm];
      if (added !== textBefore) this.made.set(added, { category, norm: normIndex, retired: false });
      if (normIndex !== added && normIndex !== normBefore) this.made.set(normIndex, { category, norm: normIndex, retired: false });
      this.show(added);
      this.show(normIndex);
      return added;
    };
  }

  /** `fn` (one wink readDoc) with the words of earlier documents hidden. */
  read<T>(fn: () => T): T {
    this.documentNumber++;
    this.active = true;
    try {
      return fn();
    } finally {
      this.active = false;
      this.hiddenText = undefined;
      this.documentNumber++;
    }
  }

  /** An entry an earlier document added, which this one has not added again (yet). */
  private hidden(index: number | undefined): index is number {
    if (index === undefined || index < this.intrinsic) return false;
    const at = index - this.intrinsic;
    return at >= this.stamps.length || this.stamps[at] !== this.documentNumber;
  }

  private show(index: number): void {
    const at = index - this.intrinsic;
    if (at < 0) return;
    if (at >= this.stamps.length) {
      const grown = new Int32Array(Math.max(at + 1, 2 * this.stamps.length));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    this.stamps[at] = this.documentNumber;
  }

  /**
   * Whether the hidden entry `index` is what wink would make now for its text and `category`
   * (then it becomes visible, with its normal form's entry). Its normal form's entry is still the
   * one the text's hash leads to unless it was retired: only `retire` ever removes a hash key.
   */
  private reusable(index: number, category: number): boolean {
    const made = this.made.get(index);
    if (made === undefined || made.category !== category) return false;
    const normIndex = made.norm;
    if (normIndex !== index) {
      const norm = this.made.get(normIndex);
      if (norm?.retired) return false;
      if (this.hidden(normIndex) && norm?.category !== category) return false;
    }
    this.show(index);
    this.show(normIndex);
    return true;
  }

  /** Hides `text`'s entry for good, so that wink makes a new one. */
  private retire(text: string): void {
    const index = this.hash[text];
    delete this.hash[text];
    const made = this.made.get(index);
    if (made) made.retired = true;
    else this.made.set(index, { category: -1, norm: index, retired: true });
    this.hiddenText = undefined;
  }
}
