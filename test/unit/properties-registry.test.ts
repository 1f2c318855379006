/**
 * lib/properties/registry.ts on its own: `decoderTable` (built-ins, user decoders overlaid under
 * normalised keys, nothing at all when neither is wanted) and the table entries that are small
 * functions of their own (`supported-report-set` two levels down, `supported-method-set` and the
 * CalDAV component set by their `name` attribute, the CalDAV/CardDAV data types), on hand-built
 * trees with values written from RFC 3253 §3.1.5, RFC 4791 §5.2.3-5.2.4 and RFC 6352 §6.2.2.
 */
import { expect } from 'chai';
import type { XmlElement } from '../../lib/types.js';
import { BUILTIN_DECODERS, decoderTable } from '../../lib/properties/registry.js';

const el = (name: string, children: (XmlElement | string)[] = [], attributes: Record<string, string> = {}): XmlElement => ({ name, attributes, children });
const CAL = '{urn:ietf:params:xml:ns:caldav}';
const CARD = '{urn:ietf:params:xml:ns:carddav}';
const decode = (key: string, value: unknown): unknown => {
  const d = BUILTIN_DECODERS.get(key);
  expect(d, key).to.not.equal(undefined);
  return (d!.decode as (v: unknown) => unknown)(value);
};

describe('lib/properties registry', function () {
  describe('decoderTable', function () {
    const upper = (k: string): string => k.toUpperCase();
    it('no built-ins and no user decoders: no table', function () {
      expect(decoderTable(false, undefined, upper)).to.equal(undefined);
    });
    it('built-ins only: a copy of every built-in decoder', function () {
      const t = decoderTable(true, undefined, upper)!;
      expect([...t.keys()]).to.deep.equal([...BUILTIN_DECODERS.keys()]);
      for (const [k, d] of BUILTIN_DECODERS) expect(t.get(k), k).to.equal(d);
      t.delete('getetag');
      expect(BUILTIN_DECODERS.has('getetag'), 'the built-in table is not changed').to.equal(true);
    });
    it('user decoders overlay the built-ins under their normalised key, as element decoders marked custom', function () {
      const mine = (v: string | XmlElement): unknown => v;
      const t = decoderTable(true, { getetag: mine, 'x-new': mine }, upper)!;
      expect(t.size).to.equal(BUILTIN_DECODERS.size + 2);
      expect(t.get('getetag')).to.equal(BUILTIN_DECODERS.get('getetag'));
      for (const k of ['GETETAG', 'X-NEW']) {
        const d = t.get(k)!;
        expect(d.element, k).to.equal(true);
        expect(d.custom, k).to.equal(true);
        expect(d.decode, k).to.equal(mine);
      }
    });
    it('user decoders without the built-ins', function () {
      const mine = (): number => 1;
      const t = decoderTable(false, { getetag: mine }, (k) => k)!;
      expect([...t.keys()]).to.deep.equal(['getetag']);
      expect(t.get('getetag')).to.deep.equal({ element: true, custom: true, decode: mine });
    });
  });

  describe('table entries with their own code', function () {
    it('supported-report-set: the report keys two levels below (supported-report/report/X)', function () {
      const sr = (k: string): XmlElement => el('supported-report', [el('report', [el(k)])]);
      expect(decode('supported-report-set', el('supported-report-set', [sr('sync-collection'), sr(`${CAL}calendar-query`)]))).to.deep.equal(['sync-collection', `${CAL}calendar-query`]);
    });
    it('supported-method-set and the CalDAV component set: the name attributes', function () {
      expect(decode('supported-method-set', el('supported-method-set', [el('supported-method', [], { name: 'GET' }), el('supported-method', [], { name: 'PROPFIND' })]))).to.deep.equal(['GET', 'PROPFIND']);
      expect(decode(`${CAL}supported-calendar-component-set`, el('s', [el(`${CAL}comp`, [], { name: 'VEVENT' }), el(`${CAL}comp`, [], { name: 'VTODO' })]))).to.deep.equal(['VEVENT', 'VTODO']);
    });
    it('supported-calendar-data and supported-address-data: content-type and version when present', function () {
      const types = el('s', [
        el(`${CAL}calendar-data`, [], { 'content-type': 'text/calendar', version: '2.0' }),
        el(`${CAL}calendar-data`, [], { 'content-type': 'application/calendar+json' }),
        el(`${CAL}calendar-data`, [], { version: '2.0' }),
        el(`${CAL}calendar-data`),
      ]);
      const want = [{ contentType: 'text/calendar', version: '2.0' }, { contentType: 'application/calendar+json' }, { version: '2.0' }, {}];
      expect(decode(`${CAL}supported-calendar-data`, types)).to.deep.equal(want);
      expect(decode(`${CARD}supported-address-data`, types)).to.deep.equal(want);
    });
    it('text decoders are marked as such, element decoders too', function () {
      expect(BUILTIN_DECODERS.get('getetag')!.element).to.equal(false);
      expect(BUILTIN_DECODERS.get('resourcetype')!.element).to.equal(true);
      expect(BUILTIN_DECODERS.get('supported-report-set')!.element).to.equal(true);
    });
  });
});
