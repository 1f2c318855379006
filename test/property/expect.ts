/**
 * What the parser must give for a model document, worked out from the model and the documented
 * value rules alone (README "Data model"), never by running the parser:
 * - a property with no child element and no attribute is its text (entities and CDATA resolved,
 *   comments and PIs dropped); otherwise its XmlElement;
 * - XmlElement children: adjacent text merged; with child elements and nothing but whitespace as
 *   text, the whitespace is dropped;
 * - in a propstat whose code is known and not 2xx, a property with no element and only whitespace
 *   is null;
 * - `props` merges the 2xx propstats; hrefs, statuses, sync-token and descriptions are trimmed.
 */
import { attrKey, isXmlSpace, keyOf } from './model.js';
import type { Doc, El, Known, Piece, Prop, Propstat, Response, Status } from './model.js';
import { knownText } from './render.js';

export interface XmlElementLike {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElementLike | string)[];
}

/** Content pieces as XmlElement children: markup dropped, text merged, indentation dropped. */
function children(pieces: Piece[]): (XmlElementLike | string)[] {
  const out: (XmlElementLike | string)[] = [];
  let hasElement = false;
  let hasText = false;
  for (const p of pieces) {
    if (p.t === 'el') {
      out.push(element(p.el));
      hasElement = true;
    } else if (p.t === 'text' && p.s !== '') {
      if (!isXmlSpace(p.s)) hasText = true;
      const last = out.length - 1;
      if (last >= 0 && typeof out[last] === 'string') out[last] = (out[last] as string) + p.s;
      else out.push(p.s);
    }
  }
  return hasElement && !hasText ? out.filter((c) => typeof c !== 'string') : out;
}

function attributes(el: El): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of el.attrs) out[attrKey(a)] = a.value;
  return out;
}

export function element(el: El): XmlElementLike {
  return { name: keyOf(el.name), attributes: attributes(el), children: children(el.content) };
}

function textOf(pieces: Piece[]): string {
  return pieces.map((p) => (p.t === 'text' ? p.s : '')).join('');
}

function isFailure(s: Status): boolean {
  return s.code < 200 || s.code > 299;
}

function knownValue(k: Known, pad: string, typed: boolean, failed: boolean): unknown {
  const raw = pad + knownText(k) + pad;
  if (k.kind === 'resourcetype') {
    if (typed) return k.members.map(keyOf);
    if (k.members.length === 0) return failed && isXmlSpace(pad) ? null : pad;
    return { name: 'resourcetype', attributes: {}, children: k.members.map((m) => ({ name: keyOf(m), attributes: {}, children: [] })) };
  }
  if (k.kind === 'empty') {
    if (failed) return null;
    return typed && k.local === 'resourcetype' ? [] : '';
  }
  if (!typed) return raw;
  switch (k.kind) {
    case 'getcontentlength':
      return k.n;
    case 'getetag':
      return k.etag;
    case 'displayname':
      return k.text;
    case 'getlastmodified':
      return k.date;
  }
}

function propValue(p: Prop, typed: boolean, failed: boolean): unknown {
  if ('known' in p) return knownValue(p.known, p.pad, typed, failed);
  const el = p.el;
  const hasElement = el.content.some((c) => c.t === 'el');
  if (!hasElement) {
    const text = textOf(el.content);
    if (failed && isXmlSpace(text)) return null;
    if (el.attrs.length === 0) return text;
  }
  return element(el);
}

function propKey(p: Prop): string {
  if ('el' in p) return keyOf(p.el.name);
  return p.known.kind === 'empty' ? p.known.local : p.known.kind;
}

function status(s: Status): { code: number; text: string; line: string } {
  return { code: s.code, text: s.reason, line: `HTTP/1.1 ${s.code}${s.reason === '' ? '' : ` ${s.reason}`}` };
}

function propstat(ps: Propstat, typed: boolean): Record<string, unknown> {
  const failed = isFailure(ps.status);
  const props: Record<string, unknown> = {};
  const raw: Record<string, unknown> = {};
  for (const p of ps.props) {
    // An empty number or date in a 2xx propstat has no typed value: "" goes to raw (types never lie).
    if (typed && !failed && 'known' in p && p.known.kind === 'empty' && (p.known.local === 'getcontentlength' || p.known.local === 'getlastmodified')) {
      delete props[p.known.local];
      raw[p.known.local] = '';
      continue;
    }
    props[propKey(p)] = propValue(p, typed, failed);
  }
  const out: Record<string, unknown> = { status: status(ps.status), props };
  if (Object.keys(raw).length) out.raw = raw;
  if (ps.error) out.error = ps.error.map(element);
  if (ps.description !== undefined) out.responseDescription = ps.description;
  return out;
}

function response(r: Response, typed: boolean, baseUrl: string | undefined): Record<string, unknown> {
  const propstats = r.propstats.map((ps) => propstat(ps, typed));
  const merged: Record<string, unknown> = {};
  r.propstats.forEach((ps, i) => {
    if (!isFailure(ps.status)) Object.assign(merged, propstats[i]!.props);
  });
  const out: Record<string, unknown> = {
    href: r.hrefs[0]!.raw,
    hrefs: r.hrefs.map((h) => h.raw),
    path: r.hrefs[0]!.path,
    propstats,
    props: merged,
  };
  if (baseUrl !== undefined) out.url = new URL(r.hrefs[0]!.raw, baseUrl).href;
  if (r.status) out.status = status(r.status);
  if (r.error) out.error = r.error.map(element);
  if (r.description !== undefined) out.responseDescription = r.description;
  if (r.location !== undefined) out.location = r.location;
  if (r.extensions.length > 0) out.extensions = r.extensions.map(element);
  return out;
}

export interface Expected {
  responses: Record<string, unknown>[];
  summary: Record<string, unknown>;
}

export function expected(doc: Doc, typed: boolean, baseUrl: string | undefined): Expected {
  const summary: Record<string, unknown> = {
    responses: doc.responses.length,
    truncated: doc.responses.some((r) => r.status?.code === 507),
    diagnosticCount: 0,
  };
  if (doc.syncToken) summary.syncToken = doc.syncToken.value;
  if (doc.description) summary.responseDescription = doc.description.value;
  // Root extensions in document order: by position among the responses, then as listed.
  const ext = doc.rootExtensions.map((x, i) => ({ ...x, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  if (ext.length > 0) summary.extensions = ext.map((x) => element(x.el));
  return { responses: doc.responses.map((r) => response(r, typed, baseUrl)), summary };
}

