/**
 * Chart files without a browser: a Vega-Lite spec is compiled to Vega, run headless in Node
 * (renderer 'none') and serialized to SVG; PNG goes through resvg. Used for charts/<name>.svg
 * and by notebooks that want a static image.
 */
import type { View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

// vega's Node build has a top-level await (optional canvas), so vega and vega-lite (which pulls it
// in) are imported lazily: a static import would make the library impossible to require(), and
// tslab notebooks load it that way.
async function withView<T>(spec: object, use: (view: View) => Promise<T>): Promise<T> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = compile(spec as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await use(view);
  } finally {
    view.finalize();
  }
}

/** Renders a Vega-Lite spec to an SVG document string. */
export function renderSvg(spec: object): Promise<string> {
  return withView(spec, (view) => view.toSVG());
}

/** Options for renderPng. */
export interface PngOptions {
  /** Pixel density multiplier. Default 2. */
  scale?: number;
  /** Background colour. Default white. */
  background?: string;
}

/** Renders a Vega-Lite spec to PNG bytes (SVG through @resvg/resvg-js). */
export async function renderPng(spec: object, options: PngOptions = {}): Promise<Uint8Array> {
  const svg = await renderSvg(spec);
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: options.background ?? 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
