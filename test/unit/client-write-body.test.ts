/** Request bodies of the write methods as pure functions (lib/client/write-body.ts): escaping, names, attributes, LOCK. */
import { expect } from 'chai';
import { elementXml, escapeXml, lockBody, proppatchBody, splitKey } from '../../lib/client/write-body.js';
import { MultistatusError } from '../../lib/errors.js';

function usage(f: () => unknown, message: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(MultistatusError);
    expect((e as MultistatusError).code).to.equal('USAGE');
    expect((e as MultistatusError).message).to.match(message);
    return;
  }
  throw new Error('expected a USAGE error');
}

const el = (name: string, attributes: Record<string, string>, children: (string | object)[]) => ({ name, attributes, children }) as never;

describe('client: write bodies', function () {
  it('escapeXml: & < > " and CR, nothing else', function () {
    expect(escapeXml('a&b<c>d"e\rf\n\'g')).to.equal('a&amp;b&lt;c&gt;d&quot;e&#13;f\n\'g');
  });

  it('splitKey: DAV: by default, {ns}local, and why a name is refused', function () {
    expect(splitKey('getetag')).to.deep.equal({ ns: 'DAV:', local: 'getetag' });
    expect(splitKey('{urn:x}a.b-c_d')).to.deep.equal({ ns: 'urn:x', local: 'a.b-c_d' });
    expect(splitKey('{}plain')).to.deep.equal({ ns: '', local: 'plain' });
    usage(() => splitKey('{urn:x'), /^"\{urn:x" is not a property name: "\{" without "\}"$/);
    usage(() => splitKey('1abc'), /^"1abc" is not a property name \(a DAV: local name or \{namespace\}name\)$/);
    usage(() => splitKey('{urn:x}'), /is not a property name/);
  });

  it('elementXml: empty text or no children is an empty element; xml: attributes keep their prefix; a bad attribute name is refused', function () {
    expect(elementXml('displayname', '')).to.equal('<D:displayname/>');
    expect(elementXml('{urn:x}e', null)).to.equal('<e xmlns="urn:x"/>');
    expect(elementXml('{urn:x}e', el('e', { '{http://www.w3.org/XML/1998/namespace}lang': 'fr' }, []))).to.equal('<e xmlns="urn:x" xml:lang="fr"/>');
    expect(elementXml('owner', el('owner', { '{urn:a}p': '1', '{urn:b}q': '2' }, [el('href', {}, ['mailto:a@b'])]))).to.equal(
      '<D:owner xmlns:a0="urn:a" a0:p="1" xmlns:a1="urn:b" a1:q="2"><D:href>mailto:a@b</D:href></D:owner>',
    );
    usage(() => elementXml('owner', el('owner', { 'a b': '1' }, [])), /is not a property name/);
  });

  it('proppatchBody: only a remove has no set part; nothing at all is refused', function () {
    expect(proppatchBody({ remove: ['getetag'] })).to.equal(
      '<?xml version="1.0" encoding="utf-8"?>\n<D:propertyupdate xmlns:D="DAV:"><D:remove><D:prop><D:getetag/></D:prop></D:remove></D:propertyupdate>\n',
    );
    expect(proppatchBody({ set: { displayname: 'x' }, remove: [] })).to.not.contain('<D:remove>');
    usage(() => proppatchBody({ set: {}, remove: [] }), /^proppatch: nothing to set or remove$/);
  });

  it('lockBody: exclusive by default, shared when asked, the owner as text or element; another scope refused', function () {
    const head = '<?xml version="1.0" encoding="utf-8"?>\n<D:lockinfo xmlns:D="DAV:">';
    expect(lockBody()).to.equal(`${head}<D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>\n`);
    expect(lockBody({ scope: 'shared', owner: 'Ann & co' })).to.equal(
      `${head}<D:lockscope><D:shared/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>Ann &amp; co</D:owner></D:lockinfo>\n`,
    );
    usage(() => lockBody({ scope: 'open' as never }), /^lock: scope must be exclusive or shared, got "open"$/);
  });
});
