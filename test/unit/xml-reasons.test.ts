/**
 * Messages in our own words: the tokenizer's reasons read like the rest of the library's (no
 * full stop before the position), counts take the right plural, and a body that is not XML is
 * reported where it starts being wrong.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { MultistatusError, parseMultistatus } from '../../lib/index.js';
import { REPO, runCli } from '../helpers/run-cli.js';

async function failure(body: string | Uint8Array): Promise<MultistatusError> {
  try {
    for await (const _ of parseMultistatus(body)) void _;
  } catch (e) {
    expect(e).to.be.instanceOf(MultistatusError);
    return e as MultistatusError;
  }
  throw new Error('parsed without an error');
}

describe('XML errors in our own words', function () {
  it('the parser reports our words, never saxes\' own', async function () {
    const cases: [string, RegExp][] = [
      ['<D:multistatus xmlns:D="DAV:"></D:multistatus>trailing', /^text outside the root element \(line 1/],
      ['<D:multistatus xmlns:D="DAV:"><D:response a="1" a="2"/></D:multistatus>', /^an attribute given twice: a \(/],
      ['<D:multistatus xmlns:D="DAV:">&nbsp;</D:multistatus>', /^an undefined entity \(only &lt;/],
      ['<D:multistatus xmlns:D="DAV:"><D:response></D:href></D:multistatus>', /^an end tag with no matching start tag: <\/D:href>|does not match/],
    ];
    for (const [body, message] of cases) {
      const e = await failure(body);
      expect(e.code, body).to.equal('XML_SYNTAX');
      expect(e.message, body).to.match(message);
      expect(e.message).to.not.match(/\.\s*\(line/);
    }
  });

  it('a body that is not XML at all is wrong from its first character: line 1, column 1, byte 0', async function () {
    const readme = await runCli([join(REPO, 'README.md')]);
    expect(readme.code).to.equal(1);
    expect(readme.stderr).to.match(/^multistatus: NOT_MULTISTATUS: the body is not XML: got "# multistatus .*…" \(line 1, column 1, byte 0\)\n$/);
    const padded = await failure('\n\n  hello');
    expect(padded.code).to.equal('NOT_MULTISTATUS');
    expect(padded.message).to.equal('the body is not XML: got "hello" (line 3, column 3, byte 4)');
    const bytes = new TextEncoder().encode('\uFEFF\r\n{"json": true}');
    const e = await failure(bytes);
    expect(e.message).to.equal('the body is not XML: got "{\\"json\\": true}" (line 2, column 1, byte 5)');
  });

  it('the command prints our words and plurals too (child process)', async function () {
    const trailing = await runCli(['-'], { stdin: '<D:multistatus xmlns:D="DAV:"></D:multistatus>trailing' });
    expect(trailing.code).to.equal(1);
    expect(trailing.stderr).to.equal('multistatus: XML_SYNTAX: text outside the root element (line 1, column 55, byte 54)\n');
    const cut = await runCli(['-'], { stdin: '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>' });
    expect(cut.code).to.equal(1);
    expect(cut.stderr).to.equal('multistatus: TRUNCATED: the body ended inside the document, after 1 complete response (line 1, column 111, byte 110)\n');
  });

  it('counts take the right plural', async function () {
    const one = '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>';
    expect((await failure(one)).message).to.match(/^the body ended inside the document, after 1 complete response \(/);
    const two = one + '<D:response><D:href>/b</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>';
    expect((await failure(two)).message).to.match(/after 2 complete responses \(/);
    const none = '<D:multistatus xmlns:D="DAV:"><D:response>';
    expect((await failure(none)).message).to.match(/after 0 complete responses \(/);
  });
});
