/**
 * Dates from inputs → ISO 8601. Date-only values stay date-only (`2024-03-01`); date-times
 * become UTC (`2024-03-01T10:00:00.000Z`), and ones without a zone are read as UTC so the
 * result does not depend on the machine's time zone. Flow: validate → Article.date.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;

/** ISO 8601 for a date string or epoch number, or undefined when it cannot be read as a date. */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (!s) return undefined;
  const dateOnly = DATE_ONLY.exec(s);
  if (dateOnly) return validDay(+dateOnly[1], +dateOnly[2], +dateOnly[3]) ? s : undefined;
  if (/^\d{9,13}$/.test(s)) return fromEpoch(Number(s));
  const dateTime = DATE_TIME.exec(s);
  if (dateTime) {
    const zone = !dateTime[3] || /^(utc|gmt)$/i.test(dateTime[3]) ? 'Z' : dateTime[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    return iso(Date.parse(`${dateTime[1]}T${dateTime[2]}${zone}`));
  }
  const parsed = Date.parse(s);
  if (!Number.isFinite(parsed)) return undefined;
  // "June 2, 2025" has no time: keep it a day rather than a local midnight shifted to UTC.
  if (!/\d:\d/.test(s)) {
    const d = new Date(parsed);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  return iso(parsed);
}

/** Seconds below 1e11 (until year 5138), milliseconds above. */
function fromEpoch(n: number): string | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return iso(n < 1e11 ? n * 1000 : n);
}

function iso(ms: number): string | undefined {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');
