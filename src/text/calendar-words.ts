/**
 * Day and month names in lower case. They are capitalised and often tagged as proper nouns, yet
 * name a date, not a person or place: mentions.ts does not make a mention of a run of only
 * these, and the similarity features (analyses/similarity/features.ts) do not count them as
 * shared names.
 */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
