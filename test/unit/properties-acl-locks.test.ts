/**
 * The ACL (RFC 3744, RFC 5842 parent-set) and lock (RFC 4918 §14, §15.8) decoders on hand-built
 * `XmlElement` trees: every principal kind, inverted aces, grant and deny kept apart, protected
 * and inherited aces, nested supported privileges, lock timeouts at their bounds, and the malformed
 * shapes each decoder rejects. Keys are as the parser makes them (`DAV:` names bare).
 */
import { expect } from 'chai';
import type { XmlElement } from '../../lib/types.js';
import { acl, parentSet, privileges, supportedPrivileges } from '../../lib/properties/acl.js';
import { lockDiscovery, parseTimeout, supportedLock } from '../../lib/properties/locks.js';

const el = (name: string, children: (XmlElement | string)[] = [], attributes: Record<string, string> = {}): XmlElement => ({ name, attributes, children });
const priv = (...names: string[]): XmlElement[] => names.map((n) => el('privilege', [el(n)]));
const href = (t: string): XmlElement => el('href', [t]);

describe('lib/properties acl and locks', function () {
  describe('privileges', function () {
    it('the keys inside each privilege element, in order; other children are ignored', function () {
      expect(privileges(el('current-user-privilege-set', [...priv('read', 'write'), el('other', [el('x')]), ' ', el('privilege', [el('{urn:x}a'), el('{urn:x}b')])]))).to.deep.equal(['read', 'write', '{urn:x}a', '{urn:x}b']);
      expect(privileges(el('grant', []))).to.deep.equal([]);
    });
  });

  describe('acl', function () {
    const ace = (principal: XmlElement, rest: XmlElement[] = []): XmlElement => el('ace', [principal, ...rest]);
    it('every principal kind', function () {
      const kinds: [XmlElement, unknown][] = [
        [el('principal', [href(' /p/a \n')]), { kind: 'href', value: '/p/a' }],
        [el('principal', [el('all')]), { kind: 'all' }],
        [el('principal', [el('authenticated')]), { kind: 'authenticated' }],
        [el('principal', [el('unauthenticated')]), { kind: 'unauthenticated' }],
        [el('principal', [el('self')]), { kind: 'self' }],
        [el('principal', [el('property', [el('owner')])]), { kind: 'property', value: 'owner' }],
        [el('principal', ['\n', el('{urn:x}group')]), { kind: 'other', value: '{urn:x}group' }],
      ];
      for (const [p, want] of kinds) {
        expect(acl(el('acl', [ace(p, [el('grant', priv('read'))])])), JSON.stringify(want)).to.deep.equal([{ principal: want, invert: false, grant: ['read'], deny: [], protected: false }]);
      }
    });
    it('grant and deny kept apart; protected; inherited; aces in order; non-ace children skipped', function () {
      const xml = el('acl', [
        ace(el('principal', [el('all')]), [el('deny', priv('write', 'bind'))]),
        el('{urn:x}note', ['skip me']),
        ace(el('principal', [href('/p/b')]), [el('grant', priv('read')), el('deny', priv('unbind')), el('protected'), el('inherited', [href(' /parent/ ')])]),
      ]);
      expect(acl(xml)).to.deep.equal([
        { principal: { kind: 'all' }, invert: false, grant: [], deny: ['write', 'bind'], protected: false },
        { principal: { kind: 'href', value: '/p/b' }, invert: false, grant: ['read'], deny: ['unbind'], protected: true, inherited: '/parent/' },
      ]);
    });
    it('an inverted principal, with or without the principal wrapper inside invert', function () {
      const wrapped = ace(el('invert', [el('principal', [el('self')])]), [el('deny', priv('all'))]);
      const bare = ace(el('invert', [href('/p/c')]), [el('grant', priv('read'))]);
      expect(acl(el('acl', [wrapped, bare]))).to.deep.equal([
        { principal: { kind: 'self' }, invert: true, grant: [], deny: ['all'], protected: false },
        { principal: { kind: 'href', value: '/p/c' }, invert: true, grant: ['read'], deny: [], protected: false },
      ]);
    });
    it('malformed: no principal, an empty principal, a property principal without a property', function () {
      expect(acl(el('acl', [el('ace', [el('grant', priv('read'))])]))).to.equal(undefined);
      expect(acl(el('acl', [ace(el('principal', ['text only']))]))).to.equal(undefined);
      expect(acl(el('acl', [ace(el('principal', [el('property')]))]))).to.equal(undefined);
      expect(acl(el('acl', [ace(el('invert', []))]))).to.equal(undefined);
      expect(acl(el('acl', []))).to.deep.equal([]);
    });
  });

  describe('supportedPrivileges', function () {
    it('a nested tree with abstract flags and trimmed descriptions', function () {
      const sp = (name: string, rest: XmlElement[] = []): XmlElement => el('supported-privilege', [el('privilege', [el(name)]), ...rest]);
      const tree = el('supported-privilege-set', [
        sp('all', [el('abstract'), el('description', [' Any operation \n']), sp('read'), sp('write', [sp('write-properties'), sp('write-content')])]),
        el('{urn:x}other'),
      ]);
      expect(supportedPrivileges(tree)).to.deep.equal([
        {
          privilege: 'all',
          abstract: true,
          description: 'Any operation',
          children: [
            { privilege: 'read', abstract: false, children: [] },
            {
              privilege: 'write',
              abstract: false,
              children: [
                { privilege: 'write-properties', abstract: false, children: [] },
                { privilege: 'write-content', abstract: false, children: [] },
              ],
            },
          ],
        },
      ]);
    });
    it('malformed: a supported-privilege without a privilege, also deep inside', function () {
      expect(supportedPrivileges(el('s', [el('supported-privilege', [el('abstract')])]))).to.equal(undefined);
      expect(supportedPrivileges(el('s', [el('supported-privilege', [el('privilege', [])])]))).to.equal(undefined);
      const deep = el('s', [el('supported-privilege', [el('privilege', [el('all')]), el('supported-privilege', [el('description', ['x'])])])]);
      expect(supportedPrivileges(deep)).to.equal(undefined);
    });
  });

  describe('parentSet', function () {
    it('href and segment of each parent (the segment as sent)', function () {
      const set = el('parent-set', [el('parent', [href(' /a/ '), el('segment', [' x y '])]), 'ws', el('other'), el('parent', [el('segment', ['z']), href('/b/')])]);
      expect(parentSet(set)).to.deep.equal([
        { href: '/a/', segment: ' x y ' },
        { href: '/b/', segment: 'z' },
      ]);
    });
    it('malformed: a parent without href or without segment', function () {
      expect(parentSet(el('parent-set', [el('parent', [el('segment', ['z'])])]))).to.equal(undefined);
      expect(parentSet(el('parent-set', [el('parent', [href('/a/')])]))).to.equal(undefined);
    });
  });

  describe('parseTimeout', function () {
    const cases: [string, number | undefined][] = [
      ['Second-0', 0], ['second-3600', 3600], [' SECOND-1\n', 1], ['Second-9999999999', 9999999999], ['Infinite', Infinity], ['infinite', Infinity], [' INFINITE ', Infinity],
      ['Second-12345678901', undefined], ['Second-', undefined], ['Second--1', undefined], ['Second-1.5', undefined], ['Second-1x', undefined], ['xSecond-1', undefined],
      ['Infinity', undefined], ['', undefined], ['3600', undefined],
    ];
    for (const [raw, want] of cases) {
      it(`${JSON.stringify(raw)} -> ${String(want)}`, function () {
        expect(parseTimeout(raw)).to.equal(want);
      });
    }
  });

  describe('lockDiscovery', function () {
    const lock = (...children: XmlElement[]): XmlElement => el('activelock', children);
    const scope = (s: string): XmlElement => el('lockscope', [el(s)]);
    const type = (t: string): XmlElement => el('locktype', [el(t)]);
    it('every field, children in any order; owner as its raw value', function () {
      const full = lock(
        el('locktoken', [href(' urn:uuid:1 ')]),
        el('depth', [' infinity ']),
        type('write'),
        el('owner', [href('mailto:a@example')]),
        scope('exclusive'),
        el('timeout', ['Second-600']),
        el('lockroot', [href('/r/')]),
      );
      const minimal = lock(scope('shared'), type('write'));
      const textOwner = lock(scope('shared'), type('write'), el('owner', ['Bob']), el('timeout', ['Infinite']));
      expect(lockDiscovery(el('lockdiscovery', [full, el('other'), minimal, textOwner]))).to.deep.equal([
        { scope: 'exclusive', type: 'write', depth: 'infinity', owner: el('owner', [href('mailto:a@example')]), timeout: 600, token: 'urn:uuid:1', root: '/r/' },
        { scope: 'shared', type: 'write', depth: '' },
        { scope: 'shared', type: 'write', depth: '', owner: 'Bob', timeout: Infinity },
      ]);
      expect(lockDiscovery(el('lockdiscovery', []))).to.deep.equal([]);
    });
    it('malformed: no scope, no type, an unreadable timeout', function () {
      expect(lockDiscovery(el('lockdiscovery', [lock(type('write'))]))).to.equal(undefined);
      expect(lockDiscovery(el('lockdiscovery', [lock(scope('shared'))]))).to.equal(undefined);
      expect(lockDiscovery(el('lockdiscovery', [lock(scope('shared'), type('write'), el('timeout', ['soon']))]))).to.equal(undefined);
      expect(lockDiscovery(el('lockdiscovery', [lock(el('lockscope', ['exclusive']), type('write'))]))).to.equal(undefined);
    });
  });

  describe('supportedLock', function () {
    it('scope and type of each lockentry; malformed entries reject the value', function () {
      const entry = (s: string, t: string): XmlElement => el('lockentry', [el('lockscope', [el(s)]), el('locktype', [el(t)])]);
      expect(supportedLock(el('supportedlock', [entry('exclusive', 'write'), 'ws', el('x'), entry('shared', 'write')]))).to.deep.equal([
        { scope: 'exclusive', type: 'write' },
        { scope: 'shared', type: 'write' },
      ]);
      expect(supportedLock(el('supportedlock', []))).to.deep.equal([]);
      expect(supportedLock(el('supportedlock', [el('lockentry', [el('lockscope', [el('shared')])])]))).to.equal(undefined);
      expect(supportedLock(el('supportedlock', [el('lockentry', [el('locktype', [el('write')])])]))).to.equal(undefined);
    });
  });
});
