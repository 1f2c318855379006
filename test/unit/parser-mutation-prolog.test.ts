/**
 * The start of the body (lib/parser/prolog.ts): whitespace before `<?xml` however it is chunked
 * (LEADING_WHITESPACE, positions that count it), a root that is not a multistatus or a body that
 * is not XML (NOT_MULTISTATUS quoting the body, waiting until enough of it has arrived), a body
 * that is empty or ends before its root, saxes' errors in our words, errors thrown by onResponse
 * and by the byte decoder, and limits.maxTextLength over a value split between writes.
 */
import { expect } from 'chai';
import { MultistatusError, MultistatusParser } from '../../lib/index.js';
import type { Diagnostic, MultistatusSummary, ParseOptions } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';
import { resolveLimits } from '../../lib/limits.js';
import { Prolog } from '../../lib/parser/prolog.js';
import { Report } from '../../lib/parser/report.js';
import { TokenInput } from '../../lib/parser/input.js';
import type { TokenEvents } from '../../lib/tokenizer/events.js';
import { failure, thrown } from '../helpers/collect.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function parse(chunks: (string | Uint8Array)[], options: ParseOptions = {}): { responses: DavResponse[]; summary: MultistatusSummary } {
  const responses: DavResponse[] = [];
  const parser = new MultistatusParser({ ...options, onResponse: (r) => responses.push(r) });
  for (const c of chunks) parser.write(c);
  return { responses, summary: parser.end() };
}

/** [line, column, offset] of an error. */
const at = (e: MultistatusError): [number | undefined, number | undefined, number | undefined] => [e.line, e.column, e.offset];

/** Splits `s` at the given indexes. */
function cut(s: string, ...at: number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const i of at) {
    out.push(s.slice(from, i));
    from = i;
  }
  out.push(s.slice(from));
  return out;
}

const DECL = '<?xml version="1.0" encoding="utf-8"?>';
const DOC =
  '<D:multistatus xmlns:D="DAV:">\n<D:response><D:href>/a</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>\n</D:multistatus>';
const LEADING: Diagnostic = { code: 'LEADING_WHITESPACE', message: 'whitespace before the XML declaration was skipped', line: 0, column: 0 };

describe('parser prolog (mutation tests)', () => {
  describe('whitespace before <?xml', () => {
    // Line ends: LF alone, CR alone and CR LF each end one line; the space and the tab are columns.
    const lead = '\n\r\r\n \t';
    const body = `${lead}${DECL}\n${DOC}`;

    it('is skipped with one LEADING_WHITESPACE at the declaration (line 4, column 3), however the body is chunked', () => {
      const plain = parse([`${DECL}\n${DOC}`]);
      expect(plain.summary.diagnostics).to.deep.equal([]);
      const splits = [
        [body],
        cut(body, 1),
        cut(body, 2),
        cut(body, 1, 2, 3, 4, 5),
        cut(body, 6),
        cut(body, 7),
        cut(body, 8),
        cut(body, 9),
        cut(body, 10),
        cut(body, 11),
        cut(body, 12),
        cut(body, 3, 8, 10),
        cut(body, 6, 7, 8, 9, 10, 11, 12),
      ];
      for (const chunks of splits) {
        for (const input of [chunks, chunks.map(utf8)]) {
          const { responses, summary } = parse(input);
          const what = JSON.stringify(chunks) + (typeof input[0] === 'string' ? ' (text)' : ' (bytes)');
          expect(responses, what).to.deep.equal(plain.responses);
          expect(summary.diagnostics, what).to.deep.equal([{ ...LEADING, line: 4, column: 3 }]);
          expect(summary.bytes, what).to.equal(body.length);
        }
      }
    });

    it('error positions count the skipped whitespace: lines, columns on the first line, bytes', () => {
      // Oracle: the same body without the whitespace, then shifted by what was skipped
      // (3 lines, 2 columns on the declaration's line, 6 bytes).
      const diagnostics = parse([lead + DECL + DOC]).summary.diagnostics;
      expect(diagnostics).to.deep.equal([{ ...LEADING, line: 4, column: 3 }]);
      const bad = [
        `${DECL}\n<D:multistatus xmlns:D="DAV:">\n<D:response></D:responsX>`,
        `${DECL}<D:multistatus xmlns:D="DAV:" a=1>`,
        `${DECL}<D:multistatus xmlns:D="DAV:"><D:response></D:response>`,
      ];
      for (const rest of bad) {
        const base = failure(() => parse([rest]));
        const firstLine = base.line === 1;
        const want = [base.line! + 3, base.column! + (firstLine ? 2 : 0), base.offset! + 6];
        for (const chunks of [[lead + rest], cut(lead + rest, 2), cut(lead + rest, 6), cut(lead + rest, 8)]) {
          for (const input of [chunks, chunks.map(utf8)]) {
            const e = failure(() => parse(input));
            expect(e.code, rest).to.equal(base.code);
            expect(e.message.replace(/ \(line.*/, ''), rest).to.equal(base.message.replace(/ \(line.*/, ''));
            expect(at(e), JSON.stringify(chunks)).to.deep.equal(want);
          }
        }
      }
    });

    it('in strict mode it is STRICT at the declaration, thrown by the write that shows the declaration', () => {
      const strict = { strict: true };
      const e = failure(() => parse([body], strict));
      expect(e.code).to.equal('STRICT');
      expect(e.message).to.equal('LEADING_WHITESPACE: whitespace before the XML declaration was skipped (line 4, column 3, byte 6)');
      // The same position however the whitespace and the declaration arrive (text), and for bytes
      // while "<?xml" itself arrives in one write. (Bytes split inside "<?xml" after whitespace give
      // the byte offset of the write that completes it: not fixed yet, so not asserted here.)
      for (const chunks of [cut(body, 2), cut(body, 6), cut(body, 8), cut(body, 1, 3, 5, 7, 9), cut(body, 12)]) {
        const split = failure(() => parse(chunks, strict));
        expect([split.code, ...at(split)], JSON.stringify(chunks)).to.deep.equal(['STRICT', 4, 3, 6]);
      }
      for (const chunks of [cut(body, 2), cut(body, 6), cut(body, 1, 3, 5), cut(body, 12), cut(body, 2, 4, 12)]) {
        const split = failure(() => parse(chunks.map(utf8), strict));
        expect([split.code, ...at(split)], JSON.stringify(chunks)).to.deep.equal(['STRICT', 4, 3, 6]);
      }
      // " <?xml " is enough to know: the write of it throws.
      const p = new MultistatusParser({ strict: true, onResponse: () => {} });
      const now = failure(() => p.write(' <?xml '));
      expect([now.code, ...at(now)]).to.deep.equal(['STRICT', 1, 2, 1]);
      // " <?xml" alone is not (it could be "<?xml-stylesheet"): held until the next write.
      const q = new MultistatusParser({ strict: true, onResponse: () => {} });
      q.write(' <?xml');
      q.write('');
      const later = failure(() => q.write(' version="1.0"?>'));
      expect([later.code, ...at(later)]).to.deep.equal(['STRICT', 1, 2, 1]);
    });

    it('whitespace before a root with no declaration is well-formed: no diagnostic, saxes counts it', () => {
      const text = `\r\n \n${DOC}`;
      const whole = parse([text]);
      expect(whole.summary.diagnostics).to.deep.equal([]);
      expect(whole.responses.map((r) => r.href)).to.deep.equal(['/a']);
      for (const chunks of [cut(text, 1), cut(text, 2), cut(text, 4), cut(text, 1, 2, 3, 4, 5)]) {
        for (const input of [chunks, chunks.map(utf8)]) {
          const r = parse(input);
          expect(r.responses, JSON.stringify(chunks)).to.deep.equal(whole.responses);
          expect(r.summary.diagnostics).to.deep.equal([]);
        }
      }
      // And an error's position is the one saxes finds in the whole body.
      const bad = `\r\n \n<D:multistatus xmlns:D="DAV:">\n<D:response></D:responsX>`;
      const base = failure(() => parse([bad]));
      // The end tag is on line 4 (CR LF, LF and LF end lines 1 to 3).
      expect(base.line).to.equal(4);
      for (const chunks of [cut(bad, 1), cut(bad, 4), cut(bad, 5), cut(bad, 1, 2, 3, 4, 5, 6)]) {
        for (const input of [chunks, chunks.map(utf8)]) expect(at(failure(() => parse(input))), JSON.stringify(chunks)).to.deep.equal(at(base));
      }
    });

    it('two LFs in a row are two line ends, a space before an LF a column of the line it ends', () => {
      expect(parse([` \n\n${DECL}${DOC}`]).summary.diagnostics).to.deep.equal([{ ...LEADING, line: 3, column: 1 }]);
    });

    it('a comment after whitespace is no declaration, even with whitespace five characters in', () => {
      const text = `\n<!--  comment -->\n${DOC}`;
      for (const chunks of [[text], cut(text, 3)]) {
        const { responses, summary } = parse(chunks, { strict: true });
        expect(responses.map((r) => r.href)).to.deep.equal(['/a']);
        expect(summary.diagnostics).to.deep.equal([]);
      }
    });

    it('"<?xml-stylesheet" after whitespace is a processing instruction, not a misplaced declaration', () => {
      const text = ` \n<?xml-stylesheet type="text/xsl" href="ms.xsl"?>\n${DOC}`;
      for (const chunks of [[text], cut(text, 2), cut(text, 7), cut(text, 8), cut(text, 2, 4, 6, 8)]) {
        const { responses, summary } = parse(chunks);
        expect(responses.map((r) => r.href), JSON.stringify(chunks)).to.deep.equal(['/a']);
        expect(summary.diagnostics).to.deep.equal([]);
      }
    });

    it('"<?xml" not after whitespace is the declaration itself: no diagnostic, however it is chunked', () => {
      const text = `${DECL}\n${DOC}`;
      for (const chunks of [cut(text, 3), cut(text, 5), cut(text, 1, 2, 3, 4, 5, 6)]) {
        expect(parse(chunks).summary.diagnostics, JSON.stringify(chunks)).to.deep.equal([]);
      }
    });

    it('whitespace and what is not the start of "<?xml" go to saxes at once: errors in them are positioned in bytes', () => {
      // After a BOM the decoder hands on even a few characters; the BOM's 3 bytes count.
      const bom = [0xef, 0xbb, 0xbf];
      const cases: [string, string, string][] = [
        [' <&', 'x>', 'a character that is not allowed in an element name (line 1, column 4, byte 6)'],
        [' <a="', '1"/>', 'a character that is not allowed in an element name (line 1, column 5, byte 7)'],
        ['\n<?', '?>', 'a processing instruction without a target (line 2, column 4, byte 7)'],
      ];
      for (const [first, second, message] of cases) {
        const e = failure(() => parse([new Uint8Array([...bom, ...utf8(first)]), utf8(second)]));
        expect(e.code).to.equal('XML_SYNTAX');
        expect(e.message, first).to.equal(message);
        // Text: the same, 3 fewer bytes.
        expect(failure(() => parse([first, second])).offset).to.equal(e.offset! - 3);
      }
    });

    it('a body of whitespace only is NOT_MULTISTATUS "the body is empty", at its end', () => {
      for (const chunks of [[' \n\t'], [' ', '\n', '\t'], [' \n', '', '\t']]) {
        const e = failure(() => parse(chunks));
        expect(e.message, JSON.stringify(chunks)).to.equal('the body is empty (line 2, column 2, byte 3)');
        expect(e.code).to.equal('NOT_MULTISTATUS');
        expect(failure(() => parse(chunks.map(utf8))).message).to.equal('the body is empty (line 2, column 2, byte 3)');
      }
      expect(failure(() => parse([])).message).to.equal('the body is empty (line 1, column 1, byte 0)');
    });

    it('whitespace and the start of a declaration, then the end: TRUNCATED before the root, quoting it', () => {
      for (const chunks of [[' <?xm'], [' ', '<?xm'], [' <', '?xm'], ['\n<?xml']]) {
        const e = failure(() => parse(chunks));
        expect(e.code).to.equal('TRUNCATED');
        const shown = chunks.join('').trim();
        expect(e.message).to.match(new RegExp(`^the body ended before its root element: got "${shown.replace(/\?/g, '\\?')}" \\(line`));
      }
      expect(failure(() => parse([' <?xm'])).message).to.equal('the body ended before its root element: got "<?xm" (line 1, column 6, byte 5)');
    });
  });

  describe('a root that is not a multistatus', () => {
    const ROOT = 'the root element is <html>, not {DAV:}multistatus';

    it('is NOT_MULTISTATUS at its start tag, quoting the body from the root, at end() when the body is short', () => {
      const p = new MultistatusParser({ onResponse: () => {} });
      p.write('<html>');
      p.write('<p>gone');
      const e = failure(() => p.end());
      expect(e.code).to.equal('NOT_MULTISTATUS');
      // The position is where the start tag ends (the parser has just read it).
      expect(e.message).to.equal(`${ROOT}: got "<html><p>gone" (line 1, column 7, byte 6)`);
      // The failure is kept: end() and write() throw it again.
      expect(thrown(() => p.end())).to.equal(e);
      expect(thrown(() => p.write('more'))).to.equal(e);
    });

    it('is thrown by the write that brings 80 characters from the root: 79 are not enough', () => {
      const p = new MultistatusParser({ onResponse: () => {} });
      const first = '\n <html>' + 'x'.repeat(73); // 79 characters from "<html>"
      p.write(first);
      p.write('');
      const e = failure(() => p.write('yz'));
      expect(e.code).to.equal('NOT_MULTISTATUS');
      // Quoted from the root: 80 characters of it, then "…".
      expect(e.message).to.equal(`${ROOT}: got "<html>${'x'.repeat(73)}y…" (line 2, column 8, byte 8)`);
      // Exactly 80 in one write: thrown at once, quoted whole.
      const q = new MultistatusParser({ onResponse: () => {} });
      const e80 = failure(() => q.write('<html>' + 'x'.repeat(74)));
      expect(e80.message).to.equal(`${ROOT}: got "<html>${'x'.repeat(74)}" (line 1, column 7, byte 6)`);
    });

    it('later writes are not parsed any more (no other error can come before it)', () => {
      const p = new MultistatusParser({ onResponse: () => {} });
      p.write('<html>');
      p.write('</body></p> & <<< ]]>');
      const e = failure(() => p.end());
      expect(e.message).to.equal(`${ROOT}: got "<html></body></p> & <<< ]]>" (line 1, column 7, byte 6)`);
    });

    it('the body\'s first 256 characters are enough when the root starts late in them', () => {
      // A comment of 200 characters, then the root: 56 characters from it fill the 256.
      const comment = `<!--${'c'.repeat(193)}-->`;
      expect(comment.length).to.equal(200);
      const p = new MultistatusParser({ onResponse: () => {} });
      p.write(comment + '<html>' + 'x'.repeat(49)); // 255 characters
      const e = failure(() => p.write('yz'));
      expect(e.message).to.equal(`${ROOT}: got "<html>${'x'.repeat(49)}y" (line 1, column 207, byte 206)`);
    });

    it('a root past the first 256 characters: the quote is the body\'s start', () => {
      const comment = `<!--${'c'.repeat(293)}-->`; // 300 characters
      const text = comment + '<html><body>Not Found</body></html>';
      for (const chunks of [[text], cut(text, 100), cut(text, 100, 200, 300)]) {
        const e = failure(() => parse(chunks));
        expect(e.code).to.equal('NOT_MULTISTATUS');
        expect(e.message, JSON.stringify(chunks.map((c) => c.length))).to.equal(
          `${ROOT}: got "<!--${'c'.repeat(76)}…" (line 1, column 307, byte 306)`,
        );
      }
    });

    it('a decoder error after it (a body cut inside a character) is still NOT_MULTISTATUS', () => {
      const bytes = utf8('<html>€');
      const e = failure(() => parse([bytes.subarray(0, bytes.length - 1)]));
      expect(e.code).to.equal('NOT_MULTISTATUS');
      expect(e.message).to.equal(`${ROOT}: got "<html>" (line 1, column 7, byte 6)`);
      // Without the root problem the same cut is TRUNCATED.
      const doc = utf8('<D:multistatus xmlns:D="DAV:">€');
      const t = failure(() => parse([doc.subarray(0, doc.length - 1)]));
      expect(t.code).to.equal('TRUNCATED');
      expect(t.message).to.equal('the body ends inside a utf-8 character (byte 30)');
    });

    it('invalid bytes after it: still NOT_MULTISTATUS, not ENCODING', () => {
      const bytes = new Uint8Array([...utf8('<html>ok'), 0xff, ...utf8('more')]);
      const e = failure(() => parse([bytes]));
      expect(e.code).to.equal('NOT_MULTISTATUS');
      expect(e.message).to.equal(`${ROOT}: got "<html>ok" (line 1, column 7, byte 6)`);
    });
  });

  describe('a body that is not XML', () => {
    it('is NOT_MULTISTATUS from its first character, quoted, at end() when short', () => {
      const p = new MultistatusParser({ onResponse: () => {} });
      p.write('hello');
      p.write(' world');
      const e = failure(() => p.end());
      expect(e.code).to.equal('NOT_MULTISTATUS');
      expect(e.message).to.equal('the body is not XML: got "hello world" (line 1, column 1, byte 0)');
      expect(thrown(() => p.end())).to.equal(e);
    });

    it('a long one is thrown by the write that brings 80 characters', () => {
      const p = new MultistatusParser({ onResponse: () => {} });
      p.write('{"error": "' + 'e'.repeat(60));
      const e = failure(() => p.write('x'.repeat(20)));
      expect(e.message).to.equal(`the body is not XML: got "{\\"error\\": \\"${'e'.repeat(60)}${'x'.repeat(9)}…" (line 1, column 1, byte 0)`);
    });

    it('its position counts the whitespace before it however that is chunked (CR LF split between writes is one line end)', () => {
      const cases: [string[], string][] = [
        [['\r\nhello'], '(line 2, column 1, byte 2)'],
        [['\r', '\nhello'], '(line 2, column 1, byte 2)'],
        [['\r', '\n', 'hello'], '(line 2, column 1, byte 2)'],
        [['\r\r\nhello'], '(line 3, column 1, byte 3)'],
        [['\r', '\r', '\n', 'hello'], '(line 3, column 1, byte 3)'],
        [['\n\r', '\n\thello'], '(line 3, column 2, byte 4)'],
        [['  ', ' \t', 'hello'], '(line 1, column 5, byte 4)'],
        [['\n  ', '  hello'], '(line 2, column 5, byte 5)'],
        [['\n', '\n', '  ', 'hello'], '(line 3, column 3, byte 4)'],
        [['\r \nhello'], '(line 3, column 1, byte 3)'],
        [['\r', ' ', '\nhello'], '(line 3, column 1, byte 3)'],
      ];
      for (const [chunks, where] of cases) {
        for (const input of [chunks, chunks.map(utf8)]) {
          const e = failure(() => parse(input));
          expect(e.message, JSON.stringify(chunks)).to.equal(`the body is not XML: got "hello" ${where}`);
        }
      }
    });

    it('its start is where the first character that is not whitespace was written, in whichever write', () => {
      // saxes holds back a high surrogate at the end of a write: it complains in the next one.
      const split = failure(() => parse(['  \uD83D', '\uDE00 x']));
      expect(split.message).to.equal('the body is not XML: got "\uD83D\uDE00 x" (line 1, column 3, byte 2)');
      // Or never, when the body ends there: still not XML, from the same character.
      const p = new MultistatusParser({ onResponse: () => {} });
      p.write('  \uD83D');
      const e = failure(() => p.end());
      expect(e.code).to.equal('NOT_MULTISTATUS');
      expect(e.message).to.equal('the body is not XML: got "\\ud83d" (line 1, column 3, byte 2)');
      expect(thrown(() => p.end())).to.equal(e);
    });

    it('it is quoted from its start, whatever it holds', () => {
      // (deferRoot's '' means "from the start"; any other tag start, looked for in the body, would
      // move the quote when the body held it.)
      const text = 'Oops! Stryker was here! <html>';
      expect(failure(() => parse([text])).message).to.equal(`the body is not XML: got "${text}" (line 1, column 1, byte 0)`);
    });

    it('the quote leaves out whitespace at both ends; a BOM in text is a column', () => {
      const p = new MultistatusParser({ onResponse: () => {} });
      p.write('\n hello');
      p.write(' world \n');
      expect(failure(() => p.end()).message).to.equal('the body is not XML: got "hello world" (line 2, column 2, byte 2)');
      expect(failure(() => parse(['\uFEFFhello'])).message).to.equal('the body is not XML: got "hello" (line 1, column 2, byte 1)');
    });

    it('bytes: the offset is in bytes (a BOM and multi-byte characters before nothing else count)', () => {
      const e = failure(() => parse([new Uint8Array([0xef, 0xbb, 0xbf]), utf8(' é')]));
      expect(e.message).to.equal('the body is not XML: got "é" (line 1, column 2, byte 4)');
    });

    it('markup that is not well-formed before the root is XML_SYNTAX (the body does look like XML)', () => {
      const e = failure(() => parse([' \n<!-- a comment -->junk<D:multistatus xmlns:D="DAV:"/>']));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.match(/^text outside the root element \(line 2, column \d+, byte \d+\)$/);
    });
  });

  describe('saxes errors in our words', () => {
    it('the reason has no "line:column:" prefix of saxes, at any line and column', () => {
      const pad = '\n'.repeat(11) + ' '.repeat(12);
      const e = failure(() => parse([`<D:multistatus xmlns:D="DAV:">${pad}<D:response a="1" a="2"/></D:multistatus>`]));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.match(/^an attribute given twice: a \(line 12, column \d\d, byte \d+\)$/);
      const late = failure(() => parse([`<D:multistatus xmlns:D="DAV:">${pad}</D:multistatus>${pad}trailing`]));
      expect(late.message).to.match(/^text outside the root element \(line 2\d, column \d\d, byte \d+\)$/);
    });
  });

  describe('what onResponse throws', () => {
    const doc = '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>';

    it('is rethrown as itself; then the parse is over with USAGE', () => {
      const boom = new Error('boom');
      const p = new MultistatusParser({
        onResponse: () => {
          throw boom;
        },
      });
      expect(thrown(() => p.write(doc))).to.equal(boom);
      const after = failure(() => p.write('</D:multistatus>'));
      expect(after.code).to.equal('USAGE');
      expect(after.message).to.equal('onResponse threw; the parse cannot go on');
      expect(after.cause).to.equal(boom);
      expect(thrown(() => p.end())).to.equal(after);
    });

    it('a value that is not an Error, or a MultistatusError, is rethrown as itself too', () => {
      for (const value of ['stop', 42, new MultistatusError('HTTP', 'from the callback')]) {
        const p = new MultistatusParser({
          onResponse: () => {
            throw value;
          },
        });
        expect(thrown(() => p.write(doc))).to.equal(value);
        expect(failure(() => p.end()).code).to.equal('USAGE');
      }
    });
  });

  describe('the byte decoder\'s own errors', () => {
    it('an unsupported encoding is ENCODING, kept: later writes throw it again', () => {
      const p = new MultistatusParser({ encoding: 'x-no-such-charset', onResponse: () => {} });
      const e = failure(() => p.write(utf8('<D:multistatus xmlns:D="DAV:">' + ' '.repeat(1100))));
      expect(e.code).to.equal('ENCODING');
      expect(e.message).to.equal('unsupported character encoding: x-no-such-charset');
      expect(thrown(() => p.write(utf8(' ')))).to.equal(e);
      expect(thrown(() => p.end())).to.equal(e);
    });

    it('the same found at end() (a short body is only sniffed at the end)', () => {
      const p = new MultistatusParser({ encoding: 'x-no-such-charset', onResponse: () => {} });
      p.write(utf8('<?x'));
      const e = failure(() => p.end());
      expect(e.message).to.equal('unsupported character encoding: x-no-such-charset');
      expect(thrown(() => p.end())).to.equal(e);
    });
  });

  describe('limits.maxTextLength over a value split between writes', () => {
    const limits = { maxTextLength: 20 };
    const open = '<D:multistatus xmlns:D="DAV:"><D:response><D:href>';

    it('text: 20 characters in pieces pass, the write that brings the 21st throws', () => {
      const p = new MultistatusParser({ limits, onResponse: () => {} });
      p.write(open + 'a'.repeat(10));
      p.write('a'.repeat(10));
      const e = failure(() => p.write('a'));
      expect(e.code).to.equal('LIMIT_EXCEEDED');
      expect(e.message).to.match(/^more than 20 characters in one text value \(raise limits\.maxTextLength\) \(line 1, column \d+, byte \d+\)$/);
      // Exactly 20, then the end tag: accepted.
      const hrefs: string[] = [];
      const ok = new MultistatusParser({ limits, onResponse: (r) => hrefs.push(r.href) });
      for (const piece of [open + 'a'.repeat(10), 'a'.repeat(10), '</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>']) ok.write(piece);
      ok.end();
      expect(hrefs).to.deep.equal(['a'.repeat(20)]);
    });

    it('whitespace only, in pieces: the write that brings the 21st character throws', () => {
      const p = new MultistatusParser({ limits, onResponse: () => {} });
      p.write(open);
      p.write(' '.repeat(12));
      const e = failure(() => p.write(' '.repeat(9)));
      expect(e.code).to.equal('LIMIT_EXCEEDED');
    });

    it('an attribute value and a comment likewise', () => {
      for (const [head, piece] of [
        ['<D:multistatus xmlns:D="DAV:" x="', 'b'],
        ['<D:multistatus xmlns:D="DAV:"><!--', 'c'],
      ] as const) {
        const p = new MultistatusParser({ limits, onResponse: () => {} });
        p.write(head);
        for (let k = 0; k < 20; k++) p.write(piece);
        expect(failure(() => p.write(piece)).code, head).to.equal('LIMIT_EXCEEDED');
      }
    });
  });
});

describe('Prolog.adopt (lib/parser/prolog.ts): what the tokenizer or a handler throws that is not a MultistatusError', () => {
  it('becomes the parse\'s XML_SYNTAX failure, with its message, the position and the cause', () => {
    for (const [thrownValue, message] of [
      [new TypeError('internal state'), 'internal state'],
      ['a string', 'a string'],
    ] as const) {
      const input = new TokenInput(1000);
      input.attach({} as TokenEvents);
      const report = new Report(input, resolveLimits(undefined), false);
      const prolog = new Prolog(input, report);
      const e = prolog.adopt(thrownValue);
      expect(e).to.be.instanceOf(MultistatusError);
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.equal(`${message} (line 1, column 1, byte 0)`);
      expect(e.cause).to.equal(thrownValue);
      expect(report.failure).to.equal(e);
    }
  });
});
