/**
 * The client's small pieces, without a server: which failures are transient (retry.ts), the backoff,
 * which options reach the parser (propfind.ts), and how the summaries of many bodies add up
 * (results.ts).
 */
import { expect } from 'chai';
import { MultistatusError } from '../../lib/index.js';
import { parseOptionsOf } from '../../lib/client/propfind.js';
import { GeneratorIterator, SummaryTotal } from '../../lib/client/results.js';
import { isProtocolError, isTransient, retryDelay } from '../../lib/client/retry.js';
import type { DavResponse } from '../../lib/index.js';
import type { HttpDetails } from '../../lib/errors.js';

const source = (cause: unknown): MultistatusError => new MultistatusError('SOURCE', 'failed', {}, cause);
const coded = (message: string, code: string, cause?: unknown): Error => Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });
const named = (name: string, message = 'x'): Error => Object.assign(new Error(message), { name });
const http = (status: number, retryAfterMs?: number): MultistatusError => {
  const details: HttpDetails = { status, statusText: '', url: 'http://h/' };
  if (retryAfterMs !== undefined) details.retryAfterMs = retryAfterMs;
  return new MultistatusError('HTTP', `HTTP ${status}`, {}, undefined, details);
};

describe('client: retry policy, parse options, summaries (no server)', function () {
  describe('isTransient', function () {
    it('statuses: 408, 429, 502, 503, 504 only', function () {
      const transient = [];
      for (let s = 400; s < 600; s++) if (isTransient(http(s))) transient.push(s);
      expect(transient).to.deep.equal([408, 429, 502, 503, 504]);
    });

    it('connection codes anywhere in the cause chain (up to six deep), timeouts, browser wording', function () {
      for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'EAI_AGAIN']) {
        expect(isTransient(source(new TypeError('fetch failed', { cause: coded('x', code) }))), code).to.equal(true);
      }
      let deep: Error = coded('reset', 'ECONNRESET');
      for (let i = 0; i < 4; i++) deep = new Error(`level ${i}`, { cause: deep });
      expect(isTransient(source(deep)), 'five deep').to.equal(true);
      deep = new Error('one more', { cause: new Error('and more', { cause: deep }) });
      expect(isTransient(source(deep)), 'seven deep: not looked at').to.equal(false);
      expect(isTransient(source(named('TimeoutError')))).to.equal(true);
      expect(isTransient(source(new AggregateError([coded('a', 'ENOENT'), coded('b', 'ECONNREFUSED')], 'all failed')))).to.equal(true);
      expect(isTransient(source(new AggregateError([coded('a', 'ENOENT')], 'all failed')))).to.equal(false);
      expect(isTransient(source(new TypeError('Failed to fetch')))).to.equal(true);
      expect(isTransient(source(new TypeError('NetworkError when attempting to fetch resource.')))).to.equal(true);
      expect(isTransient(source(new TypeError('Load failed')))).to.equal(true);
    });

    it('not: other codes, a browser-like message with a code or a cause, other names, other errors', function () {
      expect(isTransient(source(coded('x', 'ENOTFOUND')))).to.equal(false);
      expect(isTransient(source(coded('x', 'DEPTH_ZERO_SELF_SIGNED_CERT')))).to.equal(false);
      expect(isTransient(source(Object.assign(new TypeError('Failed to fetch'), { code: 'X' })))).to.equal(false);
      expect(isTransient(source(new TypeError('Failed to fetch', { cause: new Error('cors') })))).to.equal(false);
      expect(isTransient(source(new Error('Failed to fetch')))).to.equal(false);
      expect(isTransient(source(new TypeError('Failed to fetch resource')))).to.equal(false);
      expect(isTransient(source(named('AbortError')))).to.equal(false);
      expect(isTransient(source('not an error'))).to.equal(false);
      expect(isTransient(new MultistatusError('TRUNCATED', 't'))).to.equal(false);
      expect(isTransient(new MultistatusError('XML_SYNTAX', 'x'))).to.equal(false);
      expect(isTransient(new Error('plain'))).to.equal(false);
      expect(isTransient(coded('x', 'ECONNRESET')), 'not a MultistatusError').to.equal(false);
      expect(isTransient(new MultistatusError('HTTP', 'no details'))).to.equal(false);
    });

    it('an answer fetch refuses as not HTTP/1.1 is never transient, whatever else the chain says', function () {
      const llhttp = coded('Response does not match the HTTP/1.1 protocol (Content-Length can\'t be present with Transfer-Encoding)', 'HPE_UNEXPECTED_CONTENT_LENGTH');
      const e = source(new TypeError('fetch failed', { cause: Object.assign(llhttp, { cause: coded('reset', 'ECONNRESET') }) }));
      expect(isProtocolError(e)).to.equal(true);
      expect(isTransient(e)).to.equal(false);
      expect(isProtocolError(source(coded('bad', 'HPE_INVALID_CHUNK_SIZE')))).to.equal(true);
      expect(isProtocolError(source(coded('bad', 'XHPE_')))).to.equal(false);
      expect(isProtocolError(source(new Error('Response does not match the HTTP/1.1 protocol')))).to.equal(true);
      expect(isProtocolError(source(coded('reset', 'ECONNRESET')))).to.equal(false);
      let deep: Error = coded('x', 'HPE_X');
      for (let i = 0; i < 6; i++) deep = new Error(`level ${i}`, { cause: deep });
      expect(isProtocolError(deep), 'seven deep: not looked at').to.equal(false);
    });
  });

  it('retryDelay: base doubled, Retry-After preferred, both capped by max, never negative', function () {
    expect([1, 2, 3, 4].map((a) => retryDelay(http(503), a, 100, 10_000))).to.deep.equal([100, 200, 400, 800]);
    expect(retryDelay(http(503), 3, 100, 250)).to.equal(250);
    expect(retryDelay(http(503, 2000), 1, 100, 50)).to.equal(50);
    expect(retryDelay(http(503, 70), 3, 100, 10_000)).to.equal(70);
    expect(retryDelay(http(503, -5), 1, 100, 10_000)).to.equal(0);
    expect(retryDelay(new Error('x'), 2, 10, 1000)).to.equal(20);
  });

  it('parseOptionsOf: every parse option and nothing else', function () {
    const signal = new AbortController().signal;
    const decoders = { '{urn:x}n': (): number => 1 };
    const all = { baseUrl: 'http://b/', properties: ['getetag'], decoders, typed: false, limits: { maxDepth: 9 }, encoding: 'utf-8', signal, strict: true };
    expect(parseOptionsOf({ ...all, headers: { a: 'b' }, timeout: 5 } as never)).to.deep.equal(all);
    expect(parseOptionsOf({})).to.deep.equal({});
    expect(Object.keys(parseOptionsOf({ typed: false, strict: false } as never))).to.deep.equal(['typed', 'strict']);
  });

  describe('SummaryTotal', function () {
    const summary = (over: object = {}): { responses: number; bytes: number; truncated: boolean; diagnostics: { code: string; message: string; line: number; column: number }[]; diagnosticCount: number; encoding?: string } => ({
      responses: 1, bytes: 10, truncated: false, diagnostics: [], diagnosticCount: 0, ...over,
    });
    const d = (code: string): { code: string; message: string; line: number; column: number } => ({ code, message: code, line: 1, column: 1 });

    it('adds bytes, keeps truncated once set, the last encoding, counts kept and dropped diagnostics once', function () {
      const t = new SummaryTotal(2);
      t.add(summary({ encoding: 'utf-8', diagnostics: [d('A')], diagnosticCount: 3 }));
      t.add(summary({ truncated: true, diagnostics: [d('B'), d('C')], diagnosticCount: 2 }));
      t.add(summary({ bytes: 5 }));
      const s = t.base(7);
      expect(s).to.deep.equal({ responses: 7, bytes: 25, truncated: true, diagnostics: [d('A'), d('B')], diagnosticCount: 5, encoding: 'utf-8' });
      const none = new SummaryTotal().base(0);
      expect('encoding' in none).to.equal(false);
      expect(none.truncated).to.equal(false);
      const e = new SummaryTotal();
      e.add(summary({ encoding: 'iso-8859-1' }));
      e.add(summary());
      expect(e.base(0).encoding).to.equal('iso-8859-1');
    });
  });

  describe('GeneratorIterator', function () {
    const response = { href: '/a', hrefs: ['/a'], path: '/a', propstats: [], props: {} } as unknown as DavResponse;
    async function* two(): AsyncGenerator<DavResponse, { responses: number; bytes: number; truncated: boolean; diagnostics: never[]; diagnosticCount: number }, undefined> {
      yield response;
      yield response;
      return { responses: 2, bytes: 0, truncated: false, diagnostics: [], diagnosticCount: 0 };
    }

    it('done stays done; summary() reads on to the end; return() before the end makes summary() reject ABORTED', async function () {
      const it = new GeneratorIterator(two(), 'walk');
      expect((await it.next()).done).to.equal(false);
      expect((await it.summary()).responses).to.equal(2);
      expect(await it.next()).to.deep.equal({ done: true, value: undefined });
      const stopped = new GeneratorIterator(two(), 'walk');
      await stopped.next();
      await stopped.return();
      expect(await stopped.next()).to.deep.equal({ done: true, value: undefined });
      const error = (await stopped.summary().then(() => undefined, (e: unknown) => e)) as MultistatusError;
      expect([error.code, error.message]).to.deep.equal(['ABORTED', 'the walk was stopped before its end']);
    });

    it('an error is thrown once, then the iteration is done and summary() rejects with it', async function () {
      // eslint-disable-next-line require-yield
      async function* failing(): AsyncGenerator<DavResponse, never, undefined> {
        throw new MultistatusError('SOURCE', 'boom');
      }
      const it = new GeneratorIterator(failing(), 'sync');
      const first = await it.next().then(() => undefined, (e: unknown) => e);
      expect((first as MultistatusError).message).to.equal('boom');
      expect(await it.next()).to.deep.equal({ done: true, value: undefined });
      expect(((await it.summary().then(() => undefined, (e: unknown) => e)) as MultistatusError).message).to.equal('boom');
    });
  });
});
