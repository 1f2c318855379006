/**
 * Where an error points: the byte offset (and line, column) of an error found in the middle of
 * the body is the same however the body is chunked, and falls on the offending markup.
 */
import { expect } from 'chai';
import { chunksOf, iterate, push } from '../helpers/parse-outcome.js';

const enc = new TextEncoder();
// Multi-byte characters before the error, so that characters and bytes differ.
const xml =
  '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n' +
  '<D:response><D:href>/é😀</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>\n' +
  '<D:response><D:href>/中文</D:bad></D:response>\n</D:multistatus>\n';
const bytes = enc.encode(xml);
const badStart = enc.encode(xml.slice(0, xml.indexOf('</D:bad>'))).length;
const badEnd = badStart + '</D:bad>'.length;

describe('error positions do not depend on chunking', () => {
  it('XML_SYNTAX in a later chunk: the byte offset, line and column are those of one whole write', async () => {
    const whole = push([bytes]);
    expect(whole.error?.code).to.equal('XML_SYNTAX');
    expect(whole.error!.offset).to.be.within(badStart, badEnd);
    expect(whole.error!.line).to.equal(4);
    for (const size of [1, 2, 3, 7, 16, 60, 100, 150]) {
      const out = push(chunksOf(bytes, size));
      expect(out.error?.code, `chunks of ${size}`).to.equal('XML_SYNTAX');
      expect(out.error!.offset, `chunks of ${size}: byte offset`).to.equal(whole.error!.offset);
      expect([out.error!.line, out.error!.column], `chunks of ${size}: line, column`).to.deep.equal([whole.error!.line, whole.error!.column]);
      expect(out.responses).to.have.length(1);
    }
    const viaIterator = await iterate(chunksOf(bytes, 13));
    expect(viaIterator.error!.offset).to.equal(whole.error!.offset);
  });

  it('the same for text input: the offset counts characters', () => {
    const whole = push([xml]);
    const charStart = xml.indexOf('</D:bad>');
    expect(whole.error!.offset).to.be.within(charStart, charStart + '</D:bad>'.length);
    for (const size of [1, 5, 64]) expect(push(chunksOf(xml, size)).error!.offset, `chunks of ${size}`).to.equal(whole.error!.offset);
  });

  it('LIMIT_EXCEEDED in a later chunk points into the offending element', () => {
    const deep = enc.encode(`<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href>${'<D:x>'.repeat(20)}`);
    const at = push([deep], { limits: { maxDepth: 10 } }).error!;
    expect(at.code).to.equal('LIMIT_EXCEEDED');
    const limitTag = '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href>'.length + 8 * '<D:x>'.length; // the 9th <D:x> is at depth 11
    expect(at.offset).to.be.within(limitTag, limitTag + '<D:x>'.length);
    for (const size of [1, 4, 33]) expect(push(chunksOf(deep, size), { limits: { maxDepth: 10 } }).error!.offset, `chunks of ${size}`).to.equal(at.offset);
  });
});
