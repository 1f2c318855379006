/**
 * The mocha configuration of `npm run test:mutation` (Stryker's mocha runner): the core unit and
 * fixture tests only (no CLI, terminal, fuzz, browser or benchmark-generator tests). With
 * MUTATION_QUICK=1 the fixture test leaves out the gzip bulk bodies and the one-byte-per-write
 * runs. MUTATION_SPEC (comma-separated globs) narrows the tests for a per-file run, e.g.
 * MUTATION_SPEC=test/unit/href.test.ts,test/unit/checklist-hrefs.test.ts.
 */
'use strict';

const ALL = [
  'test/unit/checklist-*.test.ts',
  'test/unit/client-*.test.ts',
  'test/unit/dates.test.ts',
  'test/unit/decode.test.ts',
  'test/unit/error-offsets.test.ts',
  'test/unit/fixtures.test.ts',
  'test/unit/hostile-*.test.ts',
  'test/unit/href*.test.ts',
  'test/unit/limits.test.ts',
  'test/unit/properties*.test.ts',
  'test/unit/recipes.test.ts',
  'test/unit/sources.test.ts',
  'test/unit/status*.test.ts',
  'test/unit/strict.test.ts',
  'test/unit/unbound-prefix.test.ts',
];

module.exports = {
  spec: process.env.MUTATION_SPEC ? process.env.MUTATION_SPEC.split(',') : ALL,
  require: ['test/helpers/unhandled-rejections.ts'],
  timeout: 30000,
  reporter: 'dot',
};
