import { describe, expect, it } from 'vitest';
import { leadOf } from '../../src/report/event-page.js';

describe('leadOf', () => {
  const story = 'Floodwater reached the old mill in Ardel on Tuesday, and the council opened two shelters.';

  it('skips the headline when the scraped text repeats it, a byline and lines that are not sentences (a photo credit, a time stamp)', () => {
    const text = `Flood Reaches Ardel's Old Mill!\n\nBy Ada Renn and Bo Castel, Velmora Ledger\n\nEnlarge this image Photo: Cleo Marsh/Velmora Ledger\n\nUpdated at 4:20 p.m.\n\n${story}\n\nMore follows.`;
    expect(leadOf(text, "Flood reaches Ardel's old mill")).toBe(story);
  });

  it('skips a caption or sign-up paragraph even when it reads as a sentence', () => {
    const text = `Media playback is unsupported on your device Media caption Residents of Ardel describe the night the river rose.\n\nGet the Ledger's stories you care about delivered to your inbox every morning.\n\n${story}`;
    expect(leadOf(text, 'Flood at the mill')).toBe(story);
  });

  it('keeps a first paragraph that only starts like the headline, and the first paragraph when every one is skipped', () => {
    expect(leadOf(`Flood reaches Ardel, where the council opened two shelters.\n\n${story}`, 'Flood reaches Ardel')).toBe('Flood reaches Ardel, where the council opened two shelters.');
    expect(leadOf('Flood reaches Ardel', 'Flood reaches Ardel')).toBe('Flood reaches Ardel');
  });

  it('cuts a long paragraph at a word boundary', () => {
    const lead = leadOf(`${story} `.repeat(10));
    expect(lead.endsWith('…')).toBe(true);
    expect(lead.length).toBeLessThan(story.length * 10);
    expect(story.startsWith(lead.slice(0, 40))).toBe(true);
  });
});
