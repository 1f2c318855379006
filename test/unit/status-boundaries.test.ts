/**
 * lib/status.ts at its edges: XML whitespace (exactly space, tab, CR, LF) in `trimXml` and
 * `isXmlSpace`, and status lines whose code or version token is one character off (a non-digit
 * just below '0' or above '9' in each of the three code positions, a version token at the end of the
 * line, a first token that is not HTTP). Expected values are worked out by hand from the rules in
 * the TSDoc: the code is three ASCII digits standing alone after the version token.
 */
import { expect } from 'chai';
import { isXmlSpace, parseStatus, trimXml } from '../../lib/status.js';

describe('lib/status.ts boundaries', function () {
  describe('trimXml', function () {
    const cases: [string, string][] = [
      [' a', 'a'],
      ['\ta', 'a'],
      ['\na', 'a'],
      ['\ra', 'a'],
      ['a ', 'a'],
      ['a\t', 'a'],
      ['a\n', 'a'],
      ['a\r', 'a'],
      ['\t\r\n a b \n\r\t', 'a b'],
      ['  ', ''],
      ['', ''],
      // Not XML whitespace: form feed, vertical tab, NBSP, ideographic space stay.
      ['\fa\v', '\fa\v'],
      ['\u00a0a\u3000', '\u00a0a\u3000'],
    ];
    for (const [s, want] of cases) {
      it(`${JSON.stringify(s)} -> ${JSON.stringify(want)}`, function () {
        expect(trimXml(s)).to.equal(want);
      });
    }
  });

  describe('isXmlSpace', function () {
    const cases: [string, boolean][] = [
      ['', true],
      [' ', true],
      ['\t', true],
      ['\n', true],
      ['\r', true],
      [' \t\r\n \n', true],
      ['a', false],
      [' a', false],
      ['a ', false],
      ['  \t a \n', false],
      ['\f', false],
      ['\v', false],
      ['\u00a0', false],
    ];
    for (const [s, want] of cases) {
      it(`${JSON.stringify(s)} -> ${String(want)}`, function () {
        expect(isXmlSpace(s)).to.equal(want);
      });
    }
  });

  describe('parseStatus', function () {
    const cases: [string, number | null, string][] = [
      // A first token of four or more characters that is not HTTP: no code, the whole line is the text.
      ['SIP/2.0 200 OK', null, 'SIP/2.0 200 OK'],
      ['HTT/1.1 200 OK', null, 'HTT/1.1 200 OK'],
      ['XHTTP/1.1 200 OK', null, 'XHTTP/1.1 200 OK'],
      ['HTTPS/1.1 200 OK', 200, 'OK'],
      // Legacy form: the version token after a bare HTTP is skipped only when it is digits and dots.
      ['HTTP 1.1', null, ''],
      ['HTTP 1.0 404', 404, ''],
      ['HTTP OK', null, 'OK'],
      ['HTTP 1.x 200 OK', null, '1.x 200 OK'],
      ['HTTP\t1.1\t207\tMulti-Status', 207, 'Multi-Status'],
      ['HTTP', null, ''],
      ['HTTP/1.1', null, ''],
      // One non-digit in each code position: '/' is just below '0', ':' just above '9'.
      ['HTTP/1.1 /00 OK', null, '/00 OK'],
      ['HTTP/1.1 :00 OK', null, ':00 OK'],
      ['HTTP/1.1 2/0 OK', null, '2/0 OK'],
      ['HTTP/1.1 2:0 OK', null, '2:0 OK'],
      ['HTTP/1.1 20/ OK', null, '20/ OK'],
      ['HTTP/1.1 20: OK', null, '20: OK'],
      ['HTTP/1.1 x00 OK', null, 'x00 OK'],
      ['HTTP/1.1 xx0 OK', null, 'xx0 OK'],
      ['HTTP/1.1 20x', null, '20x'],
      ['HTTP/1.1 20', null, '20'],
      ['HTTP/1.1 000 Zero', 0, 'Zero'],
      ['HTTP/1.1 999', 999, ''],
      ['HTTP/1.1 207\tMulti-Status', 207, 'Multi-Status'],
    ];
    for (const [line, code, text] of cases) {
      it(`${JSON.stringify(line)} -> ${String(code)} ${JSON.stringify(text)}`, function () {
        expect(parseStatus(line)).to.deep.equal({ code, text, line });
      });
    }
  });
});
