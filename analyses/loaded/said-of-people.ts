/**
 * Whether a label with an everyday literal sense is said of people. Lexicon entries marked
 * `"people": true` ("animal", "rat", "monster", "swarm") dehumanize only when they name people;
 * in news they mostly name animals, pests, storms, films or surnames (on 3,000
 * article-bias-prediction articles, 9 in 10 of their hits: "wild animals", "rat infestations",
 * "the Daily Beast", "Dr. Savage", "a monster storm", "police swarmed"). detect.ts keeps such a hit
 * only with a sign that people are meant:
 *   - predicated or compared: "they are animals", "is a monster who", "treated like animals",
 *     "referred to them as savages", "called the strikers rats", "you animals";
 *   - followed by "who", or by "of" + people ("hordes of migrants", people.json);
 *   - "human" among its modifiers ("barely human monsters");
 *   - a demonstrative inside quoted speech ("these animals", said of someone).
 * And never when it is a name (capitalised mid-sentence, all capitals), a verb or adjective
 * ("swarmed", "savage cuts"), or the modifier of a following noun ("animal markets", "rat race",
 * "animal-to-human").
 * Sits between the lexicon matcher (lexicons.ts) and the markers (detect.ts).
 */
import type { AnalyzedDoc, Token } from '../../src/text/types.js';
import type { LexiconHit } from './lexicons.js';

/** Words before the label that say it is predicated of, or likened to, someone. */
const PREDICATING = new Set(['be', 'like', 'call', 'brand', 'label', 'dub', 'as', 'you']);
/** Verbs that name their object with the label: "called them vermin". */
const NAMING_VERBS = new Set(['call', 'brand', 'label', 'dub']);
/** Tokens that may stand between such a word and the label: "are nothing but", "is a truly evil". */
const MODIFIER_POS = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'PART']);
// Not "that": it is as often the start of a clause ("agree that animals should …").
const DEMONSTRATIVES = new Set(['these', 'those', 'this']);
/** Adverbs that start a clause: the "is" before them is not said of the label ("is where the monster …"). */
const CLAUSE_WORDS = new Set(['where', 'when', 'why', 'how', 'what', 'which', 'who', 'that', 'whether', 'if']);
const QUOTE_MARK = /^["'“”‘’«»]$/;
/** How far back modifiers are skipped. */
const MAX_MODIFIERS = 4;

const lower = (t: Token) => (t.lemma || t.norm).toLowerCase();

/** True when the hit is a name or not a noun used on its own (see the file header). */
function notALabelNoun(doc: AnalyzedDoc, hit: LexiconHit): boolean {
  const first = doc.tokens[hit.tokenStart];
  const head = doc.tokens[hit.tokenEnd - 1];
  const sentenceStart = doc.sentences[first.sentence]?.tokenStart ?? hit.tokenStart;
  const capitalised = first.text !== first.text.toLowerCase();
  if (capitalised && (hit.tokenStart > sentenceStart || (first.text.length > 1 && first.text === first.text.toUpperCase()))) return true;
  if (head.pos !== 'NOUN' && !(head.pos === 'PROPN' && hit.tokenStart === sentenceStart)) return true;
  const next = doc.tokens[hit.tokenEnd];
  if (!next || next.sentence !== head.sentence) return false;
  // "animal markets", "rat race", and glued compounds: "animal-to-human".
  return next.pos === 'NOUN' || next.pos === 'PROPN' || (next.start === head.end && next.text === '-');
}

function insideQuote(doc: AnalyzedDoc, at: number): boolean {
  return doc.quotes.some((q) => q.start <= at && at < q.end);
}

/** True when `hit` (an entry marked `people`) names people, by the signs in the file header. */
export function saidOfPeople(doc: AnalyzedDoc, hit: LexiconHit, people: ReadonlySet<string>): boolean {
  if (notALabelNoun(doc, hit)) return false;
  const { tokens } = doc;
  const sentence = tokens[hit.tokenStart].sentence;
  // Back over modifiers (and quote marks: referred to them as "savages") to the word before them.
  let j = hit.tokenStart - 1;
  for (let skipped = 0; j >= 0 && tokens[j].sentence === sentence && skipped < MAX_MODIFIERS; j--, skipped++) {
    const t = tokens[j];
    if (lower(t) === 'human') return true;
    if (CLAUSE_WORDS.has(t.norm) || (!MODIFIER_POS.has(t.pos) && !QUOTE_MARK.test(t.text))) break;
    if (DEMONSTRATIVES.has(t.norm) && insideQuote(doc, tokens[hit.tokenStart].start)) return true;
  }
  const before = j >= 0 && tokens[j].sentence === sentence ? tokens[j] : undefined;
  // "as" names only after a noun or pronoun ("referred to Muslims as …"), not in "such as", "as well as".
  const naming = before && PREDICATING.has(lower(before)) && (lower(before) !== 'as' || /^(?:NOUN|PROPN|PRON)$/.test(tokens[j - 1]?.pos ?? ''));
  if (naming) return true;
  // "called the strikers rats", "branded them vermin": a naming verb before the object the label completes.
  if (before && /^(?:NOUN|PROPN|PRON)$/.test(before.pos)) {
    let v = j - 1;
    while (v >= 0 && tokens[v].sentence === sentence && tokens[v].pos === 'DET') v--;
    if (v >= 0 && tokens[v].sentence === sentence && NAMING_VERBS.has(lower(tokens[v]))) return true;
  }
  // After: "a monster who …", "hordes of migrants".
  const next = tokens[hit.tokenEnd];
  if (!next || next.sentence !== sentence) return false;
  if (next.norm === 'who' || next.norm === 'whom') return true;
  if (next.norm !== 'of') return false;
  for (let k = hit.tokenEnd + 1; k < tokens.length && tokens[k].sentence === sentence && k <= hit.tokenEnd + 1 + MAX_MODIFIERS; k++) {
    const t = tokens[k];
    if (t.pos === 'NOUN' || t.pos === 'PROPN') return people.has(lower(t));
    if (!MODIFIER_POS.has(t.pos) && t.pos !== 'VERB') return false; // "displaced residents": a participle modifier
  }
  return false;
}
