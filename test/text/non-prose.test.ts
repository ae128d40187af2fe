import { describe, expect, it } from 'vitest';
import { analyzeDoc } from '../../src/text/analyze.js';
import { nonProseSentences } from '../../src/text/non-prose.js';
import { docTerms } from '../../analyses/similarity/features.js';
import { termsDocFromAnalyzed } from '../../analyses/terms/terms-doc.js';

// An invented newsletter form of the kind scrapers keep: a picker of (invented) place names.
const PLACES = 'Ardel Bellmoor Corrin Dunmarra Estvale Farrowgate Glennis Harrowmere Istria Jorvale Kestria Lunmoor Marrowick Norvale Orlisk Pellgard Quarry Rendmoor Saltmere Tarvik Ulmaren Velmora Wexhold Yarrowby Zennor';
const PICKER = `Get our briefing. Sign up to receive the stories you need. Choose your region ${PLACES} ${PLACES.split(' ').reverse().join(' ')} North Ardel South Ardel East Corrin West Corrin`;
const STORY = 'Floodwater reached the old mill in Ardel on Tuesday. The council opened two shelters and asked residents to leave the lower streets.';

function sentencesOf(text: string) {
  const doc = analyzeDoc({ id: 'd', outlet: 'Ardel Post', title: '', text });
  const mask = nonProseSentences(doc);
  return doc.sentences.map((s, k) => ({ text: text.slice(s.start, s.end), nonProse: mask[k] === 1 }));
}

describe('nonProseSentences', () => {
  it('marks a long picker of capitalised names without verbs, and keeps the story sentences around it', () => {
    const sentences = sentencesOf(`${STORY}\n\n${PICKER}`);
    const picker = sentences.find((s) => s.text.includes('Zennor'))!;
    expect(picker.nonProse).toBe(true);
    expect(sentences.filter((s) => s.text.includes('Floodwater') || s.text.includes('shelters')).every((s) => !s.nonProse)).toBe(true);
  });

  it('keeps prose that names many people, because verbs and lower-case words sit between the names', () => {
    const text =
      'The council members who voted against the plan were Ada Renn of Ardel, Bo Castel of Corrin, Cleo Marsh of Dunmarra, Dov Ilsen of Estvale, Edda Voss of Farrowgate, Finn Aro of Glennis, Greta Lind of Harrowmere, Hugo Brandt of Istria and Ines Kalder of Jorvale, who said the vote came too early and that the shelters were not ready.';
    expect(sentencesOf(text).every((s) => !s.nonProse)).toBe(true);
  });

  it('marks photo credits and captions kept by a scraper, and keeps prose that mentions a photo', () => {
    const text = `Enlarge this image toggle caption Cleo Marsh/AP Cleo Marsh/AP\n\n${STORY}\n\nHide Caption 4 of 22 Photos: The flood in pictures – Residents carry sandbags.\n\nPhotos: The flood in pictures – A boat on Mill Street.\n\nA photographer for the Ledger took the picture of the mill that the council later shared.\n\n| AP Photos The council's levee plan\n\n| Reuters photos The mill`;
    const sentences = sentencesOf(text);
    expect(sentences.filter((s) => s.nonProse).map((s) => s.text.slice(0, 12))).toEqual(['Enlarge this', 'Hide Caption', 'Photos: The ', '| AP Photos ', '| Reuters ph']);
  });

  it('marks page furniture: a video widget, links to other stories, a newsletter sign-up, a copyright footer, an ad label, a time stamp and a staff credit', () => {
    const text = `${STORY}\n\nJUST WATCHED Flood footage from Ardel Replay More Videos ... MUST WATCH Flood footage from Ardel 02:11\n\nRelated: Council plans new levee\n\nSign up for Daily Newsletters Manage Newsletters\n\nCopyright © 2031 The Velmora Ledger, LLC. Click here for reprint permission.\n\nStory Continued Below\n\nAdvertisement\n\nUpdated at 4:20 p.m.\n\nMira Santel contributed to this report.`;
    const sentences = sentencesOf(text);
    expect(sentences.filter((s) => !s.nonProse).map((s) => s.text)).toEqual(['Floodwater reached the old mill in Ardel on Tuesday.', 'The council opened two shelters and asked residents to leave the lower streets.']);
  });

  it('marks bylines and sign-offs, and keeps a one-word heading and prose that begins with "By"', () => {
    const text = `By Mira Santel and Joss Arden, Ardel Post\n\n${STORY}\n\n– Mira Santel and Joss Arden\n\n—Cleo Marsh, Ledger Network Velmora\n\nBy Comparison\n\nBy noon the water had fallen by a foot.`;
    const sentences = sentencesOf(text);
    expect(sentences.filter((s) => s.nonProse).map((s) => s.text.slice(0, 8))).toEqual(['By Mira ', '– Mira S', '—Cleo Ma']);
  });

  it('marks a share line and a story-highlights box', () => {
    const text = `Story highlights The council opens two shelters\n\n${STORY}\n\nRead or Share this story: https://ledger.example/flood`;
    const sentences = sentencesOf(text);
    expect(sentences.filter((s) => !s.nonProse).map((s) => s.text)).toEqual(['Floodwater reached the old mill in Ardel on Tuesday.', 'The council opened two shelters and asked residents to leave the lower streets.']);
  });

  it('marks a wire credit line', () => {
    const sentences = sentencesOf(`${STORY}\n\n(Reporting by Mira Santel; Editing by Joss Arden)`);
    expect(sentences.find((s) => s.text.includes('Santel'))!.nonProse).toBe(true);
  });
});

describe('what skips non-prose sentences', () => {
  it('leaves a picker’s place names out of the similarity features and the word-choice terms', () => {
    const doc = analyzeDoc({ id: 'd', outlet: 'Ardel Post', title: '', text: `${STORY}\n\n${PICKER}` });
    const features = docTerms(doc);
    const keys = [...Object.keys(features.terms), ...Object.keys(features.names)].join(' ');
    expect(keys).toMatch(/floodwater|shelter/i);
    expect(keys).not.toMatch(/Zennor|Wexhold|Yarrowby/);
    const terms = termsDocFromAnalyzed(doc);
    const words = terms.text.filter((_, k) => terms.kind[k].toLowerCase() === 'w');
    expect(words).toContain('Floodwater');
    expect(words.some((w) => /Zennor|Wexhold|Yarrowby/.test(w))).toBe(false);
  });
});
