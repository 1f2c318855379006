/**
 * The differential harness itself can fail: the saxes mapping gives the events the XML rules say
 * (written by hand here), a tokenizer that gets something wrong is caught as an unexplained
 * disagreement, and the known differences recognise only their own cases.
 */
import { expect } from 'chai';
import type { Outcome, Tokenize, XmlEvent } from './events.js';
import { tokenizeSaxes } from './saxes.js';
import { Tally, compareOne } from './compare.js';
import { normalise } from './normalise.js';
import { charChunks, chunkings, randomChunks } from './corpus.js';
import type { Input } from './corpus.js';
import { explain } from './known-differences.js';

const input = (text: string): Input => ({ name: 'harness', text });
const whole = (text: string) => ({ how: 'whole', chunks: [text] });

describe('differential harness', () => {
  it('saxes mapping: Clark names, attributes in order without xmlns, text and CDATA merged, whitespace outside the root dropped', () => {
    const xml = '<?xml version="1.0"?>\n<!--c-->\n<D:a xmlns:D="DAV:" xmlns="urn:d" z="1" D:y="2">x<![CDATA[<y>]]>&amp;<b/></D:a>\n';
    const want: XmlEvent[] = [
      { t: 'open', name: '{DAV:}a', attrs: [['{}z', '1'], ['{DAV:}y', '2']] },
      { t: 'text', text: 'x<y>&' },
      { t: 'open', name: '{urn:d}b', attrs: [] },
      { t: 'close', name: '{urn:d}b' },
      { t: 'close', name: '{DAV:}a' },
    ];
    for (const chunks of [[xml], charChunks(xml)]) expect(tokenizeSaxes(chunks)).to.deep.equal({ ok: true, events: want });
  });

  it('saxes refuses what is not well-formed, with a position', () => {
    const out = tokenizeSaxes(['<a><b></a>']);
    expect(out.ok).to.equal(false);
    expect((out as Outcome & { ok: false }).line).to.equal(1);
  });

  it('a tokenizer that drops an attribute, or accepts a mismatched end tag, is an unexplained disagreement', () => {
    const dropsAttrs: Tokenize = (chunks, o) => {
      const out = tokenizeSaxes(chunks, o);
      return out.ok ? { ok: true, events: out.events.map((e) => (e.t === 'open' ? { ...e, attrs: e.attrs.slice(1) } : e)) } : out;
    };
    const lax: Tokenize = () => ({ ok: true, events: [] });
    const a = compareOne(dropsAttrs, input('<a x="1"/>'), whole('<a x="1"/>'), true);
    const b = compareOne(lax, input('<a></b>'), whole('<a></b>'), true);
    expect(a.kind).to.equal('unexplained');
    expect(b.kind).to.equal('unexplained');
    const tally = new Tally();
    tally.add(a);
    expect(() => tally.check('broken')).to.throw(/1 unexplained disagreement.*\n[\s\S]*<a x=\\"1\\"\/>/);
  });

  it('the same tokenizer agrees with itself', () => {
    expect(compareOne(tokenizeSaxes, input('<a>é</a>'), whole('<a>é</a>'), true)).to.deep.equal({ kind: 'same' });
  });

  it('known differences: a DOCTYPE or a lone surrogate refused by us, and nothing else', () => {
    const refuse = (message: string): Outcome => ({ ok: false, line: 1, column: 1, message });
    const accepted: Outcome = { ok: true, events: [] };
    expect(explain({ text: '<!DOCTYPE a><a/>', strict: true, ours: refuse('DOCTYPE: a DOCTYPE'), saxes: accepted })?.name).to.equal('DOCTYPE refused by design');
    expect(explain({ text: '<a>x\ud800y</a>', strict: true, ours: refuse('a lone surrogate'), saxes: accepted })?.name).to.equal('lone surrogates are not Char');
    expect(explain({ text: '<a>x\ud83d\ude00y</a>', strict: true, ours: refuse('bad'), saxes: accepted })).to.equal(undefined);
    expect(explain({ text: '<!DOCTYPE a><a/>', strict: true, ours: accepted, saxes: refuse('x') })).to.equal(undefined);
  });

  it('known differences: an untrimmed namespace name, a lenient bare "&", and nothing else', () => {
    const open = (name: string): Outcome => ({ ok: true, events: [{ t: 'open', name, attrs: [] }, { t: 'close', name }] });
    const text = '<a xmlns="urn:x\n  "/>';
    expect(explain({ text, strict: true, ours: open('{urn:x   }a'), saxes: open('{urn:x}a') })?.name).to.equal('namespace names are not trimmed');
    expect(explain({ text, strict: true, ours: open('{urn:y}a'), saxes: open('{urn:x}a') })).to.equal(undefined);
    const amp = '<a>x & y</a>';
    const lenient: Outcome = { ok: true, events: [{ t: 'open', name: '{}a', attrs: [] }, { t: 'text', text: 'x & y' }, { t: 'close', name: '{}a' }] };
    const saxes = tokenizeSaxes([amp]);
    expect(explain({ text: amp, strict: false, ours: lenient, saxes })?.name).to.equal('lenient: a bare "&" read as a literal');
    expect(explain({ text: amp, strict: true, ours: lenient, saxes })).to.equal(undefined);
    const wrong: Outcome = { ok: true, events: [{ t: 'open', name: '{}a', attrs: [] }, { t: 'text', text: 'x  y' }, { t: 'close', name: '{}a' }] };
    expect(explain({ text: amp, strict: false, ours: wrong, saxes })).to.equal(undefined);
  });

  it('normalise merges adjacent text and drops empty text', () => {
    const events: XmlEvent[] = [{ t: 'text', text: 'a' }, { t: 'text', text: '' }, { t: 'text', text: 'b' }, { t: 'close', name: '{}x' }];
    expect(normalise(events)).to.deep.equal([{ t: 'text', text: 'ab' }, { t: 'close', name: '{}x' }]);
  });

  it('chunkings join back to the input, never split a surrogate pair, and are the same on every run', () => {
    const text = '<a>😀x😀</a>'.repeat(50);
    for (const c of chunkings(input(text))) {
      expect(c.chunks.join(''), c.how).to.equal(text);
      for (const piece of c.chunks) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(piece), c.how).to.equal(false);
    }
    expect(randomChunks(text, 7, 5)).to.deep.equal(randomChunks(text, 7, 5));
  });
});
