/**
 * A multistatus document as a plain model, and fast-check arbitraries that generate it: both
 * response forms, several propstats, known (typed) and unknown properties whose values are text,
 * elements, mixed content and attributes, error conditions, extensions, sync-token and
 * responsedescription anywhere among the responses. The model holds values as the parser must
 * give them back (text already XML-decoded); how they are written is up to `render.ts`.
 */
import fc from 'fast-check';

export const DAV = 'DAV:';

export interface Name {
  /** '' = no namespace. */
  uri: string;
  local: string;
}

export interface Attr {
  /** '' = unprefixed (no namespace). */
  uri: string;
  local: string;
  value: string;
}

export type Piece = { t: 'text'; s: string } | { t: 'el'; el: El } | { t: 'comment'; s: string } | { t: 'pi'; target: string; body: string };

export interface El {
  name: Name;
  attrs: Attr[];
  content: Piece[];
}

/** A known property with a typed value, written in its valid textual form. */
export type Known =
  | { kind: 'getcontentlength'; n: number }
  | { kind: 'getetag'; etag: string }
  | { kind: 'displayname'; text: string }
  | { kind: 'resourcetype'; members: Name[] }
  | { kind: 'getlastmodified'; date: Date }
  | { kind: 'empty'; local: 'getcontentlength' | 'getetag' | 'displayname' | 'resourcetype' | 'getlastmodified' };

export type Prop = { known: Known; pad: string } | { el: El };

export interface Status {
  code: number;
  reason: string;
}

export interface Propstat {
  status: Status;
  props: Prop[];
  error?: El[];
  description?: string;
  /** An unknown child of propstat: skipped by the parser. */
  junk?: El;
}

export interface Response {
  hrefs: { raw: string; path: string }[];
  status?: Status;
  propstats: Propstat[];
  error?: El[];
  description?: string;
  location?: string;
  extensions: El[];
}

export interface Doc {
  responses: Response[];
  syncToken?: { value: string; at: number };
  description?: { value: string; at: number };
  rootExtensions: { el: El; at: number }[];
  /** Drives every layout choice of the renderer (prefixes, whitespace, comments, chunking). */
  seed: number;
  baseUrl?: string;
}

// ---- names ---------------------------------------------------------------------------------

const NAMESPACES = [DAV, 'urn:x', 'http://example.com/ns/', 'urn:ietf:params:xml:ns:caldav', ''];
const LOCALS = ['a', 'b', 'color', 'author', 'x-y', 'n.1', 'é', '_u', 'href', 'status', 'response', 'prop', 'propstat', 'multistatus', 'error'];
const ATTR_NAMESPACES = ['', '', 'urn:x', 'http://example.com/ns/', 'urn:attr'];
const ATTR_LOCALS = ['a', 'b', 'type', 'id', 'é'];

export function keyOf(n: Name): string {
  return n.uri === DAV ? n.local : `{${n.uri}}${n.local}`;
}

export function attrKey(a: Attr): string {
  return a.uri === '' ? a.local : a.uri === DAV ? a.local : `{${a.uri}}${a.local}`;
}

const nameArb: fc.Arbitrary<Name> = fc.record({ uri: fc.constantFrom(...NAMESPACES), local: fc.constantFrom(...LOCALS) });

// ---- text ----------------------------------------------------------------------------------

/** Characters of generated text: markup characters, quotes, whitespace (CR too), non-ASCII. */
const CHARS = ['a', 'b', 'z', '0', ' ', ' ', '\n', '\t', '\r', '<', '>', '&', '"', "'", ']', 'é', '€', '😀', '中', '-', '?'];

export const textArb = (max = 12): fc.Arbitrary<string> => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((a) => a.join(''));

const WS = [' ', '\n', '\t', '\r'];
export function isXmlSpace(s: string): boolean {
  for (const c of s) if (!WS.includes(c)) return false;
  return true;
}
export function trimXml(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && WS.includes(s[a]!)) a++;
  while (b > a && WS.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Text a trimmed field keeps: no XML whitespace at either end. */
const trimmedTextArb = (max = 12): fc.Arbitrary<string> => textArb(max).map(trimXml);

const commentArb = fc
  .array(fc.constantFrom('a', ' ', '-', '<', '&', 'é', '\n'), { maxLength: 8 })
  .map((a) => a.join('').replace(/-+/g, '-').replace(/-$/, ''))
  .map((s): Piece => ({ t: 'comment', s }));
const piArb = fc
  .record({ target: fc.constantFrom('pi', 'x-y', 'php', 'target'), body: fc.array(fc.constantFrom('a', ' ', '?', '>', '<', '&'), { maxLength: 8 }) })
  .map(({ target, body }): Piece => ({ t: 'pi', target, body: body.join('').replace(/\?>/g, '? >').trimStart() }));

const attrsArb: fc.Arbitrary<Attr[]> = fc
  .array(
    fc.record({
      uri: fc.constantFrom(...ATTR_NAMESPACES),
      local: fc.constantFrom(...ATTR_LOCALS),
      value: textArb(8),
    }),
    { maxLength: 3 },
  )
  .map((list) => {
    const seen = new Set<string>();
    return list.filter((a) => !seen.has(attrKey(a)) && seen.add(attrKey(a)) !== undefined);
  });

/** An element with mixed content, `depth` levels at most. */
export const elArb = (depth: number): fc.Arbitrary<El> =>
  fc.record({
    name: nameArb,
    attrs: attrsArb,
    content: fc.array(pieceArb(depth - 1), { maxLength: depth > 0 ? 4 : 2 }),
  });

function pieceArb(depth: number): fc.Arbitrary<Piece> {
  const text = textArb().map((s): Piece => ({ t: 'text', s }));
  const ws = fc.constantFrom(' ', '\n  ', '\t').map((s): Piece => ({ t: 'text', s }));
  if (depth < 0) return fc.oneof({ arbitrary: text, weight: 4 }, { arbitrary: commentArb, weight: 1 }, { arbitrary: piArb, weight: 1 });
  return fc.oneof(
    { arbitrary: text, weight: 3 },
    { arbitrary: ws, weight: 2 },
    { arbitrary: elArb(depth).map((el): Piece => ({ t: 'el', el })), weight: 3 },
    { arbitrary: commentArb, weight: 1 },
    { arbitrary: piArb, weight: 1 },
  );
}

// ---- properties ----------------------------------------------------------------------------

const KNOWN_LOCALS = ['getcontentlength', 'getetag', 'displayname', 'resourcetype', 'getlastmodified'] as const;

const knownArb: fc.Arbitrary<Known> = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 40 }).map((n): Known => ({ kind: 'getcontentlength', n })),
  fc
    .tuple(fc.boolean(), fc.array(fc.constantFrom('a', '0', '-', 'f', '&', '<'), { maxLength: 10 }))
    .map(([weak, c]): Known => ({ kind: 'getetag', etag: `${weak ? 'W/' : ''}"${c.join('')}"` })),
  textArb().map((text): Known => ({ kind: 'displayname', text })),
  fc
    .array(fc.constantFrom<Name>({ uri: DAV, local: 'collection' }, { uri: DAV, local: 'principal' }, { uri: 'urn:ietf:params:xml:ns:caldav', local: 'calendar' }, { uri: 'urn:x', local: 'thing' }), {
      maxLength: 3,
    })
    .map((members): Known => ({ kind: 'resourcetype', members })),
  fc.integer({ min: 0, max: 4102444800 }).map((s): Known => ({ kind: 'getlastmodified', date: new Date(s * 1000) })),
);

const emptyKnownArb: fc.Arbitrary<Known> = fc.constantFrom(...KNOWN_LOCALS).map((local): Known => ({ kind: 'empty', local }));

export function propKey(p: Prop): string {
  if ('el' in p) return keyOf(p.el.name);
  return p.known.kind === 'empty' ? p.known.local : p.known.kind;
}

/**
 * Properties of a propstat: unknown ones (never a key with a built-in decoder) and, in a 2xx
 * propstat, known ones with valid values; in any other, known ones only named (empty).
 */
function propsArb(success: boolean, builtin: ReadonlySet<string>): fc.Arbitrary<Prop[]> {
  const unknown = elArb(2)
    .filter((el) => !builtin.has(keyOf(el.name)))
    .map((el): Prop => ({ el }));
  const known = fc
    .tuple(success ? fc.oneof(knownArb, emptyKnownArb) : emptyKnownArb, fc.constantFrom('', ' ', '\n  ', '\t'))
    // Padding only around values that are trimmed when typed; an empty one stays empty.
    .map(([k, pad]): Prop => ({ known: k, pad: k.kind === 'displayname' || k.kind === 'empty' ? '' : pad }));
  return fc.array(fc.oneof({ arbitrary: unknown, weight: 3 }, { arbitrary: known, weight: 2 }), { maxLength: 5 });
}

const SUCCESS = [200, 200, 201, 204, 207, 208];
const FAILURE = [403, 404, 404, 409, 424, 500, 507, 302];
const REASONS = ['OK', 'Not Found', 'Forbidden', 'Some Reason', ''];

const statusArb = (codes: number[]): fc.Arbitrary<Status> => fc.record({ code: fc.constantFrom(...codes), reason: fc.constantFrom(...REASONS) });

const conditionsArb: fc.Arbitrary<El[]> = fc.array(elArb(1), { minLength: 1, maxLength: 2 });

function propstatArb(builtin: ReadonlySet<string>): fc.Arbitrary<Propstat> {
  return fc.boolean().chain((success) =>
    fc.record(
      {
        status: statusArb(success ? SUCCESS : FAILURE),
        props: propsArb(success, builtin),
        error: conditionsArb,
        description: trimmedTextArb(),
        junk: elArb(1).filter((el) => el.name.uri !== DAV || !['prop', 'status', 'error', 'responsedescription'].includes(el.name.local)),
      },
      { requiredKeys: ['status', 'props'] },
    ),
  );
}

// ---- hrefs ---------------------------------------------------------------------------------

const SEGMENT_CHARS = ['a', 'b', 'z', '0', ' ', 'é', '&', '+', '=', '~', '.', '-', '_', '中', '%'];

/** An absolute-path href: its segments percent-encoded (a raw '&' sometimes left as is), and its decoded path. */
const hrefArb: fc.Arbitrary<{ raw: string; path: string }> = fc
  .tuple(fc.array(fc.array(fc.constantFrom(...SEGMENT_CHARS), { minLength: 1, maxLength: 6 }), { maxLength: 3 }), fc.boolean(), fc.boolean())
  .map(([segments, slash, rawAmp]) => {
    const decoded = segments.map((s) => s.join(''));
    const encoded = decoded.map((s) => {
      const e = encodeURIComponent(s);
      return rawAmp ? e.replace(/%26/g, '&') : e;
    });
    const tail = slash && decoded.length > 0 ? '/' : '';
    return { raw: `/${encoded.join('/')}${tail}`, path: `/${decoded.join('/')}${tail}` };
  });

// ---- responses and documents ---------------------------------------------------------------

const RESERVED_IN_RESPONSE = new Set(['href', 'status', 'propstat', 'error', 'responsedescription', 'location']);

const responseExtensionArb = elArb(1).filter((el) => el.name.uri !== DAV || !RESERVED_IN_RESPONSE.has(el.name.local));
const rootExtensionArb = elArb(1).filter((el) => el.name.uri !== DAV);

function responseArb(builtin: ReadonlySet<string>): fc.Arbitrary<Response> {
  const common = {
    error: conditionsArb,
    description: trimmedTextArb(),
    location: hrefArb.map((h) => h.raw),
    extensions: fc.array(responseExtensionArb, { maxLength: 2 }),
  };
  const statusForm = fc.record(
    { hrefs: fc.array(hrefArb, { minLength: 1, maxLength: 3 }), status: statusArb([...SUCCESS, ...FAILURE]), ...common },
    { requiredKeys: ['hrefs', 'status', 'extensions'] },
  );
  const propstatForm = fc.record(
    { hrefs: fc.array(hrefArb, { minLength: 1, maxLength: 1 }), propstats: fc.array(propstatArb(builtin), { minLength: 1, maxLength: 3 }), ...common },
    { requiredKeys: ['hrefs', 'propstats', 'extensions'] },
  );
  return fc.oneof(statusForm.map((r): Response => ({ propstats: [], ...r })), propstatForm).map(uniqueProps);
}

/** One key once per response (a repeated key is a quirk, tested elsewhere). */
function uniqueProps(r: Response): Response {
  const seen = new Set<string>();
  for (const ps of r.propstats) ps.props = ps.props.filter((p) => !seen.has(propKey(p)) && seen.add(propKey(p)) !== undefined);
  return r;
}

export function docArb(builtin: ReadonlySet<string>): fc.Arbitrary<Doc> {
  return fc
    .record(
      {
        responses: fc.array(responseArb(builtin), { maxLength: 6 }),
        syncToken: fc.record({ value: trimmedTextArb(), at: fc.nat() }),
        description: fc.record({ value: trimmedTextArb(), at: fc.nat() }),
        rootExtensions: fc.array(fc.record({ el: rootExtensionArb, at: fc.nat() }), { maxLength: 2 }),
        seed: fc.integer(),
        baseUrl: fc.constantFrom('http://dav.example/', 'https://h.example:8443/base/dir/'),
      },
      { requiredKeys: ['responses', 'rootExtensions', 'seed'] },
    )
    .map((d) => {
      const n = d.responses.length + 1;
      if (d.syncToken) d.syncToken.at %= n;
      if (d.description) d.description.at %= n;
      for (const x of d.rootExtensions) x.at %= n;
      return d;
    });
}
