import { describe, expect, it } from 'vitest';
import { renderPng, renderSvg } from '../../src/report/render-svg.js';

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 240,
  height: 120,
  data: { values: [{ outlet: '</script><script>window.pwned=1</script>', n: 3 }, { outlet: 'Daily & Co', n: 5 }] },
  mark: 'bar',
  encoding: { x: { field: 'outlet', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } },
};

describe('renderSvg', () => {
  it('renders a Vega-Lite bar chart to an SVG document with one rect per bar', async () => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<path[^>]*aria-roledescription="bar"/g)?.length).toBe(2);
  });

  it('escapes data strings so a hostile label stays text in the SVG', async () => {
    const svg = await renderSvg(spec);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('Daily &amp; Co');
  });

  it('rejects a spec that vega-lite cannot compile', async () => {
    await expect(renderSvg({ mark: 'no-such-mark' })).rejects.toThrow();
  });
});

describe('renderPng', () => {
  it('renders PNG bytes with the PNG signature', async () => {
    const png = await renderPng(spec, { scale: 1 });
    expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
