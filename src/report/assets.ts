/**
 * The report's own CSS and browser script (plain strings, no build step), and the vendor bundle:
 * vega, vega-lite and vega-embed from node_modules plus vega's CSP-safe expression interpreter,
 * so charts render from file:// with no network and without 'unsafe-eval'.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const REPORT_CSS = `
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--soft:#f6f8fa;--line:#d1d9e0;--accent:#0b57d0;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:var(--fg);background:var(--bg)}
body{margin:0;line-height:1.5}
a{color:var(--accent)}
.fl-top{background:var(--soft);border-bottom:1px solid var(--line);padding:.6rem 1.5rem;display:flex;gap:1rem;flex-wrap:wrap;align-items:baseline}
.fl-top .brand{font-weight:700;text-decoration:none;color:var(--fg)}
.fl-top nav{display:flex;gap:.9rem;flex-wrap:wrap;font-size:.95rem}
main{max-width:80rem;margin:0 auto;padding:1rem 1.5rem 4rem}
h1{font-size:1.6rem;margin:.6rem 0}
h2{font-size:1.3rem;margin:2.2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.muted,.meta{color:var(--muted)}
.summary{display:flex;gap:2rem;flex-wrap:wrap;margin:.5rem 0 1rem;padding:0}
.summary div{min-width:7rem}.summary dt{color:var(--muted);font-size:.85rem}.summary dd{margin:0;font-size:1.25rem;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
figure.fl-figure{margin:0 0 1rem;max-width:100%;overflow-x:auto}
figure.fl-figure figcaption{color:var(--muted);font-size:.92rem;max-width:44rem}
.fl-chart{min-height:2rem}
.swatch{display:inline-block;width:.75em;height:.75em;border-radius:2px;margin-right:.3em;vertical-align:baseline;background:var(--c,#999)}
.fl-table-wrap{max-width:100%;overflow-x:auto}
table.fl-table{border-collapse:collapse;font-size:.92rem;margin:.3rem 0}
.fl-table th,.fl-table td{border-bottom:1px solid var(--line);padding:.25rem .6rem;text-align:left;vertical-align:top}
.fl-table th{background:var(--soft);position:sticky;top:0}
.fl-table th button{all:unset;cursor:pointer;font-weight:600}
.fl-table th button:focus-visible,.fl-controls button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.fl-table th button::after{content:" \\2195";color:var(--muted);font-weight:400}
.fl-table th[aria-sort=ascending] button::after{content:" \\2191"}
.fl-table th[aria-sort=descending] button::after{content:" \\2193"}
.fl-table .num{text-align:right;font-variant-numeric:tabular-nums}
.fl-table .nowrap{white-space:nowrap}
.fl-table caption{text-align:left;color:var(--muted);caption-side:bottom;padding-top:.3rem}
.fl-controls{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center;margin:.4rem 0;font-size:.92rem}
.fl-controls input[type=search]{min-width:16rem}
.fl-status{color:var(--muted)}
.columns{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(13rem,1fr);gap:1rem;overflow-x:auto;padding-bottom:.5rem}
.column{border-top:4px solid var(--c,#999);background:var(--soft);padding:.5rem .75rem;border-radius:0 0 4px 4px}
.column h3{margin:.2rem 0 .5rem}
.column article{margin-bottom:1rem}
.column article h4{margin:0;font-size:1rem}
.column .lead{margin:.3rem 0;font-size:.92rem}
.article-layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(16rem,1.3fr);gap:2rem}
.article-text{white-space:pre-wrap;font-size:1.02rem;line-height:1.65;max-width:46rem}
mark.hl{background:color-mix(in srgb,var(--hc) 30%,transparent);border-bottom:2px solid var(--hc);color:inherit;padding:0 0 1px}
mark.hl:target{outline:2px solid var(--hc)}
.legend{list-style:none;padding:0;margin:.5rem 0}
.legend li{margin:.15rem 0}
.panel h2:first-child{margin-top:0}
.findings{font-size:.9rem;padding-left:2.2rem;max-height:80vh;overflow-y:auto}
.findings li{margin-bottom:.4rem}
.findings q{font-style:italic}
.findings a::before{content:"";display:inline-block;width:.75em;height:.75em;border-radius:2px;margin-right:.3em;background:var(--c,#999)}
.note{background:#fff8c5;border:1px solid #e7d57a;padding:.4rem .8rem;border-radius:4px}
.error{background:#ffebe9;border:1px solid #ff8182;padding:.4rem .8rem;border-radius:4px}
@media (max-width:60rem){.article-layout{grid-template-columns:1fr}}
@media print{.fl-top nav,.fl-controls,.legend input{display:none}main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}.columns{grid-auto-flow:row;grid-template-columns:repeat(2,1fr)}
.findings{max-height:none;overflow:visible}h2{break-after:avoid}figure,tr{break-inside:avoid}
.fl-table th{position:static}}
`;

/**
 * The browser script: draws charts from the page's JSON block, makes tables sortable,
 * searchable, filterable and downloadable as CSV, and wires the highlight toggles.
 * Plain ES2017; reads only JSON blocks we wrote and never evaluates strings.
 */
export const REPORT_JS = `(function () {
'use strict';
var SAFE_HREF = /^(https?:\\/\\/|[^:]*$)/i;
var formats = {};
function formatNumber(value, digits) {
  if (typeof value !== 'number' || !isFinite(value)) return value == null ? '' : String(value);
  var d = digits == null ? 2 : digits;
  if (!formats[d]) formats[d] = new Intl.NumberFormat('en-US', { maximumFractionDigits: d });
  return formats[d].format(value);
}
function readJson(el) { return JSON.parse(el.textContent || 'null'); }

// Charts are drawn one per task, those in view first: the page is usable at once and a large
// overview does not block for the second or so that compiling a dozen Vega-Lite specs takes.
function drawCharts() {
  var block = document.getElementById('fl-charts');
  var specs = block ? readJson(block) : {};
  var pending = Array.prototype.slice.call(document.querySelectorAll('.fl-chart[data-chart]'));
  var fold = window.innerHeight;
  var below = function (el) { return el.getBoundingClientRect().top > fold ? 1 : 0; };
  pending.sort(function (a, b) { return below(a) - below(b); });
  function next() {
    var el = pending.shift();
    if (!el) { document.documentElement.setAttribute('data-charts', 'done'); return; }
    var spec = specs[el.getAttribute('data-chart')];
    if (!spec) return next();
    if (typeof window.vegaEmbed !== 'function') { el.textContent = 'Charts need the vega scripts (assets/vendor.js).'; return next(); }
    window.vegaEmbed(el, spec, { renderer: 'svg', actions: false, ast: true, expr: window.vegaExpressionInterpreter, defaultStyle: false })
      .then(function () { el.setAttribute('data-rendered', 'true'); })
      .catch(function (error) { el.setAttribute('data-rendered', 'error'); el.textContent = 'This chart could not be drawn: ' + error.message; console.error(error); })
      .then(function () { setTimeout(next, 0); });
  }
  setTimeout(next, 0);
}

function csvCell(value) {
  var text = value == null ? '' : String(value);
  if (/^[=+\\-@\\t\\r]/.test(text)) text = "'" + text;
  return /[",\\r\\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function decode(rows, dicts) {
  Object.keys(dicts || {}).forEach(function (c) {
    var dict = dicts[c];
    for (var r = 0; r < rows.length; r++) rows[r][c] = dict[rows[r][c]];
  });
}
function decodeLinks(links, dicts) {
  Object.keys(dicts || {}).forEach(function (c) {
    links[c] = links[c].map(function (code) { return dicts[c][code]; });
  });
}

function decodePrefixes(links, prefixes) {
  Object.keys(prefixes || {}).forEach(function (c) {
    var list = prefixes[c];
    links[c] = links[c].map(function (link) {
      if (link == null) return link;
      var bar = link.indexOf('|');
      var head = link.slice(0, bar);
      return (head === '' ? '' : list[Number(head)]) + link.slice(bar + 1);
    });
  });
}

function setupTable(table) {
  var id = table.getAttribute('data-table');
  var block = null;
  document.querySelectorAll('script[data-table-data]').forEach(function (s) { if (s.getAttribute('data-table-data') === id) block = s; });
  if (!block) return;
  var data = readJson(block);
  decode(data.rows, data.dicts);
  decodeLinks(data.links, data.linkDicts);
  decodePrefixes(data.links, data.linkPrefixes);
  decodeLinks(data.html || {}, data.htmlDicts);
  var wrap = table.closest('.fl-table-block');
  var tbody = table.tBodies[0];
  var status = wrap.querySelector('.fl-status');
  var showAll = wrap.querySelector('[data-show-all]');
  var search = wrap.querySelector('input[data-search]');
  var selects = wrap.querySelectorAll('select[data-filter]');
  var state = { col: -1, dir: 1, all: false, query: '', filters: {} };
  var haystack = null;

  function matches(r) {
    for (var c in state.filters) {
      if (String(data.rows[r][c] == null ? '' : data.rows[r][c]) !== state.filters[c]) return false;
    }
    if (!state.query) return true;
    if (!haystack) haystack = data.rows.map(function (row) {
      return (data.search || []).map(function (c) { return String(row[c] == null ? '' : row[c]); }).join('\\u0000').toLowerCase();
    });
    return haystack[r].indexOf(state.query) !== -1;
  }
  function currentRows() {
    var rows = [];
    for (var r = 0; r < data.rows.length; r++) if (matches(r)) rows.push(r);
    if (state.col >= 0) {
      var c = state.col, numeric = data.cols[c].num;
      rows.sort(function (a, b) {
        var x = data.rows[a][c], y = data.rows[b][c], d;
        if (x == null || x === '') return y == null || y === '' ? a - b : 1;
        if (y == null || y === '') return -1;
        d = numeric ? x - y : String(x).localeCompare(String(y));
        return d * state.dir || a - b;
      });
    }
    return rows;
  }
  function cell(r, c) {
    var td = document.createElement('td');
    var col = data.cols[c];
    td.className = (col.num ? 'num' : '') + (col.nw ? ' nowrap' : '');
    var html = data.html && data.html[c];
    if (html) { td.innerHTML = html[r]; return td; }
    var value = data.rows[r][c];
    var text = col.num ? formatNumber(value, col.digits) : value == null ? '' : String(value);
    var href = data.links && data.links[c] && data.links[c][r];
    if (href && SAFE_HREF.test(href)) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    } else td.textContent = text;
    return td;
  }
  function render() {
    var rows = currentRows();
    var shown = state.all ? rows : rows.slice(0, data.limit);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (r) {
      var tr = document.createElement('tr');
      for (var c = 0; c < data.cols.length; c++) tr.appendChild(cell(r, c));
      fragment.appendChild(tr);
    });
    tbody.replaceChildren(fragment);
    if (status) status.textContent = 'Showing ' + formatNumber(shown.length, 0) + ' of ' + formatNumber(rows.length, 0) + ' rows' + (rows.length < data.rows.length ? ' (filtered from ' + formatNumber(data.rows.length, 0) + ')' : '');
    if (showAll) showAll.hidden = state.all || rows.length <= data.limit;
    return rows;
  }
  table.querySelectorAll('th button[data-sort]').forEach(function (button) {
    button.addEventListener('click', function () {
      var c = Number(button.getAttribute('data-sort'));
      state.dir = state.col === c ? -state.dir : data.cols[c].num ? -1 : 1;
      state.col = c;
      table.querySelectorAll('th').forEach(function (th) { th.removeAttribute('aria-sort'); });
      button.parentElement.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
      render();
    });
  });
  if (showAll) showAll.addEventListener('click', function () { state.all = true; render(); });
  if (search) search.addEventListener('input', function () { state.query = search.value.trim().toLowerCase(); render(); });
  selects.forEach(function (select) {
    select.addEventListener('change', function () {
      var c = select.getAttribute('data-filter');
      if (select.value === '') delete state.filters[c]; else state.filters[c] = select.value;
      render();
    });
  });
  var download = wrap.querySelector('[data-csv]');
  if (download) download.addEventListener('click', function () {
    var lines = [data.cols.map(function (col) { return csvCell(col.label); }).join(',')];
    currentRows().forEach(function (r) { lines.push(data.rows[r].map(csvCell).join(',')); });
    var url = URL.createObjectURL(new Blob([lines.join('\\r\\n') + '\\r\\n'], { type: 'text/csv;charset=utf-8' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = id + '.csv';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
  // Only the first rows are written as HTML: draw the rest of the first page from the data.
  if (tbody.rows.length < Math.min(data.limit, data.rows.length)) render();
  table.setAttribute('data-ready', 'true');
}

function setupToggles() {
  document.querySelectorAll('input[data-kind-toggle]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + box.getAttribute('data-kind-toggle'), !box.checked);
    });
  });
}

var EXCERPT = 140;
// The quoted span of a finding, read from the marked text from its anchored mark on (the first
// piece of a highlight carries the anchor id), so the page holds the article text only once.
function excerptAt(root, mark, length) {
  var text = '';
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = mark;
  for (var node = walker.nextNode(); node && text.length < Math.min(length, EXCERPT + 1); node = walker.nextNode()) text += node.data;
  text = text.slice(0, length);
  return text.length <= EXCERPT ? text : text.slice(0, EXCERPT - 1) + '\u2026';
}

// The findings panel of an article view, drawn from its JSON block.
function drawFindings() {
  var block = document.getElementById('fl-findings');
  var list = document.querySelector('ol.findings');
  var root = document.getElementById('text');
  if (!block || !list || !root) return;
  var data = readJson(block);
  var fragment = document.createDocumentFragment();
  data.items.forEach(function (item) {
    var anchor = 'f-' + item[0] + '-' + item[1];
    var label = data.labels[item[3]];
    var mark = document.getElementById(anchor);
    var li = document.createElement('li');
    li.className = data.kinds[item[2]];
    var a = document.createElement('a');
    a.href = '#' + anchor;
    a.textContent = label;
    var q = document.createElement('q');
    if (mark) {
      q.textContent = excerptAt(root, mark, item[1] - item[0]);
      if (!mark.title) mark.title = label;
    }
    var reason = document.createElement('span');
    reason.className = 'meta';
    reason.textContent = item[4];
    li.append(a, ' ', q, ' ', reason);
    fragment.appendChild(li);
  });
  list.replaceChildren(fragment);
  // Marks exist before this runs, but bring a linked finding into view once the panel is drawn.
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target) target.scrollIntoView();
}

// Tables are set up one per task (the first rows are already on the page), then the charts.
document.querySelectorAll('table.fl-table[data-table]').forEach(function (table) { setTimeout(function () { setupTable(table); }, 0); });
drawFindings();
setupToggles();
drawCharts();
})();
`;

const requireHere = createRequire(import.meta.url);

/** Folder of an installed package, found without going through its `exports` map. */
function packageDir(name: string): string {
  for (const base of requireHere.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`framelens: package ${name} is not installed`);
}

function readBuild(pkg: string, file: string): string {
  return readFileSync(join(packageDir(pkg), file), 'utf8').replace(/\/\/# sourceMappingURL=\S*\s*$/m, '');
}

/**
 * vega-interpreter ships as an ES module importing vega-util; the vega UMD bundle exposes the
 * same helpers on `vega`, so we bind them and publish the interpreter as a global.
 */
function interpreterScript(): string {
  const source = readBuild('vega-interpreter', 'build/vega-interpreter.js');
  const bound = source
    .replace(/^import\s*\{([^}]*)\}\s*from\s*['"]vega-util['"];?/m, (_m, names: string) => `const {${names}} = vega;`)
    .replace(/export\s*\{\s*expression as expressionInterpreter\s*\};?/, 'globalThis.vegaExpressionInterpreter = expression;');
  if (/^\s*(import|export)\b/m.test(bound)) throw new Error('framelens: unexpected vega-interpreter build layout');
  return `(function () {\n${bound}\n})();`;
}

let vendorCache: string | undefined;

/** vega + vega-lite + vega-embed + the expression interpreter, as one classic script. */
export function vendorScript(): string {
  vendorCache ??= [
    readBuild('vega', 'build/vega.min.js'),
    readBuild('vega-lite', 'build/vega-lite.min.js'),
    readBuild('vega-embed', 'build/vega-embed.min.js'),
    interpreterScript(),
  ].join('\n;\n');
  return vendorCache;
}
