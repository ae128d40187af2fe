/**
 * Whether a word starts with a capital or a lower-case letter, by its first character (an ASCII
 * fast path, most words being plain English): shared by the rules that read capitals (list
 * sentences, proper-noun dimensions, proper nouns written in lower case elsewhere).
 */

/** "Kyiv", "Élysée": the first character has a lower-case form it is not. */
export function startsUpperCase(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90; // without allocating
  const first = text.charAt(0);
  return first !== first.toLowerCase();
}

/** "police", "étage": the first character has an upper-case form it is not. */
export function startsLowerCase(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  const first = text.charAt(0);
  return first !== first.toUpperCase();
}
