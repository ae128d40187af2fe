/** Counted nouns for every user-facing message (report, CLI, diagnostics): "1 article", "3 articles", "1,200 articles". */

const nf = new Intl.NumberFormat('en-US');

/** "1,200": a count as the report and the CLI write it. */
export function formatCount(count: number): string {
  return nf.format(count);
}

/** "1 article" / "3 articles". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${nf.format(count)} ${count === 1 ? one : many}`;
}
