/**
 * Types and defaults of event grouping. Thresholds were chosen once on development slices of
 * ECB+ and the AllSides roundups (see cluster.ts) and are meant to work on unseen corpora as is.
 */
import type { SimilarityOptions } from '../similarity/types.js';

export interface GroupingOptions {
  /**
   * Two groups merge while the mean cosine between their articles (average link) is at least
   * this (on the neighbour-smoothed vectors, see smooth.ts). Default 0.18 — see cluster.ts for how
   * it was chosen.
   */
  threshold?: number;
  /**
   * Articles whose dates are both known and further apart than this many days are never linked
   * directly. Default 3. Articles without dates are linked on content alone.
   */
  dateWindowDays?: number;
  /** Dated articles up to this many days apart link on content alone. Default 1 (a story and next-day coverage). */
  dateSlackDays?: number;
  /**
   * Beyond the slack, a link shrinks by a factor e per this many days (a follow-up two days later
   * must be e times as similar to join). Default 1; `Infinity` keeps only the hard window.
   */
  dateDecayDays?: number;
  /**
   * Nearest candidates (inside the date window) whose vectors each article's vector takes in
   * before clustering, so stories that word one event differently meet through shared
   * neighbours. Default 2; 0 clusters the raw TF-IDF vectors. See smooth.ts.
   */
  smoothNeighbors?: number;
  /** Weight of the neighbours' similarity-weighted mean vector against the article's own (1). Default 0.2. */
  smoothWeight?: number;
  /**
   * Only neighbours at least this similar (raw cosine) are mixed in: an article whose own event
   * has no other article in the corpus then stays as it is instead of taking in another event's
   * words. Default 0.1.
   */
  smoothMinScore?: number;
}

/** All events options (the `events` key of `ctx.options`); similarity options shape the vectors and candidates. */
export type EventsOptions = GroupingOptions & SimilarityOptions;

export const GROUPING_DEFAULTS: Required<GroupingOptions> = {
  threshold: 0.18,
  dateWindowDays: 3,
  dateSlackDays: 1,
  dateDecayDays: 1,
  smoothNeighbors: 2,
  smoothWeight: 0.2,
  smoothMinScore: 0.1,
};

/** One event of the corpus. */
export interface EventGroup {
  id: string;
  /** Human label: the headline of the most central article, else the distinctive terms. */
  label: string;
  /** Most distinctive terms (highest mean TF-IDF weight; names as written). */
  terms: string[];
  size: number;
  docs: string[];
  /** Outlets covering it, corpus order. */
  outlets: string[];
  /** Earliest and latest known date (ISO, as given). */
  firstDate?: string;
  lastDate?: string;
  /** True when the event id came from the input. */
  given: boolean;
}

export interface EventsSummary {
  /** Final events (given ids where given, groups elsewhere), largest first. */
  events: EventGroup[];
  /** Article → final event id. */
  assignment: Record<string, string>;
  /** Article → id of the group found by content (ignoring given ids). */
  grouped: Record<string, string>;
  /** B³ of the content grouping against the given ids, over articles that have one. */
  agreement?: { precision: number; recall: number; f1: number; items: number };
  /** Candidate pairs scored (the grouping never compares all pairs). */
  pairs: number;
}
