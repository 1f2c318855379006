/** The PROPFIND body the command sends, read back with a namespace-aware DOM parser. */
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { expect } from 'chai';
import { propfindBody } from '../../lib/client/propfind-body.js';

const DAV = 'DAV:';

function root(xml: string): Element {
  const doc = new DOMParser({ onError: (level, msg) => { throw new Error(`${level}: ${msg}`); } }).parseFromString(xml, 'application/xml');
  return doc.documentElement!;
}

function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** Each child as `{namespace}local`. */
function names(el: Element): string[] {
  return children(el).map((c) => `{${c.namespaceURI ?? ''}}${c.localName}`);
}

describe('cli: PROPFIND body', function () {
  it('asks for allprop when no property is named', function () {
    const r = root(propfindBody([]));
    expect(`{${r.namespaceURI}}${r.localName}`).to.equal('{DAV:}propfind');
    expect(names(r)).to.deep.equal(['{DAV:}allprop']);
  });

  it('asks for propname', function () {
    expect(names(root(propfindBody([], true)))).to.deep.equal(['{DAV:}propname']);
  });

  it('names DAV: properties by local name and others in their own namespace, in order', function () {
    const keys = ['getetag', '{http://owncloud.org/ns}fileid', '{DAV:}displayname', '{}bare', '{http://owncloud.org/ns}size', '{urn:x&"y}z'];
    const r = root(propfindBody(keys));
    const prop = children(r);
    expect(names(r)).to.deep.equal([`{${DAV}}prop`]);
    expect(names(prop[0]!)).to.deep.equal([
      '{DAV:}getetag', '{http://owncloud.org/ns}fileid', '{DAV:}displayname', '{}bare', '{http://owncloud.org/ns}size', '{urn:x&"y}z',
    ]);
  });

  it('declares UTF-8 and keeps non-ASCII names', function () {
    const xml = propfindBody(['{urn:ex}größe']);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).to.equal(true);
    expect(names(children(root(xml))[0]!)).to.deep.equal(['{urn:ex}größe']);
  });
});
