/**
 * The write-method columns of the matrix: each scenario sets up its own collection over HTTP
 * (MKCOL or MKCALENDAR, PUT, LOCK with plain requests), sends the measured request with the
 * library's write helpers (`deleteResource`, `copy`, `move`, `proppatch`, `lock`) and reads their
 * outcomes ({@link readWrite}). A cell says what the set-up got, what the server answered
 * (per-href statuses of a 207) and what the library made of it (`result()`, as `requireSuccess`
 * judges it).
 */
import { copy, deleteResource, lock, move, MultistatusError, parseMultistatus, proppatch } from '../../../lib/index.js';
import type { OutcomeIterator, OutcomeSummary, RequestOptions } from '../../../lib/index.js';
import { encodePath } from '../dav.js';
import type { Depth } from '../dav.js';
import { messageOf, pathOfRawHref, stripOrigin } from './measure.js';
import type { Cell, OperationId } from './record.js';
import type { Target } from './targets.js';

export interface WriteMeasured {
  cell: Cell;
  problems: string[];
}

/** What the library read from a write method's answer. */
interface WriteAnswer {
  /** The HTTP status (0 when the answer could not be read). */
  status: number;
  /** The 207's entries: decoded path, href as sent, status codes (one per property for PROPPATCH). */
  entries: { path: string; href: string; codes: number[] }[];
  /** `result()` of a 2xx answer. */
  summary?: OutcomeSummary;
  /** The library could not read the answer: its message. */
  error?: string;
}

/**
 * Reads a write helper's outcomes: every entry, then `result()`. A non-2xx answer rejects with the
 * `HTTP` error (its status is kept); anything else that rejects is an answer the library could
 * not read.
 */
async function readWrite(it: OutcomeIterator): Promise<WriteAnswer> {
  const entries: WriteAnswer['entries'] = [];
  try {
    for await (const e of it) {
      const codes = e.form === 'status' ? [e.status.code ?? 0] : e.properties.map((p) => p.status.code ?? 0);
      entries.push({ path: pathOfRawHref(e.href), href: e.href, codes });
    }
    const summary = await it.result();
    return { status: summary.status, entries, summary };
  } catch (err) {
    if (err instanceof MultistatusError && err.code === 'HTTP' && err.http) return { status: err.http.status, entries };
    return { status: 0, entries, error: messageOf(err) };
  }
}

const LOCKINFO = `<?xml version="1.0" encoding="utf-8"?>
<D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>matrix</D:owner></D:lockinfo>`;

/** A dead property and a protected one in one PROPPATCH: RFC 4918 wants 403 (or 409) for the second and 424 for the first. */
const PROPPATCH_SET = { '{http://example.com/ns/}color': 'blue', getcontentlength: '1' };

const event = (uid: string): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//multistatus//matrix//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20240229T120000Z',
    'DTSTART:20240301T090000Z', 'SUMMARY:matrix', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

const MKCALENDAR = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>w</D:displayname></D:prop></D:set></C:mkcalendar>`;

/** Plain requests of the set-up, for one server. */
class Setup {
  constructor(
    private readonly url: string,
    private readonly target: Target,
    private readonly fetchCount: () => void,
  ) {}

  /** Where the write scenarios live: `/w-<name>/` beside the tree, or in the calendar home (calendars do not nest). */
  area(name: string): string {
    return this.target.kind === 'caldav' ? `${this.target.base}w-${name}/` : `/w-${name}/`;
  }

  member(name: string): string {
    return this.target.kind === 'caldav' ? `${name}.ics` : `${name}.txt`;
  }

  async send(method: string, path: string, init: { depth?: Depth; body?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    this.fetchCount();
    const headers: Record<string, string> = { ...init.headers };
    if (init.depth !== undefined) headers.Depth = init.depth;
    if (init.body !== undefined) headers['Content-Type'] = init.contentType ?? 'application/xml; charset=utf-8';
    if (this.target.auth) headers.Authorization = `Basic ${Buffer.from(this.target.auth).toString('base64')}`;
    return fetch(this.abs(path), { method, headers, body: init.body ?? null, signal: AbortSignal.timeout(20_000) });
  }

  abs(path: string): string {
    return this.url + encodePath(path).slice(1);
  }

  /** Status of a set-up request (its body dropped). */
  async status(method: string, path: string, init: Parameters<Setup['send']>[2] = {}): Promise<number> {
    const res = await this.send(method, path, init);
    await res.body?.cancel();
    return res.status;
  }

  /** A collection (MKCOL, or MKCALENDAR on CalDAV) holding `members`; throws when it cannot be made. */
  async collection(path: string, members: string[]): Promise<void> {
    const made = this.target.kind === 'caldav' ? await this.status('MKCALENDAR', path, { body: MKCALENDAR }) : await this.status('MKCOL', path);
    if (made !== 201) throw new Error(`set-up: ${this.target.kind === 'caldav' ? 'MKCALENDAR' : 'MKCOL'} ${path} answered ${made}`);
    for (const m of members) {
      const body = this.target.kind === 'caldav' ? event(`${path}${m}@matrix`) : `${m}\n`;
      const type = this.target.kind === 'caldav' ? 'text/calendar; charset=utf-8' : 'text/plain';
      const put = await this.status('PUT', path + m, { body, contentType: type });
      if (put !== 201 && put !== 204) throw new Error(`set-up: PUT ${path}${m} answered ${put}`);
    }
  }

  /** LOCK `path` exclusively at `depth`: the status (200 or 201 when locked). */
  lock(path: string, depth: Depth): Promise<number> {
    return this.status('LOCK', path, { depth, body: LOCKINFO, headers: { Timeout: 'Second-600' } });
  }

  /**
   * Whether `path` exists: PROPFIND Depth 0 answers 207 with a 2xx for it (xandikos answers a
   * missing resource with a 207 whose response is a 404).
   */
  async exists(path: string): Promise<boolean> {
    const res = await this.send('PROPFIND', path, { depth: '0', body: '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>' });
    if (res.status !== 207) {
      await res.body?.cancel();
      return false;
    }
    let found = false;
    for await (const r of parseMultistatus(res)) {
      const code = r.status?.code ?? r.propstats.find((p) => (p.status.code ?? 0) < 300)?.status.code;
      if (code !== undefined && code !== null && code >= 200 && code < 300) found = true;
    }
    return found;
  }
}

/** Run-specific parts of a path made stable: the loopback origin, UUIDs (mod_dav_svn's working resources). */
const stable = (path: string): string =>
  stripOrigin(path).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>');

/** `207 [423 a.txt, 424 .]` (names relative to `area`), or the bare status. */
function describeAnswer(a: WriteAnswer, area: string): string {
  if (a.error && a.entries.length === 0) return `unreadable: ${a.error}`;
  if (a.status !== 207) return String(a.status);
  const name = (e: WriteAnswer['entries'][number]): string => {
    const p = stable(e.path);
    const shown = p.startsWith(area) ? p.slice(area.length) || '.' : p === area.slice(0, -1) ? '.' : p;
    return /^https?%3A/i.test(e.href) ? `${shown} (href: the whole URL percent-encoded)` : shown;
  };
  const parts = a.entries.slice(0, 4).map((e) => `${e.codes.join('/')} ${name(e)}`);
  if (a.entries.length > 4) parts.push(`+${a.entries.length - 4} more`);
  let text = `207 [${parts.join(', ')}]`;
  const diagnostics = a.summary?.summary?.diagnostics ?? [];
  if (diagnostics.length) text += ` (diagnostics: ${[...new Set(diagnostics.map((d) => d.code))].join(', ')})`;
  if (a.error) text += `; body unreadable: ${a.error}`;
  return text;
}

/** The library's verdict: `ok`, the HTTP error a non-2xx rejects with, or requireSuccess's PARTIAL_FAILURE and its counts. */
function verdict(a: WriteAnswer): string {
  if (a.error) return 'the library could not read it';
  const s = a.summary;
  if (!s) return 'MultistatusError HTTP';
  if (s.ok) return s.multistatus ? 'ok (every entry 2xx)' : 'ok';
  const counts = Object.entries(s.byStatus).map(([code, n]) => `${code} ×${n}`).join(', ');
  return `PARTIAL_FAILURE: ${s.failed} failed, ${s.dependent} dependent (${counts})`;
}

const NOT_OFFERED = new Set([405, 501]);
const has = (a: WriteAnswer, code: number): boolean => a.status === code || a.entries.some((e) => e.codes.includes(code));

/**
 * `fail` when the library could not read a 207; `refused` when the server does not offer the
 * method (or the LOCK the scenario needs); `ok` when the server did what RFC 4918 says
 * (`rfc`); else `odd`.
 */
function outcomeOf(a: WriteAnswer, rfc: boolean, offered: boolean): WriteMeasured {
  const problems = a.error ? [`the answer could not be read: ${a.error}`] : [];
  if (a.status === 207 && a.entries.length === 0 && !a.error) problems.push('a 207 with no response');
  const outcome: Cell['outcome'] = problems.length ? 'fail' : !offered || NOT_OFFERED.has(a.status) ? 'refused' : rfc ? 'ok' : 'odd';
  return { cell: { outcome, text: '' }, problems };
}

/** Runs the write scenario `op` on one server and says what happened. */
export async function measureWrite(op: OperationId, url: string, target: Target, count: () => void, options: RequestOptions): Promise<WriteMeasured> {
  const s = new Setup(url, target, count);
  const area = s.area(op);
  const [a, b] = [s.member('a'), s.member('b')];
  let setup: string;
  let answer: WriteAnswer;
  let after = '';
  let rfc: boolean;
  let offered = true;
  const lockNote = (locked: number, what: string): string => {
    if (locked < 300) return `${what} locked`;
    offered = false;
    return `LOCK of ${what} refused (${locked})`;
  };
  switch (op) {
    case 'delete': {
      await s.collection(area, [a, b]);
      setup = lockNote(await s.lock(area + a, '0'), a);
      answer = await readWrite(deleteResource(s.abs(area), options));
      const kept = await s.exists(area + a);
      after = kept ? `; ${a} kept` : `; ${a} gone`;
      rfc = kept && has(answer, 423);
      break;
    }
    case 'copy':
    case 'move': {
      const [src, dst] = [s.area(`${op}-src`), s.area(`${op}-dst`)];
      await s.collection(src, [a]);
      await s.collection(dst, [b]);
      if (op === 'copy') {
        setup = 'target exists';
        answer = await readWrite(copy(s.abs(src), s.abs(dst), { depth: 'infinity', overwrite: false, ...options }));
      } else {
        setup = lockNote(await s.lock(dst, 'infinity'), 'target');
        answer = await readWrite(move(s.abs(src), s.abs(dst), { overwrite: true, ...options }));
      }
      const kept = await s.exists(dst + b);
      const arrived = await s.exists(dst + a);
      after = `; target's member ${kept ? 'kept' : 'gone'}${arrived ? `, source's ${a} arrived` : ''}`;
      rfc = kept && has(answer, op === 'copy' ? 412 : 423);
      break;
    }
    case 'proppatch': {
      await s.collection(area, [a]);
      setup = 'dead + protected';
      answer = await readWrite(proppatch(s.abs(area + a), { set: PROPPATCH_SET }, options));
      rfc = answer.status === 207 && (has(answer, 403) || has(answer, 409)) && has(answer, 424);
      break;
    }
    case 'lock': {
      await s.collection(area, [a, b]);
      setup = lockNote(await s.lock(area + a, '0'), a);
      answer = await readWrite(lock(s.abs(area), { depth: 'infinity', owner: 'matrix', timeout: 600, ...options }));
      rfc = has(answer, 423);
      break;
    }
    default:
      throw new Error(`not a write operation: ${op}`);
  }
  const m = outcomeOf(answer, rfc, offered);
  m.cell.text = `${setup} → ${describeAnswer(answer, area)} → ${verdict(answer)}${after}`;
  return m;
}

/** The write columns, in table order. */
export const WRITE_OPERATIONS: OperationId[] = ['delete', 'copy', 'move', 'proppatch', 'lock'];

/** A set-up that failed (the server would not make the collection): recorded, not a library failure. */
export function setupFailed(err: unknown): WriteMeasured {
  return { cell: { outcome: 'n/a', text: `not run: ${messageOf(err)}` }, problems: [] };
}
