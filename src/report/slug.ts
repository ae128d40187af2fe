/**
 * Page names: article and event pages are named by slugs we make (ASCII words + a short hash of
 * the id), never by raw ids, so no corpus string can reach a file path or an href unescaped.
 */
import { createHash } from 'node:crypto';

/** Lower-case ASCII words joined by '-', at most `max` characters; '' when nothing is left. */
export function slugify(text: string, max = 48): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** First `length` hex digits of the SHA-1 of `text`: stable across runs and machines. */
export function shortHash(text: string, length = 10): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}

/** Assigns each key a unique, stable slug `<words>-<hash>` in the order keys are added. */
export class SlugRegistry {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(private readonly fallback: string) {}

  add(key: string, label: string): string {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const base = `${slugify(label) || this.fallback}-${shortHash(key)}`;
    let slug = base;
    for (let n = 2; this.used.has(slug); n++) slug = `${base}-${n}`;
    this.used.add(slug);
    this.byKey.set(key, slug);
    return slug;
  }

  get(key: string): string | undefined {
    return this.byKey.get(key);
  }
}
