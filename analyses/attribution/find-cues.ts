/**
 * Step 1 of extraction: cue spans. Tokens the classifier scores at or above the threshold are
 * grouped into spans (consecutive tokens of one sentence; a single weaker word may bridge two
 * strong ones, as in "said in a statement"). Each span keeps its head lemma and the reason.
 */
import type { FeatureToken } from './cue-features.js';
import { scoreTokens, type CueModel, type TokenScore } from './cue-model.js';
import type { FeatureContext } from './cue-features.js';

/** A cue found in a document, as a token range. */
export interface CueCandidate {
  tokenStart: number;
  tokenEnd: number;
  /** Lemma of the head word (first verb, else first word). */
  head: number;
  /** Mean probability over the span. */
  p: number;
  reason: string;
}

/** Largest gap (in tokens) between two cue tokens that still joins them into one span. */
const BRIDGE = 1;

export function findCues(
  model: CueModel,
  tokens: readonly FeatureToken[],
  text: string,
  threshold = model.threshold,
): { cues: CueCandidate[]; ctx: FeatureContext; scores: TokenScore[] } {
  const { ctx, scores } = scoreTokens(model, tokens, text);
  const cues: CueCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (scores[i].p < threshold) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      if (end < tokens.length && tokens[end].sentence === tokens[i].sentence && scores[end].p >= threshold) {
        end++;
        continue;
      }
      const bridged = end + BRIDGE;
      if (
        bridged < tokens.length &&
        tokens[bridged].sentence === tokens[i].sentence &&
        scores[bridged].p >= threshold &&
        tokens[end].pos !== 'PUNCT'
      ) {
        end = bridged + 1;
        continue;
      }
      break;
    }
    cues.push(candidate(tokens, scores, i, end));
    i = end;
  }
  return { cues, ctx, scores };
}

function candidate(tokens: readonly FeatureToken[], scores: TokenScore[], start: number, end: number): CueCandidate {
  let head = -1;
  for (let k = start; k < end && head < 0; k++) if (tokens[k].pos === 'VERB') head = k;
  for (let k = start; k < end && head < 0; k++) if (tokens[k].pos !== 'PUNCT' && tokens[k].pos !== 'AUX') head = k;
  if (head < 0) head = start;
  let sum = 0;
  for (let k = start; k < end; k++) sum += scores[k].p;
  const p = sum / (end - start);
  return { tokenStart: start, tokenEnd: end, head, p, reason: `cue classifier p=${p.toFixed(2)}: ${scores[head].top.join(', ')}` };
}
