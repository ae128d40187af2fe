/**
 * Words glued by scraping: pages that carry a name card after a name ("President Trump Donald
 * John Trump" followed by the card's headlines) lose the break between the card's last name
 * and the next headline, leaving "…TrumpGOP senators balk …" in the article text. Used by name
 * mentions (mentions.ts) and by attribution (analyses/attribution: extract.ts, resolve-source.ts)
 * so a mention, a source span and the name a source is counted under never run across such a seam.
 */

/** How far back (in characters) the word before a seam must stand alone for the seam to count. */
const LOOKBACK = 120;

// Letter cases decided by code for ASCII: this runs over every source and name extraction keeps.
const isLower = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 128 ? code >= 97 && code <= 122 : c !== c.toUpperCase() && c === c.toLowerCase();
};
const isUpper = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : c !== c.toLowerCase() && c === c.toUpperCase();
};
const isLetter = (c: string | undefined) => c !== undefined && (isLower(c) || isUpper(c) || c.toLowerCase() !== c.toUpperCase());

/**
 * Offsets in `[start, end)` where a word is glued to the next one: a lower-case letter followed
 * by a capital ("Hale|GOP", "Roe|Aides") where the capitalised part before the seam follows
 * another capitalised word and also stands alone as a word shortly before. Mixed-case names ("McConnell", "DeSantis", "WikiLeaks") have
 * no such earlier standalone part, so they are left whole.
 */
export function gluePoints(text: string, start: number, end: number): number[] {
  const points: number[] = [];
  for (let p = start + 1; p < end; p++) {
    const code = text.charCodeAt(p);
    // Most characters are not ASCII capitals: skip them before any string is made.
    if ((code < 65 || code > 90) && (code < 128 || !isUpper(text[p]))) continue;
    if (!isLower(text[p - 1])) continue;
    let w = p - 1;
    while (w > 0 && isLetter(text[w - 1])) w--;
    const part = text.slice(w, p);
    if (part.length < 2 || !isUpper(part[0])) continue;
    if (followsCapitalisedWord(text, w) && standsAlone(text, part, Math.max(0, w - LOOKBACK), w)) points.push(p);
  }
  return points;
}

/** The word ending right before `w` (one space between) starts with a capital: a card's full name has two words or more. */
function followsCapitalisedWord(text: string, w: number): boolean {
  if (text[w - 1] !== ' ' || !isLetter(text[w - 2])) return false;
  let k = w - 2;
  while (k > 0 && isLetter(text[k - 1])) k--;
  return isUpper(text[k]);
}

/** `word` occurs in `text[from, to)` with no letter on either side. */
function standsAlone(text: string, word: string, from: number, to: number): boolean {
  for (let i = text.indexOf(word, from); i >= 0 && i + word.length <= to; i = text.indexOf(word, i + 1)) {
    if (!isLetter(text[i - 1]) && !isLetter(text[i + word.length])) return true;
  }
  return false;
}

/**
 * The part of `[start, end)` on the cue's side of any seam: after the last seam for a source
 * before its cue ("…HaleGOP senators said" → "GOP senators"), before the first one for a
 * source after it ("said Ada Roe Ada Mae RoeAides …" → "Ada Roe Ada Mae Roe").
 */
export function cueSideOfSeams(text: string, start: number, end: number, sourceAfterCue: boolean): { start: number; end: number } {
  const points = gluePoints(text, start, end);
  if (!points.length) return { start, end };
  return sourceAfterCue ? { start, end: points[0] } : { start: points[points.length - 1], end };
}

/**
 * A name as it reads before its first seam, spaces folded. A name card doubles the name — the
 * short form, then the full one ending with the same word ("Trump Donald John Trump", "Sen. Ada
 * Roe Ada Mae Roe") — and the full one is kept. Null when the name has no seam.
 */
export function nameBeforeSeam(text: string, start: number, end: number): string | null {
  const points = gluePoints(text, start, end);
  if (!points.length) return null;
  const words = text.slice(start, points[0]).trim().split(/\s+/);
  const last = words.length - 1;
  const shortFormEnd = words.indexOf(words[last]);
  return (shortFormEnd < last - 1 ? words.slice(shortFormEnd + 1) : words).join(' ');
}
