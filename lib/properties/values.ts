import { isXmlSpace, trimXml } from '../status.js';
import type { JsonValue } from './builtin.js';
import type { XmlElement } from '../types.js';
import { child, elements, firstKey, hrefOf, textOf } from './xml.js';

/**
 * Small value decoders shared by the property table. Each returns `undefined` when the value
 * does not have the expected form, `UNTYPED` when it is well-formed but not of the typed form.
 */

/**
 * Returned by a decoder for a well-formed value that is not of its property's typed form (an
 * expand-property answer in place of an href, an empty `(href?)`): the parser keeps it in
 * `Propstat.raw`, without a diagnostic.
 */
export const UNTYPED: unique symbol = Symbol('untyped');

/**
 * A decimal integer (optionally negative). Past 2^53 it is the nearest double: the parser keeps
 * the exact digits in `Propstat.raw` beside it and records `IMPRECISE_NUMBER`.
 */
export function integer(raw: string, allowNegative: boolean): number | undefined {
  const s = trimXml(raw);
  const n = s.length;
  if (n === 0) return undefined;
  let i = 0;
  if (s.charCodeAt(0) === 45) {
    if (!allowNegative || n === 1) return undefined;
    i = 1;
  }
  if (n - i <= 15) {
    let v = 0;
    for (; i < n; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      v = v * 10 + d;
    }
    return s.charCodeAt(0) === 45 ? -v : v;
  }
  for (let k = i; k < n; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return undefined;
  }
  return Number(s);
}

export const unsigned = (raw: string): number | undefined => integer(raw, false);
export const signed = (raw: string): number | undefined => integer(raw, true);

/** A (small) signed integer: counts, flags, ids. */
export const smallInt = signed;

/** `0`/`1`, `t`/`f`, `T`/`F`, `true`/`false` (any case). */
export function boolean(raw: string): boolean | undefined {
  switch (trimXml(raw).toLowerCase()) {
    case '1':
    case 't':
    case 'true':
      return true;
    case '0':
    case 'f':
    case 'false':
      return false;
    default:
      return undefined;
  }
}

/** Text exactly as sent. */
export const exact = (raw: string): string => raw;
/** Text trimmed of XML whitespace. */
export const trimmed = (raw: string): string => trimXml(raw);

/** Hexadecimal bit mask (`Win32FileAttributes`: `00000020`). */
export function hex(raw: string): number | undefined {
  const s = trimXml(raw);
  if (!/^[0-9a-fA-F]{1,8}$/.test(s)) return undefined;
  return parseInt(s, 16);
}

/** JSON text inside XML (Nextcloud `share-attributes`); a JSON `null` is not a typed value. */
export function json(raw: string): NonNullable<JsonValue> | undefined | typeof UNTYPED {
  try {
    const value = JSON.parse(raw) as JsonValue;
    return value === null ? UNTYPED : value;
  } catch {
    return undefined;
  }
}

/** An expand-property answer (RFC 3253 §3.8): a `response` in place of an href. Kept as sent. */
function expanded(el: XmlElement): boolean {
  return child(el, 'response') !== undefined;
}

/** `(href)`: the href; `UNTYPED` for `(href?)` with none or an expand-property answer; undefined when malformed. */
export function href(el: XmlElement): string | undefined | typeof UNTYPED {
  if (expanded(el)) return UNTYPED;
  const h = hrefOf(el);
  if (h !== undefined) return h;
  return elements(el).length === 0 && isXmlSpace(textOf(el)) ? UNTYPED : undefined;
}

/** `current-user-principal`: an href, or `"unauthenticated"`. */
export function principal(el: XmlElement): string | undefined | typeof UNTYPED {
  if (expanded(el)) return UNTYPED;
  const h = hrefOf(el);
  if (h !== undefined) return h;
  return child(el, 'unauthenticated') ? 'unauthenticated' : undefined;
}

/** `(href*)`: every href child, trimmed. */
export function hrefs(el: XmlElement): string[] | undefined | typeof UNTYPED {
  if (expanded(el)) return UNTYPED;
  const out: string[] = [];
  for (const c of elements(el)) {
    if (c.name !== 'href') return undefined;
    out.push(trimXml(textOf(c)));
  }
  return out;
}

/** Keys of every child element (`resourcetype`). */
export function childKeys(el: XmlElement): string[] {
  const out: string[] = [];
  for (const c of el.children) if (typeof c !== 'string') out.push(c.name);
  return out;
}

/** Key of the single element child (`redirect-lifetime`, `schedule-calendar-transp`). */
export function choice(el: XmlElement): string | undefined {
  return firstKey(el);
}

/** Trimmed text of every child element (`oc:tags`, `supported-collation-set`). */
export function childTexts(el: XmlElement): string[] {
  return elements(el).map((c) => trimXml(textOf(c)));
}

/** Integers of every child element (`oc:share-types`). */
export function childInts(el: XmlElement): number[] | undefined {
  const out: number[] = [];
  for (const c of elements(el)) {
    const v = smallInt(textOf(c));
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

/** Wrapped keys: `<wrapper><X/></wrapper>` children -> the keys of X (`supported-report-set`). */
export function wrappedKeys(el: XmlElement, depth: number): string[] {
  const out: string[] = [];
  const walk = (e: XmlElement, d: number): void => {
    for (const c of elements(e)) {
      if (d === 0) out.push(c.name);
      else walk(c, d - 1);
    }
  };
  walk(el, depth);
  return out;
}

/** Values of an attribute on every child element (`supported-method-set` names, `comp` names). */
export function childAttrs(el: XmlElement, attr: string): string[] {
  const out: string[] = [];
  for (const c of elements(el)) {
    const v = c.attributes[attr];
    if (v !== undefined) out.push(v);
  }
  return out;
}
