/**
 * NamespaceScope's speed rests on resolved names staying valid across declarations that change
 * nothing for them (Apache binds `lp1` to `DAV:` again on every response): these tests fail if a
 * refactor goes back to re-resolving every name after any declaration.
 */
import { expect } from 'chai';
import { NamespaceScope } from '../../lib/parser/namespaces.js';

function scope(): { ns: NamespaceScope<string>; calls: string[] } {
  const calls: string[] = [];
  const ns = new NamespaceScope<string>((uri, local, key) => {
    calls.push(key);
    return key;
  });
  return { ns, calls };
}

describe('NamespaceScope', () => {
  it('re-declaring a prefix with the URI it already has, on every response, resolves each name once', () => {
    const { ns, calls } = scope();
    ns.declare('D', 'DAV:', 1);
    const first = ns.element('lp1:getetag');
    expect(first.bound).to.equal(false);
    // Count the prefix lookups made while resolving names (declarations may look up their prefix).
    const slots = (ns as unknown as { slots: Map<string, unknown> }).slots;
    const get = slots.get.bind(slots);
    let lookups = 0;
    let resolving = false;
    slots.get = (key: string) => {
      if (resolving) lookups++;
      return get(key);
    };
    for (let r = 0; r < 100; r++) {
      ns.declare('lp1', 'DAV:', 2);
      resolving = true;
      const a = ns.element('lp1:getetag');
      const b = ns.element('D:href');
      resolving = false;
      expect(a.key).to.equal('getetag');
      expect(a.bound).to.equal(true);
      expect(b.key).to.equal('href');
      ns.release(2);
    }
    // lp1:getetag unbound once, then bound once; D:href once: no re-resolution per response.
    expect(calls).to.deep.equal(['{lp1:}getetag', 'getetag', 'href']);
    // A cached name is checked against its prefix's binding in place, not by looking the prefix up.
    expect(lookups).to.be.at.most(1);
    expect(ns.element('lp1:getetag').bound).to.equal(false);
  });

  it('the names of a PROPFIND answer, resolved response after response, are found without a Map lookup after the first', () => {
    const { ns } = scope();
    ns.declare('D', 'DAV:', 1);
    ns.declare('lp1', 'DAV:', 2);
    // The element names of the compact and Apache bodies: D:getcontenttype and lp1:creationdate
    // fall on one slot of the cache in front of the Map, which is why it has two ways.
    const NAMES = ['D:response', 'D:href', 'D:propstat', 'D:prop', 'lp1:resourcetype', 'D:collection', 'lp1:getcontentlength',
      'lp1:getlastmodified', 'lp1:creationdate', 'lp1:getetag', 'D:getcontenttype', 'D:displayname', 'D:status',
      'D:supportedlock', 'D:lockentry', 'D:lockscope', 'D:exclusive', 'D:locktype', 'D:write', 'D:lockdiscovery'];
    const names = (ns as unknown as { names: Map<string, unknown> }).names;
    const get = names.get.bind(names);
    let lookups = 0;
    names.get = (key: string) => {
      lookups++;
      return get(key);
    };
    // Fresh strings each time, as saxes hands them over (not the interned literals).
    const fresh = (n: string): string => `#${n}`.slice(1);
    for (const n of NAMES) ns.element(fresh(n));
    const first = lookups;
    expect(first).to.equal(NAMES.length);
    for (let r = 0; r < 50; r++) for (const n of NAMES) expect(ns.element(fresh(n)).raw).to.equal(n);
    expect(lookups - first).to.equal(0);
  });

  it('binding another prefix leaves resolved names alone; rebinding the prefix re-resolves and release restores', () => {
    const { ns, calls } = scope();
    ns.declare('', 'DAV:', 1);
    expect(ns.element('prop').key).to.equal('prop');
    ns.declare('x', 'urn:x', 2);
    expect(ns.element('prop').key).to.equal('prop');
    expect(calls).to.deep.equal(['prop']);
    ns.declare('', 'urn:y', 3);
    expect(ns.element('prop').key).to.equal('{urn:y}prop');
    ns.release(3);
    expect(ns.element('prop').key).to.equal('prop');
    ns.release(2);
    ns.release(1);
    expect(ns.element('prop').key).to.equal('{}prop');
  });

  it('a body that declares ever new prefixes keeps a bounded set of them and still resolves right', () => {
    const { ns } = scope();
    ns.declare('D', 'DAV:', 1);
    for (let i = 0; i < 20_000; i++) {
      ns.declare(`p${i}`, `urn:${i % 7}`, 2);
      expect(ns.element(`p${i}:a`).key).to.equal(`{urn:${i % 7}}a`);
      expect(ns.element('D:a').key).to.equal('a');
      ns.release(2);
      expect(ns.element(`p${i}:a`).bound).to.equal(false);
    }
    const slots = (ns as unknown as { slots: Map<string, unknown> }).slots;
    expect(slots.size).to.be.at.most(4096);
  });
});
