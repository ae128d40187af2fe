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
   * Two groups whose dated articles share no day merge only while their link (average cosine ×
   * date affinity) is at least this, not just the threshold: the first join of two days needs
   * stronger content than a join within a day (next-day coverage of one event usually links
   * well above it; the next roundup on a running story often only just above the threshold).
   * Default 0.3 — see cluster.ts. 0 (or anything at or under `threshold`) turns it off.
   */
  dateBridgeThreshold?: number;
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
  /**
   * After clustering, let each article left alone join the group it links to clearly best, and
   * two lone articles that clearly prefer each other pair up (see cluster.ts). Default false:
   * it suits corpora where every event has several articles (a roundup of left / center / right
   * coverage per story); where many events have a single article it attaches those to a
   * neighbouring event. Together with `dateSlackDays: 0` it is the setting for day-level events
   * (README, "Evaluation").
   */
  attachLoners?: boolean;
  /** With `attachLoners`: the link (average cosine × date affinity) to the preferred group must be at least this. Default 0.08. */
  attachMinScore?: number;
  /** With `attachLoners`: ... and at least this many times the link to the runner-up. Default 3. */
  attachRatio?: number;
}

/** All events options (the `events` key of `ctx.options`); similarity options shape the vectors and candidates. */
export type EventsOptions = GroupingOptions & SimilarityOptions;

export const GROUPING_DEFAULTS: Required<GroupingOptions> = {
  threshold: 0.18,
  dateWindowDays: 3,
  dateSlackDays: 1,
  dateDecayDays: 1,
  dateBridgeThreshold: 0.3,
  smoothNeighbors: 2,
  smoothWeight: 0.2,
  smoothMinScore: 0.1,
  attachLoners: false,
  attachMinScore: 0.08,
  attachRatio: 3,
};

/**
 * Options for day-level events, where each day's coverage of a story is its own event (news
 * roundups: the AllSides left / center / right leads of one day) and nearly every event has
 * several articles: next-day articles need stronger content to join (no one-day slack, which
 * already makes a join across days pay e per day, so the bridge threshold is off), and lone
 * articles join the group they clearly prefer. On the AllSides crawl B³ F1 0.885 → 0.904, its
 * dated leads 0.938 → 0.945; but the sample corpus, whose events run over two days, comes apart
 * (README, "Evaluation"). Not the default for that reason.
 */
export const DAY_LEVEL_EVENTS: GroupingOptions = { dateSlackDays: 0, dateBridgeThreshold: 0, attachLoners: true };

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

/**
 * Why an article is in its event: its most similar article in the same content group (raw
 * TF-IDF cosine of a candidate pair) and the terms that weigh most in that cosine. Grouping
 * itself links on smoothed vectors, dates and group averages (cluster.ts), so this is the
 * evidence a reader can check, not the exact merge that joined it.
 */
export interface EventLink {
  doc: string;
  score: number;
  shared: string[];
}

export interface EventsSummary {
  /** Final events (given ids where given, groups elsewhere), largest first. */
  events: EventGroup[];
  /** Article → final event id. */
  assignment: Record<string, string>;
  /** Article → id of the group found by content (ignoring given ids). */
  grouped: Record<string, string>;
  /** Article → its closest article in the same content group; absent for articles alone, or with no candidate pair in their group. */
  links: Record<string, EventLink>;
  /** B³ of the content grouping against the given ids, over articles that have one. */
  agreement?: { precision: number; recall: number; f1: number; items: number };
  /** Candidate pairs scored (the grouping never compares all pairs). */
  pairs: number;
}
