/**
 * Where our tokenizer and saxes may disagree, each case decided by a rule of XML 1.0 (Fifth
 * Edition) or Namespaces in XML 1.0 (Third Edition), or by the project's design. A disagreement
 * of the differential test that no entry here recognises fails the test.
 */
import type { Outcome, XmlEvent } from './events.js';
import { normalise } from './normalise.js';
import { tokenizeSaxes } from './saxes.js';

/** One input on which the two tokenizers disagree. */
export interface Disagreement {
  /** The whole input (the chunks joined). */
  text: string;
  strict: boolean;
  ours: Outcome;
  saxes: Outcome;
}

export interface KnownDifference {
  /** Short stable name, used in the test's counts. */
  name: string;
  /** The rule that decides the case, and who is right. */
  rule: string;
  /** True when this entry explains `d`. */
  explains(d: Disagreement): boolean;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `{uri}local` with the URI trimmed as saxes trims a namespace declaration's value. */
const trimUri = (clark: string): string => {
  const end = clark.lastIndexOf('}');
  return `{${clark.slice(1, end).trim()}}${clark.slice(end + 1)}`;
};
const trimmedEvents = (events: readonly XmlEvent[]): string =>
  JSON.stringify(
    events.map((e) =>
      e.t === 'open' ? { ...e, name: trimUri(e.name), attrs: e.attrs.map(([n, v]) => [trimUri(n), v]) } : e.t === 'close' ? { ...e, name: trimUri(e.name) } : e,
    ),
  );
/** A namespace declaration whose value is only whitespace (after normalisation: tab, CR, LF are spaces). */
const BLANK_DECLARATION = /\sxmlns(:[^\s=]*)?\s*=\s*("\s+"|'\s+')/;

/** Every "&" that starts no reference, written as "&amp;". */
const escapeBareAmpersands = (text: string): string => text.replace(/&(?!(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);)/g, '&amp;');

/** Our refusal, saxes' acceptance. */
const oursOnlyRefuses = (d: Disagreement): d is Disagreement & { ours: { ok: false } } => !d.ours.ok && d.saxes.ok;

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    name: 'DOCTYPE refused by design',
    rule:
      'XML 1.0 §2.8 allows a document type declaration; the project refuses any DOCTYPE by design (DESIGN.md: no DTD ' +
      'processing, so no entity expansion and no external fetch). saxes accepts it and skips the internal subset.',
    explains: (d) => oursOnlyRefuses(d) && d.text.includes('<!DOCTYPE') && /doctype/i.test(d.ours.message),
  },
  {
    name: 'lone surrogates are not Char',
    rule:
      'XML 1.0 §2.2 [2] Char excludes the surrogate blocks U+D800-U+DFFF: a lone surrogate in the decoded text is not ' +
      'a character, the document is not well-formed. saxes accepts a lone high surrogate followed by a character ' +
      'other than "<" (it reads the pair as one code point without checking the second half).',
    explains: (d) => oursOnlyRefuses(d) && LONE_SURROGATE.test(d.text),
  },
  {
    name: 'namespace names are not trimmed',
    rule:
      'Namespaces in XML 1.0 §3: the namespace name is the (normalised, XML 1.0 §3.3.3) attribute value, not trimmed; ' +
      'saxes trims it with String.prototype.trim(), so `xmlns:C="urn:x\n  "` binds C to "urn:x" for saxes and ' +
      'to "urn:x   " for us, and `xmlns:p=" "` is an (odd but legal) binding for us, an "attempt to undefine" for saxes.',
    explains: (d) => {
      if (d.ours.ok && d.saxes.ok) return trimmedEvents(d.ours.events) === trimmedEvents(d.saxes.events);
      return d.ours.ok && !d.saxes.ok && /undefine prefix/.test(d.saxes.message) && BLANK_DECLARATION.test(d.text);
    },
  },
  {
    name: 'lenient: a bare "&" read as a literal',
    rule:
      'XML 1.0 §2.4 and [67]/[68]: "&" may only start a reference, so a bare "&" is not well-formed and strict mode ' +
      'refuses it. Lenient mode (strict: false) reads it as a literal "&" with diagnostic BARE_AMPERSAND (a known ' +
      'server mistake, recovered unambiguously). Recognised by checking that saxes, given the same body with each ' +
      'bare "&" written as "&amp;", accepts it with exactly our events.',
    explains: (d) => {
      if (d.strict || !d.ours.ok || d.saxes.ok) return false;
      const fixed = escapeBareAmpersands(d.text);
      if (fixed === d.text) return false;
      const again = tokenizeSaxes([fixed]);
      return again.ok && JSON.stringify(normalise(again.events)) === JSON.stringify(d.ours.events);
    },
  },
  {
    name: 'lenient: an unbound prefix read as the namespace "prefix:"',
    rule:
      'Namespaces in XML 1.0 §5 (Namespace constraint: Prefix Declared): an unbound prefix is an error, and strict mode ' +
      'refuses it. Lenient mode reads it as the namespace "prefix:" with diagnostic UNBOUND_PREFIX (RFC 2518 §8.1.1 and ' +
      "lighttpd's PROPPATCH answer have one; see spec/CHECKLIST.md). Recognised when saxes names the prefix and our " +
      'events hold a name in the namespace "prefix:".',
    explains: (d) => {
      if (d.strict || !d.ours.ok || d.saxes.ok) return false;
      const m = /unbound namespace prefix: "([^"]*)"/.exec(d.saxes.message);
      if (!m) return false;
      const ns = `{${m[1]}:}`;
      return d.ours.events.some((e) => (e.t === 'open' && (e.name.startsWith(ns) || e.attrs.some(([n]) => n.startsWith(ns)))));
    },
  },
];

/** The first entry that explains `d`, or undefined. */
export function explain(d: Disagreement): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((k) => k.explains(d));
}
