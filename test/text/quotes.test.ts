import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/text/quotes.js';
import type { Quote } from '../../src/text/types.js';

const contents = (text: string) => findQuotes(text).quotes.map((q) => q.text);
const only = (text: string): Quote => {
  const { quotes } = findQuotes(text);
  expect(quotes).toHaveLength(1);
  return quotes[0];
};

describe('findQuotes: marks', () => {
  it('pairs straight and curly double quotes', () => {
    expect(contents('He said "stop now" and left.')).toEqual(['stop now']);
    expect(contents('He said “stop now” and left.')).toEqual(['stop now']);
  });

  it('pairs straight and curly single quotes', () => {
    expect(contents("a 'major crime' and a ‘strategic defeat’")).toEqual(['major crime', 'strategic defeat']);
  });

  it('pairs guillemets in both directions', () => {
    expect(contents('Il a dit «non» hier.')).toEqual(['non']);
    expect(contents('Er sagte »nein« gestern.')).toEqual(['nein']);
    expect(contents('Il a dit ‹non› hier.')).toEqual(['non']);
  });

  it('pairs low-9 quotes closed by high marks', () => {
    expect(contents('Er sagte „nein“ und ging.')).toEqual(['nein']);
    expect(contents('Er sagte „nein” und ging.')).toEqual(['nein']);
    expect(contents('Er sagte ‚nein‘ und ging.')).toEqual(['nein']);
  });

  it("pairs backtick-style ``quotes''", () => {
    const q = only("He said ``no way'' twice.");
    expect(q.text).toBe('no way');
    expect(q.open).toBe('``');
    expect(q.close).toBe("''");
  });

  it("does not close a ``quote with a single straight mark", () => {
    const { quotes, issues } = findQuotes("He said ``no way' and left.");
    expect(quotes).toEqual([]);
    expect(issues.map((i) => i.ruleId)).toEqual(['text:unclosed-quote']);
  });

  it('reports a pair of marks around nothing instead of a quote', () => {
    const { quotes, issues } = findQuotes('He said "" and left.');
    expect(quotes).toEqual([]);
    expect(issues.map((i) => i.ruleId)).toEqual(['text:empty-quote', 'text:empty-quote']);
  });

  it('reports content and outer spans that slice the text exactly', () => {
    const text = 'She called it “a farce” today.';
    const q = only(text);
    expect(text.slice(q.start, q.end)).toBe('a farce');
    expect(text.slice(q.outerStart, q.outerEnd)).toBe('“a farce”');
    expect(q.words).toBe(2);
  });
});

describe('findQuotes: apostrophes are not quotes', () => {
  it("reads Zelensky's 'junta' as one quote after a possessive", () => {
    const q = only("under Vladimir Zelensky's 'junta' and its laws");
    expect(q.text).toBe('junta');
  });

  it("ignores the plural possessive in the students' union", () => {
    expect(findQuotes("the students' union met today").quotes).toEqual([]);
    expect(findQuotes("the students' union met today").issues).toEqual([]);
  });

  it("keeps the plural possessive inside a single-quoted sentence", () => {
    const q = only("'The students' union is shut,' she said.");
    expect(q.text).toBe("The students' union is shut,");
  });

  it("ignores decades, rock 'n' roll and contractions", () => {
    expect(findQuotes("in the '90s they played rock 'n' roll; don't, can't, l'Europe").quotes).toEqual([]);
    expect(findQuotes("in the ’90s they played rock ’n’ roll").quotes).toEqual([]);
  });

  it("pairs a curly opening with a straight closing: Kiev mayor ‘at war'", () => {
    const q = only("Zelensky and Kiev mayor ‘at war'");
    expect(q.text).toBe('at war');
    expect(q.open).toBe('‘');
    expect(q.close).toBe("'");
  });

  it("never opens a quote right after a letter: the teachers'(and parents') votes", () => {
    expect(findQuotes("The teachers'(and parents') votes were counted.").quotes).toEqual([]);
    expect(contents("She called it 'the plan'(it was not) and left.")).toEqual(['the plan']);
  });

  it("does not open a quote at the apostrophe of l'Europe", () => {
    expect(contents("Il parle de l'Europe et de 'la paix'.")).toEqual(['la paix']);
  });
});

describe('findQuotes: structure', () => {
  it('nests single quotes inside double quotes with depth', () => {
    const { quotes } = findQuotes('"He said \'no\' twice," she said.');
    expect(quotes.map((q) => [q.text, q.depth])).toEqual([["He said 'no' twice,", 0], ['no', 1]]);
  });

  it('nests double quotes inside single quotes', () => {
    const { quotes } = findQuotes('\'They called it "a farce" openly,\' he said.');
    expect(quotes.map((q) => [q.text, q.depth])).toEqual([['They called it "a farce" openly,', 0], ['a farce', 1]]);
  });

  it('nests the same single mark when the flanking says so', () => {
    const { quotes } = findQuotes("He said, 'for me, 'N' is for North, and I don't know.'");
    expect(quotes.map((q) => [q.text, q.depth])).toEqual([["for me, 'N' is for North, and I don't know.", 0], ['N', 1]]);
  });

  it('keeps ellipses inside a quote', () => {
    const q = only("'Returning to that solemn promise… is one of our demands.'");
    expect(q.text).toBe('Returning to that solemn promise… is one of our demands.');
    expect(q.embedded).toBe(false);
  });

  it('joins a quote running over paragraphs that reopen into one quote', () => {
    const text = '“First part of the speech.\n\n“Second part of the speech.\n\n“Last part.” Then applause.';
    const q = only(text);
    expect(q.paragraphs).toBe(3);
    expect(q.outerStart).toBe(0);
    expect(text.slice(q.outerEnd)).toBe(' Then applause.');
  });

  it('joins multi-paragraph quotes split on single newlines when the text has no blank lines', () => {
    const q = only('"First part.\n"Second part." He left.');
    expect(q.paragraphs).toBe(2);
  });
});

describe('findQuotes: unbalanced marks', () => {
  it('reports an unclosed quote and does not run past its paragraph', () => {
    const text = 'He said "unclosed words here.\n\nNext paragraph has "its own" quote.';
    const { quotes, issues } = findQuotes(text);
    expect(quotes.map((q) => q.text)).toEqual(['its own']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ offset: 8, mark: '"', ruleId: 'text:unclosed-quote' });
  });

  it('reports a closing mark with no opening', () => {
    const { quotes, issues } = findQuotes('This ends” badly.');
    expect(quotes).toEqual([]);
    expect(issues.map((i) => i.ruleId)).toEqual(['text:unmatched-close']);
  });

  it('reports an inner quote left open when the outer one closes', () => {
    const { quotes, issues } = findQuotes('"He said \'no way," she said.');
    expect(quotes.map((q) => q.text)).toEqual(["He said 'no way,"]);
    expect(issues).toHaveLength(1);
    expect(issues[0].mark).toBe("'");
  });

  it('does not swallow the rest of the article after a stray opening mark', () => {
    const paragraphs = ['Intro with a stray “ mark and an “open quote.', ...Array.from({ length: 5 }, (_, i) => `Paragraph ${i} says “hello ${i}” politely.`)];
    const { quotes } = findQuotes(paragraphs.join('\n\n'));
    expect(quotes.map((q) => q.text)).toEqual([0, 1, 2, 3, 4].map((i) => `hello ${i}`));
  });

  it('never throws on marks alone', () => {
    for (const text of ['"', "'", '“”', '»', '„', '``', "''", '" "', "'''", '«»«', '‘’‘’']) expect(() => findQuotes(text)).not.toThrow();
  });
});

describe('findQuotes: embedded or whole sentence', () => {
  it('marks short fragments built into a sentence as embedded', () => {
    expect(only("It would be a 'major crime' to leave them.").embedded).toBe(true);
    expect(only("Work is at an 'advanced stage.'").embedded).toBe(true);
    expect(only("corruption would be 'impossible without the city government,' he said.").embedded).toBe(true);
  });

  it('marks a quoted sentence followed by attribution as whole', () => {
    expect(only("'It was clear from the beginning that this war would end in talks,' the minister said.").embedded).toBe(false);
    expect(only('Then he spoke. “This is a purge of democratic principles,” he said.').embedded).toBe(false);
  });

  it('marks a quote of several sentences as whole', () => {
    expect(only("He added 'I said it once. Now it stinks.'").embedded).toBe(false);
  });

  it('marks a quote introduced by a colon or comma and ending a sentence as whole', () => {
    expect(only('He said: "we will not retreat."').embedded).toBe(false);
    expect(only("stating, 'we had objected to it.'").embedded).toBe(false);
  });

  it('gives the sentence index of the opening mark when sentences are passed', () => {
    const text = 'One. Two "quoted" here.';
    const sentences = [
      { start: 0, end: 4, tokenStart: 0, tokenEnd: 2, paragraph: 0 },
      { start: 5, end: 23, tokenStart: 2, tokenEnd: 8, paragraph: 0 },
    ];
    expect(findQuotes(text, sentences).quotes[0].sentence).toBe(1);
    expect(findQuotes(text).quotes[0].sentence).toBe(-1);
  });

  it('gives each of many quotes the sentence of its opening mark, nested, skipped and first sentences included', () => {
    // sentence starts: 0, 13, 38, 48 (the text before 13 holds no quote; "b" and 'c' share one)
    const text = '"a" opens it. Then "b, \'c\' here" ends. No quote. And "d".';
    const starts = [0, 13, 38, 48];
    const sentences = starts.map((start, i) => ({ start, end: (starts[i + 1] ?? text.length + 1) - 1, tokenStart: i, tokenEnd: i + 1, paragraph: 0 }));
    const { quotes } = findQuotes(text, sentences);
    expect(quotes.map((q) => [q.text, q.sentence])).toEqual([['a', 0], ["b, 'c' here", 1], ['c', 1], ['d', 3]]);
    // a quote opening before the first sentence starts belongs to the first sentence
    expect(findQuotes(text, sentences.slice(1)).quotes[0].sentence).toBe(0);
  });

  it('judges a quote that opens its paragraph by that paragraph, not the one before', () => {
    // the quote opens the second paragraph, so this short capitalised sentence is whole; read
    // from the first paragraph's start, it would follow "plan" and count as embedded
    const text = 'He spoke at length about the plan\n\n"We build now." The crowd cheered.';
    const quote = findQuotes(text).quotes[0];
    expect(quote.text).toBe('We build now.');
    expect(quote.embedded).toBe(false);
  });
});
