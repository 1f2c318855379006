/**
 * Linear time in the body at the size issue 22 names: a 64 MiB text node cut into 64 KiB chunks,
 * through the public parser, must be finished on a small head, never re-scanned. (The other
 * shapes, a long attribute value and a name one character per chunk, comments and CDATA, are in
 * test/unit/tokenizer-linear.test.ts, at smaller sizes that fit the unit suite.)
 * Each case takes the CPU time of the public parser (MultistatusParser) on a body of size n and 8n
 * in the same process, the fastest of 3 runs each: linear work gives a ratio near 8, re-scanning the token
 * at every chunk near 64 (more: the toy below gives over 100). The bound (32) is generous, and the
 * smaller body is large enough (tens of ms) that timer noise and a loaded machine do not fail it.
 */
import { expect } from 'chai';
import { MultistatusParser } from '../../lib/index.js';

const RUNS = 3;
const GROWTH = 8;
const MAX_RATIO = 32;
const LIMITS = { maxTextLength: Infinity, maxResponseSize: Infinity };

const head = (props: string): string =>
  '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:" xmlns:X="urn:x"><D:response><D:href>/a</D:href>' +
  `<D:propstat><D:prop>${props}`;
const TAIL = '</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>';

/** `s` in pieces of `size` characters. */
function pieces(s: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += size) out.push(s.slice(i, i + size));
  return out;
}

type Case = { chunks: string[]; check: (props: Record<string, unknown>) => void };
type Runner = (c: Case) => void;

/** The public parser over the chunks; `check` looks at the properties of the one response. */
const parse: Runner = ({ chunks, check }) => {
  let props: Record<string, unknown> | undefined;
  const parser = new MultistatusParser({ limits: LIMITS, onResponse: (res) => (props = res.props as Record<string, unknown>) });
  for (const c of chunks) parser.write(c);
  parser.end();
  check(props!);
};

/** CPU milliseconds of the fastest of RUNS runs (CPU time: other processes on the machine do not count). */
function fastest(run: Runner, c: Case): number {
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.cpuUsage();
    run(c);
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1000);
  }
  return best;
}

/** The time ratio of `make(8n)` to `make(n)` (after a warm-up run). */
function ratio(run: Runner, n: number, make: (n: number) => Case): { ratio: number; says: string } {
  const small = make(n);
  const large = make(n * GROWTH);
  run(small); // warm up
  const ts = fastest(run, small);
  const tl = fastest(run, large);
  const r = tl / Math.max(ts, 1);
  return { ratio: r, says: `${ts.toFixed(1)} ms for n, ${tl.toFixed(1)} ms for ${GROWTH}n (ratio ${r.toFixed(1)})` };
}

function linear(what: string, n: number, make: (n: number) => Case): void {
  const { ratio: r, says } = ratio(parse, n, make);
  expect(r, `${what}: ${says}`).to.be.below(MAX_RATIO);
  console.log(`      ${what}: ${says}`);
}

describe('linear time in the size of a token cut across chunks', function () {
  this.timeout(300_000);
  this.slow(60_000);

  it('the measure catches a tokenizer that re-scans the unfinished token at every chunk', () => {
    const rescan: Runner = ({ chunks }) => {
      let held = '';
      for (const c of chunks) {
        held += c;
        if (held.indexOf('<', 1) >= 0) held = ''; // scans everything held so far, every time
      }
    };
    const { ratio: r, says } = ratio(rescan, 8192, (n) => ({ chunks: ['<', ...pieces('x'.repeat(n), 1)], check: () => {} }));
    expect(r, says).to.be.above(MAX_RATIO);
    console.log(`      a re-scanning toy: ${says}`);
  });

  it('a 64 MiB text node in 64 KiB chunks (against 8 MiB)', () => {
    linear('text node', 8 * 2 ** 20, (n) => {
      const text = 'x'.repeat(n);
      const chunks = [head('<X:big>'), ...pieces(text, 64 * 1024), `</X:big>${TAIL}`];
      return { chunks, check: (p) => expect((p['{urn:x}big'] as string).length).to.equal(n) };
    });
  });
});
