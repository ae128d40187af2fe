/**
 * Every user-facing text of the text layer, as functions, with its rule id beside it (see
 * src/corpus/messages.ts for the pattern). Quote issues and lexicon errors use these.
 */

export interface Message {
  reason: string;
  /** `text:<rule>` */
  ruleId: string;
}

const m = (rule: string, reason: string): Message => ({ ruleId: `text:${rule}`, reason });

export const unclosedQuote = (mark: string) =>
  m('unclosed-quote', `opening ${mark} has no closing mark before the end of its paragraph`);
export const unclosedInnerQuote = (mark: string, outer: string) =>
  m('unclosed-quote', `opening ${mark} is still open when its enclosing ${outer}-quote closes`);
export const unmatchedClose = (mark: string) => m('unmatched-close', `closing ${mark} has no opening mark`);
export const emptyQuote = (pair: string) => m('empty-quote', `${pair} encloses no words`);
export const strayMark = (mark: string) => m('stray-mark', `${mark} stands between spaces and pairs with nothing`);

export const lexiconUnreadable = (file: string, detail: string) =>
  m('lexicon-unreadable', `cannot read lexicon ${file}: ${detail}`);
export const lexiconInvalid = (file: string, detail: string) => m('lexicon-invalid', `lexicon ${file}: ${detail}`);
export const lexiconUnknown = (name: string, known: string[]) =>
  m('lexicon-unknown', `no lexicon named '${name}' in data/lexicons (known: ${known.join(', ') || 'none'})`);
export const lexiconUnknownExtension = (file: string, name: string, known: string[]) =>
  m(
    'lexicon-unknown',
    `lexicon ${file}: its name '${name}' is not one of the lexicons it can extend (${known.join(', ') || 'none'}); ` +
      'use the name of the lexicon its entries belong to, or leave name out to offer them to every lexicon',
  );
