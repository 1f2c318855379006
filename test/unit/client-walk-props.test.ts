/** What a walk adds to the caller's PROPFIND and takes back out (lib/client/walk-props.ts), as pure functions. */
import { expect } from 'chai';
import { resourceIdOf, stripResourceId, stripsResourceId, walkBody, withWalkProps } from '../../lib/client/walk-props.js';
import type { DavResponse } from '../../lib/parser/model.js';

/** A response with these props, over these propstats' props. */
function response(props: Record<string, unknown>, propstats: Record<string, unknown>[] = []): DavResponse {
  return { href: '/d/x', props, propstats: propstats.map((p) => ({ props: p, status: { code: 200 } })) } as unknown as DavResponse;
}

const element = (name: string, children: unknown[]): unknown => ({ name, namespace: 'DAV:', attributes: {}, children });

describe('client: the walk\'s extra props', function () {
  it('no named props is allprop with resource-id included', function () {
    expect(walkBody([])).to.equal(walkBody('allprop'));
    expect(walkBody([])).to.include('<D:include><D:resource-id/></D:include>');
  });

  it('adds resourcetype and resource-id once, DAV: names in Clark form count as named; propname adds no resource-id', function () {
    expect(withWalkProps(['getetag'])).to.deep.equal(['getetag', 'resourcetype', 'resource-id']);
    expect(withWalkProps(['resourcetype', 'resource-id'])).to.deep.equal(['resourcetype', 'resource-id']);
    expect(withWalkProps(['{DAV:}resourcetype', '{DAV:}resource-id'])).to.deep.equal(['{DAV:}resourcetype', '{DAV:}resource-id']);
    expect(withWalkProps(['getetag'], true)).to.deep.equal(['getetag', 'resourcetype']);
    expect(withWalkProps(['resource-id'], true)).to.deep.equal(['resource-id', 'resourcetype']);
  });

  it('strips resource-id unless the caller named it (and kept it in the properties filter); never after propname', function () {
    expect(stripsResourceId('propname', undefined)).to.equal(false);
    expect(stripsResourceId('allprop', undefined)).to.equal(true);
    expect(stripsResourceId(['getetag'], undefined)).to.equal(true);
    expect(stripsResourceId(['resource-id'], undefined)).to.equal(false);
    expect(stripsResourceId(['resource-id'], ['getetag'])).to.equal(true);
    expect(stripsResourceId(['resource-id'], ['{DAV:}resource-id'])).to.equal(false);
  });

  it('stripResourceId takes it out of props and every propstat (the first too), dropping a propstat it alone filled', function () {
    const r = response({ 'resource-id': 'urn:a', getetag: '"1"' }, [{ 'resource-id': 'urn:a', getetag: '"1"' }, { 'resource-id': null }, {}]);
    stripResourceId(r);
    expect(r.props).to.deep.equal({ getetag: '"1"' });
    expect(r.propstats.map((p) => p.props)).to.deep.equal([{ getetag: '"1"' }, {}]);
    const only = response({ 'resource-id': 'urn:b' }, [{ 'resource-id': 'urn:b' }]);
    stripResourceId(only);
    expect(only.props).to.deep.equal({});
    expect(only.propstats).to.deep.equal([]);
  });

  it('resourceIdOf: the trimmed string, or the text of the href element among the children', function () {
    expect(resourceIdOf(response({ 'resource-id': ' urn:x ' }))).to.equal('urn:x');
    expect(resourceIdOf(response({ 'resource-id': '  ' }))).to.equal(undefined);
    expect(resourceIdOf(response({}))).to.equal(undefined);
    const value = element('resource-id', ['\n', element('other', ['no']), element('href', [' urn:', element('b', []), 'uuid:1 '])]);
    expect(resourceIdOf(response({ 'resource-id': value }))).to.equal('urn:uuid:1');
    expect(resourceIdOf(response({ 'resource-id': element('resource-id', ['urn:text-only']) }))).to.equal(undefined);
  });
});
