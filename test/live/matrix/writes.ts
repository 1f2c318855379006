/**
 * The write-method columns of the matrix: each scenario sets up its own collection over HTTP
 * (MKCOL or MKCALENDAR, PUT, LOCK with plain requests), sends the measured request, and reads the
 * answer through the library ({@link readWrite}). A cell says what the set-up got, what the server
 * answered (per-href statuses of a 207) and what the library made of it.
 */
import { MultistatusError, parseMultistatus } from '../../../lib/index.js';
import type { DavResponse } from '../../../lib/index.js';
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
  status: number;
  /** The 207's entries: decoded path and status code (per-property codes for PROPPATCH). */
  entries: { path: string; href: string; codes: number[] }[];
  /** The parse failed: the library's message. */
  error?: string;
  diagnostics: number;
}

/**
 * Reads a write method's answer with the library: a 207 body is parsed as a stream of outcomes;
 * any other status has no body to read.
 * TODO(r3-writes): once lib/client has the write-method helpers and their outcome API, send the
 * measured request through them (delete/copy/move/proppatch/lock) and record what their
 * convenience form concludes (success, or the partial-failure error and its counts by status).
 */
async function readWrite(res: Response): Promise<WriteAnswer> {
  if (res.status !== 207) {
    await res.body?.cancel();
    return { status: res.status, entries: [], diagnostics: 0 };
  }
  const entries: WriteAnswer['entries'] = [];
  const it = parseMultistatus(res);
  try {
    for await (const r of it) entries.push({ path: pathOfRawHref(r.href), href: r.href, codes: codesOf(r as DavResponse) });
    return { status: 207, entries, diagnostics: (await it.summary()).diagnostics.length };
  } catch (err) {
    return { status: 207, entries, error: err instanceof MultistatusError ? messageOf(err) : String(err), diagnostics: 0 };
  }
}

function codesOf(r: DavResponse): number[] {
  if (r.status) return [r.status.code ?? 0];
  return r.propstats.map((p) => p.status.code ?? 0);
}

const LOCKINFO = `<?xml version="1.0" encoding="utf-8"?>
<D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>matrix</D:owner></D:lockinfo>`;

const PROPPATCH = `<?xml version="1.0" encoding="utf-8"?>
<D:propertyupdate xmlns:D="DAV:" xmlns:Z="http://example.com/ns/"><D:set><D:prop>
  <Z:color>blue</Z:color><D:getcontentlength>1</D:getcontentlength>
</D:prop></D:set></D:propertyupdate>`;

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
  if (a.status !== 207) return String(a.status);
  const name = (e: WriteAnswer['entries'][number]): string => {
    const p = stable(e.path);
    const shown = p.startsWith(area) ? p.slice(area.length) || '.' : p === area.slice(0, -1) ? '.' : p;
    return /^https?%3A/i.test(e.href) ? `${shown} (href: the whole URL percent-encoded)` : shown;
  };
  const parts = a.entries.slice(0, 4).map((e) => `${e.codes.join('/')} ${name(e)}`);
  if (a.entries.length > 4) parts.push(`+${a.entries.length - 4} more`);
  let text = `207 [${parts.join(', ')}]`;
  if (a.diagnostics) text += ` (${a.diagnostics} diagnostics)`;
  if (a.error) text += `; body unreadable: ${a.error}`;
  return text;
}

/** The library's reading of the answer: every entry 2xx, or which failed. */
function verdict(a: WriteAnswer): string {
  if (a.error) return 'parse failed';
  if (a.status !== 207) return a.status < 300 ? 'success' : 'refused';
  const failed = a.entries.filter((e) => e.codes.some((c) => c < 200 || c > 299));
  return failed.length ? `partial failure: ${failed.length} of ${a.entries.length} entries failed` : 'every entry 2xx';
}

const NOT_OFFERED = new Set([405, 501]);
const has = (a: WriteAnswer, code: number): boolean => a.status === code || a.entries.some((e) => e.codes.includes(code));

/**
 * `fail` when the library could not read a 207; `refused` when the server does not offer the
 * method (or the LOCK the scenario needs); `ok` when the server did what RFC 4918 says
 * (`rfc`); else `odd`.
 */
function outcomeOf(a: WriteAnswer, rfc: boolean, offered: boolean): WriteMeasured {
  const problems = a.error ? [`the 207 body could not be read: ${a.error}`] : [];
  if (a.status === 207 && a.entries.length === 0 && !a.error) problems.push('a 207 with no response');
  const outcome: Cell['outcome'] = problems.length ? 'fail' : !offered || NOT_OFFERED.has(a.status) ? 'refused' : rfc ? 'ok' : 'odd';
  return { cell: { outcome, text: '' }, problems };
}

/** Runs the write scenario `op` on one server and says what happened. */
export async function measureWrite(op: OperationId, url: string, target: Target, count: () => void): Promise<WriteMeasured> {
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
      answer = await readWrite(await s.send('DELETE', area));
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
        answer = await readWrite(await s.send('COPY', src, { depth: 'infinity', headers: { Destination: s.abs(dst), Overwrite: 'F' } }));
      } else {
        setup = lockNote(await s.lock(dst, 'infinity'), 'target');
        answer = await readWrite(await s.send('MOVE', src, { headers: { Destination: s.abs(dst), Overwrite: 'T' } }));
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
      answer = await readWrite(await s.send('PROPPATCH', area + a, { body: PROPPATCH }));
      rfc = answer.status === 207 && (has(answer, 403) || has(answer, 409)) && has(answer, 424);
      break;
    }
    case 'lock': {
      await s.collection(area, [a, b]);
      setup = lockNote(await s.lock(area + a, '0'), a);
      answer = await readWrite(await s.send('LOCK', area, { depth: 'infinity', body: LOCKINFO, headers: { Timeout: 'Second-600' } }));
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
