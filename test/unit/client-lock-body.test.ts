/** The body of a granted LOCK read on its own (lib/client/lock-body.ts): bounded, UTF-8, a DAV:prop with lockdiscovery. */
import { expect } from 'chai';
import { LOCK_BODY_BYTES, lockDiscoveryOf, readLockBody } from '../../lib/client/lock-body.js';

const TOKEN = 'urn:uuid:e71d4fae-5dec-22d6-fea5-00a0c91e6be4';
const PROP =
  '<D:prop xmlns:D="DAV:"><D:lockdiscovery><D:activelock><D:locktype><D:write/></D:locktype><D:lockscope><D:exclusive/></D:lockscope>' +
  `<D:depth>0</D:depth><D:timeout>Second-600</D:timeout><D:locktoken><D:href>${TOKEN}</D:href></D:locktoken></D:activelock></D:lockdiscovery></D:prop>`;

/** A Response whose body arrives in these pieces. */
function chunked(...pieces: Uint8Array[]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of pieces) c.enqueue(p);
        c.close();
      },
    }),
  );
}

const tokens = (locks: unknown): unknown => (locks as { token?: string }[] | undefined)?.map((l) => l.token);

describe('client: the LOCK answer body', function () {
  it('reads the active lock of a prop body, in pieces, behind a BOM and an XML declaration', async function () {
    const bytes = new TextEncoder().encode(`\uFEFF<?xml version="1.0" encoding="utf-8"?>\n${PROP}`);
    expect(tokens(await readLockBody(chunked(bytes.slice(0, 50), bytes.slice(50, 51), bytes.slice(51))))).to.deep.equal([TOKEN]);
    expect(tokens(await lockDiscoveryOf(PROP))).to.deep.equal([TOKEN]);
  });

  it('no lock when the body is not XML, not well-formed, has no lockdiscovery, or is empty', async function () {
    expect(await lockDiscoveryOf('Locked.')).to.equal(undefined);
    expect(await lockDiscoveryOf('<D:prop xmlns:D="DAV:"><D:lockdiscovery>')).to.equal(undefined);
    expect(await lockDiscoveryOf('<D:prop xmlns:D="DAV:"><D:getetag>"1"</D:getetag></D:prop>')).to.equal(undefined);
    expect(await readLockBody(new Response(null))).to.equal(undefined);
  });

  it('no lock from a body past the bound, one not UTF-8, or when the signal is aborted', async function () {
    const big = new Uint8Array(LOCK_BODY_BYTES + 1).fill(0x20);
    expect(await readLockBody(chunked(new TextEncoder().encode(PROP), big))).to.equal(undefined);
    const exact = new TextEncoder().encode(PROP.padEnd(LOCK_BODY_BYTES, ' '));
    expect(tokens(await readLockBody(chunked(exact)))).to.deep.equal([TOKEN]);
    const utf8 = new TextEncoder().encode(PROP);
    const bad = new Uint8Array([...utf8.slice(0, 30), 0xe9, ...utf8.slice(30)]); // a lone Latin-1 é
    expect(await readLockBody(chunked(bad))).to.equal(undefined);
    expect(await readLockBody(chunked(new TextEncoder().encode(PROP)), AbortSignal.abort())).to.equal(undefined);
  });

  it('a body that breaks off gives no lock', async function () {
    const broken = new Response(
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode(PROP.slice(0, 40)));
          c.error(new TypeError('terminated'));
        },
      }),
    );
    expect(await readLockBody(broken)).to.equal(undefined);
  });
});
