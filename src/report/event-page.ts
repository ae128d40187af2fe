/**
 * An event page: every outlet that covered the event in its own column (headline, date, lead,
 * link to the article view), in the report-wide outlet order and colours, followed by each
 * analysis's view of the event. Only leads are written here; full texts live on article pages.
 */
import type { Article } from '../corpus/article.js';
import type { CorpusIndex, Section } from '../../analyses/types.js';
import { html, type Html } from './html.js';
import type { ReportKit } from './kit.js';
import { messages } from './messages.js';
import { isScrapedFurniture } from '../text/non-prose.js';

const LEAD_CHARS = 360;
/** Outlets beyond the columns listed with their first titles; the rest are counted (the articles table has them). */
const MAX_EXTRA_OUTLETS = 20;

/** Options for event pages. */
export interface EventPageOptions {
  /** Outlets shown as full columns; the rest are listed below them. Default 10. */
  maxColumns?: number;
  /** Articles with a lead per outlet column; the rest are listed by title. Default 2. */
  perOutlet?: number;
  /** Titles listed after the leads in a column. Default 5. */
  moreTitles?: number;
}

/** Letters and digits only, lower case: a headline repeated in the text matches its title. */
const bare = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A byline paragraph ("By Ada Renn", "By Ada Renn and Bo Castel, Velmora Ledger"). */
const BYLINE = /^[Bb]y\s+\p{Lu}[^.!?]{0,80}$/u;

/** Fewer words are a stamp or a label ("Updated at 4:20 p.m."), not a lead. */
const MIN_LEAD_WORDS = 8;

/** Prose ends a sentence; a photo credit, a dateline stamp or a section label does not. */
const ENDS_SENTENCE = /[.!?]["'”’)]*$/;

/**
 * The first paragraph that is the story's (a sentence; not the headline repeated, as scraped
 * pages often begin, nor a byline, a caption or other page furniture: src/text/non-prose.ts),
 * cut at a word boundary near LEAD_CHARS.
 * When none is, the first paragraph.
 */
export function leadOf(text: string, title = ''): string {
  const headline = bare(title);
  const paragraphs = text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter((p) => p.length > 0);
  const story = (p: string) =>
    ENDS_SENTENCE.test(p) && p.split(/\s+/).length >= MIN_LEAD_WORDS && !(headline && bare(p) === headline) && !BYLINE.test(p) && !isScrapedFurniture(p);
  const paragraph = paragraphs.find(story) ?? paragraphs[0] ?? '';
  if (paragraph.length <= LEAD_CHARS) return paragraph;
  const cut = paragraph.slice(0, LEAD_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > LEAD_CHARS * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

export interface EventPageInput {
  event: string;
  index: CorpusIndex;
  articles: ReadonlyMap<string, Article>;
  sections: Section[];
  /** Where an article's title links to: its view, its original page, or nowhere. */
  articleLink(docId: string): string | undefined;
  options?: EventPageOptions;
}

function titleLink(title: string, href: string | undefined): Html {
  return href ? html`<a href="${href}">${title || '(untitled)'}</a>` : html`${title || '(untitled)'}`;
}

/** The body of one event page. */
export function renderEventBody(input: EventPageInput, kit: ReportKit): Html {
  const { event, index } = input;
  const maxColumns = input.options?.maxColumns ?? 10;
  const perOutlet = input.options?.perOutlet ?? 2;
  const moreTitles = input.options?.moreTitles ?? 5;
  const docs = index.docs.filter((d) => d.event === event);
  const byOutlet = new Map<string, typeof docs>();
  for (const outlet of index.outlets) byOutlet.set(outlet, []);
  for (const d of docs) byOutlet.get(d.outlet)!.push(d);
  for (const list of byOutlet.values()) list.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title));
  const covering = index.outlets.filter((o) => byOutlet.get(o)!.length > 0);
  const missing = index.outlets.filter((o) => byOutlet.get(o)!.length === 0);
  const dates = docs.map((d) => d.date?.slice(0, 10)).filter((d): d is string => !!d).sort();
  const label = index.eventLabels.get(event) ?? event;

  const column = (outlet: string) => {
    const list = byOutlet.get(outlet)!;
    const leads = list.slice(0, perOutlet).map((d) => {
      const article = input.articles.get(d.id);
      return html`<article><h4>${titleLink(d.title, input.articleLink(d.id))}</h4>
${d.date ? html`<p class="meta"><time>${d.date.slice(0, 10)}</time></p>` : ''}
<p class="lead">${leadOf(article?.text ?? '', d.title)}</p></article>`;
    });
    const rest = list.slice(perOutlet);
    const more = rest.length
      ? html`<p class="meta">${messages.moreArticles(rest.length)}:</p><ul>${rest.slice(0, moreTitles).map(
          (d) => html`<li>${titleLink(d.title, input.articleLink(d.id))}</li>`,
        )}${rest.length > moreTitles ? html`<li>…</li>` : ''}</ul>`
      : '';
    return html`<section class="column" style="--c:${kit.outletColor(outlet)}" aria-label="${outlet}"><h3>${kit.outlet(outlet)} <span class="meta">(${list.length})</span></h3>${leads}${more}</section>`;
  };

  const extra = covering.slice(maxColumns);
  const extraListed = extra.slice(0, MAX_EXTRA_OUTLETS);
  return html`<h1>${label}</h1>
<p>${messages.eventCoverage(docs.length, covering.length, dates[0], dates[dates.length - 1])}${
    missing.length && missing.length <= 40 ? html` ${messages.notCoveredBy(missing)}` : ''
  }</p>
<h2>Coverage by outlet</h2>
<div class="columns">${covering.slice(0, maxColumns).map(column)}</div>
${
  extra.length
    ? html`<h3>Also covered by</h3><ul>${extraListed.map(
        (outlet) =>
          html`<li>${kit.outlet(outlet)}: ${byOutlet
            .get(outlet)!
            .slice(0, 2)
            .map((d, i) => html`${i ? '; ' : ''}${titleLink(d.title, input.articleLink(d.id))}`)}${byOutlet.get(outlet)!.length > 2 ? ` (${byOutlet.get(outlet)!.length})` : ''}</li>`,
      )}</ul>${extra.length > extraListed.length ? html`<p class="meta">${messages.moreOutlets(extra.length - extraListed.length)}</p>` : ''}`
    : ''
}
${input.sections.map((s) => html`<section id="${s.id}" class="analysis"><h2>${s.title}</h2>${s.html}</section>`)}`;
}
