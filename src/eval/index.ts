/** The evaluation registry: one line per evaluation module. */
import type { Evaluation } from './types.js';
import { eventsEval } from './events.js';
import { loadedEval } from './loaded.js';
import { attributionEval } from './attribution.js';

export const EVALUATIONS: Record<string, Evaluation> = {
  // evaluations: one line each, e.g. `loaded: loadedEval,`
  events: eventsEval,
  loaded: loadedEval,
  attribution: attributionEval,
};

export type { Evaluation, EvalOptions, EvalResult } from './types.js';
