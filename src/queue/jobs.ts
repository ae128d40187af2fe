/**
 * What travels through Redis between the coordinator and the workers: the job payload (a batch
 * of articles with their content-hash keys and the run context), the deterministic job ids that
 * make enqueueing idempotent, and the keys results are stored under.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../corpus/article.js';
import type { AnalysisContext } from '../../analyses/types.js';

/** An extra lexicon file shipped by value, since workers on other machines cannot read the coordinator's disk. */
export interface ShippedLexicon {
  /** File name (no folder), kept so messages about the lexicon stay recognisable; the path as given when unreadable. */
  name: string;
  /** File text, or null when the coordinator could not read it. */
  content: string | null;
}

/** Payload of one BullMQ job. */
export interface BatchJobData {
  articles: Article[];
  /** Content-hash key of each article (src/pipeline/cache.ts articleKey), same order. */
  keys: string[];
  /** Analysis ids to run, in registry order. */
  analyses: string[];
  /** The run context with `lexiconFiles` empty: workers fill it from `lexicons`. */
  context: AnalysisContext;
  lexicons: ShippedLexicon[];
}

/** What a worker returns for a job (kept small: the results themselves live under their keys). */
export interface BatchJobResult {
  analyzed: number;
  reused: number;
}

/**
 * Results live outside the queue's own keys, so every queue and run on one Redis shares them.
 * `line:` (result lines) rather than the JSON objects older versions stored under `result:`.
 */
export const RESULT_PREFIX = 'framelens:line:';

export function resultKey(key: string): string {
  return RESULT_PREFIX + key;
}

/** Job id of a batch: the same articles under the same context always get the same id. */
export function batchJobId(keys: readonly string[]): string {
  if (keys.length === 1) return `a-${keys[0]}`;
  return `b-${createHash('sha1').update(keys.join(',')).digest('hex')}`;
}

/** BullMQ job name (shown in dashboards). */
export const JOB_NAME = 'analyze';
