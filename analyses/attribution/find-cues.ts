/**
 * Step 1 of extraction: cue spans. Tokens the classifier scores at or above the threshold are
 * grouped into spans (consecutive tokens of one sentence; a single weaker word may bridge two
 * strong ones, as in "said in a statement"). Each span keeps its head lemma and the reason.
 */
import { isDash, RULE_MARK, type FeatureToken } from './cue-features.js';
import { scoreTokens, type CueModel, type TokenScores } from './cue-model.js';
import { anonymityAt, purposeOfAnonymity } from './anonymity.js';

/** A cue found in a document, as a token range. */
export interface CueCandidate {
  tokenStart: number;
  tokenEnd: number;
  /** Lemma of the head word (first verb, else first word). */
  head: number;
  /** Mean probability over the span. */
  p: number;
  reason: string;
  /** The features behind the head's score ("w=say (+0.47), …"), written only for cues that are kept. */
  explain?: () => string;
}

/** Largest gap (in tokens) between two cue tokens that still joins them into one span. */
const BRIDGE = 1;

export function findCues(
  model: CueModel,
  tokens: readonly FeatureToken[],
  text: string,
  threshold = model.threshold,
  cueWords?: ReadonlySet<string>,
): { cues: CueCandidate[]; scores: TokenScores } {
  const scores = scoreTokens(model, tokens, text, cueWords);
  const { p } = scores;
  const cues: CueCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (p[i] < threshold) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      if (end < tokens.length && tokens[end].sentence === tokens[i].sentence && p[end] >= threshold) {
        end++;
        continue;
      }
      const bridged = end + BRIDGE;
      if (
        bridged < tokens.length &&
        tokens[bridged].sentence === tokens[i].sentence &&
        p[bridged] >= threshold &&
        tokens[end].pos !== 'PUNCT'
      ) {
        end = bridged + 1;
        continue;
      }
      break;
    }
    // A trailing adverb ("quoted as saying afterwards") is a modifier, not part of the cue.
    let last = end;
    while (last - 1 > i && tokens[last - 1].pos === 'ADV') last--;
    const from = relativeClauseEnd(tokens, i, last);
    const cut = beforeAnonymity(tokens, text, from, last);
    // "who declined to be named", "speaking on condition of anonymity (to discuss …)": a note on the source, no report;
    // nor what is left of a cue before such a note without its verb ("also declined to be identified")
    const anonymity = anonymityAt(text, tokens[from].start) || purposeOfAnonymity(text, tokens[from].start) || (cut < last && !hasVerb(tokens, from, cut));
    last = cut;
    if (hasContentWord(tokens, from, last) && !anonymity) cues.push(candidate(tokens, scores, from, last));
    i = end;
  }
  return { cues: addRuleCues(cues, tokens, text, scores.ctx.forms), scores };
}

const RELATIVE = /^(?:who|which|that)$/i;
const OBJECT_POS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/**
 * Where the main clause's cue starts in the span `[start, end)` when the span runs from the verb
 * of a relative clause over its object into the main verb: in "A man who answered the phone said
 * 'no comment'" the classifier's strong tokens "answered the phone said" join, but the cue is
 * "said" and "a man who answered the phone" its source. Returns `start` for every other span
 * ("said in a statement", "was quoted as saying"). Splitting every verb–noun–verb span instead
 * (also "the call said" after "who took") cost cue recall on PolNeAR (train F1 0.828 → 0.827).
 */
function relativeClauseEnd(tokens: readonly FeatureToken[], start: number, end: number): number {
  if (start === 0 || !RELATIVE.test(tokens[start - 1].text) || tokens[start].pos !== 'VERB') return start;
  let object = false;
  for (let k = start + 1; k < end; k++) {
    if (OBJECT_POS.has(tokens[k].pos)) object = true;
    else if (object && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX')) return k;
  }
  return start;
}

/** End of the cue `[start, end)` before a phrase of anonymity inside it: "said on condition of anonymity" → "said". */
function beforeAnonymity(tokens: readonly FeatureToken[], text: string, start: number, end: number): number {
  for (let k = start + 1; k < end; k++) if (anonymityAt(text, tokens[k].start)) return k;
  return end;
}

function hasVerb(tokens: readonly FeatureToken[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (tokens[k].pos === 'VERB') return true;
  return false;
}

/** Spans of auxiliaries, prepositions or determiners alone ("has", "about") are fragments, not cues. */
const FUNCTION_POS = new Set(['AUX', 'ADP', 'DET', 'PART', 'PRON', 'CCONJ', 'SCONJ', 'PUNCT']);
function hasContentWord(tokens: readonly FeatureToken[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!FUNCTION_POS.has(tokens[k].pos) || tokens[k].text === ':') return true;
  return false;
}

/**
 * A colon ending its paragraph, the next one opening with a quote ("Transcript as follows:" /
 * "“…"). On PolNeAR train the rule, when any quote after a colon counted, was right 4 times in
 * 22, each time with the quote opening the next paragraph ("…where they live: “Surge in …”"
 * names a headline, not a speaker).
 */
const QUOTE_PARAGRAPH = /^[ \t]*\n\s*["“'‘«]/;
/** A line that starts with a speaker's name and a colon ("TAPPER:", "Jeb Bush:", "Q:"). */
const SPEAKER_LABEL = /^(?:[A-Z][A-Za-z.'’-]*)(?: [A-Z][A-Za-z.'’-]*){0,3}$/;

/**
 * Rule cues the classifier rarely sees: a colon after a speaker label opening a line
 * ("TAPPER: …"), a colon that introduces a quote with no cue before it in the sentence
 * ("… as terrorism: “…”"), and a dash before a name that signs a quote or tweet
 * ("… — Paul Ryan", a paragraph "- Sanders.").
 */
function addRuleCues(cues: CueCandidate[], tokens: readonly FeatureToken[], text: string, forms: Int32Array): CueCandidate[] {
  const taken = new Set<number>();
  for (const c of cues) for (let k = c.tokenStart; k < c.tokenEnd; k++) taken.add(k);
  const added: CueCandidate[] = [];
  // Every rule starts at a colon or a dash: one pass over the tokens' form facts (featureContext's)
  // finds those, the rules read only them.
  const marks: number[] = [];
  for (let k = 1; k < tokens.length; k++) if (forms[k] & RULE_MARK) marks.push(k);
  const labels = speakerLabels(tokens, text, marks);
  for (const k of marks) {
    if (k === tokens.length - 1 || taken.has(k)) continue;
    const t = tokens[k];
    const next = tokens[k + 1];
    if (t.text === ':' && labels.has(k)) {
      added.push(rule(k, 'speaker label in a transcript'));
    } else if (t.text === ':' && headlineSpeaker(text, t.start)) {
      added.push(rule(k, 'speaker label of a headline'));
    } else if (t.text === ':' && QUOTE_PARAGRAPH.test(text.slice(t.end, t.end + 8))) {
      const clauseHasCue = cues.some((c) => tokens[c.tokenStart].sentence === t.sentence && c.tokenEnd <= k);
      if (!clauseHasCue && tokens[k - 1].pos !== 'PUNCT') added.push(rule(k, 'colon introducing a quote'));
    } else if (isDash(t.text) && next.pos === 'PROPN' && signsOff(tokens, text, k)) {
      added.push(rule(k, 'dash before a name signing a quote'));
    }
  }
  return added.length ? [...cues, ...added].sort((a, b) => a.tokenStart - b.tokenStart) : cues;
}

/** "Name: what they said" as the first line (the title); "The Latest:" and the like are not speakers. */
function headlineSpeaker(text: string, colon: number): boolean {
  const label = text.slice(0, colon);
  return !label.includes('\n') && text[colon + 1] === ' ' && SPEAKER_LABEL.test(label) && !NOT_SPEAKERS.test(label) && !/^the\b/i.test(label);
}

/**
 * A signing dash follows a sentence end or quote with a space ("….” — Paul Ryan", not
 * "U.S.-Mexico") and the name after it ends its line or sentence with no verb (not a
 * dateline "WASHINGTON — Gov. X said …").
 */
function signsOff(tokens: readonly FeatureToken[], text: string, k: number): boolean {
  const t = tokens[k];
  // An embedded tweet signs off "— Name (@handle) date" after any text (a link, a hashtag).
  if (/^\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} \(@\w+\)/.test(text.slice(t.end, t.end + 80))) return true;
  if (!/[.!?"”’)]\s+$/.test(text.slice(Math.max(0, t.start - 3), t.start))) return false;
  for (let j = k + 1; j < tokens.length && j <= k + 6; j++) {
    if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') return false;
    if (/^[.!?]$/.test(tokens[j].text) || /\n|^\s*</.test(text.slice(tokens[j].end, tokens[j].end + 2)) || j === tokens.length - 1) return true;
  }
  return false;
}

/**
 * Colons of transcript speaker labels: a line starting "NAME: text" counts when the document
 * has a transcript shape — the same label twice ("Q:" … "Q:") or three labelled lines.
 * `marks`: the indexes of the colon and dash tokens, in order.
 */
function speakerLabels(tokens: readonly FeatureToken[], text: string, marks: readonly number[]): Set<number> {
  const byLabel = new Map<string, number[]>();
  for (const k of marks) {
    const t = tokens[k];
    if (t.text !== ':' || !/^ \S/.test(text.slice(t.end, t.end + 2))) continue;
    const label = text.slice(text.lastIndexOf('\n', t.start) + 1, t.start);
    if (!SPEAKER_LABEL.test(label) || NOT_SPEAKERS.test(label) || !SPOKEN_LINE.test(lineAfter(text, t.end))) continue;
    byLabel.set(label, [...(byLabel.get(label) ?? []), k]);
  }
  const lines = [...byLabel.values()].reduce((n, ks) => n + ks.length, 0);
  return new Set([...byLabel.values()].filter((ks) => ks.length >= 2 || lines >= 3).flat());
}
/** What a speaker says has a lower-case word; tallies ("Clinton: 1,769.") and name lists ("Iowa: Tim Albrecht, …") have none. */
const SPOKEN_LINE = /\b\p{Ll}{2,}/u;
const lineAfter = (text: string, from: number) => {
  const end = text.indexOf('\n', from);
  return text.slice(from, end < 0 ? text.length : end);
};
const NOT_SPEAKERS = /^(?:editor|note|update|updated|online|previously|related|from|source|sources|photo|video|watch|read|see|via|correction|disclosure|contact|also)\b/i;

const rule = (k: number, reason: string): CueCandidate => ({ tokenStart: k, tokenEnd: k + 1, head: k, p: 1, reason: `rule: ${reason}` });

function candidate(tokens: readonly FeatureToken[], scores: TokenScores, start: number, end: number): CueCandidate {
  let head = -1;
  for (let k = start; k < end && head < 0; k++) if (tokens[k].pos === 'VERB') head = k;
  for (let k = start; k < end && head < 0; k++) if (tokens[k].pos !== 'PUNCT' && tokens[k].pos !== 'AUX') head = k;
  if (head < 0) head = start;
  let sum = 0;
  for (let k = start; k < end; k++) sum += scores.p[k];
  const p = sum / (end - start);
  return { tokenStart: start, tokenEnd: end, head, p, reason: `cue classifier p=${p.toFixed(2)}`, explain: () => scores.explain(head).join(', ') };
}
