/**
 * The push parser's own rules (lib/parser/parser.ts): write() and end() misused (USAGE, not the
 * parse's failure), an aborted signal, text and bytes not mixed, the summary's fields (bytes,
 * encoding only for bytes, sync-token, description, extensions, truncation), the decoder kept
 * across chunks and at end(), ENCODING at the first invalid byte, TRUNCATED with the count of
 * complete responses, and a failure that every later call throws again.
 */
import { expect } from 'chai';
import { MultistatusParser, parseMultistatus } from '../../lib/index.js';
import type { MultistatusError, MultistatusSummary, ParseOptions } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';
import { failure, thrown } from '../helpers/collect.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const RESPONSE = (href: string): string => `<D:response><D:href>${href}</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>`;
const DOC = `<D:multistatus xmlns:D="DAV:">${RESPONSE('/a')}${RESPONSE('/b')}</D:multistatus>`;

function parser(options: ParseOptions = {}): { p: MultistatusParser; hrefs: string[]; responses: DavResponse[] } {
  const hrefs: string[] = [];
  const responses: DavResponse[] = [];
  const p = new MultistatusParser({
    ...options,
    onResponse: (r) => {
      hrefs.push(r.href);
      responses.push(r);
    },
  });
  return { p, hrefs, responses };
}

function parse(chunks: (string | Uint8Array)[], options: ParseOptions = {}): { hrefs: string[]; responses: DavResponse[]; summary: MultistatusSummary } {
  const { p, hrefs, responses } = parser(options);
  for (const c of chunks) p.write(c);
  return { hrefs, responses, summary: p.end() };
}

/** A USAGE error has no position: nothing of the body is wrong. */
function usage(fn: () => unknown, message: string): MultistatusError {
  const e = failure(fn);
  expect(e.code).to.equal('USAGE');
  expect(e.message).to.equal(message);
  expect([e.line, e.column, e.offset]).to.deep.equal([undefined, undefined, undefined]);
  return e;
}

describe('parser push API (mutation tests)', () => {
  describe('misuse is USAGE and does not end the parse', () => {
    it('write() after end(), end() twice', () => {
      const { p } = parser();
      p.write(DOC);
      const summary = p.end();
      expect(summary.responses).to.equal(2);
      usage(() => p.write('x'), 'write() after end()');
      usage(() => p.write(utf8('x')), 'write() after end()');
      usage(() => p.end(), 'end() called twice');
      usage(() => p.end(), 'end() called twice');
    });

    it('text after bytes: refused, and the bytes go on', () => {
      const { p, hrefs } = parser();
      p.write(utf8(DOC.slice(0, 40)));
      usage(() => p.write(DOC.slice(40)), 'a string chunk after byte chunks');
      usage(() => p.write(''), 'a string chunk after byte chunks');
      p.write(utf8(DOC.slice(40)));
      const summary = p.end();
      expect(hrefs).to.deep.equal(['/a', '/b']);
      expect(summary.bytes).to.equal(DOC.length);
      expect(summary.encoding).to.equal('utf-8');
    });

    it('bytes after text: refused, and the text goes on', () => {
      const { p, hrefs } = parser();
      p.write(DOC.slice(0, 40));
      usage(() => p.write(utf8(DOC.slice(40))), 'a byte chunk after string chunks');
      usage(() => p.write(new Uint8Array(0)), 'a byte chunk after string chunks');
      p.write(DOC.slice(40));
      const summary = p.end();
      expect(hrefs).to.deep.equal(['/a', '/b']);
      expect(summary.bytes).to.equal(DOC.length);
      expect('encoding' in summary).to.equal(false);
    });

    it('empty text before bytes is no text: the bytes are taken', () => {
      const { summary, hrefs } = parse(['', '', utf8(DOC)]);
      expect(hrefs).to.deep.equal(['/a', '/b']);
      expect(summary.bytes).to.equal(DOC.length);
      expect(summary.encoding).to.equal('utf-8');
    });
  });

  describe('an aborted signal', () => {
    it('before a write: ABORTED, and every later call throws the same error', () => {
      const controller = new AbortController();
      const { p, hrefs } = parser({ signal: controller.signal });
      p.write(DOC.slice(0, 120));
      controller.abort();
      const e = failure(() => p.write(DOC.slice(120)));
      expect(e.code).to.equal('ABORTED');
      expect(e.message).to.equal('the parse was aborted');
      expect([e.line, e.column, e.offset]).to.deep.equal([undefined, undefined, undefined]);
      expect(thrown(() => p.write(DOC.slice(120)))).to.equal(e);
      expect(thrown(() => p.end())).to.equal(e);
      expect(hrefs).to.deep.equal(['/a']);
    });

    it('before end(): ABORTED from end(), kept', () => {
      const controller = new AbortController();
      const { p } = parser({ signal: controller.signal });
      p.write(DOC);
      controller.abort();
      const e = failure(() => p.end());
      expect(e.code).to.equal('ABORTED');
      expect(e.message).to.equal('the parse was aborted');
      expect(thrown(() => p.end())).to.equal(e);
      expect(thrown(() => p.write('x'))).to.equal(e);
    });

    it('a signal that is not aborted changes nothing', () => {
      const { summary, hrefs } = parse([DOC], { signal: new AbortController().signal });
      expect(hrefs).to.deep.equal(['/a', '/b']);
      expect(summary.responses).to.equal(2);
    });
  });

  describe('the summary', () => {
    it('text: bytes counts the characters of every chunk; no encoding', () => {
      const body = `<D:multistatus xmlns:D="DAV:">${RESPONSE('/é')}</D:multistatus>`;
      const { summary } = parse([body.slice(0, 10), '', body.slice(10, 50), body.slice(50)]);
      expect(summary).to.deep.equal({ responses: 1, bytes: body.length, truncated: false, diagnostics: [], diagnosticCount: 0 });
    });

    it('bytes: bytes counts every byte (a split character too), encoding names the decoder used', () => {
      const bytes = utf8(`<D:multistatus xmlns:D="DAV:">${RESPONSE('/€')}</D:multistatus>`);
      const euro = bytes.indexOf(0xe2);
      const { summary, hrefs } = parse([bytes.subarray(0, euro + 1), bytes.subarray(euro + 1, euro + 2), bytes.subarray(euro + 2)]);
      expect(hrefs).to.deep.equal(['/€']);
      expect(summary).to.deep.equal({ responses: 1, bytes: bytes.length, truncated: false, diagnostics: [], diagnosticCount: 0, encoding: 'utf-8' });
    });

    it('a short body in bytes is decoded at end() (held while its encoding is sniffed)', () => {
      const { summary } = parse([utf8('<D:multistatus xmlns:D="DAV:"/>')]);
      expect(summary).to.deep.equal({ responses: 0, bytes: 31, truncated: false, diagnostics: [], diagnosticCount: 0, encoding: 'utf-8' });
    });

    it('the encoding option names the charset of bytes without a declaration', () => {
      const bytes = new Uint8Array([...utf8(`<D:multistatus xmlns:D="DAV:"><D:response><D:href>/caf`), 0xe9, ...utf8(`</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>`)]);
      const { summary, hrefs } = parse([bytes], { encoding: 'iso-8859-1' });
      expect(hrefs).to.deep.equal(['/café']);
      expect(summary.encoding).to.equal('windows-1252');
      expect(summary.bytes).to.equal(bytes.length);
    });

    it('sync-token, responsedescription, extensions and truncation', () => {
      const body =
        '<D:multistatus xmlns:D="DAV:" xmlns:X="urn:x"><D:response><D:href>/c/</D:href><D:status>HTTP/1.1 507 Insufficient Storage</D:status></D:response>' +
        '<D:sync-token>http://example.com/sync/7</D:sync-token><D:responsedescription>partial</D:responsedescription><X:more n="1"/></D:multistatus>';
      const { summary } = parse([body], { baseUrl: new URL('http://example.com/c/') });
      expect(summary).to.deep.equal({
        responses: 1,
        bytes: body.length,
        truncated: true,
        diagnostics: [],
        diagnosticCount: 0,
        syncToken: 'http://example.com/sync/7',
        responseDescription: 'partial',
        extensions: [{ name: '{urn:x}more', attributes: { n: '1' }, children: [] }],
      });
    });

    it('baseUrl (a URL or a string) resolves the hrefs', () => {
      for (const baseUrl of ['http://example.com/dav/', new URL('http://example.com/dav/')]) {
        const { responses } = parse([DOC], { baseUrl });
        expect(responses.map((r) => r.url)).to.deep.equal(['http://example.com/a', 'http://example.com/b']);
      }
      expect(parse([DOC]).responses.map((r) => r.url)).to.deep.equal([undefined, undefined]);
    });

    it('strict: true makes a quirk an error; left out it is a diagnostic', () => {
      const body = `<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href></D:response></D:multistatus>`;
      expect(parse([body]).summary.diagnostics.map((d) => d.code)).to.deep.equal(['EMPTY_RESPONSE']);
      expect(failure(() => parse([body], { strict: true })).code).to.equal('STRICT');
      expect(parse([body], { strict: false }).summary.diagnosticCount).to.equal(1);
    });
  });

  describe('ENCODING at the first invalid byte', () => {
    it('after the responses before it, at its byte; kept for every later call', () => {
      const text = `<D:multistatus xmlns:D="DAV:">${RESPONSE('/a')}<D:response><D:href>/b`;
      const bytes = new Uint8Array([...utf8(text), 0xff, ...utf8(`</D:href></D:response></D:multistatus>`)]);
      const { p, hrefs } = parser();
      const e = failure(() => p.write(bytes));
      expect(hrefs).to.deep.equal(['/a']);
      expect(e.code).to.equal('ENCODING');
      // The text before the bad byte has been read: the position is right after it.
      expect(e.message).to.equal(`invalid utf-8 byte sequence (line 1, column ${text.length + 1}, byte ${text.length})`);
      expect(thrown(() => p.write(utf8('x')))).to.equal(e);
      expect(thrown(() => p.end())).to.equal(e);
    });

    it('in a later chunk: the byte offset counts the chunks before', () => {
      const first = utf8(`<D:multistatus xmlns:D="DAV:">${RESPONSE('/a')}`);
      const { p, hrefs } = parser();
      p.write(first);
      const e = failure(() => p.write(new Uint8Array([0x20, 0x20, 0xc3, 0x28])));
      expect(hrefs).to.deep.equal(['/a']);
      expect(e.message).to.equal(`invalid utf-8 byte sequence (line 1, column ${first.length + 3}, byte ${first.length + 2})`);
    });
  });

  describe('the end of the body', () => {
    it('inside the document: TRUNCATED with the count of complete responses', () => {
      const open = '<D:multistatus xmlns:D="DAV:">';
      const cases: [string, string][] = [
        [open, '0 complete responses'],
        [open + RESPONSE('/a'), '1 complete response'],
        [open + RESPONSE('/a') + RESPONSE('/b') + '<D:response><D:href>/c</D:href>', '2 complete responses'],
      ];
      for (const [body, count] of cases) {
        for (const input of [[body], [utf8(body)]]) {
          const e = failure(() => parse(input));
          expect(e.code).to.equal('TRUNCATED');
          expect(e.message).to.equal(`the body ended inside the document, after ${count} (line 1, column ${body.length + 1}, byte ${body.length})`);
        }
      }
    });

    it('bytes: the offset counts bytes, the column characters', () => {
      const body = `<D:multistatus xmlns:D="DAV:">${RESPONSE('/é€')}`;
      const bytes = utf8(body);
      expect(bytes.length).to.equal(body.length + 3);
      const e = failure(() => parse([bytes.subarray(0, 50), bytes.subarray(50)]));
      expect(e.message).to.equal(`the body ended inside the document, after 1 complete response (line 1, column ${body.length + 1}, byte ${bytes.length})`);
    });

    it('in a character (bytes): TRUNCATED from the decoder, kept', () => {
      const bytes = utf8(`<D:multistatus xmlns:D="DAV:">${RESPONSE('/a')}</D:multistatus>€`);
      const { p, hrefs } = parser();
      p.write(bytes.subarray(0, bytes.length - 2));
      const e = failure(() => p.end());
      expect(hrefs).to.deep.equal(['/a']);
      expect(e.code).to.equal('TRUNCATED');
      expect(e.message).to.equal(`the body ends inside a utf-8 character (byte ${bytes.length - 3})`);
      expect(thrown(() => p.end())).to.equal(e);
    });

    it('markup left open after the root element: XML_SYNTAX found at end(), after every response; kept', () => {
      const body = DOC + '\n<!-- not closed';
      const { p, hrefs } = parser();
      p.write(body);
      expect(hrefs).to.deep.equal(['/a', '/b']);
      const e = failure(() => p.end());
      expect(e.code).to.equal('XML_SYNTAX');
      // At the end of the body (line 2).
      const column = body.length - body.indexOf('\n');
      expect(e.message).to.equal(`the body ended in the middle of markup (line 2, column ${column}, byte ${body.length})`);
      expect(thrown(() => p.end())).to.equal(e);
      expect(thrown(() => p.write('-->'))).to.equal(e);
    });
  });

  describe('parseMultistatus over the same parser', () => {
    it('text and bytes give the same responses; bytes and encoding in the summary', async () => {
      const fromText = parseMultistatus(DOC);
      const textHrefs: string[] = [];
      for await (const r of fromText) textHrefs.push(r.href);
      const textSummary = await fromText.summary();
      const fromBytes = parseMultistatus(utf8(DOC));
      const byteHrefs: string[] = [];
      for await (const r of fromBytes) byteHrefs.push(r.href);
      const byteSummary = await fromBytes.summary();
      expect(textHrefs).to.deep.equal(['/a', '/b']);
      expect(byteHrefs).to.deep.equal(['/a', '/b']);
      expect(textSummary.bytes).to.equal(DOC.length);
      expect(textSummary.encoding).to.equal(undefined);
      expect(byteSummary.bytes).to.equal(DOC.length);
      expect(byteSummary.encoding).to.equal('utf-8');
    });
  });
});
