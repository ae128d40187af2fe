/**
 * Labels with an everyday literal sense ("animal", "rat", "monster", "swarm") count as
 * dehumanizing only when said of people (analyses/loaded/said-of-people.ts). Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import { detectLoaded, loadedResources } from '../../analyses/loaded/index.js';

const labels = (text: string) =>
  detectLoaded(analyzeDoc({ id: 'a1', outlet: 'Fixture Daily', title: '', text }), loadedResources(), { noModel: true })
    .markers.filter((m) => m.subcategory === 'dehumanizing')
    .map((m) => m.text);

describe('labels said of people', () => {
  it.each([
    ['The senator said the protesters were animals and should be jailed.', 'animals'],
    ['Orvald Pike is a monster who preys on the weak, the mayor wrote.', 'monster'],
    ['The column described the newcomers as vermin.', 'vermin'],
    ['The leaflet warned of hordes of migrants at the border.', 'hordes'],
    ['He called the strikers rats in a late-night post.', 'rats'],
    ['"These animals burned our shop," the owner said.', 'animals'],
    ['Critics said the prisoners were treated like animals.', 'animals'],
    ['The pamphlet spoke of barely human savages across the river.', 'savages'],
  ])('flags %j', (text, label) => {
    expect(labels(text)).toContain(label);
  });

  it.each([
    ['Farmers moved their animals to higher ground before the flood.'],
    ['The barn is standing and the animals are alive.'],
    ['Pest controllers reported a sharp rise in rat infestations across the city.'],
    ['The monster storm flattened the harbour wall.'],
    ['Police swarmed the square after the alarm.'],
    ['The plan would bring savage cuts to local clinics.'],
    ['The interview first ran in the Daily Beast on Monday.'],
    ['Her cardiologist, Dr. Lena Savage, signed the letter.'],
    ['Virus spillover from animal-to-human contact is the main worry.'],
    ['A swarm of bees delayed the match for an hour.'],
    ['Higher education is where the monster was created, the author argues.'],
  ])('does not flag %j', (text) => {
    expect(labels(text)).toEqual([]);
  });

  it('still flags labels that only ever name people', () => {
    expect(labels('The flyer called them subhuman scum.')).toEqual(expect.arrayContaining(['scum']));
  });
});
