/**
 * lib/decode/sniff.ts: every byte of each signature (byte order marks, the UTF-16 form of "<?",
 * "<?xml") matters: with any one of its bytes changed the signature is not recognised.
 */
import { expect } from 'chai';
import { sniff } from '../../lib/decode/sniff.js';

const bytesOf = (xs: readonly number[]): Uint8Array => Uint8Array.from(xs);
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('lib/decode sniff signatures', function () {
  it('each signature byte matters: one byte changed, the signature is not recognised', function () {
    const signatures: [number[], object][] = [
      [[0xef, 0xbb, 0xbf], { bom: 'utf-8' }],
      [[0xff, 0xfe], { bom: 'utf-16le' }],
      [[0xfe, 0xff], { bom: 'utf-16be' }],
      [[0x3c, 0, 0x3f, 0], { pattern: 'utf-16le' }],
      [[0, 0x3c, 0, 0x3f], { pattern: 'utf-16be' }],
      [[...'<?xml encoding="x"?>'].map((c) => c.charCodeAt(0)), { declared: 'x' }],
    ];
    for (const [sig, found] of signatures) {
      const body = [...sig, 0x41, 0x41, 0x41, 0x41, 0x41];
      expect(sniff(bytesOf(body), true), sig.join(' ')).to.deep.equal(found);
      for (let k = 0; k < Math.min(sig.length, 5); k++) {
        const changed = body.slice();
        changed[k] = 0x41;
        expect(sniff(bytesOf(changed), true), `${sig.join(' ')} with byte ${k} changed`).to.not.deep.equal(found);
      }
    }
    // Exactly five bytes of "<?xml", more to come: wait for the rest.
    expect(sniff(ascii('<?xml'), false)).to.equal(undefined);
  });
});
