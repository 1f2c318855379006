import { expect } from 'chai';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseChunks } from '../helpers/collect.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// Strings a response keeps must not pin the (large) decoded chunk they were cut from: V8 keeps
// substrings of 13+ characters as slices of their parent string.
describe('kept values do not pin the body', () => {
  it('keeping every href, etag, text value and attribute of a 58 MiB body costs far less than the body', () => {
    const responses: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      responses.push(
        `<D:response><D:href>/some/long/directory/name/file-number-${i}.txt</D:href><D:propstat><D:prop>` +
          `<D:getetag>"etag-value-for-file-${i}"</D:getetag><x:note xmlns:x="urn:x" kind="attribute value ${i}">a longer text value number ${i}</x:note>` +
          `<x:tree xmlns:x="urn:x"><x:leaf>leaf text that is long enough ${i}</x:leaf></x:tree>` +
          `</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat><D:responsedescription>description text of ${i}</D:responsedescription></D:response>` +
          ' '.repeat(1000),
      );
    }
    const bytes = new TextEncoder().encode(`<D:multistatus xmlns:D="DAV:">${responses.join('\n')}<D:sync-token>http://example.com/sync/token/1</D:sync-token></D:multistatus>`);
    responses.length = 0;
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 65536) chunks.push(bytes.subarray(i, i + 65536));
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept: unknown[] = [];
    // The decoder makes one string per 64 KiB chunk: a kept slice would pin its chunk.
    const { responses: out, summary } = parseChunks(chunks);
    for (const r of out) {
      const note = r.props['{urn:x}note'] as { attributes: Record<string, string>; children: string[] };
      const tree = r.props['{urn:x}tree'] as { children: { children: string[] }[] };
      kept.push(r.href, r.props.getetag, note.attributes.kind, note.children[0], tree.children[0]!.children[0], r.responseDescription);
    }
    kept.push(summary.syncToken);
    out.length = 0;
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(kept).to.have.length(40_000 * 6 + 1);
    // 240,001 short strings take about 15 MiB; the decoded chunks (58 MiB) must not stay.
    expect(grown).to.be.below(bytes.length / 2);
  });
});
