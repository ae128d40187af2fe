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

/** `MadeEntries.categoryOf` for an entry this view did not make. */
const NOT_MADE = -2;
/** The category recorded for an entry retired without having been made here. */
const RETIRED_UNMADE = -1;

/**
 * What each entry this view made was made from (token category and its normal form's entry),
 * and whether it was retired (its text no longer leads to it, see `retire`). Typed arrays by id
 * above the model's own rather than a Map: they are asked once per hidden word of every document.
 */
class MadeEntries {
  /** Category + 2 (0: not made here). */
  private categories = new Int32Array(1 << 16);
  private norms = new Int32Array(1 << 16);
  private retiredFlags = new Uint8Array(1 << 16);

  constructor(private readonly intrinsic: number) {}

  /** The category `index` was made for, RETIRED_UNMADE, or NOT_MADE. */
  categoryOf(index: number): number {
    const at = index - this.intrinsic;
    return at >= 0 && at < this.categories.length ? this.categories[at] - 2 : NOT_MADE;
  }

  /** The normal form's entry recorded with `index` (only for entries made here). */
  normOf(index: number): number {
    return this.norms[index - this.intrinsic];
  }

  isRetired(index: number): boolean {
    const at = index - this.intrinsic;
    return at >= 0 && at < this.retiredFlags.length && this.retiredFlags[at] === 1;
  }

  record(index: number, category: number, norm: number): void {
    const at = this.slot(index);
    this.categories[at] = category + 2;
    this.norms[at] = norm;
    this.retiredFlags[at] = 0;
  }

  retire(index: number): void {
    if (this.categoryOf(index) === NOT_MADE) this.record(index, RETIRED_UNMADE, index);
    this.retiredFlags[this.slot(index)] = 1;
  }

  private slot(index: number): number {
    const at = index - this.intrinsic;
    if (at >= this.categories.length) {
      const size = Math.max(at + 1, 2 * this.categories.length);
      const grow = <T extends Int32Array | Uint8Array>(from: T, to: T) => (to.set(from), to);
      this.categories = grow(this.categories, new Int32Array(size));
      this.norms = grow(this.norms, new Int32Array(size));
      this.retiredFlags = grow(this.retiredFlags, new Uint8Array(size));
    }
    return at;
  }
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
  private readonly made: MadeEntries;
  /** By model entry: 1 when the lower-case form of its text is a model entry too, 2 when not, 0 not asked yet. */
  private readonly normIsModelEntry: Uint8Array;
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
    this.made = new MadeEntries(this.intrinsic);
    this.normIsModelEntry = new Uint8Array(this.intrinsic);
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
      // Most adds are the model's own words (punctuation split off a word): with its normal form
      // in the model too, wink's add would find both and add nothing, so its entry is the answer.
      if (index !== undefined && index < this.intrinsic && this.withModelNorm(index, text)) return index;
      if (this.hidden(index)) {
        if (this.reusable(index, category)) return index;
        this.retire(text);
      }
      const norm = text.toLowerCase();
      if (norm !== text && this.hidden(hash[norm]) && this.made.categoryOf(hash[norm]) !== category) this.retire(norm);
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
      if (added !== textBefore) this.made.record(added, category, normIndex);
      if (normIndex !== added && normIndex !== normBefore) this.made.record(normIndex, category, normIndex);
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
    if (this.made.categoryOf(index) !== category) return false;
    const normIndex = this.made.normOf(index);
    if (normIndex !== index) {
      if (this.made.isRetired(normIndex)) return false;
      if (this.hidden(normIndex) && this.made.categoryOf(normIndex) !== category) return false;
    }
    this.show(index);
    this.show(normIndex);
    return true;
  }

  /** Hides `text`'s entry for good, so that wink makes a new one. */
  private retire(text: string): void {
    const index = this.hash[text];
    delete this.hash[text];
    this.made.retire(index);
    this.hiddenText = undefined;
  }

  /**
   * Whether the lower-case form of model entry `index` (text `text`) is a model entry too. Asked
   * once per entry: model entries are never retired, and no later entry is a model entry.
   */
  private withModelNorm(index: number, text: string): boolean {
    let known = this.normIsModelEntry[index];
    if (known === 0) {
      const norm = text.toLowerCase();
      const normIndex = this.hash[norm];
      known = this.normIsModelEntry[index] = norm === text || (normIndex !== undefined && normIndex < this.intrinsic) ? 1 : 2;
    }
    return known === 1;
  }
}
