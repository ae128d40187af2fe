/**
 * Types of the loaded-language analysis: the markers found in one article (perDoc), the
 * per-outlet / per-event aggregates (summarize) and the options. Plain JSON throughout, so
 * per-article results can be cached and summaries merged.
 */

/** What a marker is. Lexicon categories, `loaded` for words found by the learned model, `quote` for quote classes. */
export type LoadedCategory = 'label' | 'euphemism' | 'hedge' | 'intensifier' | 'report-verb' | 'loaded' | 'quote';

/** Categories that come from lexicons (the learned model adds `loaded`). */
export const LEXICON_CATEGORIES = ['label', 'euphemism', 'hedge', 'intensifier', 'report-verb'] as const;
export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number];

/** Every marker category in report order. */
export const MARKER_CATEGORIES: LoadedCategory[] = ['label', 'euphemism', 'hedge', 'intensifier', 'report-verb', 'loaded', 'quote'];

/**
 * How a quotation is used: `direct` (a whole utterance with a speaker), `partial` (a few words
 * lifted from an attributed speaker), `scare` (the writer's own distancing, no speaker),
 * `title` (a name, title, operation, slogan).
 */
export type QuoteClass = 'direct' | 'partial' | 'scare' | 'title';
export const QUOTE_CLASSES: QuoteClass[] = ['direct', 'partial', 'scare', 'title'];

/** Whose words a marker is in: a quoted speaker's (direct/partial quote) or the outlet's own voice. */
export type Voice = 'quoted' | 'own';

/** One flagged span in an article. */
export interface LoadedMarker {
  start: number;
  end: number;
  text: string;
  category: LoadedCategory;
  /** Lexicon subcategory (`delegitimizing`, `doubting` …), the quote class for quotes, `learned` for model finds. */
  subcategory?: string;
  /** Key for top-item counts: a lexicon hit's entry term, a learned phrase's words in lower case (detect.ts phraseKey), a quote's text. */
  key: string;
  /** Class of the quote the marker sits in (for `quote` markers: its own class). */
  quoteClass?: QuoteClass;
  voice: Voice;
  /** Index into LoadedDoc.sentences. */
  sentence: number;
  /** Model probability (learned markers) or 1 for lexicon and quote markers. */
  score: number;
  /**
   * Whether the learned model flags these words (absent when the model is off). Lexicon hits the
   * model does not flag stay markers (they are in the lexicon) but are not scored as loaded wording.
   */
  learned?: boolean;
  /** Why it was flagged, in words. */
  reason: string;
}

/** A sentence kept for examples (text capped). */
export interface KeptSentence {
  start: number;
  end: number;
  text: string;
}

/** perDoc result. */
export interface LoadedDoc {
  words: number;
  markers: LoadedMarker[];
  /** Sentences that hold markers, referenced by LoadedMarker.sentence. */
  sentences: KeptSentence[];
}

/** Counts of one group (outlet or event). */
export interface GroupStats {
  docs: number;
  words: number;
  /** Marker counts by category (quotes by `quote:<class>`). */
  counts: Record<string, number>;
  /** Rate per 1,000 words by category key. */
  rates: Record<string, number>;
  /** Of each category's markers, how many were inside quoted speech. */
  quoted: Record<string, number>;
  /** Most frequent items per category: [key, count]. */
  top: Record<string, Array<[string, number]>>;
}

/** An example marker with its sentence, for report tables. */
export interface LoadedExample {
  doc: string;
  outlet: string;
  event?: string;
  start: number;
  end: number;
  text: string;
  category: LoadedCategory;
  subcategory?: string;
  quoteClass?: QuoteClass;
  voice: Voice;
  reason: string;
  sentence: KeptSentence;
}

/** summarize result. */
export interface LoadedSummary {
  /** Category keys in display order (`label` … `loaded`, then `quote:direct` …). */
  keys: string[];
  outlets: string[];
  byOutlet: Record<string, GroupStats>;
  /** Per event × outlet, for the DETAILED_EVENTS largest events (analyses/types.ts). */
  byEvent: Record<string, Record<string, GroupStats>>;
  examples: LoadedExample[];
}

/** Options (`ctx.options.loaded`). */
export interface LoadedOptions {
  /** Minimum model probability for a learned marker. Default: the threshold stored in the weights file. */
  threshold?: number;
  /** Turn the learned model off (lexicons and quote classes only). Default false. */
  noModel?: boolean;
  /** Longest sentence text kept for examples, in characters. Default 400. */
  maxSentenceChars?: number;
  /** Examples kept per outlet and category in the summary. Default 5. */
  examplesPerGroup?: number;
}

/**
 * Marker categories that count as loaded wording when scoring against annotated data (PTC, BABE);
 * with the model on, only markers it flags (`learned`) count.
 */
export const SCORED_CATEGORIES: LoadedCategory[] = ['label', 'euphemism', 'intensifier', 'loaded'];
