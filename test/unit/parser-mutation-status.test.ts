/**
 * Status lines (lib/parser/status-lines.ts): the diagnostics for a line without a code or with a
 * 1xx code quote the line they are about, and the cache of parsed lines is bounded (a body with
 * endless distinct status lines does not keep every one of them).
 */
import { expect } from 'chai';
import { MultistatusParser } from '../../lib/index.js';
import type { DavResponse, MultistatusSummary } from '../../lib/index.js';

function parse(body: string): { responses: DavResponse[]; summary: MultistatusSummary } {
  const responses: DavResponse[] = [];
  const parser = new MultistatusParser({ onResponse: (r) => responses.push(r) });
  parser.write(body);
  return { responses, summary: parser.end() };
}

const gone = (href: string, line: string): string => `<D:response><D:href>${href}</D:href><D:status>${line}</D:status></D:response>`;
const doc = (inner: string): string => `<D:multistatus xmlns:D="DAV:">${inner}</D:multistatus>`;

describe('parser status lines (mutation tests)', () => {
  it('a code-less status line gives BAD_STATUS whose message quotes the line', () => {
    const { summary } = parse(doc(gone('/a', 'HTTP/1.1 OK')));
    expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['BAD_STATUS']);
    expect(summary.diagnostics[0]!.message).to.contain('"HTTP/1.1 OK"');
  });

  it('a 1xx status line gives INFORMATIONAL_STATUS whose message quotes the line', () => {
    const { summary } = parse(doc(gone('/a', 'HTTP/1.1 102 Processing')));
    expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['INFORMATIONAL_STATUS']);
    expect(summary.diagnostics[0]!.message).to.contain('"HTTP/1.1 102 Processing"');
  });

  it('the same bad line repeated is a diagnostic every time, not only when first parsed', () => {
    const { summary } = parse(doc(gone('/a', 'HTTP/1.1 OK') + gone('/b', 'HTTP/1.1 OK') + gone('/c', 'HTTP/1.1 100 Continue') + gone('/d', 'HTTP/1.1 100 Continue')));
    expect(summary.diagnostics.map((d) => [d.code, d.href])).to.deep.equal([
      ['BAD_STATUS', '/a'],
      ['BAD_STATUS', '/b'],
      ['INFORMATIONAL_STATUS', '/c'],
      ['INFORMATIONAL_STATUS', '/d'],
    ]);
  });

  it('the cache of parsed lines is bounded: after a thousand other distinct lines, a line is parsed afresh', () => {
    let inner = gone('/first', 'HTTP/1.1 200 OK');
    for (let i = 0; i < 1000; i++) inner += gone(`/x${i}`, `HTTP/1.1 404 Gone ${i}`);
    inner += gone('/again', 'HTTP/1.1 200 OK');
    const { responses } = parse(doc(inner));
    const first = responses[0]!.status!;
    const again = responses[responses.length - 1]!.status!;
    expect(again).to.deep.equal(first);
    expect(again).to.deep.equal({ code: 200, text: 'OK', line: 'HTTP/1.1 200 OK' });
    expect(again, 'a fresh object: the first one was dropped from the cache').to.not.equal(first);
    expect(responses[500]!.status).to.deep.equal({ code: 404, text: 'Gone 499', line: 'HTTP/1.1 404 Gone 499' });
  });
});
