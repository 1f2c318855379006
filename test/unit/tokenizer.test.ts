/**
 * lib/tokenizer on its own: what it accepts, what it refuses and where, and that neither depends
 * on how the text is cut into chunks (every case runs whole, in chunks of 1, 2, 3 and 5).
 */
import { expect } from 'chai';
import type { TokenEvents } from '../../lib/tokenizer/events.js';
import { Tokenizer } from '../../lib/tokenizer/tokenizer.js';
import { isName, isNameChar, isNameStart } from '../../lib/tokenizer/chars.js';
import { checkDeclaration } from '../../lib/tokenizer/declaration.js';
import { NameTable } from '../../lib/tokenizer/names.js';

class Refused extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly position: number,
  ) {
    super(message);
  }
}

interface Run {
  events: string[];
  diagnostics: string[];
  error?: { message: string; line: number; column: number; position: number };
}

function run(chunks: string[], maxToken?: number): Run {
  const events: string[] = [];
  const diagnostics: string[] = [];
  let tokenizer: Tokenizer | undefined = undefined;
  const fail = (message: string): never => {
    throw new Refused(message, tokenizer!.line, tokenizer!.column, tokenizer!.position);
  };
  const handler: TokenEvents = {
    onAttribute: (name, value) => void events.push(`@${name}=${value}`),
    onOpen: (name, selfClosing) => void events.push(`<${name}${selfClosing ? '/' : ''}>`),
    onClose: (name) => void events.push(`</${name}>`),
    onText: (text) => {
      const last = events.length - 1;
      if (last >= 0 && events[last]!.startsWith('"')) events[last] = events[last]!.slice(0, -1) + text + '"';
      else events.push(`"${text}"`);
    },
    onDoctype: () => void events.push('!DOCTYPE'),
    onDiagnostic: (code) => void diagnostics.push(code),
    onError: fail,
    onTooLong: () => fail('too long'),
  };
  tokenizer = new Tokenizer(handler, maxToken === undefined ? {} : { maxToken });
  try {
    for (const chunk of chunks) tokenizer.write(chunk);
    tokenizer.end();
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    return { events, diagnostics, error: { message: e.message, line: e.line, column: e.column, position: e.position } };
  }
  return { events, diagnostics };
}

function cut(xml: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < xml.length; i += size) out.push(xml.slice(i, i + size));
  return out;
}

/** Runs `xml` whole and in small chunks: the outcome must not depend on the chunking. */
function tokenize(xml: string, maxToken?: number): Run {
  const whole = run([xml], maxToken);
  for (const size of [1, 2, 3, 5]) expect(run(cut(xml, size), maxToken), `chunks of ${size}: ${JSON.stringify(xml)}`).to.deep.equal(whole);
  return whole;
}

function accepts(xml: string): string[] {
  const r = tokenize(xml);
  expect(r.error, xml).to.equal(undefined);
  return r.events;
}

function refuses(xml: string, message: string | RegExp): NonNullable<Run['error']> {
  const r = tokenize(xml);
  expect(r.error, xml).to.not.equal(undefined);
  if (typeof message === 'string') expect(r.error!.message, xml).to.equal(message);
  else expect(r.error!.message, xml).to.match(message);
  return r.error!;
}

describe('lib/tokenizer', () => {
  describe('elements and names', () => {
    it('reads start, end and empty-element tags, text between them', () => {
      expect(accepts('<a><b>x</b><c/></a>')).to.deep.equal(['<a>', '<b>', '"x"', '</b>', '<c/>', '</c>', '</a>']);
      expect(accepts('<a  ></a >')).to.deep.equal(['<a>', '</a>']);
    });

    it('takes the full XML 1.0 name ranges, not only ASCII', () => {
      expect(accepts('<é·-.9 中文="1"><ꯍ/></é·-.9>')).to.deep.equal(['@中文=1', '<é·-.9>', '<ꯍ/>', '</ꯍ>', '</é·-.9>']);
      expect(accepts('<\u{10000}a\u{EFFFF}/>')).to.deep.equal(['<\u{10000}a\u{EFFFF}/>', '</\u{10000}a\u{EFFFF}>']);
      for (const bad of ['<-a/>', '<1a/>', '<·a/>', '<\u0300a/>', '< a/>', '<a×/>', '<\u{F0000}/>']) refuses(bad, /element name/);
      expect(isNameStart(0xd7)).to.equal(false);
      expect(isNameStart(0x37e)).to.equal(false);
      expect(isNameStart(0x2070)).to.equal(true);
      expect(isNameStart(0x2190)).to.equal(false);
      expect(isNameStart(0xfdd0)).to.equal(false);
      expect(isNameChar(0x203f)).to.equal(true);
      expect(isNameChar(0x2041)).to.equal(false);
      expect(isName('a\uD800')).to.equal(false);
      expect(isName('')).to.equal(false);
    });

    it('checks tag balance and names the two tags', () => {
      refuses('<a><b></a>', 'the end tag </a> does not match <b>');
      refuses('<a></a></a>', 'an end tag with no element open');
      refuses('<a></>', 'an empty end tag "</>"');
      refuses('<a></a b>', 'a character that is not allowed in an end tag');
      refuses('<a></1a>', 'a character that is not allowed in an end tag');
      refuses('<a><b>', 'an element never closed: <b>');
    });

    it('one root, and only misc after it', () => {
      refuses('<a/><b/>', 'a second root element (a document has only one)');
      refuses('<a/>x', 'text outside the root element');
      refuses('x<a/>', 'text outside the root element');
      refuses('', 'no root element');
      expect(accepts(' <a/> <!-- c --> <?pi x?> \n')).to.deep.equal(['<a/>', '</a>']);
    });

    it('an end tag cut anywhere is still compared in place', () => {
      const long = 'n'.repeat(40);
      expect(accepts(`<${long}>x</${long}>`)).to.deep.equal([`<${long}>`, '"x"', `</${long}>`]);
      refuses(`<${long}>x</${long}x>`, `the end tag </${long}x> does not match <${long}>`);
    });
  });

  describe('attributes', () => {
    it('quoted with either quote, spaces around "=", values normalised (tab, LF, CR LF -> one space each)', () => {
      expect(accepts(`<a b = "1" c='"2"' d="x\ty\nz\r\nw\rv"/>`)).to.deep.equal(['@b=1', '@c="2"', '@d=x y z w v', '<a/>', '</a>']);
      // Character references are not normalised.
      expect(accepts('<a b="&#10;&#9;"/>')).to.deep.equal(['@b=\n\t', '<a/>', '</a>']);
    });

    it('refuses a missing value, missing quotes, missing spaces, "<" and a repeated name', () => {
      refuses('<a b/>', 'an attribute without a value');
      refuses('<a b c="1"/>', 'an attribute without a value');
      refuses('<a b=1/>', 'an attribute value without quotes');
      refuses('<a b="1"c="2"/>', 'no space between two attributes');
      refuses('<a b="<"/>', 'a "<" in an attribute value');
      refuses('<a b="1" b="2"/>', 'an attribute given twice: b');
      const many = Array.from({ length: 40 }, (_, k) => ` a${k}="${k}"`).join('');
      expect(accepts(`<x${many}/>`)).to.have.length(42);
      refuses(`<x${many} a39="again"/>`, 'an attribute given twice: a39');
      refuses('<a / >', 'a "/" in a start tag that is not followed by ">"');
      refuses('<a $="1"/>', 'a character that is not allowed in an attribute name');
    });
  });

  describe('references', () => {
    it('the five predefined entities and numeric references to valid characters', () => {
      expect(accepts('<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;</a>')).to.deep.equal(['<a>', `"<>&'"AB😀"`, '</a>']);
      expect(accepts('<a>&#x10FFFF;&#1114111;</a>')).to.deep.equal(['<a>', '"\u{10FFFF}\u{10FFFF}"', '</a>']);
    });

    it('refuses other entities, empty references and references to characters XML does not allow', () => {
      refuses('<a>&nbsp;</a>', /^an undefined entity/);
      refuses('<a>&;</a>', 'an empty entity reference "&;"');
      // (`&#000…065;` was refused here, by a length cap: wrong, XML 1.0 [66] allows leading zeros; see below.)
      const huge = ['&#x110000;', '&#1114112;', '&#99999999999999999999999999;', `&#x${'F'.repeat(40)};`, `&#${'0'.repeat(30)}1114112;`];
      for (const ref of ['&#0;', '&#xD800;', '&#xFFFE;', '&#;', '&#x;', '&#X41;', '&#12a;', '&#xG;', '&#1', ...huge]) {
        refuses(`<a>${ref}</a>`, 'a malformed character reference (&#…;)');
      }
      refuses('<a b="&nbsp;"/>', /^an undefined entity/);
    });

    it('a character reference with leading zeros is its character, whole or one character per chunk (XML 1.0 [66]; W3C o-p66pass1)', () => {
      const zeros = '0'.repeat(10_000);
      const body = `<a b="&#${zeros}66;">&#0000000000000000009;&#x000000000041;&#${zeros}65;&#x${zeros}1F600;</a>`;
      const want = ['@b=B', '<a>', '"\tAA😀"', '</a>'];
      expect(accepts(body)).to.deep.equal(want); // tokenize() checks chunks of 1, 2, 3 and 5 give the same
    });

    it('an "&" that starts no reference is a literal "&" with a diagnostic (the receiver decides)', () => {
      const r = tokenize('<a href="/amp&dir/">/tree/amp&dir/ & x &</a>');
      expect(r.error).to.equal(undefined);
      expect(r.events).to.deep.equal(['@href=/amp&dir/', '<a>', '"/tree/amp&dir/ & x &"', '</a>']);
      expect(r.diagnostics).to.deep.equal(['BARE_AMPERSAND', 'BARE_AMPERSAND', 'BARE_AMPERSAND', 'BARE_AMPERSAND']);
      refuses('<a>&\u0001</a>', 'a character that XML does not allow here');
    });
  });

  describe('character data', () => {
    it('line ends become LF (CR LF and CR alike), also when a CR ends a chunk', () => {
      expect(accepts('<a>1\r\n2\r3\n4\r\r\n5</a>')).to.deep.equal(['<a>', '"1\n2\n3\n4\n\n5"', '</a>']);
    });

    it('"]]>" is refused in text, wherever the chunks are cut; "]]" and "]>" are not', () => {
      refuses('<a>x]]>y</a>', '"]]>" in text (it may only end a CDATA section)');
      refuses('<a>]]></a>', '"]]>" in text (it may only end a CDATA section)');
      refuses('<a>&amp;]]></a>', '"]]>" in text (it may only end a CDATA section)');
      expect(accepts('<a>]]&gt;]>]] ></a>')).to.deep.equal(['<a>', '"]]>]>]] >"', '</a>']);
      expect(accepts('<a><b/>]></a>')).to.deep.equal(['<a>', '<b/>', '</b>', '"]>"', '</a>']);
    });

    it('CDATA: kept as text (merged with its neighbours), "]" inside allowed, refused outside the root', () => {
      expect(accepts('<a>x<![CDATA[<&]]]]>y<![CDATA[]]></a>')).to.deep.equal(['<a>', '"x<&]]y"', '</a>']);
      expect(accepts('<a><![CDATA[1\r\n2]]></a>')).to.deep.equal(['<a>', '"1\n2"', '</a>']);
      refuses('<![CDATA[x]]><a/>', 'a CDATA section outside the root element');
    });

    it('refuses control characters, U+FFFE, U+FFFF and lone surrogates, in text, values, comments and names', () => {
      for (const bad of ['\u0000', '\u0008', '\u001F', '\uFFFE', '\uFFFF']) {
        refuses(`<a>${bad}</a>`, 'a character that XML does not allow here');
        refuses(`<a b="${bad}"/>`, 'a character that XML does not allow here');
        refuses(`<a><!--${bad}--></a>`, 'a character that XML does not allow here');
      }
      for (const bad of ['\uD800', '\uDC00', '\uD800x', 'x\uDBFF']) {
        refuses(`<a>${bad}</a>`, /lone surrogate/);
        refuses(`<a b="${bad}"/>`, /lone surrogate/);
      }
      expect(run(['<a/>\uD83D']).error?.message).to.match(/lone surrogate/);
      expect(run(['<a>\uD83D', '\uDE00</a>']).events).to.deep.equal(['<a>', '"😀"', '</a>']);
    });
  });

  describe('comments, processing instructions, DOCTYPE', () => {
    it('comments: skipped; "--" inside refused', () => {
      expect(accepts('<a><!----><!-- - x -->y</a>')).to.deep.equal(['<a>', '"y"', '</a>']);
      refuses('<a><!-- a -- b --></a>', 'a malformed comment ("--" inside a comment)');
      refuses('<a><!-- a ---></a>', 'a malformed comment ("--" inside a comment)');
      refuses('<a><!- x --></a>', 'malformed markup');
    });

    it('processing instructions: skipped; a target is required, "xml" in any case is reserved, no colon', () => {
      expect(accepts('<?pi?><a><?xml-stylesheet href="x"?></a>')).to.deep.equal(['<a>', '</a>']);
      refuses('<a><?xml version="1.0"?></a>', 'an XML declaration that is not at the start of the body');
      refuses(' <?xml version="1.0"?><a/>', 'an XML declaration that is not at the start of the body');
      refuses('<?XML version="1.0"?><a/>', /reserved/);
      refuses('<? x?><a/>', 'a processing instruction without a target');
      refuses('<?a:b x?><a/>', /colon/);
      refuses('<?-x?><a/>', /processing instruction name/);
      refuses('<?a=?><a/>', /processing instruction name/);
    });

    it('a DOCTYPE is skipped whole (quotes, internal subset, its comments and PIs) and reported; after the root it is refused', () => {
      const dtd = '<!DOCTYPE a SYSTEM "x>y" [<!ENTITY e "]>"><!-- ]> --><?p ]>?>]>';
      expect(accepts(`${dtd}<a/>`)).to.deep.equal(['!DOCTYPE', '<a/>', '</a>']);
      refuses('<a><!DOCTYPE a></a>', 'a DOCTYPE after the root element has started');
    });

    it('the XML declaration: at the very start (after a BOM), version first, then encoding and standalone', () => {
      expect(accepts('<?xml version="1.0"?><a/>')).to.deep.equal(['<a/>', '</a>']);
      expect(accepts('\uFEFF<?xml version=\'1.1\' encoding="UTF-8" standalone="yes" ?><a/>')).to.deep.equal(['<a/>', '</a>']);
      refuses('<?xml?><a/>', 'an XML declaration without a version');
      refuses('<?xml encoding="utf-8"?><a/>', 'an XML declaration without a version');
      refuses('<?xml version="2.0"?><a/>', 'an XML version other than 1.x');
      refuses('<?xml version="1.0" standalone="maybe"?><a/>', 'standalone in the XML declaration must be "yes" or "no"');
      refuses('<?xml version="1.0" encoding="8bit"?><a/>', /encoding name/);
      refuses('<?xml version="1.0" standalone="yes" encoding="utf-8"?><a/>', 'a malformed XML declaration');
      refuses('<?xml version="1.0"encoding="utf-8"?><a/>', 'a malformed XML declaration');
      refuses('<?xml version="1.0" <a/>', 'an incomplete XML declaration');
      refuses('<?xml version="1.0"><a/>', 'an incomplete XML declaration');
      expect(checkDeclaration(' version="1.0" ')).to.equal(undefined);
      expect(checkDeclaration(' version="1.0" x')).to.equal('a malformed XML declaration');
      expect(checkDeclaration('')).to.equal('an XML declaration without a version');
    });
  });

  describe('positions and limits', () => {
    it('line and column (a surrogate pair is one column) of the error, however chunked', () => {
      const e = refuses('<a>\n  😀😀<b>\r\n x</c>', 'the end tag </c> does not match <b>');
      expect([e.line, e.column, e.position]).to.deep.equal([3, 7, 21]);
    });

    it('the body ended inside markup', () => {
      for (const cut of ['<a/><!-- x', '<a/><?p', '<a/><', '<!DOCTYPE a', '<?xml version="1.0"']) refuses(cut, 'the body ended in the middle of markup');
    });

    it('a token past maxToken stops the tokenizer, whatever it is, however chunked', () => {
      const cases = ['<a>xxxxxxxxxxx</a>', '<a b="xxxxxxxxxxx"/>', '<a><!--xxxxxxxxxxx--></a>', '<a><?p xxxxxxxxxxx?></a>', '<a><![CDATA[xxxxxxxxxxx]]></a>'];
      // Where it stops depends on the chunking (a whole token is measured at its end, a cut one
      // at the end of each chunk); that it stops does not.
      const outcome = (xml: string): (string | undefined)[] => [xml.length, 1, 2, 3].map((size) => run(cut(xml, size), 10).error?.message);
      for (const xml of cases) {
        expect(outcome(xml.replace('xxxxxxxxxxx', 'xxxxxxxxxx')), xml).to.deep.equal([undefined, undefined, undefined, undefined]);
        expect(outcome(xml), xml).to.deep.equal(['too long', 'too long', 'too long', 'too long']);
      }
      expect(outcome('<!DOCTYPE x [xxxxxxxxxxxxxxxxxxxx]><a/>')).to.deep.equal(['too long', 'too long', 'too long', 'too long']);
      // A name is no text value: only one cut across chunks is bounded while it is held.
      expect(outcome('<xxxxxxxxxxx/>')).to.deep.equal([undefined, 'too long', 'too long', 'too long']);
    });

    it('repeated names come back as the same stored string; a name not seen recently is cut once', () => {
      const table = new NameTable();
      const first = table.get('<D:href>', 1, 7);
      expect(table.get('xx D:href', 3, 9)).to.equal(first);
      expect(table.misses).to.equal(1);
      expect(table.whole('D:href')).to.equal('D:href');
      expect(table.misses).to.equal(1);
    });
  });
});
