/**
 * fixtures/README.md against the committed expected files: every row of its failure tables
 * (`| \`name.xml\` | \`CODE\`, N ...`) says what the expected file says, and every failure expected
 * file has such a row.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FIXTURES_DIR, listFixtures, readExpected } from '../helpers/fixtures.js';
import { isFailureExpectation } from '../reference/expected.js';

interface Row {
  file: string;
  error: string;
  responsesBefore: number;
  strict: boolean;
}

function failureRows(markdown: string): Row[] {
  const rows: Row[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4) continue;
    const m = /^`([A-Z_]+)`, (\d+)/.exec(cells[2]!);
    if (!m) continue;
    for (const f of cells[1]!.matchAll(/`([^`]+\.xml(?:\.gz)?)`/g)) {
      rows.push({ file: f[1]!, error: m[1]!, responsesBefore: Number(m[2]), strict: cells[2]!.includes('"strict": true') });
    }
  }
  return rows;
}

describe('fixtures/README.md matches the expected files', function () {
  const rows = failureRows(readFileSync(join(FIXTURES_DIR, 'README.md'), 'utf8'));
  const failures = listFixtures().filter((f) => isFailureExpectation(readExpected(f)));

  it('finds the failure tables', function () {
    expect(rows.length).to.be.at.least(failures.length);
  });

  for (const fixture of failures) {
    it(`${fixture.name}: the README row says what the expected file says`, function () {
      const want = readExpected(fixture);
      if (!isFailureExpectation(want)) throw new Error('not a failure expectation');
      const row = rows.find((r) => r.file === basename(fixture.path));
      expect(row, `a README row for ${fixture.name}`).to.not.equal(undefined);
      expect({ error: row!.error, responsesBefore: row!.responsesBefore, strict: row!.strict }).to.deep.equal({
        error: want.error,
        responsesBefore: want.responsesBefore,
        strict: want.options?.strict === true,
      });
    });
  }
});
