/**
 * Types of the attribution analysis: one `Attribution` per reported statement or belief
 * (source, cue, content), the compact per-article result and the per-outlet / per-event summary.
 * Flow: AnalyzedDoc → extract.ts → AttributionDoc (perDoc) → summarize.ts → AttributionSummary.
 */
import type { Span } from '../../src/corpus/article.js';

/** How the words reach the reader. */
export type AttributionKind =
  /** Quoted words with their speaker ("'…,' Macron said"). */
  | 'direct'
  /** Reported speech or belief without quote marks ("Lavrov said that …"). */
  | 'indirect'
  /** Reported speech carrying a partial quote ("… at an 'advanced stage'"). */
  | 'mixed'
  /** "according to X", "citing X", "X was quoted as saying". */
  | 'according-to';

/** Who the source is. */
export type SourceType = 'person' | 'organization' | 'media' | 'anonymous' | 'document' | 'unknown';

/** Stance the reporting verb lends to the content (shared with the loaded-language lexicon). */
export type Stance = 'neutral' | 'doubting' | 'conceding' | 'emphatic';

/** One step of source resolution, kept as evidence ("he" → "Lavrov" → "Sergey Lavrov"). */
export interface ResolutionStep {
  text: string;
  start: number;
  end: number;
  /** Why this step was taken ("pronoun → nearest person subject"). */
  rule: string;
}

export interface Attribution {
  /** Who speaks or believes; null for agentless attributions ("it was reported"). */
  source: Span | null;
  /** The reporting expression ("said", "according to", "was quoted as saying"). */
  cue: Span;
  /** What is attributed; null when it could not be delimited. */
  content: Span | null;
  kind: AttributionKind;
  sourceType: SourceType;
  /** Canonical name of the source after resolution (alias key), or the source text itself. */
  resolved: string | null;
  /** Resolution chain from the source span to the named mention it refers to. */
  chain: ResolutionStep[];
  /** Lemma of the cue's head ("say", "accord", "admit"). */
  verb: string;
  stance: Stance;
  /** Why this is an attribution: the rule name or the top features of the cue classifier. */
  reason: string;
  /** Words in the content (quoted words for direct/mixed). */
  words: number;
  /** Words inside quote marks in the content. */
  quotedWords: number;
}

/** The per-article result kept by the pipeline (no article text beyond the spans). */
export interface AttributionDoc {
  attributions: Attribution[];
}

/** Counts for one group (an outlet, or an outlet within an event). */
export interface SourcingProfile {
  attributions: number;
  /** Attributions per kind. */
  kinds: Record<AttributionKind, number>;
  /** Attributions per source type. */
  sourceTypes: Record<SourceType, number>;
  /** Attributions per cue stance. */
  stances: Record<Stance, number>;
  /** Share of attributions whose source is anonymous or vague. */
  anonymousShare: number;
  /** Share of attributions in direct or mixed speech. */
  directShare: number;
  /** Top sources by quoted words (then attributions). */
  topSources: SourceCount[];
  /** Most frequent cue verbs. */
  topVerbs: Array<{ verb: string; stance: Stance; count: number }>;
}

export interface SourceCount {
  source: string;
  sourceType: SourceType;
  attributions: number;
  quotedWords: number;
  /** Share of the group's quoted words (0 when the group has none). */
  quotedShare: number;
  /** First example: doc id and cue span, so reports can link to evidence. */
  example: { doc: string; start: number; end: number };
}

export interface EventSourcing {
  event: string;
  byOutlet: Record<string, SourcingProfile>;
  /** Sources quoted by one outlet and by no other outlet covering the same event. */
  exclusive: Array<{ outlet: string; source: string; sourceType: SourceType; attributions: number; otherOutlets: string[] }>;
}

export interface AttributionSummary {
  byOutlet: Record<string, SourcingProfile>;
  byEvent: Record<string, EventSourcing>;
  total: number;
}

/** Options of the attribution analysis (`options.attribution`). */
export interface AttributionOptions {
  /** Probability above which a token is taken as part of a cue. Default: the model's tuned threshold. */
  threshold?: number;
  /** Sources listed per group in profiles. Default 10. */
  topSources?: number;
  /**
   * Per-event profiles for every event, not only the DETAILED_EVENTS largest (analyses/types.ts);
   * `framelens sources --by event` asks for them all. Default false.
   */
  allEvents?: boolean;
}
