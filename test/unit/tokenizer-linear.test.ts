/**
 * Work is linear in the body: a long text node, a long attribute value, comment or CDATA section
 * and a long name cut into chunks of one character cost time proportional to their size. A
 * tokenizer that re-scanned an unfinished token from its start on every chunk would take 16
 * times as long for 4 times the size; the bound below (8 times) leaves room for a noisy machine
 * but not for that. Each size is timed as the best of three runs, in CPU time.
 */
import { expect } from 'chai';
import type { TokenEvents } from '../../lib/tokenizer/events.js';
import { Tokenizer } from '../../lib/tokenizer/tokenizer.js';
import { MultistatusParser } from '../../lib/index.js';

const events: TokenEvents = {
  onAttribute: () => undefined,
  onOpen: () => undefined,
  onClose: () => undefined,
  onText: () => undefined,
  onDoctype: () => undefined,
  onDiagnostic: () => undefined,
  onError: (message) => {
    throw new Error(message);
  },
  onTooLong: () => {
    throw new Error('too long');
  },
};

/** CPU milliseconds of the best of three runs of `f`. */
function cpu(f: () => void): number {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const start = process.cpuUsage();
    f();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Tokenizes `head`, then `n` copies of `piece` one write each, then `tail`. */
function feed(head: string, piece: string, n: number, tail: string): void {
  const t = new Tokenizer(events);
  t.write(head);
  for (let k = 0; k < n; k++) t.write(piece);
  t.write(tail);
  t.end();
}

function linear(what: string, head: string, piece: string, n: number, tail: string): void {
  feed(head, piece, n >> 2, tail); // warm up
  const small = cpu(() => feed(head, piece, n, tail));
  const large = cpu(() => feed(head, piece, 4 * n, tail));
  // Tiny timings are all noise: only a ratio of measurable times says something.
  const ratio = large / Math.max(small, 2);
  expect(ratio, `${what}: ${small.toFixed(1)} ms for n, ${large.toFixed(1)} ms for 4n`).to.be.below(8);
}

describe('tokenizer work is linear in the body (lib/tokenizer)', function () {
  this.timeout(120_000);

  it('a text node of 4 and 16 MiB in 64 KiB chunks', () => {
    linear('text', '<a>', 'x'.repeat(65536), 64, '</a>');
  });

  it('an attribute value of 256 KiB and 1 MiB in chunks of 7 characters', () => {
    linear('attribute value', '<a b="', 'x&amp;\tyz', 1 << 15, '"/>');
  });

  it('a name of 64 Ki and 256 Ki characters in chunks of 1 character (start and end tag)', () => {
    const n = 1 << 16;
    const name = (k: number): string => 'n'.repeat(k);
    const build = (k: number): (() => void) => () => {
      const t = new Tokenizer(events);
      t.write('<');
      for (let j = 0; j < k; j++) t.write('n');
      t.write('>x</');
      for (let j = 0; j < k; j++) t.write('n');
      t.write('>');
      t.end();
    };
    build(n >> 2)();
    const small = cpu(build(n));
    const large = cpu(build(4 * n));
    expect(large / Math.max(small, 2), `${small} ms, ${large} ms`).to.be.below(8);
    expect(name(1)).to.equal('n');
  });

  it('a comment, a CDATA section and a text with references in chunks of 1 character', () => {
    linear('comment', '<a><!--', 'c', 1 << 16, '--></a>');
    linear('CDATA', '<a><![CDATA[', ']', 1 << 16, ']]></a>');
    linear('references', '<a>', '&', 1 << 14, '</a>');
  });

  it('through the whole parser: a 1 MiB property value in chunks of 1 KiB, and of 16 bytes', () => {
    const run = (size: number, chunk: number) => (): void => {
      const parser = new MultistatusParser({ onResponse: () => undefined });
      parser.write('<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:propstat><D:prop><D:displayname>');
      const piece = 'y'.repeat(chunk);
      for (let k = 0; k < size / chunk; k++) parser.write(piece);
      parser.write('</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>');
      parser.end();
    };
    for (const chunk of [1024, 16]) {
      run(1 << 18, chunk)();
      const small = cpu(run(1 << 18, chunk));
      const large = cpu(run(1 << 20, chunk));
      expect(large / Math.max(small, 2), `chunks of ${chunk}: ${small} ms, ${large} ms`).to.be.below(8);
    }
  });
});
