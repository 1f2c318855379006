/**
 * Differential test: our tokenizer against saxes (the reference) on every fixture, the hostile
 * and fuzz corpora, property-test documents and seeded mutations of real bodies, each in several
 * chunkings. They must agree on accept/reject and, when both accept, on the events; a
 * disagreement must be one of known-differences.ts (each decided by an XML 1.0 or Namespaces
 * rule), else the test fails and prints the input. Everything is deterministic (seeded).
 * Run with `npm run test:differential`.
 */
import type { Tokenize } from './events.js';
import {
  chunkings,
  fixtureInputs,
  hostileInputs,
  mutationInputs,
  propertyInputs,
  sampledTruncations,
  truncationInputs,
} from './corpus.js';
import type { Input, Ways } from './corpus.js';
import { Tally, compareOne } from './compare.js';
import { tokenizeOurs } from './ours.js';
import { edgeInputs } from './edges.js';

/** Mutants per run (drawn from a fixed seed: the same ones every run). */
const MUTANTS = 2500;
const MUTATION_SEED = 22;
const PROPERTY_DOCS = 200;
/** Bodies cut at every position (small ones: the cost grows with the square of the length). */
const CUT_EVERYWHERE = [
  'fixture rfc/rfc4918-9.1.3.xml',
  'fixture synthetic/prefix-rebinding.xml',
  'fixture servers/apache2-propfind-d0-file-amp.xml',
  'fixture servers/apache2-propfind-d0-file-unicode.xml',
  'fixture servers/sabre-caldav-report-calendar-multiget-found.xml',
];
/** Cuts at seeded positions of every other plain fixture. */
const CUTS_PER_FIXTURE = 24;

const totals = new Map<string, number>();
let cases = 0;
let unexplained = 0;

/** Compares every input in the given chunkings; returns a check to call once all runs of a test are done. */
function run(ours: Tokenize, inputs: readonly Input[], what: string, strict: boolean, ways: Ways): () => void {
  const tally = new Tally();
  for (const input of inputs) for (const way of chunkings(input, ways)) tally.add(compareOne(ours, input, way, strict));
  cases += tally.cases;
  unexplained += tally.unexplained.length;
  for (const [name, n] of tally.known) totals.set(name, (totals.get(name) ?? 0) + n);
  return () => tally.check(what);
}

/** Runs every check, then fails with all their messages. */
function checkAll(...checks: (() => void)[]): void {
  const errors: string[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  if (errors.length > 0) throw new Error(errors.join('\n\n'));
}

describe('differential: our tokenizer against saxes', function () {
  this.timeout(300_000);
  this.slow(20_000);
  const ours: Tokenize = tokenizeOurs;
  const fixtures = fixtureInputs();
  /** The plain-text fixtures (the gzipped ones are the 500- and 20,000-response bodies). */
  const plain = fixtures.filter((f) => !f.name.endsWith('.gz'));
  const big = fixtures.filter((f) => f.name.endsWith('.gz'));

  after(() => {
    console.log(`    ${cases} cases, ${unexplained} unexplained; known differences: ${totals.size === 0 ? 'none' : [...totals].map(([k, n]) => `${k}: ${n}`).join(', ')}`);
  });

  it(`every plain fixture body (${plain.length}): whole, 1-char and random chunks, strict; whole, lenient`, () => {
    checkAll(run(ours, plain, 'fixtures, strict', true, 'all'), run(ours, plain, 'fixtures, lenient', false, 'whole'));
  });

  it(`every gzipped fixture body (${big.length}, 500 and 20,000 responses): random chunks, strict`, () => {
    checkAll(run(ours, big, 'big fixtures', true, 'random'));
  });

  it('edge cases of the XML and Namespaces rules: every chunking, strict and lenient', () => {
    checkAll(run(ours, edgeInputs(), 'edges, strict', true, 'all'), run(ours, edgeInputs(), 'edges, lenient', false, 'all'));
  });

  it('the hostile corpus (DTD attacks, error pages): every chunking', () => {
    checkAll(run(ours, hostileInputs(), 'hostile', true, 'all'), run(ours, hostileInputs(), 'hostile, lenient', false, 'whole'));
  });

  it(`${PROPERTY_DOCS} documents of the property-test generator: every chunking`, () => {
    checkAll(run(ours, propertyInputs(PROPERTY_DOCS), 'property docs', true, 'all'));
  });

  it(`${MUTANTS} seeded mutants of real bodies (dropped, duplicated, swapped, fuzzer bytes): whole and random chunks`, () => {
    const mutants = mutationInputs(plain, MUTANTS, MUTATION_SEED);
    checkAll(run(ours, mutants, 'mutants, strict', true, 'all'), run(ours, mutants, 'mutants, lenient', false, 'whole'));
  });

  it(`truncations: ${CUT_EVERYWHERE.length} bodies cut at every position, every other fixture at ${CUTS_PER_FIXTURE} seeded positions`, () => {
    const everywhere = fixtures.filter((f) => CUT_EVERYWHERE.includes(f.name));
    if (everywhere.length !== CUT_EVERYWHERE.length) throw new Error('a CUT_EVERYWHERE fixture is missing');
    const cutEverywhere = run(ours, everywhere.flatMap(truncationInputs), 'cut everywhere', true, 'whole');
    const sampled = plain.filter((f) => !CUT_EVERYWHERE.includes(f.name)).flatMap((f) => sampledTruncations(f, CUTS_PER_FIXTURE));
    checkAll(cutEverywhere, run(ours, sampled, 'sampled cuts', true, 'whole'));
  });
});
