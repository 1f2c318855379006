/**
 * Diagnostics and value decisions of the parser (lib/parser/report.ts, property-values.ts): the
 * words of each diagnostic name the property or quote the value it is about; custom decoders that
 * return, throw or return undefined; empty values; numbers past 2^53 either way; a failure that
 * sticks while a USAGE error does not.
 */
import { expect } from 'chai';
import { MultistatusParser } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';
import { failure, parseText as parse } from '../helpers/collect.js';


const X = 'http://example.com/ns';
/** One response /r with one 200 propstat holding `props`. */
const ok = (props: string): string =>
  `<D:multistatus xmlns:D="DAV:" xmlns:X="${X}"><D:response><D:href>/r</D:href><D:propstat><D:prop>${props}</D:prop>` +
  '<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>';


describe('parser diagnostics and values (mutation tests)', () => {
  describe('custom decoders', () => {
    const key = `{${X}}count`;
    it('a value the decoder returns is the typed value, with no diagnostic', () => {
      const { responses, summary } = parse(ok('<X:count>7</X:count>'), { decoders: { [key]: (v) => Number(v) * 2 } });
      expect(responses[0]!.propstats[0]!.props[key]).to.equal(14);
      expect(responses[0]!.propstats[0]!.raw).to.equal(undefined);
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('a decoder that throws: BAD_VALUE naming the key and the thrown message, the value as sent in raw', () => {
      const decoders = { [key]: (): never => { throw new Error('no count here'); } };
      const { responses, summary } = parse(ok('<X:count>seven</X:count>'), { decoders });
      const ps = responses[0]!.propstats[0]!;
      expect(ps.props).to.not.have.property(key);
      expect(ps.raw).to.deep.equal({ [key]: 'seven' });
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['BAD_VALUE']);
      expect(summary.diagnostics[0]!.message).to.contain(key).and.to.contain('no count here');
    });

    it('a decoder that throws a non-Error: its string form is in the message', () => {
      const decoders = { [key]: (): never => { throw 'plain words'; } };
      const { summary } = parse(ok('<X:count>seven</X:count>'), { decoders });
      expect(summary.diagnostics[0]!.message).to.contain('plain words');
    });

    it('a decoder that returns undefined: BAD_VALUE naming the key, the value as sent in raw', () => {
      const { responses, summary } = parse(ok('<X:count>seven</X:count>'), { decoders: { [key]: () => undefined } });
      const ps = responses[0]!.propstats[0]!;
      expect(ps.props).to.not.have.property(key);
      expect(ps.raw).to.deep.equal({ [key]: 'seven' });
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['BAD_VALUE']);
      expect(summary.diagnostics[0]!.message).to.contain(key);
    });
  });

  describe('built-in decoders', () => {
    it('an empty or blank value of a text-typed property goes to raw without a diagnostic', () => {
      for (const inner of ['', ' ', '\n\t ']) {
        const { responses, summary } = parse(ok(`<D:getcontentlength>${inner}</D:getcontentlength>`));
        expect(summary.diagnostics, JSON.stringify(inner)).to.deep.equal([]);
        expect(responses[0]!.propstats[0]!.raw).to.deep.equal({ getcontentlength: inner });
        expect(responses[0]!.propstats[0]!.props).to.not.have.property('getcontentlength');
      }
    });

    it('a value that does not parse: BAD_VALUE naming the key and quoting the value (a whitespace run as one space)', () => {
      const { summary } = parse(ok('<D:getcontentlength>12 \n  34</D:getcontentlength>'));
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['BAD_VALUE']);
      expect(summary.diagnostics[0]!.message).to.contain('getcontentlength').and.to.contain('"12 34"');
      expect(summary.diagnostics[0]!.href).to.equal('/r');
    });

    it('a quoted value of exactly 80 characters is whole; one of 81 is cut to 80 and an ellipsis', () => {
      const v80 = 'x'.repeat(80);
      const v81 = 'y'.repeat(81);
      const m80 = parse(ok(`<D:getcontentlength>${v80}</D:getcontentlength>`)).summary.diagnostics[0]!.message;
      const m81 = parse(ok(`<D:getcontentlength>${v81}</D:getcontentlength>`)).summary.diagnostics[0]!.message;
      expect(m80).to.contain(`"${v80}"`);
      expect(m80).to.not.contain('…');
      expect(m81).to.contain(`"${'y'.repeat(80)}…"`);
    });

    it('element content where text is expected: BAD_VALUE naming the key', () => {
      const { responses, summary } = parse(ok('<D:getcontentlength><X:n>5</X:n></D:getcontentlength>'));
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['BAD_VALUE']);
      expect(summary.diagnostics[0]!.message).to.contain('getcontentlength');
      expect(responses[0]!.propstats[0]!.raw).to.have.property('getcontentlength');
    });

    it('an element-typed property without the expected structure: BAD_VALUE naming the key', () => {
      const { summary } = parse(ok('<D:lockdiscovery><D:activelock><D:locktype>junk</D:locktype></D:activelock></D:lockdiscovery>'));
      const bad = summary.diagnostics.filter((d) => d.code === 'BAD_VALUE');
      expect(bad).to.have.length(1);
      expect(bad[0]!.message).to.contain('lockdiscovery');
    });

    it('past 2^53 either way: IMPRECISE_NUMBER quoting the digits, the nearest number typed and the digits in raw', () => {
      for (const digits of ['9007199254740993', '-9007199254740993']) {
        const { responses, summary } = parse(ok(`<D:quota-used-bytes>${digits}</D:quota-used-bytes>`));
        expect(summary.diagnostics.map((d) => d.code), digits).to.deep.equal(['IMPRECISE_NUMBER']);
        expect(summary.diagnostics[0]!.message).to.contain('quota-used-bytes').and.to.contain(`"${digits}"`);
        expect(responses[0]!.propstats[0]!.props['quota-used-bytes']).to.equal(Number(digits));
        expect(responses[0]!.propstats[0]!.raw).to.deep.equal({ 'quota-used-bytes': digits });
      }
    });

    it('exactly ±(2^53 - 1) is exact: typed, no diagnostic, nothing in raw', () => {
      for (const digits of ['9007199254740991', '-9007199254740991']) {
        const { responses, summary } = parse(ok(`<D:quota-used-bytes>${digits}</D:quota-used-bytes>`));
        expect(summary.diagnostics, digits).to.deep.equal([]);
        expect(responses[0]!.propstats[0]!.props['quota-used-bytes']).to.equal(Number(digits));
        expect(responses[0]!.propstats[0]!.raw).to.equal(undefined);
      }
    });
  });

  describe('report', () => {
    it('a diagnostic before the response has an href carries no href key at all', () => {
      const { summary } = parse('<D:multistatus xmlns:D="DAV:"><D:response><D:status>HTTP/1.1 OK</D:status><D:href>/a</D:href></D:response></D:multistatus>');
      expect(summary.diagnostics).to.have.length(1);
      expect(summary.diagnostics[0]!.code).to.equal('BAD_STATUS');
      expect(Object.keys(summary.diagnostics[0]!)).to.not.include('href');
    });

    it('LIMIT_EXCEEDED for a long text says what was too long and which limit to raise', () => {
      const error = failure(() => parse(ok(`<D:displayname>${'n'.repeat(50)}</D:displayname>`), { limits: { maxTextLength: 10 } }));
      expect(error.code).to.equal('LIMIT_EXCEEDED');
      expect(error.message).to.contain('more than 10 characters').and.to.contain('maxTextLength');
    });

    it('after a failure every write() and end() throws that same error again', () => {
      const parser = new MultistatusParser({ onResponse: () => {} });
      const first = failure(() => parser.write('<D:multistatus xmlns:D="DAV:"><D:response></D:nope>'));
      expect(first.code).to.equal('XML_SYNTAX');
      expect(failure(() => parser.write('<D:response/>'))).to.equal(first);
      expect(failure(() => parser.end())).to.equal(first);
    });

    it('a body cut short: end() throws TRUNCATED, and a second end() throws that same error, not a USAGE error', () => {
      const parser = new MultistatusParser({ onResponse: () => {} });
      parser.write('<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href>');
      const first = failure(() => parser.end());
      expect(first.code).to.equal('TRUNCATED');
      expect(failure(() => parser.end())).to.equal(first);
      expect(failure(() => parser.write('</D:response>'))).to.equal(first);
    });

    it('a USAGE error is not the parse failure: the parse goes on after it', () => {
      const responses: DavResponse[] = [];
      const parser = new MultistatusParser({ onResponse: (r) => responses.push(r) });
      parser.write('<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href>');
      const usage = failure(() => parser.write(new TextEncoder().encode('<D:status>')));
      expect(usage.code).to.equal('USAGE');
      parser.write('<D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>');
      const summary = parser.end();
      expect(summary.responses).to.equal(1);
      expect(responses.map((r) => [r.href, r.status?.code])).to.deep.equal([['/a', 200]]);
    });
  });
});
