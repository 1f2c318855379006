/**
 * Where our tokenizer and saxes may disagree, each case decided by a rule of XML 1.0 (Fifth
 * Edition) or Namespaces in XML 1.0 (Third Edition), or by the project's design. A disagreement
 * of the differential test that no entry here recognises fails the test.
 */
import type { Outcome } from './events.js';

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
];

/** The first entry that explains `d`, or undefined. */
export function explain(d: Disagreement): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((k) => k.explains(d));
}
