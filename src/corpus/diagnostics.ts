/**
 * Diagnostics, modelled on vfile-message: a bad record produces a message and is rejected or
 * repaired; only bad options and programmer errors throw. The CLI prints them as
 * `file:line severity reason ruleId`; the report shows them as a table.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  reason: string;
  /** `source:rule`, e.g. `corpus:missing-text`. */
  ruleId: string;
  severity: Severity;
  file?: string;
  line?: number;
  record?: number;
  column?: number;
  note?: string;
}

/** Collects diagnostics in order; library code never prints. */
export class Diagnostics {
  readonly messages: Diagnostic[] = [];

  add(message: Diagnostic): Diagnostic {
    this.messages.push(message);
    return message;
  }

  get errors(): Diagnostic[] {
    return this.messages.filter((m) => m.severity === 'error');
  }
}

/** `data/feed.jsonl:42 warning Missing date corpus:missing-date` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file
    ? `${d.file}${d.line !== undefined ? `:${d.line}` : d.record !== undefined ? `#${d.record}` : ''}`
    : '<input>';
  return `${where} ${d.severity} ${d.reason} ${d.ruleId}`;
}

/** Thrown for bad options, unreadable inputs under --strict, and nothing-ingested runs. */
export class FramelensError extends Error {
  constructor(
    message: string,
    readonly diagnostic?: Diagnostic,
  ) {
    super(message);
    this.name = 'FramelensError';
  }
}
