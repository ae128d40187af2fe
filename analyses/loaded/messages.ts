/** Every user-facing text of the loaded-language analysis, as functions of the values they show. */
import type { QuoteClass } from './types.js';
import { formatCount, plural } from '../../src/plural.js';

export const badModel = (file: string, reason: string) => `cannot read loaded-language model ${file}: ${reason}`;

export const lexiconReason = (lexicon: string, term: string, note: string) => `lexicon '${lexicon}': ${term} — ${note}`;

export const quoteReason = (cls: QuoteClass, why: string) => `${QUOTE_CLASS_LABELS[cls]}: ${why}`;

export const QUOTE_CLASS_LABELS: Record<QuoteClass, string> = {
  direct: 'direct quote',
  partial: 'partial quote',
  scare: 'scare quote',
  title: 'title or name in quotes',
};

export const CATEGORY_LABELS: Record<string, string> = {
  label: 'label',
  euphemism: 'euphemism',
  hedge: 'hedge or doubt',
  intensifier: 'intensifier or emotive word',
  'report-verb': 'loaded report verb',
  loaded: 'loaded wording (learned)',
  quote: 'quote',
};

/** "label (dehumanizing)"; a subcategory the category's label already names ("learned") is not repeated. */
export function markerLabel(category: string, subcategory?: string): string {
  const label = CATEGORY_LABELS[category] ?? category;
  return subcategory && !label.includes(`(${subcategory})`) ? `${label} (${subcategory})` : label;
}

export const modelReason = (p: number, parts: string[]) => `learned model p=${p.toFixed(2)}: ${parts.join(', ')}`;

const POS_WORDS: Record<string, string> = {
  ADJ: 'adjective', ADV: 'adverb', NOUN: 'noun', VERB: 'verb', PROPN: 'proper noun', DET: 'determiner', ADP: 'preposition',
  PRON: 'pronoun', AUX: 'auxiliary', PUNCT: 'punctuation', CCONJ: 'conjunction', SCONJ: 'conjunction', PART: 'particle',
  NUM: 'number', INTJ: 'interjection', START: 'sentence start', END: 'sentence end', SYM: 'symbol', X: 'other', SPACE: 'space',
};
const pos = (tag: string) => POS_WORDS[tag] ?? tag;
const POLARITY: Record<string, string> = { neg2: 'strongly negative', neg1: 'negative', pos1: 'positive', pos2: 'strongly positive' };

/** A model feature in plain words, for flag explanations. */
export function describeFeature(feature: string): string {
  const [name, value = ''] = feature.split(/=(.*)/s);
  if (feature.includes('&')) {
    const parts = feature.split('&').map((p) => p.split('=')[1] ?? p);
    if (feature.startsWith('pos=')) return `${pos(parts[0])} before ${pos(parts[1])}`;
    if (feature.startsWith('pos-1=')) return `${pos(parts[1])} after ${pos(parts[0])}`;
    if (feature.startsWith('quote=')) return `in a short ${parts[0]} quote`;
    if (feature.startsWith('pol=')) return `${POLARITY[parts[0]] ?? parts[0]} ${pos(parts[1])}`;
  }
  switch (name) {
    case 'lem': return `the word '${value}'`;
    case 'lem-1': return `after '${value}'`;
    case 'lem+1': return `before '${value}'`;
    case 'suf': return `ending '-${value}'`;
    case 'pol': return `${POLARITY[value] ?? value} word`;
    case 'pol-1': return `after a ${POLARITY[value] ?? value} word`;
    case 'pol+1': return `before a ${POLARITY[value] ?? value} word`;
    case 'pol+2': return `two words before a ${POLARITY[value] ?? value} word`;
    case 'pos': return pos(value);
    case 'pos-1': return `after a ${pos(value)}`;
    case 'pos+1': return `before a ${pos(value)}`;
    case 'lex': return `lexicon ${value.replace('/', ': ')}`;
    case 'lex-1': return `after a ${value} from the lexicons`;
    case 'lex+1': return `before a ${value} from the lexicons`;
    case 'quote': return `in a ${value} quote`;
    case 'sent': return { exclaim: 'exclamatory sentence', question: 'question', personal: 'sentence addresses the reader (I/we/you)' }[value] ?? (value.startsWith('polar') ? `sentence with ${value.slice(5)} strongly polar words` : `sentence with ${value.slice(3)} lexicon hits`);
    case 'doc': return value.startsWith('polar') ? 'article dense in strongly polar words' : 'article dense in lexicon words';
    case 'shape': return { allcaps: 'written in capitals', 'cap-mid': 'capitalised mid-sentence', hyphen: 'hyphenated coinage', long: 'long word' }[value] ?? value;
    case 'headline': return 'in the headline';
    case 'stop': return 'function word';
    case 'negated': return 'negated';
    default: return feature;
  }
}

/** What a kept phrase adds to its learned spans' reason. */
export const phraseReason = (p: number, parts: string[]) => `; as a phrase p=${p.toFixed(2)}${parts.length ? `: ${parts.join(', ')}` : ''}`;

const PHRASE_WORDS: Record<string, string> = {
  '0': 'one word', '1': 'two words', '2': 'three words', '3': 'four or five words', '4': 'six to eight words', '5': 'nine words or more',
};

const aOrAn = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/** A phrase-model feature (phrase-scores.ts) in plain words. */
export function describePhraseFeature(feature: string): string {
  const [name, value = ''] = feature.split(/=(.*)/s);
  switch (name) {
    case 'max-p': return 'its strongest word';
    case 'mean-p': return 'all its words';
    case 'article-p': return 'an article full of loaded wording';
    case 'word-weight': return 'a loaded word even out of context';
    case 'words': return PHRASE_WORDS[value] ?? feature;
    case 'article-rate': return `${['very few', 'few', 'some', 'many', 'very many', 'a flood of'][Number(value)] ?? 'many'} flagged phrases in the article`;
    case 'lexicon': return `holds ${aOrAn(value)} from the lexicons`;
    case 'lexicon-only': return 'a lexicon hit';
    case 'only': return `a lexicon ${value.replace('/', ': ')}`;
    case 'quote': return value === 'none' ? 'in the outlet’s own voice' : `in a ${value} quote`;
    case 'first': return `starts with ${aOrAn(pos(value))}`;
    case 'last': return `ends with ${aOrAn(pos(value))}`;
    case 'one': return `a lone ${pos(value)}`;
    case 'has': return `holds ${aOrAn(pos(value))}`;
    case 'caps': return value === 'all' ? 'capitalised words' : 'some capitalised words';
    case 'headline': return 'in the headline';
    case 'short-text': return 'a text of one or two sentences';
    case 'sentence-words': return `a sentence of ${['under 10', '10–19', '20–34', '35–49', '50 or more'][Number(value)] ?? value} words`;
    case 'sentence-phrases': return value === '1' ? 'the only flagged phrase of its sentence' : 'one of several flagged phrases in its sentence';
    case 'repeat': return value === '1' ? 'used once in the article' : 'repeated in the article';
    default: return feature;
  }
}

/** Sentence under the rates chart: which outlet leads and trails the most used category. */
export function ratesCaption(rows: ReadonlyArray<{ outlet: string; key: string; category: string; rate: number; count: number }>): string {
  const byKey = new Map<string, typeof rows[number][]>();
  for (const r of rows) if (!r.key.startsWith('quote:')) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const totals = [...byKey].map(([key, list]) => ({ key, list, count: list.reduce((s, r) => s + r.count, 0) })).sort((a, b) => b.count - a.count);
  const main = totals[0];
  if (!main || main.count === 0) return 'No loaded-language markers were found.';
  const sorted = [...main.list].sort((a, b) => b.rate - a.rate);
  const top = sorted[0];
  const low = sorted[sorted.length - 1];
  const lead = `The most frequent kind is ${main.list[0].category} (${plural(main.count, 'marker')}); ${top.outlet} uses it most, ${top.rate.toFixed(2)} per 1,000 words`;
  return sorted.length > 1 ? `${lead}, ${low.outlet} least (${low.rate.toFixed(2)}).` : `${lead}.`;
}

/** Sentence under the voice chart: where quoted speech carries the most loaded wording. */
export function voiceCaption(rows: ReadonlyArray<{ outlet: string; category: string; quotedShare: number; count: number }>): string {
  const counted = rows.filter((r) => r.count >= 3);
  if (!counted.length) return 'Too few markers to compare quoted speech with the outlets’ own voice.';
  const top = [...counted].sort((a, b) => b.quotedShare - a.quotedShare)[0];
  const own = [...counted].sort((a, b) => a.quotedShare - b.quotedShare)[0];
  return `${top.outlet}'s ${top.category} markers are most often inside quotes (${Math.round(top.quotedShare * 100)}% of ${formatCount(top.count)}); ${own.outlet}'s ${own.category} markers are most often in its own voice (${Math.round((1 - own.quotedShare) * 100)}% of ${formatCount(own.count)}).`;
}
