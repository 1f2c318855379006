/**
 * Prints the Markdown table of the W3C conformance results (docs/conformance.md holds it between
 * generated-block markers): per suite section, the cases selected, not-wf cases refused and
 * well-formed cases accepted by our tokenizer, and failures of ours and of saxes. Deterministic:
 * it runs the tokenizers over the suite of the pinned package (about a second).
 *   npm run -s conformance:table
 */
import { loadCatalogue } from '../test/conformance/catalogue.js';
import { markdownTable, runCase } from '../test/conformance/run.js';
import { tokenizeOurs } from '../test/differential/ours.js';
import { tokenizeSaxes } from '../test/differential/saxes.js';

const catalogue = await loadCatalogue();
const results = catalogue.selected.map((c) => runCase(tokenizeOurs, c));
const reference = catalogue.selected.map((c) => runCase(tokenizeSaxes, c));
process.stdout.write(`${catalogue.selected.length} of the suite's ${catalogue.total} cases selected.\n\n${markdownTable(results, reference)}\n`);
