import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import type { Article } from '../../src/corpus/article.js';
import { extractAttributions } from '../../analyses/attribution/index.js';
import { extractCandidates } from '../../analyses/attribution/extract.js';
import { checkFeatures, checkProbability, namedProbability, type AttributionCheck } from '../../analyses/attribution/attribution-check.js';
import { loadCueModel } from '../../analyses/attribution/cue-model.js';
import type { Attribution } from '../../analyses/attribution/types.js';

const doc = (text: string) => analyzeDoc({ id: 'r', outlet: 'Northern Ledger', title: '', text } as Article, { outlets: ['Northern Ledger'] });
const extract = (text: string, check?: AttributionCheck | null) => extractAttributions(doc(text), { outlets: ['Northern Ledger'], check });
const sourceOf = (found: Attribution[], cue: string) => found.find((a) => a.cue.text.split(' ')[0] === cue)?.source?.text;
/** The source of the sentence's last "said" (the first may sit inside a relative clause). */
const lastSaidSource = (text: string) => extract(text).filter((a) => a.cue.text === 'said').at(-1)?.source?.text;

describe('source rules', () => {
  it('takes a name standing between commas right before the cue as the source', () => {
    const found = extract('The head of the harbour fund, Mira Castell, praised the new ferry plan on Monday.');
    expect(sourceOf(found, 'praised')).toBe('Mira Castell');
  });

  it('takes the noun phrase before a "who" clause in commas, not the subject inside the clause', () => {
    expect(lastSaidSource('Barkwell, who said he usually votes early, said the queues were too long this year.')).toBe('Barkwell');
  });

  it('gives a "citing" cue to the one who cites, not to what is cited', () => {
    const found = extract('“Prices will keep rising,” the minister said, citing the latest harvest figures.');
    const citing = found.find((a) => a.cue.text.startsWith('citing'));
    expect(citing?.source?.text).not.toMatch(/harvest|figures/);
  });

  it('never takes a clause subject from inside the quote before the cue', () => {
    const found = extract('“We were wrong to wait,” Oren Dahl, 58, told the Klaxon in an interview on Monday.');
    expect(sourceOf(found, 'told')).toMatch(/Oren Dahl/);
  });

  it('joins a share of people into one source phrase', () => {
    const found = extract('Six in 10 say the council should resign, according to the survey.');
    expect(sourceOf(found, 'say')).toBe('Six in 10');
  });

  it('takes the name before a long relative clause in commas, passing over an age, not a time phrase inside the clause', () => {
    const found = extract('Fisherman Tavo Renk, 71, who spent last winter wrapped in blankets in his cabin, said: "Nobody came to help."');
    const said = found.find((a) => a.cue.text.startsWith('said'));
    expect(said?.source?.text).toBe('Fisherman Tavo Renk');
    expect(said?.sourceType).toBe('person');
  });

  it('gives the cue to the noun a relative clause without commas hangs on, not to the object inside the clause', () => {
    const found = extract('Local traders who had spent weeks warning of a dry harvest said the council had failed them.');
    const said = found.find((a) => a.cue.text === 'said');
    expect(said?.source?.text).toBe('Local traders who had spent weeks warning of a dry harvest');
    // The name the source goes by leaves the clause out.
    expect(said?.resolved).toBe('Local traders');
  });

  it('keeps a word glued by hyphens whole in the source phrase', () => {
    expect(sourceOf(extract('One father-of-two said: "We waited on the roof all night."'), 'said:')).toBe('One father-of-two');
    expect(sourceOf(extract('Several pro-harbour campaigners said the pier should stay open.'), 'said')).toBe('Several pro-harbour campaigners');
  });

  it('reads an apostrophe after a comma as the end of a quote and takes the speaker after the cue, but keeps a possessive', () => {
    const found = extract("''We are trying to calibrate it right now,'' said Tomas Brel, a pollster for the harbour fund.");
    expect(sourceOf(found, 'said')).toBe('Tomas Brel');
    expect(sourceOf(extract("The harbour workers' union said the pier must stay open."), 'said')).toBe("The harbour workers' union");
  });

  it('takes a share of a group named by a pronoun as one phrase before a relative clause', () => {
    expect(lastSaidSource('Two of them, who spoke on condition that they not be named, said the ferry had been sold.')).toBe('Two of them');
  });

  it('never takes a time expression on its own as the source', () => {
    const found = extract('"We will rebuild the pier," said Monday.');
    expect(found.find((a) => a.cue.text === 'said')?.source).toBeNull();
    // A phrase that only ends in a time word is still a source.
    expect(sourceOf(extract('The 46-year-old said the ferry was late.'), 'said')).toBe('The 46-year-old');
  });

  it('does not run a cue from the verb of a relative clause into the main verb', () => {
    const found = extract('A man who answered the phone said "no comment" and hung up.');
    expect(found.map((a) => a.cue.text)).not.toContain('answered the phone said');
    const said = found.find((a) => a.cue.text === 'said');
    expect(said?.source?.text).toBe('A man who answered the phone');
    expect(said?.content?.text).toBe('no comment');
  });

  it('does not take a verb inside the source of another attribution for a cue of its own', () => {
    const found = extract('A woman who answered the phone at the depot said the office was closed until Monday.');
    expect(found.map((a) => a.cue.text)).toEqual(['said']);
    expect(found[0].source?.text).toBe('A woman who answered the phone at the depot');
  });

  it('types a one-word name the article puts in a place as an organization source, not a person', () => {
    const found = extract('Talks in Dravonia stalled on Friday. Dravonia said on Monday that it would not return to the table.');
    expect(found.find((a) => a.source?.text === 'Dravonia')?.sourceType).toBe('organization');
  });
});

// The rule cues themselves, before the whole-attribution check weighs them.
describe('rule cues', () => {
  it('does not read a tally of labelled numbers as a transcript of speakers', () => {
    const found = extract('Delegates so far.\n\nAda Roe: 1,769.\n\nBen Oduya: 1,501.\n\nCal Minh: 612.', null);
    expect(found.filter((a) => a.cue.text === ':')).toEqual([]);
  });

  it('reads labelled lines of speech as a transcript', () => {
    const found = extract('ROE: We will not give in to the tolls.\n\nODUYA: Then the ferries will stop running.\n\nROE: So be it.', null);
    expect(found.filter((a) => a.cue.text === ':').length).toBe(3);
  });
});

describe('the whole-attribution check', () => {
  const text = 'Mayor Ada Roe said the bridge would reopen in May. Her deputy whispered that the date would slip.';

  it('drops attributions the check finds unlikely and says why it kept the others', () => {
    const check: AttributionCheck = { keep: 0.5, weights: { bias: 4, 'verb=whisper': -10 } };
    const found = extract(text, check);
    expect(found.some((a) => a.verb === 'say')).toBe(true);
    expect(found.some((a) => a.verb === 'whisper')).toBe(false);
    for (const a of found) expect(a.reason).toMatch(/check p=\d\.\d\d/);
  });

  it('keeps every candidate when there is no check', () => {
    const candidates = extractCandidates(doc(text), { check: null }).attributions;
    expect(extract(text, null).map((a) => a.cue.text)).toEqual(candidates.map((a) => a.cue.text));
  });

  it('scores a candidate exactly as the sum of its named feature weights', () => {
    const check = loadCueModel().check;
    expect(check).toBeDefined();
    const { attributions, facts } = extractCandidates(doc(`${text} “We will not wait,” said the ferry union, which called the delay a scandal.`));
    expect(attributions.length).toBeGreaterThanOrEqual(2);
    attributions.forEach((_, i) => expect(checkProbability(check!, attributions, facts, i)).toBe(namedProbability(check!.weights, checkFeatures(attributions, facts, i))));
  });

  it('describes candidates with buckets, tags and verb lemmas only', () => {
    const { attributions, facts } = extractCandidates(doc(text));
    const names = attributions.flatMap((_, i) => checkFeatures(attributions, facts, i));
    expect(names).toContain('verb=say');
    for (const name of names) expect(name).not.toMatch(/Roe|Ada|bridge|May/);
  });
});

describe('phrases of anonymity', () => {
  it('does not take "who declined to be named" for a cue, and gives the main cue its source', () => {
    const found = extract('A senior official, who declined to be named, told reporters that the talks had failed.', null);
    expect(found.map((a) => a.cue.text)).toEqual(['told']);
    expect(found[0].source?.text).toMatch(/^A senior official/);
    expect(extract('The source, who declined to be named as the order was not public, told the Ledger it was final.', null).map((a) => a.cue.text)).toEqual(['told']);
    expect(found[0].content?.text).toBe('that the talks had failed');
  });

  it('takes the content before "said" when what follows only says why the source is not named', () => {
    const found = extract('The ministry will publish the plan on Friday, the official said on condition of anonymity because he was not authorized to speak.', null);
    const said = found.find((a) => a.cue.text === 'said');
    expect(said?.content?.text).toBe('The ministry will publish the plan on Friday');
    expect(found.map((a) => a.cue.text)).not.toContain('was not authorized to speak');
  });

  it('does not take a participle of anonymity for a cue nor for content', () => {
    const found = extract('The official, speaking on the condition of anonymity to discuss the schedule, said on Sunday that the visit was off.', null);
    expect(found.map((a) => a.cue.text.split(' ')[0])).toEqual(['said']);
    expect(found[0].content?.text).toBe('that the visit was off');
    const according = extract('Talks had failed, according to an aide who spoke to the Northern Ledger on condition of anonymity.', null);
    expect(according.find((a) => a.cue.text === 'according to')?.content?.text).toBe('Talks had failed');
  });

  it('takes the clause after the note when a sentence opens with the cue, and reads "on the grounds that" as no note', () => {
    const opening = extract('According to an official who spoke on condition of anonymity, the plan was dropped.', null);
    expect(opening.find((a) => a.cue.text === 'According to')?.content?.text).toBe('the plan was dropped');
    const grounds = extract('The agency rejected the plan on the grounds that it would be harmful, its director said.', null);
    expect(grounds.find((a) => a.cue.text.startsWith('rejected'))?.content?.text ?? '').toMatch(/grounds that it would be harmful/);
  });

  it('keeps "declined to comment" as a cue, as PolNeAR annotates it', () => {
    const found = extract('A spokesman for the ministry declined to comment.', null);
    expect(found.map((a) => a.cue.text.split(' ')[0])).toContain('declined');
  });
});
