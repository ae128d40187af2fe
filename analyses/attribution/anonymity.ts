/**
 * Phrases that say why a source goes unnamed: "who spoke on condition of anonymity", "speaking on
 * the condition that he not be named", "who declined to be identified", "who requested anonymity",
 * "who was not authorized to speak publicly", "said on condition of anonymity". They describe the
 * source of another attribution and report nothing themselves (PolNeAR marks them as part of the
 * source or leaves them out far more often than it makes them cues), so extraction (find-cues.ts,
 * find-content.ts) neither takes their verb for a cue nor the phrase for the content of the cue
 * before it ("the official said on condition of anonymity" reports what came before "said").
 * "Declined to comment" stays a cue: PolNeAR annotates it as one, with "to comment" its content.
 */

/** Words that may stand between a speaking verb and its condition: "spoke to Yahoo Finance on the condition …". */
const BETWEEN = String.raw`(?:\s+(?!said\b|says\b|told\b)[\w.'’&-]+){0,6}?`;
/**
 * "on (the) condition of anonymity", "on condition that he not be named", "on the condition of not
 * being identified"; not "on the grounds that", nor "released on condition that she not work".
 */
const CONDITION = String.raw`(?:on|under)\s+(?:the\s+)?conditions?\s+(?:of\s+(?:anonymity|not\s+being)|that\s+(?:[\w’']+\s+){1,3}not\s+be)\b`;

/** A phrase of anonymity starting right at the start of the string (case-insensitive). */
const ANONYMITY = new RegExp(
  '^(?:' +
    [
      // "on (the) condition of anonymity", "under the condition that they not be named"
      CONDITION,
      // "spoke to Politico on condition of …", "speaking anonymously", "agreed to talk only on condition …"
      String.raw`(?:(?:agreed|agreeing)\s+to\s+)?(?:spoke|speaks|speak|speaking|spoken|talked|talking|talk)${BETWEEN}\s+(?:only\s+)?(?:${CONDITION}|anonymously\b)`,
      // "(granted) anonymity to discuss …": the noun itself never reports (a bare "anonymously" may: "officials
      // anonymously sounded the alarm", "a video posted anonymously")
      String.raw`anonymity\b`,
      // "declined to be named", "asked not to be identified", "requested anonymity", "asked for anonymity"
      String.raw`(?:declined|declining|asked|asking|requested|requesting|refused|wished|preferred|insisted)\s+(?:not\s+)?(?:to\s+be\s+(?:named|identified|quoted\s+by\s+name)\b|(?:for\s+)?anonymity\b)`,
      // "was not authorized to speak", "were unauthorized to discuss"
      String.raw`(?:(?:was|were|is|are|being)\s+)?(?:not\s+authori[sz]ed|unauthori[sz]ed)\s+to\b`,
    ].join('|') +
    ')',
  'i',
);

/** Whether a phrase of anonymity starts at `offset` in `text` (leading spaces and commas skipped). */
export function anonymityAt(text: string, offset: number): boolean {
  let from = offset;
  while (from < text.length && /[\s,]/.test(text[from])) from++;
  return ANONYMITY.test(text.slice(from, from + 160));
}

/**
 * Whether the phrase of anonymity starting at `offset` is one a relative pronoun or a participle
 * hangs on a source, possibly after its "who": "who spoke on condition …", "speaking on condition …".
 */
export function anonymityClauseAt(text: string, offset: number): boolean {
  let from = offset;
  while (from < text.length && /[\s,]/.test(text[from])) from++;
  const relative = /^(?:who|which|and)\s+/i.exec(text.slice(from, from + 8));
  return anonymityAt(text, relative ? from + relative[0].length : from);
}

/**
 * The start of a phrase of anonymity, before its purpose clause ("anonymity to discuss", "not
 * authorized to speak") or its last word ("declined to be named").
 */
const BEFORE_PURPOSE = /(?:(?:anonymity|anonymously|authori[sz]ed|permitted|allowed)\s+(?:to\s+)?|(?:declined|declining|asked|asking|requested|refused|wished|preferred|insisted)\s+(?:not\s+)?to\s+be\s+)$/i;

/**
 * Whether `offset` starts the purpose clause or the last word of a phrase of anonymity ("on condition
 * of anonymity to discuss the schedule", "because they were not authorized to speak", "who declined
 * to be named"): a verb there reports nothing.
 */
export function purposeOfAnonymity(text: string, offset: number): boolean {
  return BEFORE_PURPOSE.test(text.slice(Math.max(0, offset - 40), offset));
}
