/**
 * `npm run fixtures:update`: rewrite every `*.expected.json` from the reference walker (never from
 * the parser). Failure expectations ({"error": ...}) are written by hand and only checked here: the
 * walker must refuse those bodies too. Arguments, if any, keep only fixtures whose name contains one.
 */
import { writeFileSync } from 'node:fs';
import { fixtureBytes, fixtureText, listFixtures, readExpected } from '../helpers/fixtures.js';
import { OracleError, referenceModel } from './dom-model.js';
import { expectationOf, isFailureExpectation } from './expected.js';
import { toPrettyJson } from './serialise.js';

let written = 0;
let kept = 0;
const problems: string[] = [];
const filters = process.argv.slice(2);
const selected = listFixtures().filter((f) => filters.length === 0 || filters.some((s) => f.name.includes(s)));
for (const fixture of selected) {
  const previous = readExpected(fixture);
  try {
    const model = referenceModel(fixtureText(fixtureBytes(fixture)));
    if (isFailureExpectation(previous)) {
      problems.push(`${fixture.name}: expected file says ${previous.error}, but the walker accepts the body`);
      continue;
    }
    writeFileSync(fixture.expectedPath, toPrettyJson(expectationOf(model, fixture.gzip)));
    written += 1;
  } catch (e) {
    if (!(e instanceof OracleError)) throw e;
    if (isFailureExpectation(previous)) kept += 1;
    else problems.push(`${fixture.name}: walker refuses it (${e.code}: ${e.message}); write its failure expectation by hand`);
  }
}
console.log(`wrote ${written} expected files, kept ${kept} hand-written failure expectations`);
for (const p of problems) console.error(p);
if (problems.length) process.exitCode = 1;
