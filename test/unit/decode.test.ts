import { expect } from 'chai';
import { parseChunks, thrown } from '../helpers/collect.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (c: number): void => {
    out[o++] = le ? c & 0xff : c >> 8;
    out[o++] = le ? c >> 8 : c & 0xff;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
  return out;
}

function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

const doc = (decl: string, name: string): string =>
  `${decl}<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:propstat><D:prop><D:displayname>${name}</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>`;

const name = (r: ReturnType<typeof parseChunks>): unknown => r.responses[0]!.props.displayname;

function splitEvery(bytes: Uint8Array, n: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += n) out.push(bytes.subarray(i, i + n));
  return out;
}

describe('character decoding', () => {
  const text = 'Zoë 中文 😀';
  it('UTF-8 without declaration, fed one byte at a time (multi-byte and surrogate pairs split)', () => {
    const r = parseChunks(splitEvery(utf8(doc('', text)), 1));
    expect(name(r)).to.equal(text);
    expect(r.summary.encoding).to.equal('utf-8');
  });
  it('UTF-8 with a BOM (not part of the text, offsets count it)', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(doc('<?xml version="1.0" encoding="utf-8"?>', text))]);
    for (const n of [1, 2, 3, 7, 4096]) expect(name(parseChunks(splitEvery(bytes, n)))).to.equal(text);
    expect(parseChunks([bytes]).summary.bytes).to.equal(bytes.length);
    // An invalid byte after the BOM: its offset counts the three BOM bytes.
    const at = bytes.indexOf(0x5a); // the "Z" of the display name
    const bad = bytes.slice();
    bad[at] = 0xff;
    for (const n of [1, 3, 4096]) {
      const e = thrown(() => parseChunks(splitEvery(bad, n)));
      expect(e.code).to.equal('ENCODING');
      expect(e.offset, `chunks of ${n}`).to.equal(at);
    }
    const source = doc('<?xml version="1.0" encoding="utf-8"?>', text);
    expect(at).to.equal(3 + utf8(source.slice(0, source.indexOf('Zoë'))).length);
  });
  for (const le of [true, false]) {
    it(`UTF-16${le ? 'LE' : 'BE'} with a BOM, byte by byte`, () => {
      const r = parseChunks(splitEvery(utf16(doc('<?xml version="1.0" encoding="UTF-16"?>', text), le, true), 1));
      expect(name(r)).to.equal(text);
      expect(r.summary.encoding).to.equal(le ? 'utf-16le' : 'utf-16be');
    });
    it(`UTF-16${le ? 'LE' : 'BE'} without a BOM, from the declaration's byte pattern`, () => {
      const r = parseChunks([utf16(doc('<?xml version="1.0" encoding="UTF-16"?>', text), le, false)]);
      expect(name(r)).to.equal(text);
    });
  }
  it('ISO-8859-1 from the XML declaration', () => {
    const r = parseChunks([latin1(doc('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Café'))]);
    expect(name(r)).to.equal('Café');
  });
  it('windows-1252 from the XML declaration (0x80 is the euro sign)', () => {
    const bytes = latin1(doc('<?xml version="1.0" encoding="windows-1252"?>', 'X\u0080'));
    expect(name(parseChunks([bytes]))).to.equal('X€');
  });
  it('priority: the charset option beats the declaration, with a diagnostic', () => {
    const r = parseChunks([latin1(doc('<?xml version="1.0" encoding="utf-8"?>', 'Café'))], { encoding: 'iso-8859-1' });
    expect(name(r)).to.equal('Café');
    expect(r.summary.diagnostics.map((d) => d.code)).to.include('CHARSET_CONFLICT');
  });
  it('priority: a BOM beats the charset option', () => {
    const bytes = utf16(doc('<?xml version="1.0" encoding="UTF-16"?>', text), true, true);
    const r = parseChunks([bytes], { encoding: 'iso-8859-1' });
    expect(name(r)).to.equal(text);
    expect(r.summary.diagnostics.map((d) => d.code)).to.include('CHARSET_CONFLICT');
  });
  it('strict mode refuses a charset conflict', () => {
    const e = thrown(() => parseChunks([latin1(doc('<?xml version="1.0" encoding="utf-8"?>', 'x'))], { encoding: 'iso-8859-1', strict: true }));
    expect(e.code).to.equal('STRICT');
  });
  it('invalid UTF-8 is ENCODING with the byte offset of the bad byte', () => {
    const good = utf8(doc('', 'ab'));
    const at = good.indexOf(0x61); // the "a" of the display name
    const bad = good.slice();
    bad[at] = 0xff;
    const e = thrown(() => parseChunks(splitEvery(bad, 5)));
    expect(e.code).to.equal('ENCODING');
    expect(e.offset).to.equal(at);
  });
  it('an overlong UTF-8 sequence is ENCODING', () => {
    const good = utf8(doc('', 'ab'));
    const at = good.indexOf(0x61);
    const bad = new Uint8Array([...good.subarray(0, at), 0xc0, 0xaf, ...good.subarray(at + 2)]);
    const e = thrown(() => parseChunks([bad]));
    expect(e.code).to.equal('ENCODING');
    expect(e.offset).to.equal(at);
  });
  it('a body cut inside a multi-byte character is TRUNCATED', () => {
    const bytes = utf8(doc('', 'é'));
    const cut = bytes.indexOf(0xc3) + 1;
    const e = thrown(() => parseChunks([bytes.subarray(0, cut)]));
    expect(e.code).to.equal('TRUNCATED');
  });
  it('an unknown encoding label is ENCODING', () => {
    const e = thrown(() => parseChunks([utf8(doc('', 'x'))], { encoding: 'x-no-such-charset' }));
    expect(e.code).to.equal('ENCODING');
  });
  it('string chunks skip decoding; offsets are then UTF-16 units', () => {
    const r = parseChunks([doc('', text)]);
    expect(name(r)).to.equal(text);
    expect(r.summary.encoding).to.equal(undefined);
    // A mismatched end tag after the non-ASCII text: the error offset is the end of that tag, in
    // UTF-16 code units for text input and in bytes for the same document as UTF-8.
    const broken = doc('', text).replace('</D:displayname>', '</D:bad>');
    const end = broken.indexOf('</D:bad>') + '</D:bad>'.length;
    for (const n of [1, 7, 4096]) {
      const chunks: string[] = [];
      for (let i = 0; i < broken.length; i += n) chunks.push(broken.slice(i, i + n));
      const e = thrown(() => parseChunks(chunks));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.offset, `text chunks of ${n}`).to.equal(end);
    }
    const e = thrown(() => parseChunks([utf8(broken)]));
    expect(e.offset, 'bytes').to.equal(utf8(broken.slice(0, end)).length);
    expect(utf8(broken.slice(0, end)).length - end, "the two units really differ here").to.equal(7); // ë +1, 中文 +4, 😀 +2
  });
});
