/**
 * What the parser takes from its tokenizer (lib/parser/input.ts, state-machine.ts, prolog.ts):
 * the tokenizer's diagnostics reach the summary with their positions, and its well-formedness
 * errors become XML_SYNTAX.
 */
import { expect } from 'chai';
import { failure, parseText as parse } from '../helpers/collect.js';

const doc = (href: string): string =>
  '<D:multistatus xmlns:D="DAV:">\n<D:response><D:href>' + href + '</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>';

describe('parser input from the tokenizer (mutation tests)', () => {
  it('a bare "&" reaches the summary as BARE_AMPERSAND with its position; strict mode refuses it', () => {
    const r = parse(doc('/a&b'));
    expect(r.responses.map((x) => x.href)).to.deep.equal(['/a&b']);
    const d = r.summary.diagnostics;
    expect(d.map((x) => [x.code, x.line])).to.deep.equal([['BARE_AMPERSAND', 2]]);
    expect(d[0]!.message).to.contain('"&b"');
    expect(failure(() => parse(doc('/a&b'), { strict: true })).code).to.equal('STRICT');
  });
});
