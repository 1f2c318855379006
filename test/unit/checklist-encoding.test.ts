/**
 * CHECKLIST §3 "Encoding and byte stream" (#36-#44): declarations, BOMs, UTF-16, charset priority
 * (BOM > Content-Type charset > XML declaration > UTF-8), multi-byte splits, non-ASCII hrefs,
 * malformed bodies after N responses, leading whitespace, DOCTYPEs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { parseMultistatus } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';
import { codes, cutAt, ms, parse, parseFailing, pieces, propResponse, rfc, st, utf8 } from '../helpers/checklist.js';

/** UTF-16 code units as bytes, little- or big-endian, with an optional BOM. */
function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + s;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = u & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = u >> 8;
  }
  return out;
}

/** ISO-8859-1 bytes of a string whose characters are all below U+0100. */
function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

const NAME = 'Café 中文 \u{1F600}';
const body = (decl: string, name = NAME): string =>
  `${decl}<D:multistatus xmlns:D="DAV:">${propResponse('/caf%C3%A9/', `<D:displayname>${name}</D:displayname>`)}</D:multistatus>`;
const expectedResponse = (name = NAME): DavResponse => ({
  href: '/caf%C3%A9/',
  hrefs: ['/caf%C3%A9/'],
  path: '/café/',
  propstats: [{ status: st(200, 'OK'), props: { displayname: name } }],
  props: { displayname: name },
});

describe('CHECKLIST §3 encoding and byte stream', function () {
  it('#36 no XML declaration (rfc3744-5.5.5)', async function () {
    const { responses, summary } = await parse(rfc('rfc3744-5.5.5'));
    expect(responses).to.have.length(1);
    expect(responses[0]!.props.acl).to.deep.equal([
      { principal: { kind: 'href', value: 'http://www.example.com/acl/groups/maintainers' }, invert: false, grant: ['write'], deny: [], protected: false },
      { principal: { kind: 'all' }, invert: false, grant: ['read'], deny: [], protected: false },
    ]);
    expect(summary.encoding).to.equal('utf-8');
    expect(summary.diagnostics).to.deep.equal([]);
  });

  it('#36 encoding="utf-8" with single-quoted xmlns (rfc4918-15.8.1), and encoding="UTF-8"', async function () {
    const a = await parse(rfc('rfc4918-15.8.1'));
    expect(a.responses[0]!.href).to.equal('http://www.example.com/container/');
    expect(a.summary.encoding).to.equal('utf-8');
    const b = await parse(utf8(body(`<?xml version='1.0' encoding='UTF-8'?>`)));
    expect(b.responses).to.deep.equal([expectedResponse()]);
    expect(b.summary.encoding).to.equal('utf-8');
  });

  it('#37 UTF-8 BOM before <?xml: not part of the markup; also split one byte at a time', async function () {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body('<?xml version="1.0" encoding="utf-8"?>'))]);
    const whole = await parse(bytes);
    expect(whole.responses).to.deep.equal([expectedResponse()]);
    expect(whole.summary.encoding).to.equal('utf-8');
    expect(whole.summary.bytes).to.equal(bytes.length);
    expect(whole.summary.diagnostics).to.deep.equal([]);
    const split = await parse(pieces(bytes, 1));
    expect(split.responses).to.deep.equal(whole.responses);
    const noDecl = await parse(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body(''))]));
    expect(noDecl.responses).to.deep.equal([expectedResponse()]);
  });

  for (const le of [true, false]) {
    const name = le ? 'LE' : 'BE';
    it(`#38 UTF-16 ${name} with BOM (whole, one byte at a time, split inside a surrogate pair)`, async function () {
      const bytes = utf16(body('<?xml version="1.0" encoding="UTF-16"?>'), le, true);
      const whole = await parse(bytes);
      expect(whole.responses).to.deep.equal([expectedResponse()]);
      expect(whole.summary.encoding).to.equal(le ? 'utf-16le' : 'utf-16be');
      expect(whole.summary.diagnostics).to.deep.equal([]);
      expect((await parse(pieces(bytes, 1))).responses).to.deep.equal(whole.responses);
      // Cut between the two bytes of each code unit of the emoji, and between the two units.
      const text = '\uFEFF' + body('<?xml version="1.0" encoding="UTF-16"?>');
      const at = text.indexOf('\u{1F600}') * 2;
      for (const cut of [at + 1, at + 2, at + 3]) {
        expect((await parse(cutAt(bytes, cut))).responses, `cut at ${cut}`).to.deep.equal(whole.responses);
      }
    });

    it(`#38 UTF-16 ${name} without a BOM, encoding="UTF-16" declared`, async function () {
      const bytes = utf16(body('<?xml version="1.0" encoding="UTF-16"?>'), le, false);
      const { responses, summary } = await parse(bytes);
      expect(responses).to.deep.equal([expectedResponse()]);
      expect(summary.encoding).to.equal(le ? 'utf-16le' : 'utf-16be');
    });
  }

  it('#39 BOM beats the Content-Type charset and the declaration (CHARSET_CONFLICT diagnostic)', async function () {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body('<?xml version="1.0" encoding="ISO-8859-1"?>'))]);
    const { responses, summary } = await parse(bytes, { encoding: 'ISO-8859-1' });
    expect(responses).to.deep.equal([expectedResponse()]);
    expect(summary.encoding).to.equal('utf-8');
    expect(codes(summary.diagnostics)).to.deep.equal(['CHARSET_CONFLICT']);
  });

  it('#39 Content-Type charset beats encoding="utf-8" in the declaration (ISO-8859-1 body)', async function () {
    const name = 'Café crème';
    const bytes = latin1(body('<?xml version="1.0" encoding="utf-8"?>', name));
    expect(bytes.includes(0xe9)).to.equal(true);
    const { responses, summary } = await parse(bytes, { encoding: 'ISO-8859-1' });
    expect(responses).to.deep.equal([expectedResponse(name)]);
    // The WHATWG Encoding Standard decodes the label ISO-8859-1 as windows-1252.
    expect(summary.encoding).to.equal('windows-1252');
    expect(codes(summary.diagnostics)).to.deep.equal(['CHARSET_CONFLICT']);

    // The same through a fetch Response: its Content-Type charset is used.
    const res = new Response(bytes.slice().buffer, { status: 207, headers: { 'content-type': 'text/xml; charset="ISO-8859-1"' } });
    const it = parseMultistatus(res);
    const got: DavResponse[] = [];
    for await (const r of it) got.push(r);
    expect(got).to.deep.equal([expectedResponse(name)]);
    expect((await it.summary()).encoding).to.equal('windows-1252');
  });

  it('#39 ISO-8859-1 named only by the XML declaration; without any label the same bytes are an ENCODING error', async function () {
    const name = 'Ünïcödé';
    const declared = await parse(latin1(body('<?xml version="1.0" encoding="ISO-8859-1"?>', name)));
    expect(declared.responses).to.deep.equal([expectedResponse(name)]);
    expect(declared.summary.diagnostics).to.deep.equal([]);

    const unlabelled = await parseFailing(latin1(body('<?xml version="1.0"?>', name)));
    expect(unlabelled.error.code).to.equal('ENCODING');
    expect(unlabelled.responses).to.deep.equal([]);
    const at = body('<?xml version="1.0"?>', name).indexOf('Ü');
    expect(unlabelled.error.offset).to.equal(at);
  });

  it('#40 multi-byte UTF-8 characters (2, 3 and 4 bytes) split across chunks at every offset', async function () {
    const text = body('<?xml version="1.0" encoding="utf-8"?>');
    const bytes = utf8(text);
    const start = utf8(text.slice(0, text.indexOf('Café'))).length;
    const end = start + utf8(NAME).length;
    for (let cut = start; cut <= end; cut++) {
      const { responses } = await parse(cutAt(bytes, cut));
      expect(responses, `cut at byte ${cut}`).to.deep.equal([expectedResponse()]);
    }
    const { responses } = await parse(pieces(bytes, 1));
    expect(responses).to.deep.equal([expectedResponse()]);
    const name = responses[0]!.props.displayname as string;
    expect(name.endsWith('\uD83D\uDE00')).to.equal(true); // the emoji is one surrogate pair
  });

  it('#40 a body that ends inside a multi-byte character is TRUNCATED', async function () {
    const bytes = utf8(body('') + '\u00e9');
    const { error } = await parseFailing(bytes.slice(0, bytes.length - 1));
    expect(error.code).to.equal('TRUNCATED');
  });

  it('#41 non-ASCII hrefs: percent-encoded UTF-8 vs raw UTF-8; percent-decoded only in path', async function () {
    const doc = ms(
      propResponse('/dav/%E4%B8%AD%E6%96%87%20%26%20video.mkv', '') +
        propResponse('/dav/中文 video.mkv', '') +
        propResponse('/bad/a%ZZb%E4%B8', ''),
    );
    const { responses } = await parse(utf8(doc), { baseUrl: 'http://dav.example:8080/dav/' });
    expect(responses.map((r) => [r.href, r.path, r.url])).to.deep.equal([
      ['/dav/%E4%B8%AD%E6%96%87%20%26%20video.mkv', '/dav/中文 & video.mkv', 'http://dav.example:8080/dav/%E4%B8%AD%E6%96%87%20%26%20video.mkv'],
      ['/dav/中文 video.mkv', '/dav/中文 video.mkv', 'http://dav.example:8080/dav/%E4%B8%AD%E6%96%87%20video.mkv'],
      ['/bad/a%ZZb%E4%B8', '/bad/a%ZZb%E4%B8', 'http://dav.example:8080/bad/a%ZZb%E4%B8'],
    ]);
  });

  it('#42 mismatched closing tag after 3 responses (calendarserver-bulk-change-4.4): 3 responses, then XML_SYNTAX', async function () {
    const { responses, error } = await parseFailing(rfc('calendarserver-bulk-change-4.4'));
    expect(responses.map((r) => r.href)).to.deep.equal(['/home/cyrus/calendar/1.ics', '/home/cyrus/calendar/2.ics', '/home/cyrus/calendar/3.ics']);
    expect(responses[2]!.status).to.deep.equal(st(200, 'OK'));
    expect(error.code).to.equal('XML_SYNTAX');
    expect(error.line).to.equal(33); // the </D:response> that meets the unclosed <D:error>
  });

  it('#42 the same body fed one byte at a time gives the same 3 responses and error', async function () {
    const { responses, error } = await parseFailing(pieces(rfc('calendarserver-bulk-change-4.4'), 1));
    expect(responses).to.have.length(3);
    expect(error.code).to.equal('XML_SYNTAX');
  });

  it('#42 unterminated body (rfc3253-7.1.1): 1 response, then TRUNCATED', async function () {
    const { responses, error } = await parseFailing(rfc('rfc3253-7.1.1'));
    expect(responses.map((r) => r.href)).to.deep.equal(['http://www.webdav.org/foo.html']);
    expect(error.code).to.equal('TRUNCATED');
  });

  it('#42 invalid XML declaration version="1/0" (rfc4437-10.1): XML_SYNTAX before any response', async function () {
    const { responses, error } = await parseFailing(rfc('rfc4437-10.1'));
    expect(responses).to.deep.equal([]);
    expect(error.code).to.equal('XML_SYNTAX');
    expect(error.line).to.equal(1);
  });

  it('#42 synthesised: a body cut inside the 3rd response is TRUNCATED after 2', async function () {
    const three = ms([1, 2, 3].map((i) => propResponse(`/r${i}`, `<D:getcontentlength>${i}</D:getcontentlength>`)).join(''));
    const cut = three.slice(0, three.indexOf('/r3') + 10);
    const truncated = await parseFailing(cut);
    expect(truncated.responses.map((r) => r.props)).to.deep.equal([{ getcontentlength: 1 }, { getcontentlength: 2 }]);
    expect(truncated.error.code).to.equal('TRUNCATED');
  });

  it('#42 synthesised: a response closed by a mismatched end tag is not delivered (XML_SYNTAX after 1) [PARSER BUG, see report]', async function () {
    // KNOWN BUG: saxes fires closetag for the open <D:response> before it reports the mismatch,
    // so the parser delivers /r2 although its end tag is </D:responsX>: the response was never
    // closed, and the README promises responses as their end tag is read.
    const three = ms([1, 2, 3].map((i) => propResponse(`/r${i}`, `<D:getcontentlength>${i}</D:getcontentlength>`)).join(''));
    const mismatched = three.replace('</D:propstat></D:response><D:response><D:href>/r3', '</D:propstat></D:responsX><D:response><D:href>/r3');
    expect(mismatched).to.not.equal(three);
    const m = await parseFailing(mismatched);
    expect(m.error.code).to.equal('XML_SYNTAX');
    const tag = mismatched.indexOf('</D:responsX>');
    expect(m.error.offset).to.be.within(tag, tag + '</D:responsX>'.length);
    expect(m.responses.map((r) => r.href)).to.deep.equal(['/r1']);
  });

  it('#43 whitespace before <?xml: skipped with LEADING_WHITESPACE; STRICT in strict mode', async function () {
    const text = '\r\n  \n' + body('<?xml version="1.0" encoding="utf-8"?>');
    const { responses, summary } = await parse(utf8(text));
    expect(responses).to.deep.equal([expectedResponse()]);
    expect(codes(summary.diagnostics)).to.deep.equal(['LEADING_WHITESPACE']);
    const strict = await parseFailing(utf8(text), { strict: true });
    expect(strict.error.code).to.equal('STRICT');
    expect(strict.error.message).to.contain('LEADING_WHITESPACE');
  });

  it('#43 whitespace before <?xml arriving in chunks of its own still gives LEADING_WHITESPACE / STRICT', async function () {
    const chunks = [utf8('\r\n'), utf8('  '), utf8('\n'), utf8(body('<?xml version="1.0" encoding="utf-8"?>'))];
    const split = await parse(chunks);
    expect(split.responses).to.deep.equal([expectedResponse()]);
    expect(codes(split.summary.diagnostics)).to.deep.equal(['LEADING_WHITESPACE']);
    const strict = await parseFailing(chunks, { strict: true });
    expect(strict.error.code).to.equal('STRICT');
    expect([strict.error.line, strict.error.column, strict.error.offset]).to.deep.equal([3, 1, 5]);

    // "<?xml" itself split right after the whitespace; text chunks instead of bytes.
    const decl = body('<?xml version="1.0" encoding="utf-8"?>');
    const text = await parse(['\n', '<?x', decl.slice(3)]);
    expect(text.responses).to.deep.equal([expectedResponse()]);
    expect(text.summary.diagnostics.map((d) => [d.code, d.line, d.column])).to.deep.equal([['LEADING_WHITESPACE', 2, 1]]);

    const blank = await parseFailing([utf8(' \n'), utf8('\t')]);
    expect(blank.error.code).to.equal('NOT_MULTISTATUS');
  });

  it('#43 error positions count the skipped leading whitespace (line and byte offset)', async function () {
    const text = '\r\n  \n<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n<D:response>\n<D:href>/a</D:hrefX>\n';
    const { error } = await parseFailing(utf8(text));
    expect(error.code).to.equal('XML_SYNTAX');
    expect(error.line).to.equal(6);
    const tag = text.indexOf('</D:hrefX>');
    expect(error.offset).to.be.within(tag, tag + '</D:hrefX>'.length);
  });

  it('#43 whitespace before the root with no XML declaration is well-formed: no diagnostic', async function () {
    const { responses, summary } = await parse(utf8('\n\n' + body('')));
    expect(responses).to.deep.equal([expectedResponse()]);
    expect(summary.diagnostics).to.deep.equal([]);
    // "<?xml-stylesheet" is a processing instruction, not a misplaced declaration.
    const pi = '<?xml-stylesheet type="text/xsl" href="ms.xsl"?>\n' + body('');
    for (const chunks of [['\n' + pi], ['\n', '<?xml', pi.slice(5)]]) {
      const strict = await parse(chunks, { strict: true });
      expect(strict.responses).to.deep.equal([expectedResponse()]);
      expect(strict.summary.diagnostics).to.deep.equal([]);
    }
  });

  describe('#44 DOCTYPE with entities', function () {
    let hits = 0;
    let base = '';
    const server = createServer((_req, res) => {
      hits++;
      res.end('<!ENTITY x "fetched">');
    });
    before(async function () {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(function () {
      server.close();
    });

    it('#44 billion laughs (internal entities): XML_SYNTAX "undefined entity", nothing expanded', async function () {
      let dtd = '<!ENTITY lol "lol">';
      for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
      const doc = `<?xml version="1.0"?>\n<!DOCTYPE D:multistatus [${dtd}]>\n` + ms(propResponse('/a', '<D:displayname>&lol9;</D:displayname>')).replace(/^<\?xml[^>]*>\n/, '');
      const { responses, error } = await parseFailing(doc);
      expect(responses).to.deep.equal([]);
      expect(error.code).to.equal('XML_SYNTAX');
      expect(error.message).to.contain('undefined entity');
    });

    it('#44 external SYSTEM entity and external DTD: never fetched', async function () {
      const xxe = `<?xml version="1.0"?>\n<!DOCTYPE D:multistatus [<!ENTITY xxe SYSTEM "${base}/xxe">]>\n<D:multistatus xmlns:D="DAV:">${propResponse('/a', '<D:displayname>&xxe;</D:displayname>')}</D:multistatus>`;
      const a = await parseFailing(xxe);
      expect(a.error.code).to.equal('XML_SYNTAX');
      expect(a.error.message).to.contain('undefined entity');

      const external = `<?xml version="1.0"?>\n<!DOCTYPE D:multistatus SYSTEM "${base}/dtd">\n<D:multistatus xmlns:D="DAV:">${propResponse('/b', '<D:displayname>b</D:displayname>')}</D:multistatus>`;
      const b = await parse(external);
      expect(b.responses.map((r) => r.props)).to.deep.equal([{ displayname: 'b' }]);
      expect(codes(b.summary.diagnostics)).to.deep.equal(['DOCTYPE']);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(hits, 'requests to the entity server').to.equal(0);
    });
  });
});
