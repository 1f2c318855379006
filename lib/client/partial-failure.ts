/**
 * The error of a write method that did not succeed on every resource: a bounded list of the
 * failed entries and the counts by status; and {@link requireSuccess}, which rejects with it.
 */
import { MultistatusError } from '../errors.js';
import { isResponse } from '../source.js';
import type { Source } from '../source.js';
import { readOutcomes } from './outcome.js';
import type { OutcomeEntry, OutcomeIterator, OutcomeOptions, OutcomeSummary } from './outcome-types.js';

/**
 * A write method answered 207 and at least one entry is not 2xx: code `PARTIAL_FAILURE`. The
 * entries that did succeed were done (a 207 is not atomic, but for PROPPATCH).
 */
export class PartialFailureError extends MultistatusError {
  override name = 'PartialFailureError';
  /** The whole tally: counts, `byStatus`, the first `maxFailures` failed entries. */
  readonly outcome: OutcomeSummary;
  /** The first failed entries (at most `maxFailures`, default 100), in document order. */
  readonly failures: OutcomeEntry[];
  /** Non-2xx statuses counted by code (`"423"`, `"424"`, `"none"`). */
  readonly byStatus: Record<string, number>;

  constructor(outcome: OutcomeSummary, method?: string, url?: string) {
    super('PARTIAL_FAILURE', partialMessage(outcome, method, url));
    this.outcome = outcome;
    this.failures = outcome.failures;
    this.byStatus = outcome.byStatus;
  }
}

/** `DELETE http://…/a/: 2 of 3 entries did not succeed (1 failed, 1 only as a consequence, 424); statuses: 423 ×1, 424 ×1; first: /a/b.txt HTTP/1.1 423 Locked` */
function partialMessage(o: OutcomeSummary, method?: string, url?: string): string {
  const request = [method, url].filter((x) => x).join(' ');
  const counts = Object.entries(o.byStatus).map(([code, n]) => `${code} ×${n}`).join(', ');
  let message = `${request ? `${request}: ` : ''}${o.failed + o.dependent} of ${o.entries} entries did not succeed`;
  message += ` (${o.failed} failed, ${o.dependent} only as a consequence, 424); statuses: ${counts}`;
  const first = o.failures.find((e) => e.outcome === 'failed') ?? o.failures[0];
  if (first !== undefined) message += `; first: ${first.href} ${firstStatus(first)}`;
  return message;
}

function firstStatus(e: OutcomeEntry): string {
  switch (e.form) {
    case 'status':
      return e.status.line || '(no status)';
    case 'propstat': {
      const p = e.properties.find((x) => x.outcome === 'failed') ?? e.properties.find((x) => x.outcome !== 'ok');
      return p ? `${p.name}: ${p.status.line || '(no status)'}` : '(no property)';
    }
  }
}

/**
 * Reads the whole answer and resolves with its {@link OutcomeSummary} when the method succeeded
 * (a 2xx other than 207, or a 207 whose every entry is 2xx). A 207 with any other entry rejects
 * with a {@link PartialFailureError} (code `PARTIAL_FAILURE`); a non-2xx with the `HTTP` error.
 * Memory stays flat however many entries fail: only the first `maxFailures` are kept.
 *
 * @example
 * await requireSuccess(deleteResource('https://dav.example/files/old/'));
 */
export async function requireSuccess(source: OutcomeIterator | Source, options: OutcomeOptions & { method?: string; url?: string } = {}): Promise<OutcomeSummary> {
  const { method, url, ...rest } = options;
  const it = isOutcomeIterator(source) ? source : readOutcomes(source, rest);
  const outcome = await it.result();
  if (outcome.ok) return outcome;
  throw new PartialFailureError(outcome, method ?? it.method, url ?? it.url ?? (isResponse(source) ? source.url : undefined));
}

function isOutcomeIterator(x: unknown): x is OutcomeIterator {
  return typeof x === 'object' && x !== null && typeof (x as OutcomeIterator).result === 'function' && typeof (x as OutcomeIterator).next === 'function';
}
