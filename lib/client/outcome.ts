/**
 * A write method's answer read resource by resource: {@link readOutcomes} over any `Response` or
 * body, the entry of each `response` ({@link entryOf}) and the bounded tally of failures.
 */
import { httpError, httpErrorOf } from '../http-error.js';
import { parseMultistatus } from '../iterate.js';
import type { MultistatusIterator } from '../iterate.js';
import type { DavResponse, Props as LooseProps } from '../parser/model.js';
import { isResponse } from '../source.js';
import type { Source } from '../source.js';
import type { DavStatus, ParseOptions } from '../types.js';
import { DeferredIterator } from './deferred.js';
import { readLockBody } from './lock-body.js';
import type {
  LockGrant, Outcome, OutcomeEntry, OutcomeIterator, OutcomeOptions, OutcomeSummary, PropertyOutcome,
} from './outcome-types.js';

/** Failed entries kept by default. */
export const DEFAULT_MAX_FAILURES = 100;

/** How one status reads: 2xx `ok`, 424 `dependent`, anything else (or nothing) `failed`. */
export function outcomeOf(status: DavStatus): Outcome {
  const code = status.code;
  if (code !== null && code >= 200 && code <= 299) return 'ok';
  return code === 424 ? 'dependent' : 'failed';
}

/** The worse of two outcomes: a cause (`failed`) outweighs a consequence (`dependent`), which outweighs `ok`. */
function worse(a: Outcome, b: Outcome): Outcome {
  if (a === 'failed' || b === 'failed') return 'failed';
  return a === 'dependent' || b === 'dependent' ? 'dependent' : 'ok';
}

const NO_STATUS: DavStatus = { code: null, text: '', line: '' };

/**
 * The outcome entry of one `response`: the status form when it has a `status` (or has neither
 * status nor propstat: then a missing status, `failed`), the propstat form otherwise.
 */
export function entryOf(r: DavResponse): OutcomeEntry {
  let entry: OutcomeEntry;
  if (r.status !== undefined || r.propstats.length === 0) {
    const status = r.status ?? NO_STATUS;
    entry = { form: 'status', href: r.href, hrefs: r.hrefs, path: r.path, outcome: outcomeOf(status), status };
  } else {
    const properties: PropertyOutcome[] = [];
    let outcome: Outcome = 'ok';
    for (const ps of r.propstats) {
      const one = outcomeOf(ps.status);
      outcome = worse(outcome, one);
      const names = Object.keys(ps.props);
      for (const name of names) {
        const p: PropertyOutcome = { name, outcome: one, status: ps.status };
        if (ps.error !== undefined) p.error = ps.error;
        if (ps.responseDescription !== undefined) p.responseDescription = ps.responseDescription;
        properties.push(p);
      }
    }
    entry = { form: 'propstat', href: r.href, hrefs: r.hrefs, path: r.path, outcome, properties };
  }
  if (r.url !== undefined) entry.url = r.url;
  if (r.error !== undefined) entry.error = r.error;
  if (r.responseDescription !== undefined) entry.responseDescription = r.responseDescription;
  if (r.location !== undefined) entry.location = r.location;
  return entry;
}

/** Counts entries by outcome and non-2xx statuses by code; keeps the first `max` failed entries. */
export class FailureTally {
  entries = 0;
  succeeded = 0;
  failed = 0;
  dependent = 0;
  readonly byStatus: Record<string, number> = {};
  readonly failures: OutcomeEntry[] = [];
  failuresCut = false;

  constructor(private readonly max: number) {}

  add(e: OutcomeEntry): void {
    this.entries++;
    if (e.outcome === 'ok') this.succeeded++;
    else if (e.outcome === 'failed') this.failed++;
    else this.dependent++;
    if (e.form === 'status') {
      if (e.outcome !== 'ok') this.count(e.status);
    } else {
      for (const p of e.properties) if (p.outcome !== 'ok') this.count(p.status);
    }
    if (e.outcome === 'ok') return;
    if (this.failures.length < this.max) this.failures.push(e);
    else this.failuresCut = true;
  }

  private count(status: DavStatus): void {
    const key = status.code === null ? 'none' : String(status.code);
    this.byStatus[key] = (this.byStatus[key] ?? 0) + 1;
  }
}

/** An answer whose headers are in: its status, and for a 207 the responses of its body. */
export interface OpenedOutcome {
  status: number;
  responses?: MultistatusIterator<LooseProps>;
  location?: string;
  lock?: LockGrant;
}

/** No entries: what a 2xx other than 207 is read as. */
const NO_ENTRIES: MultistatusIterator<LooseProps> = {
  [Symbol.asyncIterator]() {
    return this;
  },
  next: async () => ({ done: true, value: undefined }),
  return: async () => ({ done: true, value: undefined }),
  summary: async () => ({ responses: 0, bytes: 0, truncated: false, diagnostics: [], diagnosticCount: 0 }),
};

/** The {@link OutcomeIterator}: opens the answer on the first `next()` or `result()` (see `DeferredIterator`). */
export class Outcomes implements OutcomeIterator {
  private opened: OpenedOutcome | undefined;
  private readonly responses: DeferredIterator;
  private readonly tally: FailureTally;
  readonly method?: string;
  readonly url?: string;

  /** `start` sends the request (or looks at the `Response`) and says what came back. */
  constructor(start: (stop: AbortSignal) => Promise<OpenedOutcome>, maxFailures = DEFAULT_MAX_FAILURES, request?: { method: string; url: string }) {
    this.tally = new FailureTally(maxFailures);
    this.responses = new DeferredIterator(async (stop) => {
      this.opened = await start(stop);
      return this.opened.responses ?? NO_ENTRIES;
    });
    if (request !== undefined) {
      this.method = request.method;
      this.url = request.url;
    }
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<OutcomeEntry>> {
    const r = await this.responses.next();
    if (r.done) return { done: true, value: undefined };
    const entry = entryOf(r.value);
    this.tally.add(entry);
    return { done: false, value: entry };
  }

  async return(): Promise<IteratorResult<OutcomeEntry>> {
    await this.responses.return();
    return { done: true, value: undefined };
  }

  async result(): Promise<OutcomeSummary> {
    while (!(await this.next()).done);
    const parsed = await this.responses.summary();
    const opened = this.opened!;
    const t = this.tally;
    const multistatus = opened.responses !== undefined;
    const out: OutcomeSummary = {
      status: opened.status,
      multistatus,
      ok: t.failed + t.dependent === 0,
      entries: t.entries,
      succeeded: t.succeeded,
      failed: t.failed,
      dependent: t.dependent,
      byStatus: { ...t.byStatus },
      failures: t.failures.slice(),
      failuresCut: t.failuresCut,
    };
    if (opened.location !== undefined) out.location = opened.location;
    if (opened.lock !== undefined) out.lock = opened.lock;
    if (multistatus) out.summary = parsed;
    return out;
  }
}

/** `<urn:uuid:…>` -> `urn:uuid:…` */
export function lockTokenOf(header: string | null): string | undefined {
  if (header === null) return undefined;
  const t = header.trim();
  return t.startsWith('<') && t.endsWith('>') ? t.slice(1, -1).trim() : t || undefined;
}

/** What a `Response`'s status and headers say; its body is read (207), parsed for a lock, or cancelled. */
export async function openResponse(res: Response, parse: ParseOptions, method?: string, url?: string): Promise<OpenedOutcome> {
  const status = res.status;
  const where = url ?? res.url;
  if (status < 200 || status > 299) throw await httpError(res, method, where);
  const opened: OpenedOutcome = { status };
  const location = res.headers.get('location');
  if (location !== null) opened.location = location;
  if (status === 207) {
    if (res.body === null) throw await httpError(res, method, where);
    opened.responses = parseMultistatus(res, { ...parse, baseUrl: parse.baseUrl ?? (res.url || url || undefined) }) as unknown as MultistatusIterator<LooseProps>;
    return opened;
  }
  const token = lockTokenOf(res.headers.get('lock-token'));
  if (method === 'LOCK' || token !== undefined) {
    const lock: LockGrant = {};
    if (token !== undefined) lock.token = token;
    const locks = await readLockBody(res, parse.signal);
    if (locks !== undefined) lock.locks = locks;
    opened.lock = lock;
  } else {
    await res.body?.cancel().catch(() => undefined);
  }
  return opened;
}

/**
 * Reads a write method's answer as per-resource outcomes. For a `Response`: a 2xx other than 207
 * is success with no entries, a non-2xx rejects with the `HTTP` error, a 207 is parsed entry by
 * entry. For any other source (a saved body, a stream), `options.status` says what the status was
 * (default 207).
 *
 * @example
 * const res = await fetch(url, { method: 'DELETE' });
 * for await (const e of readOutcomes(res)) if (e.outcome !== 'ok') console.log(e.href, e.form === 'status' ? e.status.line : '');
 */
export function readOutcomes(source: Source, options: OutcomeOptions = {}): OutcomeIterator {
  const { status, maxFailures, ...parse } = options;
  if (isResponse(source) && typeof source.status === 'number') {
    return new Outcomes(() => openResponse(source, parse), maxFailures);
  }
  const code = status ?? 207;
  return new Outcomes(async () => {
    if (code === 207) return { status: code, responses: parseMultistatus(source, parse) as unknown as MultistatusIterator<LooseProps> };
    if (code < 200 || code > 299) throw httpErrorOf({ status: code, statusText: '', url: String(parse.baseUrl ?? '') });
    return { status: code };
  }, maxFailures);
}
