import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import { buildAliasIndex } from '../../src/text/aliases.js';
import type { Mention } from '../../src/text/types.js';

const mentionsOf = (text: string, outlets: string[] = [], id = 'd') => analyzeDoc({ id, outlet: 'o', title: '', text }, { outlets }).mentions;
const find = (mentions: Mention[], text: string) => mentions.find((m) => m.text === text);

describe('findMentions', () => {
  it('splits titles and roles from the name', () => {
    const ms = mentionsOf('German Foreign Minister Johann Wadephul met Kiev Mayor Vitaly Klitschko and President Vladimir Putin.');
    expect(find(ms, 'German Foreign Minister Johann Wadephul')).toMatchObject({ type: 'person', name: { text: 'Johann Wadephul' }, title: { text: 'German Foreign Minister' } });
    expect(find(ms, 'Kiev Mayor Vitaly Klitschko')).toMatchObject({ type: 'person', name: { text: 'Vitaly Klitschko' }, title: { text: 'Kiev Mayor' } });
    expect(find(ms, 'President Vladimir Putin')).toMatchObject({ type: 'person', name: { text: 'Vladimir Putin' } });
  });

  it('keeps lower-case title words before the title or the name', () => {
    const ms = mentionsOf('It was French President Emmanuel Macron, not former President Joe Biden, who spoke.');
    expect(find(ms, 'French President Emmanuel Macron')?.title?.text).toBe('French President');
    expect(find(ms, 'former President Joe Biden')?.title?.text).toBe('former President');
  });

  it('types possessive organisation phrases, organisations, places and acronyms', () => {
    const ms = mentionsOf("Seoul's foreign ministry said the UN Security Council and NATO met in North Korea and Moscow.");
    expect(find(ms, "Seoul's foreign ministry")?.type).toBe('organization');
    expect(find(ms, 'UN Security Council')?.type).toBe('organization');
    expect(find(ms, 'NATO')?.type).toBe('organization');
    expect(find(ms, 'North Korea')?.type).toBe('place');
    expect(find(ms, 'Moscow')?.type).toBe('place');
  });

  it('recognises outlets from outlets.json and from the corpus as media', () => {
    const ms = mentionsOf('The Times cited Reuters, according to Yonhap News Agency, and the Times agreed with the Velmora Ledger.', ['Velmora Ledger']);
    expect(find(ms, 'The Times')).toMatchObject({ type: 'media', key: 'The Times' });
    expect(find(ms, 'Times')).toMatchObject({ type: 'media', key: 'The Times' });
    expect(find(ms, 'Reuters')?.type).toBe('media');
    expect(find(ms, 'Yonhap News Agency')?.type).toBe('media');
    expect(find(ms, 'Velmora Ledger')?.type).toBe('media');
  });

  it('takes a corpus outlet named like a person for the person where the article shows one', () => {
    // corpora of opinion pieces list their writers as sources: "Oren Halvik" is an outlet here
    const outlets = ['Oren Halvik', 'Velmora Ledger'];
    const personOf = (text: string) => mentionsOf(text, outlets).find((m) => m.key === 'Oren Halvik')?.type;
    expect(personOf('Governor Oren Halvik vetoed the bill.')).toBe('person');
    expect(personOf('Oren Halvik vetoed the bill. The veto surprised aides, Halvik said.')).toBe('person');
    expect(personOf('Oren Halvik vetoed the bill. Later Mr. Halvik spoke.')).toBe('person');
    // nothing in the article says person: the outlet it is in the corpus
    expect(personOf('As Oren Halvik wrote last week, the bill is flawed.')).toBe('media');
    // a name ending in a media word is no person, whatever else the article writes
    expect(mentionsOf('The Velmora Ledger reported that Ledger staff left.', outlets).find((m) => m.text.includes('Velmora Ledger'))?.type).toBe('media');
  });

  it('types two capitalised proper nouns and honorifics as persons, without a first-name list', () => {
    const ms = mentionsOf('Hakan Fidan spoke. Later Mr. Okonkwo replied.');
    expect(find(ms, 'Hakan Fidan')?.type).toBe('person');
    expect(find(ms, 'Mr. Okonkwo')).toMatchObject({ type: 'person', name: { text: 'Okonkwo' } });
  });

  it('keys a surname to the longer person name in the same document', () => {
    const ms = mentionsOf('Foreign Minister Sergey Lavrov said so. Lavrov added more.');
    expect(ms.filter((m) => m.name.text === 'Lavrov').map((m) => [m.type, m.key])).toEqual([['person', 'Sergey Lavrov']]);
  });

  it('gives spans that slice the text and token ranges that cover them', () => {
    const text = 'Yesterday Turkish Foreign Minister Hakan Fidan arrived.';
    const doc = analyzeDoc({ id: 'd', outlet: 'o', title: '', text });
    for (const m of doc.mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(text.slice(m.name.start, m.name.end)).toBe(m.name.text);
      expect(doc.tokens[m.tokenStart].start).toBe(m.start);
      expect(doc.tokens[m.tokenEnd - 1].end).toBe(m.end);
    }
  });

  it('ends a name at a seam of glued words and keys it by the name card’s full name', () => {
    // Scraped pages glue a name card ("Hale Martin Joseph Hale") to the next headline ("GOP senators …").
    const text = 'It went badly for Governor Hale Martin Joseph HaleGOP senators balk at a trial. McConnell met DeSantis at WikiLeaks.';
    const doc = analyzeDoc({ id: 'd', outlet: 'o', title: '', text });
    const hale = doc.mentions.find((m) => m.text.startsWith('Governor'));
    expect(hale).toMatchObject({ text: 'Governor Hale Martin Joseph Hale', key: 'Martin Joseph Hale', type: 'person', name: { text: 'Hale Martin Joseph Hale' } });
    expect(text.slice(hale!.start, hale!.end)).toBe(hale!.text);
    expect(doc.tokens[hale!.tokenEnd - 1].text).toBe('HaleGOP');
    // mixed-case names have no earlier standalone part before their capital: left whole
    expect(doc.mentions.map((m) => m.key)).toEqual(expect.arrayContaining(['McConnell', 'DeSantis', 'WikiLeaks']));
  });

  it('does not make mentions of day or month names alone, but keeps a name that starts with one', () => {
    const ms = mentionsOf('On Monday the council met. In June Carter Vell said the vote moved to July.');
    expect(ms.map((m) => m.name.text)).toEqual(['June Carter Vell']);
  });

  it('does not take a capitalised word glued to a lower-case one for a name, but keeps hyphenated names', () => {
    const ms = mentionsOf('Passers-by said the Ex-minister left. Anna-Lena Korr and Pro-Velmora groups stayed.');
    expect(ms.map((m) => m.name.text)).toEqual(['Anna-Lena Korr', 'Pro-Velmora']);
  });

  it('does not make mentions of demonyms or lone titles', () => {
    const ms = mentionsOf('Russian speakers asked the Foreign Minister about it.');
    expect(ms.map((m) => m.text)).toEqual([]);
  });

  it('does not take an ordinary word opening a sentence, a line or a quote for a name', () => {
    const ms = mentionsOf('Officials said the road was shut. Security was tight.\n\nSeveral shops closed. "Shame," a man shouted.\n(Reporting by Ilse Brannock; Editing by Tova Renn)');
    expect(ms.map((m) => m.text)).toEqual(['Ilse Brannock', 'Tova Renn']);
  });

  it('keeps one-word names that open a sentence: unknown words, and words the article capitalises elsewhere', () => {
    const ms = mentionsOf('Brannock said nothing. Reuters reported a fire. Marsh declined to comment, and councillor Ada Marsh left early.');
    expect(find(ms, 'Brannock')).toBeDefined();
    expect(find(ms, 'Reuters')?.type).toBe('media');
    // "marsh" is a common noun to wink's lexicon, but the article also capitalises it inside a name
    expect(find(ms, 'Marsh')).toMatchObject({ type: 'person', key: 'Ada Marsh' });
  });

  it('keeps a capitalised word that is more of a name after a sentence-initial word', () => {
    const ms = mentionsOf('Security Council members met in Geneva.');
    expect(find(ms, 'Security Council')?.type).toBe('organization');
  });

  it('drops demonyms formed from a place the article names and nationality adjectives wink knows', () => {
    const ms = mentionsOf('Dravonian troops crossed into Dravonia on Monday, and Venezuelan officials said many Dravonians had fled.');
    expect(ms.map((m) => m.text)).toEqual(['Dravonia']);
  });

  it('keeps a demonym-shaped word that is the surname of a person in the article', () => {
    // wink's lexicon has "julian" as an adjective of the demonym's shape
    const ms = mentionsOf('Senator Peta Julian arrived late. The players waited for Julian at the gate.');
    expect(ms.find((m) => m.name.text === 'Julian')).toMatchObject({ type: 'person', key: 'Peta Julian' });
  });

  it('types a one-word name as a place throughout the article when it stands in a place context once', () => {
    const ms = mentionsOf("Talks in Orvessa ended on Monday. Orvessa has no port. The mayor of Tarnby said Kell was quiet, and Dunmore's residents slept.");
    expect(ms.filter((m) => m.name.text === 'Orvessa').map((m) => m.type)).toEqual(['place', 'place']);
    expect(find(ms, 'Tarnby')?.type).toBe('place');
    expect(find(ms, 'Dunmore')?.type).toBe('place');
    expect(find(ms, 'Kell')?.type).toBe('unknown');
  });

  it('does not type a name as a place after "in" when a noun or a possessive follows, nor a common word or a name with digits', () => {
    const ms = mentionsOf("Faith in Brannock's plan fell. Cases rose in Velora clinics, and trust in Zenvid-19 tests waned.");
    expect(find(ms, 'Brannock')?.type).toBe('unknown');
    expect(find(ms, 'Velora')?.type).toBe('unknown');
    expect(find(ms, 'Zenvid-19')?.type ?? 'unknown').toBe('unknown');
  });

  it('types names opening with a place word as places, not persons', () => {
    const ms = mentionsOf('The ferry from Port Selvane reached Mount Orrin by noon.');
    expect(find(ms, 'Port Selvane')?.type).toBe('place');
    expect(find(ms, 'Mount Orrin')?.type).toBe('place');
  });

  it('does not take a title following a title for a name, but keeps a title word after an honorific', () => {
    expect(mentionsOf('The Prosecutor General opened a case.').map((m) => m.text)).toEqual([]);
    expect(find(mentionsOf('The crowd sang for Dr. King.'), 'Dr. King')?.type).toBe('person');
  });
});

describe('buildAliasIndex', () => {
  it('merges a surname with the full name used in another article', () => {
    const a = analyzeDoc({ id: 'a', outlet: 'o', title: '', text: 'Foreign Minister Sergey Lavrov spoke in Geneva.' });
    const b = analyzeDoc({ id: 'b', outlet: 'o', title: '', text: 'Lavrov later denied it.' });
    const index = buildAliasIndex([a, b]);
    expect(index.get('Sergey Lavrov')).toMatchObject({ count: 2, type: 'person' });
    expect(index.get('Sergey Lavrov')!.forms.sort()).toEqual(['Lavrov', 'Sergey Lavrov']);
    expect(index.has('Lavrov')).toBe(false);
    expect(b.mentions.find((m) => m.name.text === 'Lavrov')?.key).toBe('Sergey Lavrov');
  });

  it('keeps a one-word name that far outnumbers the only full name ending in it as a name of its own', () => {
    const group = analyzeDoc({ id: 'g', outlet: 'o', title: '', text: 'The campaign group Clean Books Ostrava said so.' });
    const country = Array.from({ length: 6 }, (_, i) => analyzeDoc({ id: `c${i}`, outlet: 'o', title: '', text: `Ostrava said on Monday that talks would go on.` }));
    const index = buildAliasIndex([group, ...country]);
    expect(index.get('Ostrava')?.count).toBe(6);
    expect(country[0].mentions.find((m) => m.name.text === 'Ostrava')?.key).toBe('Ostrava');
  });

  it('still merges a surname used a few times more often than the full name', () => {
    const a = analyzeDoc({ id: 'a', outlet: 'o', title: '', text: 'Foreign Minister Sergey Lavrov spoke in Geneva.' });
    const rest = Array.from({ length: 4 }, (_, i) => analyzeDoc({ id: `b${i}`, outlet: 'o', title: '', text: 'Lavrov later denied it.' }));
    const index = buildAliasIndex([a, ...rest]);
    expect(index.get('Sergey Lavrov')?.count).toBe(5);
    expect(index.has('Lavrov')).toBe(false);
  });

  it('types a one-word name as a place across the corpus when articles put it in place contexts', () => {
    const a = analyzeDoc({ id: 'a', outlet: 'o', title: '', text: 'Fighting in Orvessa went on all night.' });
    const b = analyzeDoc({ id: 'b', outlet: 'o', title: '', text: 'Orvessa denied it on Monday.' });
    expect(b.mentions[0].type).toBe('unknown');
    const index = buildAliasIndex([a, b]);
    expect(b.mentions[0].type).toBe('place');
    expect(index.get('Orvessa')).toMatchObject({ type: 'place', count: 2 });
  });

  it('does not type a demonym of another name of the corpus as a place', () => {
    const a = analyzeDoc({ id: 'a', outlet: 'o', title: '', text: 'Fighting in Santhera went on. The Santheran city council met.' });
    const b = analyzeDoc({ id: 'b', outlet: 'o', title: '', text: 'Observers met in Santheran villages, and Santheran officials spoke.' });
    buildAliasIndex([a, b]);
    expect([...a.mentions, ...b.mentions].filter((m) => m.name.text === 'Santheran').map((m) => m.type)).not.toContain('place');
  });

  it('leaves mention keys alone with rekey: false', () => {
    const a = analyzeDoc({ id: 'a', outlet: 'o', title: '', text: 'President Ada Vorkosigan spoke.' });
    const b = analyzeDoc({ id: 'b', outlet: 'o', title: '', text: 'Vorkosigan denied it.' });
    buildAliasIndex([a, b], { rekey: false });
    expect(b.mentions[0].key).toBe('Vorkosigan');
  });
});

describe('findMentions: title case, plurals, weekdays and common-word surnames', () => {
  it('keeps from a title-case line only the names the article uses in its ordinary lines', () => {
    const ms = mentionsOf('Vorkosigan Signs Order On Grain Exports\n\nPresident Ada Vorkosigan signed the order on Monday.\n\nSubscribe To The Big Story Newsletter');
    const headline = ms.filter((m) => m.start < 40);
    expect(headline.map((m) => m.text)).toEqual(['Vorkosigan']);
    expect(headline[0]).toMatchObject({ type: 'person', key: 'Ada Vorkosigan' });
    expect(ms.map((m) => m.text)).not.toContain('Big Story Newsletter');
    expect(ms.map((m) => m.key).join('|')).not.toMatch(/Story|Grain|Order/);
  });

  it('reads a sentence crowded with names and titles as ordinary text, not as a headline', () => {
    const ms = mentionsOf('Senator Ada Vorkosigan (D-NY) told Kestria Today Sunday Edition about it.');
    expect(find(ms, 'Senator Ada Vorkosigan')).toMatchObject({ type: 'person', name: { text: 'Ada Vorkosigan' }, title: { text: 'Senator' } });
  });

  it('does not take a name ending in an ordinary plural, or in a noun the article writes in lower case, for a person', () => {
    const ms = mentionsOf('Senate Democrats blocked the vote. Firms across Orvessa State asked the state for help.');
    expect(find(ms, 'Senate Democrats')?.type).not.toBe('person');
    expect(find(ms, 'Orvessa State')?.type).not.toBe('person');
    expect(mentionsOf('The cable firm | AP Photos Vorkosigan readies for a fight.').find((m) => m.text.includes('Vorkosigan'))?.type).not.toBe('person');
  });

  it('keeps the plural of a party as a group, as it keeps "Democrats", but not a nation', () => {
    const ms = mentionsOf('Senate Republicans met. Later, Republicans and Democrats talked, and Americans watched.');
    expect(ms.filter((m) => m.text === 'Republicans')).toHaveLength(1);
    expect(find(ms, 'Republicans')?.type).not.toBe('person');
    expect(find(ms, 'Americans')).toBeUndefined();
  });

  it('does not start a name with the weekday before it', () => {
    const ms = mentionsOf('Officials said on Tuesday Vorkosigan had left.');
    expect(ms.map((m) => m.text)).toEqual(['Vorkosigan']);
  });

  it('keeps a surname that is also a common word when it opens a sentence speaking, but not an ordinary word owning', () => {
    const ms = mentionsOf('Trump said the talks would go on. Editor’s note: updated. Several states agreed. Several told us so. Security was tight.');
    expect(ms.map((m) => m.text)).toEqual(['Trump']);
  });

  it('types an institution named after a place or person as an organization, but not a possessive or a lone head noun', () => {
    const ms = mentionsOf('Doctors at Mount Orvessa Hospital and the Vorkosigan Center agreed. Kestria’s center was calm, and the Center said so.');
    expect(find(ms, 'Mount Orvessa Hospital')?.type).toBe('organization');
    expect(find(ms, 'Vorkosigan Center')?.type).toBe('organization');
    expect(ms.find((m) => m.text.startsWith('Kestria'))?.type).not.toBe('organization');
    expect(find(ms, 'Center')?.type).not.toBe('organization');
  });
});

describe('buildAliasIndex: common words', () => {
  it('does not merge a common word into a longer name unless some article calls it a person by itself', () => {
    const full = analyzeDoc({ id: 'a', outlet: 'o', title: '', text: 'Reporters met Ada Story in Geneva.' });
    const plain = analyzeDoc({ id: 'b', outlet: 'o', title: '', text: 'They read the Story aloud.' });
    buildAliasIndex([full, plain]);
    expect(plain.mentions.find((m) => m.name.text === 'Story')?.key).toBe('Story');
    const titled = analyzeDoc({ id: 'c', outlet: 'o', title: '', text: 'Later Ms. Story left.' });
    const again = analyzeDoc({ id: 'b2', outlet: 'o', title: '', text: 'They read the Story aloud.' });
    buildAliasIndex([full, titled, again]);
    expect(again.mentions.find((m) => m.name.text === 'Story')?.key).toBe('Ada Story');
  });
});
