/**
 * What a write method (DELETE, COPY, MOVE, PROPPATCH, LOCK, UNLOCK…) did, resource by resource:
 * the types of {@link readOutcomes} and {@link requireSuccess}.
 */
import type { ActiveLock } from '../properties/types.js';
import type { DavStatus, MultistatusSummary, ParseOptions, PropKey, XmlElement } from '../types.js';

/**
 * How one status reads: `ok` (2xx), `failed` (any other status, or none), or `dependent`
 * (`424 Failed Dependency`: not done because something else failed — a consequence, not a cause).
 */
export type Outcome = 'ok' | 'failed' | 'dependent';

/** One property of a PROPPATCH answer (the propstat form). */
export interface PropertyOutcome {
  /** The property key: a DAV: local name (`getetag`) or Clark notation (`{http://example.com/ns}color`). */
  name: PropKey;
  outcome: Outcome;
  /** The status of the propstat that names the property. */
  status: DavStatus;
  /** That propstat's `error` conditions (`cannot-modify-protected-property`…). */
  error?: XmlElement[];
  /** That propstat's `responsedescription`. */
  responseDescription?: string;
}

/** What every entry of a write method's 207 says, whatever its form. */
interface EntryBase {
  /** First `<href>`, as sent. */
  href: string;
  /** Every `<href>` (the status form may name several resources with one status). */
  hrefs: string[];
  /** Percent-decoded path of `href`. */
  path: string;
  /** Absolute URL of `href`, when it can be resolved. */
  url?: string;
  /**
   * `ok` when every status of the entry is 2xx; `failed` when one is neither 2xx nor 424 (or
   * is missing); otherwise (only 2xx and 424) `dependent`.
   */
  outcome: Outcome;
  /** The entry's `error` conditions (`lock-token-submitted`, `no-conflicting-lock`…), as property keys. */
  error?: XmlElement[];
  /** The entry's `responsedescription`. */
  responseDescription?: string;
  /** `<location><href>`: where a 3xx status points. */
  location?: string;
}

/** An entry of the status form (DELETE, COPY, MOVE, LOCK): one status for its hrefs. */
export interface StatusEntry extends EntryBase {
  form: 'status';
  /** The status; `code: null` when it was missing or carried no code (then the entry `failed`). */
  status: DavStatus;
}

/** An entry of the propstat form (PROPPATCH): one status per property. */
export interface PropstatEntry extends EntryBase {
  form: 'propstat';
  /** Every property named, in document order, with the status of its propstat. */
  properties: PropertyOutcome[];
}

/** One resource of a write method's 207: switch on `form` (and on `outcome`), no casts needed. */
export type OutcomeEntry = StatusEntry | PropstatEntry;

/** Options of {@link readOutcomes} and the write helpers. */
export interface OutcomeOptions extends ParseOptions {
  /**
   * The HTTP status of a body that is not a `Response` (a saved body, a stream). Default 207.
   * Ignored for a `Response`: its own status counts.
   */
  status?: number;
  /** Failed entries kept in {@link OutcomeSummary.failures}. Default 100; the counts go on past it. */
  maxFailures?: number;
}

/** The lock a LOCK granted (from its `Lock-Token` header and `lockdiscovery` body). */
export interface LockGrant {
  /** The `Lock-Token` header without its angle brackets (`urn:uuid:…`); none on a refresh. */
  token?: string;
  /** The `lockdiscovery` of the answer's body, when it had one that could be read. */
  locks?: ActiveLock[];
}

/** Whether the whole method succeeded, and how its entries went. */
export interface OutcomeSummary {
  /** The HTTP status of the answer (207, 200, 201, 204…). */
  status: number;
  /** True when the answer was a 207 read entry by entry. */
  multistatus: boolean;
  /** True when the method succeeded: a 2xx other than 207, or a 207 whose every entry is `ok`. */
  ok: boolean;
  /** Entries read (0 unless {@link multistatus}). */
  entries: number;
  /** Entries whose outcome is `ok`, `failed`, `dependent`. */
  succeeded: number;
  failed: number;
  dependent: number;
  /**
   * Non-2xx statuses counted by code (`"423"`, `"424"`; `"none"` for a missing one): one per
   * entry in the status form, one per property in the propstat form. Never bounded.
   */
  byStatus: Record<string, number>;
  /** The first `maxFailures` entries that were not `ok`, in document order. */
  failures: OutcomeEntry[];
  /** True when more entries failed than {@link failures} holds. */
  failuresCut: boolean;
  /** The `Location` header (a COPY or MOVE that created its destination may send one). */
  location?: string;
  /** LOCK: what was granted. */
  lock?: LockGrant;
  /** The parse summary of a 207 body (responsedescription, diagnostics, bytes). */
  summary?: MultistatusSummary;
}

/**
 * The per-resource outcomes of one write method, one entry at a time, then {@link result}.
 * Non-2xx answers reject with the `HTTP` error; breaking out of `for await` cancels the body.
 */
export interface OutcomeIterator extends AsyncIterableIterator<OutcomeEntry> {
  /** The request method, when a client helper sent it (`DELETE`, `PROPPATCH`…). */
  readonly method?: string;
  /** The request URL, when a client helper sent it. */
  readonly url?: string;
  /**
   * Resolves once the answer has been read to its end (reading on past the entries nobody took,
   * counting them without keeping more than `maxFailures`). Rejects like the iteration.
   */
  result(): Promise<OutcomeSummary>;
}
