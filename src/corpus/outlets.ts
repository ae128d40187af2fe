/**
 * Canonical outlet names. Inputs spell an outlet many ways ("RT", "Russia Today", "rt.com",
 * "https://www.rt.com/news/…"); an alias table (data/lexicons/outlets.json, extendable with
 * `--outlets file.json`) maps them to one name so per-outlet counts do not split.
 * Flow: validate (every record's outlet) → Article.outlet; the text layer reuses `entries` as known media names.
 */
import { readFileSync } from 'node:fs';
import { lexiconPath } from '../paths.js';
import { FramelensError } from './diagnostics.js';
import { badOutletsFile } from './messages.js';

export interface OutletEntry {
  /** Canonical name, as it appears in Article.outlet. */
  name: string;
  /** Other spellings and domains that mean this outlet. */
  aliases: string[];
  /** Category: `media` (publishes its own journalism), `wire` (news agency), `state-media`, ... */
  kind?: string;
  note?: string;
}

export interface OutletAliases {
  /** Every entry, built-in first, then user files in order (later entries win on conflicts). */
  entries: OutletEntry[];
  /** Match key (see outletKey) → canonical name. */
  byKey: Map<string, string>;
}

/** The built-in table plus `extraFiles`, each `{"outlets": [{name, aliases, kind?, note?}, …]}`. Throws FramelensError on a bad file. */
export function loadOutletAliases(extraFiles: string[] = []): OutletAliases {
  const table: OutletAliases = { entries: [], byKey: new Map() };
  for (const file of [lexiconPath('outlets.json'), ...extraFiles]) addEntries(table, readOutletsFile(file));
  return table;
}

/** Builds a table from entries directly (tests, notebooks). */
export function outletAliasesFrom(entries: OutletEntry[]): OutletAliases {
  const table: OutletAliases = { entries: [], byKey: new Map() };
  addEntries(table, entries);
  return table;
}

/**
 * The canonical name for `name`: an exact alias match, else the same with leading subdomains
 * dropped (`edition.cnn.com` → `cnn.com`); unknown outlets come back trimmed, spaces collapsed.
 */
export function canonicalOutlet(name: string, aliases: OutletAliases): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  let key = outletKey(trimmed);
  for (;;) {
    const hit = aliases.byKey.get(key);
    if (hit !== undefined) return hit;
    const dot = key.indexOf('.');
    if (!isDomain(key) || key.indexOf('.', dot + 1) < 0) return trimmed;
    key = key.slice(dot + 1);
  }
}

/** Match key: case-folded, without scheme, `www.`, a leading "the", or a URL path. */
export function outletKey(name: string): string {
  let key = name.trim().toLowerCase().normalize('NFKC').replace(/\s+/g, ' ');
  key = key.replace(/^[a-z]+:\/\//, '').replace(/^www\./, '');
  if (isDomain(key.split('/')[0])) key = key.split(/[/?#]/)[0];
  return key.replace(/^the /, '');
}

/** A host name such as `rt.com` (lower case, as outletKey leaves it). */
export const isDomain = (s: string) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s);

function addEntries(table: OutletAliases, entries: OutletEntry[]): void {
  for (const entry of entries) {
    table.entries.push(entry);
    for (const alias of [entry.name, ...entry.aliases]) table.byKey.set(outletKey(alias), entry.name);
  }
}

function readOutletsFile(file: string): OutletEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FramelensError(badOutletsFile(file, error instanceof Error ? error.message : String(error)));
  }
  const outlets = (parsed as { outlets?: unknown })?.outlets;
  if (!Array.isArray(outlets)) throw new FramelensError(badOutletsFile(file, 'expected {"outlets": [{"name": …, "aliases": […]}, …]}'));
  return outlets.map((entry, index) => {
    const { name, aliases = [], kind, note } = (entry ?? {}) as Partial<OutletEntry>;
    if (typeof name !== 'string' || !name.trim() || !Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) {
      throw new FramelensError(badOutletsFile(file, `entry ${index} needs a "name" string and an "aliases" array of strings`));
    }
    return { name: name.trim(), aliases, kind, note };
  });
}
