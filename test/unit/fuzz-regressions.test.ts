/**
 * Inputs the mutation fuzzer found (fixtures/hostile/, see its README): each must end the same
 * way in one write, one byte at a time and in seeded random chunks.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { chunksOf, iterate, push } from '../helpers/parse-outcome.js';
import type { Outcome } from '../helpers/parse-outcome.js';

const cases: { file: string; code: string; responses: number; offset?: number; message?: RegExp }[] = [
  { file: 'fuzz-html-page-invalid-utf8.xml', code: 'NOT_MULTISTATUS', responses: 0, message: /<html>.*404 Not Found/ },
  { file: 'fuzz-declaration-iso-8859-1-split.xml', code: 'XML_SYNTAX', responses: 0 },
  { file: 'fuzz-leading-crlf-invalid-utf8.xml', code: 'ENCODING', responses: 0, offset: 27 },
];

function randomChunks(bytes: Uint8Array, seed: number): Uint8Array[] {
  let s = seed;
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    s = (s * 1103515245 + 12345) >>> 0;
    const n = 1 + (s % 9);
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

describe('fuzz regressions (fixtures/hostile)', () => {
  for (const c of cases) {
    it(`${c.file}: ${c.code} after ${c.responses} responses, whatever the chunking`, async () => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES_DIR, 'hostile', c.file)));
      const runs: [string, Outcome][] = [
        ['one write', push([bytes])],
        ['one byte per write', push(chunksOf(bytes, 1))],
        ['iterator', await iterate(bytes)],
      ];
      for (let seed = 1; seed <= 20; seed++) runs.push([`random chunks, seed ${seed}`, push(randomChunks(bytes, seed))]);
      for (const [how, out] of runs) {
        expect(out.error?.code, `${how}: ${out.error?.message}`).to.equal(c.code);
        expect(out.responses, how).to.have.length(c.responses);
        if (c.offset !== undefined) expect(out.error!.offset, how).to.equal(c.offset);
        if (c.message) expect(out.error!.message, how).to.match(c.message);
      }
    });
  }
});
