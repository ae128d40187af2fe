/**
 * Site chrome that aggregator page dumps carry around the stories: section headers, promos,
 * comment widgets. One list, one note per entry, used by read-page-dump.ts: a story's body ends
 * at the first boilerplate line, and boilerplate is never taken for a title.
 * Each pattern matches a whole trimmed line, case-insensitively, so prose that merely mentions
 * "comments" or "related articles" is untouched.
 */

export interface BoilerplateRule {
  pattern: RegExp;
  note: string;
}

export const BOILERPLATE: BoilerplateRule[] = [
  { pattern: /^hashtags$/i, note: 'heading of the tag list under a story' },
  { pattern: /^(tags|topics|filed under):?$/i, note: 'tag list heading, other spellings' },
  { pattern: /^try our ai features$/i, note: "aggregator promo for its own AI tools" },
  { pattern: /^explore what .{1,60} can do for you:?$/i, note: 'aggregator promo line ("Explore what <site> AI can do for you:")' },
  { pattern: /^comments?( \(\d+\))?:?$/i, note: 'comment section heading, optionally with a count' },
  { pattern: /^no comments yet\.*$/i, note: 'empty comment list placeholder' },
  { pattern: /^(leave|post|add|write) a comment\.*$/i, note: 'comment form prompt' },
  { pattern: /^(log|sign) ?in to (comment|reply)\.*$/i, note: 'comment form prompt for anonymous readers' },
  { pattern: /^related (articles|stories|news|posts|content|coverage)$/i, note: 'heading of the related-stories list' },
  { pattern: /^(read|see) (more|also)( on .{1,40})?:?$/i, note: 'link-list heading' },
  { pattern: /^(more (from|on) .{1,40}|more stories|more news|top stories|most read|most popular|trending( now)?|recommended( for you)?|you may also like|you might also like|editor'?s picks)$/i, note: 'recirculation module headings' },
  { pattern: /^(share|share this( article| story)?|share on (facebook|x|twitter))$/i, note: 'share buttons' },
  { pattern: /^(advertisement|sponsored( content)?|ad|promoted)$/i, note: 'ad slot labels' },
  { pattern: /^(subscribe|sign up|sign up for our newsletter|newsletter|subscribe to our newsletter)\.?$/i, note: 'newsletter / subscription prompts' },
  { pattern: /^(loading|show more|load more|view more|view all|read full article|continue reading)(\.{3}|…)?$/i, note: 'widget buttons and loaders' },
];

export function isBoilerplate(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && BOILERPLATE.some((rule) => rule.pattern.test(trimmed));
}
