/**
 * Helpers of the matrix test: a `fetch` that counts (and bounds) the requests sent to one server
 * and remembers its `Server` header, the path a raw href names, and a short account of an error.
 */
import { MultistatusError } from '../../../lib/index.js';
import type { DavResponse, Diagnostic } from '../../../lib/index.js';

/** A `fetch` for one server: counts requests, fails past `max`, keeps the first `Server` header. */
export class CountingFetch {
  requests = 0;
  software: string | undefined;
  readonly fetch: typeof fetch;

  /** Count one request sent some other way (the write scenarios' set-up). */
  tick(): void {
    if (++this.requests > this.max) throw new Error(`more than ${this.max} requests to one server: runaway`);
  }

  constructor(readonly max: number) {
    this.fetch = async (input, init) => {
      this.tick();
      const res = await fetch(input, init);
      this.software ??= res.headers.get('server') ?? undefined;
      return res;
    };
  }
}

/**
 * The decoded path an href names as the server wrote it: origin dropped, percent-escapes decoded
 * (a bad one kept), nothing cut at a raw `#` or `?` (a server that leaves them raw still means the
 * file's name). Independent of the library's own `path`.
 */
export function pathOfRawHref(href: string): string {
  const path = href.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Hrefs carrying a raw `#` or `?`: names the server did not percent-encode. */
export const rawHashOrQuery = (href: string): boolean => /[#?]/.test(href.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''));

/** `403 Forbidden`, or `SOURCE: fetch failed` (code and the first line of the message). */
export function describeError(err: unknown): string {
  if (err instanceof MultistatusError) {
    if (err.code === 'HTTP' && err.http) return `${err.http.status}${err.http.statusText ? ` ${err.http.statusText}` : ''}`;
    return `${err.code}: ${firstLine(err.message)}`;
  }
  return err instanceof Error ? `${err.name}: ${firstLine(err.message)}` : String(err);
}

/**
 * `CODE: message` (first line), with the loopback origin taken out of URLs: the port changes
 * with every run, and the committed matrix must not.
 */
export function messageOf(err: unknown): string {
  const text = err instanceof MultistatusError ? `${err.code}: ${err.message}` : err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return firstLine(stripOrigin(text));
}

/** `s` without the loopback origins in it. */
export const stripOrigin = (s: string): string => s.replace(/http:\/\/127\.0\.0\.1:\d+/g, '');

function firstLine(s: string): string {
  const line = s.split('\n')[0]!;
  return line.length > 240 ? `${line.slice(0, 237)}...` : line;
}

/** Distinct diagnostic codes with counts: `WALK_BAD_HREF ×2`. */
export function diagnosticCodes(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(', ');
}

/** Compare the paths of `responses` (read from the raw hrefs) with `expected`; problems as text. */
export function compareListing(responses: readonly DavResponse[], expected: ReadonlySet<string>, aliases: Record<string, string> = {}): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of responses) {
    if (r.href.trim() === '') continue; // names nothing: only its diagnostic is checked
    const collection = (r.props.resourcetype as string[] | undefined)?.includes('collection') ?? false;
    let p = pathOfRawHref(r.href);
    p = aliases[p] ?? p;
    if (collection && !p.endsWith('/')) p += '/'; // nginx and others drop the slash on some collection hrefs
    if (seen.has(p)) problems.push(`listed twice: ${p}`);
    seen.add(p);
    if (!expected.has(p)) problems.push(`listed but not seeded: ${p} (href ${r.href})`);
    if (expected.has(p) && collection !== p.endsWith('/')) problems.push(`collection flag wrong: ${p}`);
  }
  for (const p of expected) if (!seen.has(p)) problems.push(`seeded but not listed: ${p}`);
  return problems;
}

/** The paths of `expected` at most one level below `base` (Depth 1), or `base` alone (Depth 0). */
export function upToDepth(expected: ReadonlySet<string>, base: string, depth: 0 | 1): Set<string> {
  const out = new Set<string>();
  for (const p of expected) {
    if (p === base) out.add(p);
    else if (depth === 1 && p.startsWith(base) && !p.slice(base.length).replace(/\/$/, '').includes('/')) out.add(p);
  }
  return out;
}
