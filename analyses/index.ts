/**
 * The analysis registry: one line per analysis module. Order matters twice: `events` runs first
 * (its groups are the events every later summary is broken down by), and the report lists
 * sections in this order.
 */
import type { AnyAnalysis } from './types.js';
import { events } from './events/index.js';
import { terms } from './terms/index.js';
import { variants } from './variants/index.js';
import { loaded } from './loaded/index.js';
import { attribution } from './attribution/index.js';
import { similarityAnalysis } from './similarity/index.js';
import { reuse } from './reuse/index.js';

export const ANALYSES = {
  // analyses: one line each, e.g. `terms,` after `import { terms } from './terms/index.js';`
  events,
  terms,
  variants,
  loaded,
  attribution,
  similarity: similarityAnalysis,
  reuse,
} satisfies Record<string, AnyAnalysis>;

export type AnalysisId = keyof typeof ANALYSES;

export const ANALYSIS_IDS = Object.keys(ANALYSES) as AnalysisId[];

export type { Analysis, AnyAnalysis, AnalysisContext, CorpusIndex, DocMeta, Highlight, Section } from './types.js';
