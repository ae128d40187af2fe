import { describe, expect, it } from 'vitest';
import { messages } from '../../src/report/messages.js';

describe('eventChartCaption', () => {
  const rows = [
    { label: 'Flood at the mill', count: 46, outlets: 15 },
    { label: 'Bridge vote', count: 30, outlets: 18 },
  ];

  it('says how wide the widest coverage is when no event has every outlet, with counts written as numbers are read', () => {
    const caption = messages.eventChartCaption(rows, 10664, 360);
    expect(caption).toBe(
      '"Flood at the mill" is the most covered event with 46 articles from 15 outlets; no event shown is covered by all 360 outlets, the widest by 18 (the 2 largest of 10,664 shown).',
    );
  });

  it('counts the events every outlet covered when there are some', () => {
    expect(messages.eventChartCaption(rows, 2, 15)).toBe('"Flood at the mill" is the most covered event with 46 articles from 15 outlets; 1 event is covered by every outlet.');
  });
});
