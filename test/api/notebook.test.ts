import { describe, expect, it } from 'vitest';
import { showChart, showTable, tableHtml, vegaLiteBundle } from '../../src/api/notebook.js';

describe('notebook display outside a notebook', () => {
  it('explains that showChart and showTable need the tslab kernel and what to use elsewhere', () => {
    expect(() => showChart({ mark: 'bar' })).toThrow(/inside a tslab notebook kernel only; elsewhere use renderSvg\(spec\) or tableHtml\(rows\)/);
    expect(() => showTable([{ a: 1 }])).toThrow(/tableHtml\(rows\)/);
  });

  it('builds an escaped HTML table with a note on the rows left out', () => {
    const html = tableHtml([{ name: '<b>Vell</b>', n: 1 }, { name: 'Orn', n: 2 }], { limit: 1 });
    expect(html).toContain('<td>&lt;b&gt;Vell&lt;/b&gt;</td>');
    expect(html).toContain('1 more row not shown');
  });

  it('wraps a Vega-Lite spec as the MIME bundle Jupyter renders', () => {
    expect(vegaLiteBundle({ mark: 'bar' })).toEqual({ mime: 'application/vnd.vegalite.v5+json', data: { mark: 'bar' } });
  });
});
