import { describe, expect, it } from 'vitest';
import { getNlp } from '../../src/text/nlp.js';
import { readTokens, type RawToken } from '../../src/text/wink-tokens.js';

const TEXTS = [
  "He didn't go; they can't and won't. The ministers were attacking, then attacked the attack.",
  'Mr. Okonkwo’s ‘junta’ in the ’90s: https://x.y/z 😀 1,000-for-1,000 — U.S. e-mail gonna.',
  "She's there and he's gone; the women's union said it's over.",
];

describe('readTokens', () => {
  it('reads the same properties in one walk as wink’s public out() calls, across documents', () => {
    const nlp = getNlp();
    const its = nlp.its;
    for (const text of [...TEXTS, ...TEXTS]) {
      const doc = nlp.readDoc(text);
      const seen: RawToken[] = [];
      readTokens(nlp, doc, { add: (raw) => seen.push({ ...raw }) });
      const all = doc.tokens();
      const out = (f: unknown) => all.out(f as never) as unknown[];
      expect(seen.map((t) => t.index)).toEqual(seen.map((_, i) => i));
      expect(seen.map((t) => t.value)).toEqual(out(its.value));
      expect(seen.map((t) => t.type)).toEqual(out(its.type));
      expect(seen.map((t) => t.pos)).toEqual(out(its.pos));
      expect(seen.map((t) => t.norm)).toEqual(out(its.normal));
      expect(seen.map((t) => t.lemma)).toEqual(out(its.lemma));
      expect(seen.map((t) => t.stop)).toEqual(out(its.stopWordFlag));
      expect(seen.map((t) => t.negated)).toEqual(out(its.negationFlag));
    }
  });
});

describe('lemmas of words wink lists as contractions but leaves whole', () => {
  it("gives 'wont' in 'as is her wont.' its own lemma, the same before and after other articles were read", () => {
    const nlp = getNlp();
    const lemmaOfWont = () => {
      let lemma: string | undefined;
      readTokens(nlp, nlp.readDoc('It was late, as is her wont.'), {
        add: (raw) => {
          if (raw.value === 'wont') lemma = raw.lemma;
        },
      });
      return lemma;
    };
    expect(lemmaOfWont()).toBe('wont');
    // Unknown words added by other documents used to show through wink's lemma pointer.
    for (let i = 0; i < 50; i++) nlp.readDoc(`Zqxv${i} Blorptan${i} met Quenwick${i} in Vastrel${i}.`);
    expect(lemmaOfWont()).toBe('wont');
  });
});
