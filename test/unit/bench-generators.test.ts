import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { expect } from 'chai';
import { Chunker } from '../../bench/generators/chunker.js';
import { BODIES, body, type BodyName, type BodyStats } from '../../bench/generators/index.js';

const DAV = 'DAV:';
const TARGET = 256 * 1024;

function generate(name: BodyName, options: Parameters<typeof body>[1]): { chunks: Uint8Array[]; stats: BodyStats; text: string } {
  const stats: BodyStats = { bytes: 0, responses: 0 };
  const chunks = Array.from(body(name, options, stats));
  return { chunks, stats, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
}

function parse(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(text, 'application/xml') as unknown as Document;
}

describe('bench body generators', () => {
  for (const name of Object.keys(BODIES) as BodyName[]) {
    describe(name, () => {
      const { chunks, stats, text } = generate(name, { targetBytes: TARGET, chunkSize: 4096 });
      const doc = parse(text);

      it('is a well-formed multistatus with as many responses as it reports', () => {
        expect(doc.documentElement?.namespaceURI).to.equal(DAV);
        expect(doc.documentElement?.localName).to.equal('multistatus');
        expect(doc.getElementsByTagNameNS(DAV, 'response').length).to.equal(stats.responses);
        expect(stats.responses).to.be.greaterThan(10);
      });

      it('stays within the target size, short of it by less than one response', () => {
        expect(stats.bytes).to.equal(Buffer.byteLength(text));
        expect(stats.bytes).to.be.at.most(TARGET);
        expect(stats.bytes).to.be.greaterThan(TARGET - 12 * 1024);
      });

      it('hands out chunks of exactly the chunk size, but the last', () => {
        for (const chunk of chunks.slice(0, -1)) expect(chunk.length).to.equal(4096);
        expect(chunks.at(-1)?.length).to.be.within(1, 4096);
      });

      it('is the same body every time, and another one for another seed', () => {
        const hash = (t: string): string => createHash('sha256').update(t).digest('hex');
        expect(hash(generate(name, { targetBytes: TARGET, chunkSize: 1000 }).text)).to.equal(hash(text));
        expect(hash(generate(name, { targetBytes: TARGET, seed: 2 }).text)).not.to.equal(hash(text));
      });

      it('stops at maxResponses', () => {
        const few = generate(name, { maxResponses: 7 });
        expect(few.stats.responses).to.equal(7);
        expect(parse(few.text).getElementsByTagNameNS(DAV, 'response').length).to.equal(7);
      });
    });
  }

  it('apache: DAV: under several prefixes, declarations on every response, 200 and 404 propstats, percent-encoded hrefs', () => {
    const { text } = generate('apache', { targetBytes: TARGET });
    const doc = parse(text);
    const responses = doc.getElementsByTagNameNS(DAV, 'response');
    expect(responses.item(3)?.getAttribute('xmlns:lp1')).to.equal(DAV);
    expect(text).to.match(/<lp1:getlastmodified>/).and.to.match(/<g0:displayname\/>/);
    const statuses = Array.from({ length: doc.getElementsByTagNameNS(DAV, 'status').length }, (_, i) => doc.getElementsByTagNameNS(DAV, 'status').item(i)?.textContent);
    expect(statuses).to.include('HTTP/1.1 200 OK').and.to.include('HTTP/1.1 404 Not Found');
    expect(text).to.match(/<D:href>[^<]*%20[^<]*<\/D:href>/).and.to.match(/<D:href>[^<]*%C3%A9[^<]*<\/D:href>/);
  });

  it('compact: about 600 bytes a response, DAV: re-declared on every response, one in five with a 404 propstat naming a property in a namespace declared on it', () => {
    const { text, stats } = generate('compact', { maxResponses: 100 });
    expect(stats.bytes / 100).to.be.within(500, 700);
    const doc = parse(text);
    const responses = doc.getElementsByTagNameNS(DAV, 'response');
    expect(responses.length).to.equal(100);
    for (let i = 0; i < 100; i++) expect(responses.item(i)?.getAttribute('xmlns:lp1')).to.equal(DAV);
    const tags = doc.getElementsByTagNameNS('http://example.com/ns/', 'tags');
    expect(tags.length).to.equal(20);
    expect(tags.item(0)?.getAttribute('xmlns:x')).to.equal('http://example.com/ns/');
    expect(doc.getElementsByTagNameNS(DAV, 'getlastmodified').length).to.equal(100);
  });

  it('nextcloud: oc: and nc: properties', () => {
    const doc = parse(generate('nextcloud', { maxResponses: 20 }).text);
    expect(doc.getElementsByTagNameNS('http://owncloud.org/ns', 'fileid').length).to.equal(20);
    expect(doc.getElementsByTagNameNS('http://nextcloud.org/ns', 'has-preview').length).to.equal(20);
  });

  it('caldav: multi-KB calendar-data with CRLF, folded lines and escaped markup', () => {
    const { text } = generate('caldav', { maxResponses: 20 });
    expect(text).to.include('<C:calendar-data>BEGIN:VCALENDAR\r\n').and.to.include('\r\n ').and.to.include('&lt;draft&gt;');
    const doc = parse(text);
    const data = doc.getElementsByTagNameNS('urn:ietf:params:xml:ns:caldav', 'calendar-data');
    expect(data.length).to.equal(20);
    const lengths = Array.from({ length: 20 }, (_, i) => data.item(i)?.textContent?.length ?? 0);
    expect(Math.max(...lengths)).to.be.greaterThan(2048);
    expect(data.item(0)?.textContent).to.match(/^BEGIN:VCALENDAR\nVERSION:2.0\n/);
  });

  it('sync: removed members in the status form and a sync-token at the end', () => {
    const doc = parse(generate('sync', { maxResponses: 200 }).text);
    const root = doc.documentElement;
    const removed = Array.from({ length: 200 }, (_, i) => doc.getElementsByTagNameNS(DAV, 'response').item(i)).filter(
      (r) => r?.getElementsByTagNameNS(DAV, 'propstat').length === 0,
    );
    expect(removed.length).to.be.within(20, 100);
    expect((root?.lastChild as { localName?: string } | null)?.localName).to.equal('sync-token');
  });
});

describe('bench Chunker', () => {
  it('splits multi-byte characters across chunks and loses nothing', () => {
    const text = 'aé€😀'.repeat(50);
    const chunker = new Chunker(5);
    for (const piece of text.match(/.{1,7}/gu) ?? []) chunker.push(piece, Buffer.byteLength(piece));
    chunker.flush();
    const chunks: Uint8Array[] = [];
    for (let c = chunker.take(); c; c = chunker.take()) chunks.push(c);
    expect(chunks.slice(0, -1).every((c) => c.length === 5)).to.equal(true);
    expect(Buffer.concat(chunks).toString('utf8')).to.equal(text);
    expect(chunker.total).to.equal(Buffer.byteLength(text));
  });
});
