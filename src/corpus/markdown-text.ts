/**
 * The reading text of a Markdown article body (read-text.ts, `.md` and `.markdown` files): the
 * words a reader sees, without the markup around them, so that `##`, `**`, `>` and link URLs are
 * not counted as words or quoted as evidence. Line structure is kept (paragraphs and headings
 * stay on their own lines); anything that is not recognised markup is left as written.
 */

/** One rewrite per line kind, in order: block markers first, then inline markup. */
const BLOCK_RULES: Array<[RegExp, string]> = [
  [/^ {0,3}#{1,6}[ \t]+(.*?)[ \t]+#+[ \t]*$/, '$1'], // "## Heading ##"
  [/^ {0,3}#{1,6}[ \t]+/, ''], // "## Heading"
  [/^ {0,3}(?:>[ \t]?)+/, ''], // "> quoted"
  [/^ {0,3}[-*+][ \t]+/, ''], // "- item"
];
const RULE_LINE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/; // "---", "* * *"
const FENCE = /^ {0,3}(```|~~~)/;

const INLINE_RULES: Array<[RegExp, string]> = [
  [/!\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1'], // ![alt](src)
  [/\[([^\]]+)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1'], // [text](url "title")
  [/\[([^\]]+)\]\[[^\]]*\]/g, '$1'], // [text][ref]
  [/`([^`\n]+)`/g, '$1'], // `code`
  [/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2'], // **strong**, __strong__
  [/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1$2'], // *em*
  [/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2'], // _em_ (not snake_case)
];
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s+\S+/; // "[ref]: https://…"

/** Markdown → the text a reader sees. */
export function markdownText(markdown: string): string {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (FENCE.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(line);
      continue;
    }
    if (RULE_LINE.test(line) || REFERENCE_DEFINITION.test(line)) {
      out.push('');
      continue;
    }
    let text = line;
    for (const [pattern, replacement] of BLOCK_RULES) text = text.replace(pattern, replacement);
    for (const [pattern, replacement] of INLINE_RULES) text = text.replace(pattern, replacement);
    out.push(text);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
