/**
 * Bodies that are not a multistatus at all (what a proxy or a failing server sends instead):
 * NOT_MULTISTATUS, no response, and a message showing what came, so that a user reads
 * `got "<html><head><title>502 Bad Gateway…"` instead of a bare parse error.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { chunksOf, iterate, pipe, push } from '../helpers/parse-outcome.js';
import type { Outcome } from '../helpers/parse-outcome.js';
import { APACHE_401, NGINX_502, XHTML_403 } from '../helpers/hostile-bodies.js';

const enc = new TextEncoder();

const cases: [string, string | Uint8Array, RegExp][] = [
  ['an nginx 502 HTML page', NGINX_502, /<html>.*<title>502 Bad Gateway<\/title>/],
  ['an Apache 401 HTML page with a DOCTYPE', APACHE_401, /<title>401 Unauthorized<\/title>/],
  ['an XHTML 403 page (namespaced html root)', XHTML_403, /<html> in namespace http:\/\/www\.w3\.org\/1999\/xhtml/],
  ['plain text', 'Service Unavailable\n', /got "Service Unavailable"/],
  ['JSON', '{"error":"unauthorized","status":401}', /got "\{\\"error\\":\\"unauthorized\\"/],
  ['an empty body', '', /empty/],
  ['whitespace only', '  \r\n\t\n', /empty/],
  ['a UTF-8 BOM and nothing else', Uint8Array.of(0xef, 0xbb, 0xbf), /empty/],
  ['a multistatus with no namespace', '<multistatus><response><href>/a</href></response></multistatus>', /<multistatus>, not \{DAV:\}multistatus/],
  ['a multistatus in the wrong namespace (dav: lower case)', '<D:multistatus xmlns:D="dav:"/>', /in namespace dav:/],
  ['a DAV:error body', '<?xml version="1.0"?><D:error xmlns:D="DAV:"><D:lock-token-submitted><D:href>/l</D:href></D:lock-token-submitted></D:error>', /<D:error> in namespace DAV:/],
  ['a propfind request echoed back', '<?xml version="1.0"?><propfind xmlns="DAV:"><allprop/></propfind>', /<propfind> in namespace DAV:/],
];

function refused(out: Outcome, shows: RegExp, what: string): void {
  expect(out.error?.code, `${what}: ${out.error?.message}`).to.equal('NOT_MULTISTATUS');
  expect(out.error!.message, what).to.match(shows);
  expect(out.responses, what).to.have.length(0);
}

describe('hostile input: bodies that are not a multistatus', () => {
  for (const [what, body, shows] of cases) {
    it(`${what}: NOT_MULTISTATUS showing what came, on every face and chunking`, async () => {
      const bytes = typeof body === 'string' ? enc.encode(body) : body;
      refused(await iterate(bytes), shows, 'iterator');
      refused(push([bytes]), shows, 'parser, one write');
      refused(push(chunksOf(bytes, 1)), shows, 'parser, one byte per write');
      refused(await pipe(chunksOf(bytes, 7)), shows, 'stream');
      if (typeof body === 'string') refused(push([body]), shows, 'parser, text');
    });
  }

  for (const file of ['rfc5323-2.4.1-error.xml', 'rfc5689-3.5-mkcol-response.xml', 'rfc8144-B.4.1-mkcol-response.xml']) {
    it(`the RFC example ${file} (same propstat grammar, another root) is NOT_MULTISTATUS naming its root`, async () => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES_DIR, 'rfc', file)));
      const root = file.includes('mkcol') ? 'mkcol-response' : 'error';
      refused(await iterate(bytes), new RegExp(`<D:${root}> in namespace DAV:`, 'i'), file);
    });
  }

  it('the message quotes at most the first 80 characters of the body, on one line', async () => {
    const long = `<html><head><title>500 Internal Server Error</title></head><body>${'<p>stack frame</p>\n'.repeat(500)}</body></html>`;
    const out = await iterate(long);
    refused(out, /500 Internal Server Error/, 'long page');
    const quoted = /got (".*")/.exec(out.error!.message)![1]!;
    const shown = JSON.parse(quoted) as string;
    expect(shown.length).to.be.at.most(81);
    expect(shown.endsWith('…')).to.equal(true);
    expect(out.error!.message).not.to.contain('\n');
  });

  it('the error points at the root start tag', async () => {
    const out = await iterate(`<?xml version="1.0"?>\n<html>\n<body/></html>`);
    expect(out.error?.line).to.equal(2);
    expect(out.error?.offset).to.be.within(22, 28);
  });

  it('a body that breaks off before any root is TRUNCATED, not NOT_MULTISTATUS', async () => {
    const out = await iterate('<?xml version="1.0" encoding="utf-8"?>\n<D:multi');
    expect(out.error?.code).to.equal('TRUNCATED');
  });
});
