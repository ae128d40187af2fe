/**
 * The article view: the full text with every analysis's highlights (nested where they overlap),
 * a legend with one toggle per kind, and a findings panel whose entries link to their spans.
 * The text is written once, here; other pages show only leads and link to this page.
 */
import type { Article } from '../corpus/article.js';
import type { DocMeta, Highlight } from '../../analyses/types.js';
import { html, join, jsonForScript, raw, safeUrl, type Html } from './html.js';
import { findingAnchor, kindClass, type ReportKit } from './kit.js';
import { segmentHighlights } from './highlight-segments.js';
import { plural } from '../plural.js';

/** Highlight kinds → colours, the same on every article page. */
export type KindColors = ReadonlyMap<string, string>;

/**
 * Escaped text whose DOM text is the same string: the HTML parser turns CR LF into LF and drops
 * NUL, but keeps character references, so offsets in the page match offsets in the article.
 */
function textHtml(text: string): string {
  return html`${text}`.value.replace(/\r/g, '&#13;').replace(/\0/g, '&#0;');
}

/** The article text with nested <mark>s; anchors `f-<start>-<end>` on each highlight's first piece. */
export function renderHighlightedText(text: string, highlights: readonly Highlight[]): Html {
  const anchored = new Set<string>();
  const parts: string[] = [];
  for (const segment of segmentHighlights(text.length, highlights)) {
    let open = '';
    let close = '';
    for (const i of segment.layers) {
      const h = highlights[i];
      const anchor = findingAnchor(h.start, h.end);
      const id = h.start === segment.start && !anchored.has(anchor) ? (anchored.add(anchor), html` id="${anchor}"`) : '';
      open += html`<mark class="hl ${kindClass(h.kind)}"${id}>`.value;
      close += '</mark>';
    }
    parts.push(open, textHtml(text.slice(segment.start, segment.end)), close);
  }
  return raw(parts.join(''));
}

/** Inline CSS giving each kind its colour and its hidden state. */
export function kindStyle(kinds: Iterable<string>, colors: KindColors): string {
  const rules: string[] = [];
  for (const kind of kinds) {
    const cls = kindClass(kind);
    rules.push(`.${cls}{--hc:${colors.get(kind) ?? '#999'};--c:${colors.get(kind) ?? '#999'}}`);
    rules.push(`body.hide-${cls} mark.${cls}{background:none;border-bottom-color:transparent}`);
    rules.push(`body.hide-${cls} .findings li.${cls}{opacity:.4}`);
  }
  return rules.join('\n');
}

export interface ArticleView {
  article: Article;
  meta: DocMeta;
  highlights: Highlight[];
  /** Label of the article's event, when it has one. */
  eventLabel?: string;
  /** Whether any analysis that can highlight was run. */
  analysesRan: boolean;
  /** Kinds other pages link to (`#k-<kind>`): listed in the legend even when this article has none. */
  linkedKinds?: string[];
}

/**
 * The findings panel as data: the report script draws one entry per finding (label, the quoted
 * span read from the text, reason) and gives each anchored mark its label as a tooltip. A
 * long article has a thousand findings: as markup they were most of its page.
 * Labels and kinds repeat, so they are listed once and referenced by index.
 */
function findingsBlock(sorted: readonly Highlight[]): Html {
  const labels = new Map<string, number>();
  const kinds = new Map<string, number>();
  const code = (map: Map<string, number>, key: string) => map.get(key) ?? map.set(key, map.size).get(key)!;
  const items = sorted.map((h) => [h.start, h.end, code(kinds, kindClass(h.kind)), code(labels, h.label), h.reason]);
  const data = { kinds: [...kinds.keys()], labels: [...labels.keys()], items };
  return raw(`<script type="application/json" id="fl-findings">${jsonForScript(data)}</script>`);
}

/** The body of an article page. */
export function renderArticleBody(view: ArticleView, kit: ReportKit): Html {
  const { article, meta, highlights } = view;
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end || a.kind.localeCompare(b.kind));
  const counts = new Map<string, number>();
  for (const h of sorted) counts.set(h.kind, (counts.get(h.kind) ?? 0) + 1);
  const kinds = [...counts.keys()].sort((a, b) => a.localeCompare(b));
  const absent = [...new Set(view.linkedKinds ?? [])].filter((k) => !counts.has(k)).sort((a, b) => a.localeCompare(b));
  const url = safeUrl(article.url);
  const metaLine = join(
    [
      kit.outlet(article.outlet),
      article.date ? html`<time>${article.date}</time>` : html``,
      html`${plural(meta.words, 'word')}`,
      meta.event ? html`event: <a href="${kit.eventHref(meta.event)}">${view.eventLabel ?? meta.event}</a>` : html``,
      url !== '#' ? html`<a href="${url}" rel="noopener noreferrer nofollow">original page</a>` : html``,
    ].filter((part) => part.value !== ''),
    ' · ',
  );
  const legend = kinds.length || absent.length
    ? html`<ul class="legend">${kinds.map(
        (kind) =>
          html`<li id="${kindClass(kind)}" class="${kindClass(kind)}"><label><input type="checkbox" checked data-kind-toggle="${kindClass(kind)}"> <span class="swatch"></span>${kind} (${counts.get(kind)})</label></li>`,
      )}${absent.map((kind) => html`<li id="${kindClass(kind)}" class="muted">${kind} (0)</li>`)}</ul>`
    : html`<p class="muted">${view.analysesRan ? 'No analysis flagged anything in this article.' : 'No analyses were run, so nothing is highlighted.'}</p>`;
  const findings = sorted.length ? findingsBlock(sorted) : html``;
  return html`<article class="article-view">
<h1>${article.title || '(untitled)'}</h1>
<p class="meta">${metaLine}</p>
<div class="article-layout">
<div class="article-text" id="text">${renderHighlightedText(article.text, sorted)}</div>
<aside class="panel" aria-label="Findings">
<h2>Highlights</h2>
${legend}
${sorted.length ? html`<h2>Findings (${sorted.length})</h2><ol class="findings"></ol>` : ''}
${findings}
</aside>
</div>
</article>`;
}
