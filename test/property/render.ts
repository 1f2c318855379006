/**
 * Writes a model document as XML, making every choice the format leaves open at random (from the
 * document's seed): prefixes (several for one namespace, rebound in nested scopes, the default
 * namespace, `xmlns=""`), where namespaces are declared, unused declarations, quote style,
 * insignificant whitespace inside tags and between structural elements, comments and processing
 * instructions, text written plain, as CDATA or as character references, split into pieces.
 * None of these choices may change what the parser gives.
 */
import { mulberry32 } from '../helpers/prng.js';
import { DAV } from './model.js';
import type { Attr, Doc, El, Known, Name, Piece, Prop, Propstat, Response, Status } from './model.js';

export type Rng = () => number;

/** mulberry32: a small seeded PRNG. */
export const rng: (seed: number) => Rng = mulberry32;

const PREFIXES = ['D', 'd', 'a', 'b', 'ns0', 'x', 'lp1'];
const STRUCT_WS = ['', '', ' ', '\n', '\n  ', '\r\n', '\t'];

/** Prefix -> URI in scope ('' key = default namespace, '' value = no namespace). */
type Scope = ReadonlyMap<string, string>;

class Writer {
  private readonly out: string[] = [];

  constructor(private readonly r: Rng) {}

  chance(p: number): boolean {
    return this.r() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }

  raw(s: string): void {
    this.out.push(s);
  }

  toString(): string {
    return this.out.join('');
  }

  /** Whitespace, comments and PIs where they mean nothing (between structural elements). */
  gap(): void {
    this.raw(this.pick(STRUCT_WS));
    if (this.chance(0.1)) this.raw('<!-- between -->');
    if (this.chance(0.05)) this.raw('<?pi data?>');
    if (this.chance(0.1)) this.raw(this.pick(STRUCT_WS));
  }

  /** Text as character data: plain (escaped), CDATA or character references, in pieces. */
  text(s: string): void {
    let i = 0;
    const chars = Array.from(s);
    while (i < chars.length) {
      const n = 1 + Math.floor(this.r() * chars.length);
      const part = chars.slice(i, i + n).join('');
      i += n;
      const mode = this.r();
      if (mode < 0.2 && !part.includes(']]>') && !part.includes('\r')) this.raw(`<![CDATA[${part}]]>`);
      else if (mode < 0.3) this.raw(Array.from(part, (c) => this.charRef(c)).join(''));
      else this.raw(escapeText(part));
      if (i < chars.length && this.chance(0.15)) this.raw(this.chance(0.5) ? '<!--c-->' : '<?p q?>');
    }
  }

  charRef(c: string): string {
    const cp = c.codePointAt(0)!;
    return this.chance(0.5) ? `&#${cp};` : `&#x${cp.toString(16)};`;
  }

  attrValue(v: string): string {
    const q = this.chance(0.8) ? '"' : "'";
    let out = '';
    for (const c of v) {
      if (c === '&') out += this.chance(0.7) ? '&amp;' : '&#38;';
      else if (c === '<') out += '&lt;';
      else if (c === q) out += q === '"' ? '&quot;' : '&apos;';
      // Raw tabs, newlines and CRs in attribute values are normalised to spaces: send references.
      else if (c === '\t' || c === '\n' || c === '\r') out += `&#${c.codePointAt(0)!};`;
      else if (this.chance(0.1)) out += this.charRef(c);
      else out += c;
    }
    return `${q}${out}${q}`;
  }

  /**
   * Writes an element named `name` with `attrs`, choosing prefixes and declarations; `body`
   * writes its content with the element's scope.
   */
  element(scope: Scope, name: Name, attrs: Attr[], body: ((s: Scope) => void) | undefined): void {
    const decls = new Map<string, string>();
    const mine = new Map(scope);
    const fixed = new Set<string>(); // prefixes this element itself uses: never rebound here
    const declare = (prefix: string, uri: string): void => {
      decls.set(prefix, uri);
      mine.set(prefix, uri);
    };
    let qname: string;
    if (name.uri === '') {
      if ((mine.get('') ?? '') !== '' || this.chance(0.1)) declare('', '');
      qname = name.local;
      fixed.add('');
    } else {
      const bound = [...mine].filter(([p, u]) => p !== '' && u === name.uri).map(([p]) => p);
      const useDefault = mine.get('') === name.uri ? this.chance(0.6) : this.chance(0.25);
      if (useDefault) {
        if (mine.get('') !== name.uri || this.chance(0.1)) declare('', name.uri);
        qname = name.local;
        fixed.add('');
      } else {
        let prefix: string;
        if (bound.length > 0 && this.chance(0.7)) prefix = this.pick(bound);
        else {
          prefix = this.pick(PREFIXES);
          declare(prefix, name.uri);
        }
        if (mine.get(prefix) !== name.uri || this.chance(0.05)) declare(prefix, name.uri);
        qname = `${prefix}:${name.local}`;
        fixed.add(prefix);
      }
    }
    const attrText: string[] = [];
    for (const a of attrs) {
      let an: string;
      if (a.uri === '') an = a.local;
      else {
        const bound = [...mine].filter(([p, u]) => p !== '' && u === a.uri).map(([p]) => p);
        let prefix: string;
        if (bound.length > 0 && this.chance(0.7)) prefix = this.pick(bound);
        else {
          const free = PREFIXES.filter((p) => !fixed.has(p));
          prefix = this.pick(free);
          if (mine.get(prefix) !== a.uri) declare(prefix, a.uri);
        }
        fixed.add(prefix);
        an = `${prefix}:${a.local}`;
      }
      const eq = this.chance(0.9) ? '=' : this.pick([' = ', '\n=', '= ']);
      attrText.push(`${an}${eq}${this.attrValue(a.value)}`);
    }
    // Unused declarations, some of them rebinding a prefix for the element's descendants.
    if (this.chance(0.15)) {
      const free = PREFIXES.filter((p) => !fixed.has(p) && !decls.has(p));
      if (free.length > 0) declare(this.pick(free), this.pick(['urn:noise', DAV, 'urn:x', 'http://example.com/ns/']));
    }
    const parts = [...[...decls].map(([p, u]) => `${p === '' ? 'xmlns' : `xmlns:${p}`}=${this.attrValue(u)}`), ...attrText];
    for (let i = parts.length - 1; i > 0; i--) {
      const j = Math.floor(this.r() * (i + 1));
      [parts[i], parts[j]] = [parts[j]!, parts[i]!];
    }
    const space = (): string => this.pick([' ', ' ', '\n  ', '\t']);
    this.raw(`<${qname}${parts.map((p) => space() + p).join('')}${this.chance(0.1) ? space() : ''}`);
    if (body === undefined && this.chance(0.6)) {
      this.raw('/>');
      return;
    }
    this.raw('>');
    body?.(mine);
    this.raw(`</${qname}${this.chance(0.1) ? space() : ''}>`);
  }

  /** An element whose content is one string, padded with whitespace when the field is trimmed. */
  textElement(scope: Scope, local: string, value: string, padded: boolean): void {
    this.element(scope, { uri: DAV, local }, [], (s) => {
      void s;
      if (padded && this.chance(0.3)) this.raw(this.pick(STRUCT_WS));
      this.text(value);
      if (padded && this.chance(0.3)) this.raw(this.pick(STRUCT_WS));
    });
  }

  content(scope: Scope, pieces: Piece[]): void {
    for (const p of pieces) {
      if (p.t === 'text') this.text(p.s);
      else if (p.t === 'comment') this.raw(`<!--${p.s}-->`);
      else if (p.t === 'pi') this.raw(`<?${p.target}${p.body === '' ? '' : ` ${p.body}`}?>`);
      else this.el(scope, p.el);
    }
  }

  el(scope: Scope, el: El): void {
    this.element(scope, el.name, el.attrs, el.content.length === 0 ? undefined : (s) => this.content(s, el.content));
  }
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** The text a known property is written as. */
export function knownText(k: Known): string {
  switch (k.kind) {
    case 'getcontentlength':
      return String(k.n);
    case 'getetag':
      return k.etag;
    case 'displayname':
      return k.text;
    case 'getlastmodified':
      return k.date.toUTCString();
    default:
      return '';
  }
}

function writeProp(w: Writer, scope: Scope, p: Prop): void {
  if ('el' in p) return w.el(scope, p.el);
  const k = p.known;
  const local = k.kind === 'empty' ? k.local : k.kind;
  if (k.kind === 'resourcetype') {
    w.element(scope, { uri: DAV, local }, [], k.members.length === 0 && p.pad === '' ? undefined : (s) => {
      if (k.members.length === 0) w.raw(p.pad);
      for (const m of k.members) {
        w.raw(w.pick(['', ' ', '\n']));
        w.element(s, m, [], undefined);
      }
    });
    return;
  }
  const text = knownText(k);
  w.element(scope, { uri: DAV, local }, [], text === '' && p.pad === '' ? undefined : () => {
    w.raw(p.pad);
    w.text(text);
    w.raw(p.pad);
  });
}

function statusLine(s: Status): string {
  return `HTTP/1.1 ${s.code}${s.reason === '' ? '' : ` ${s.reason}`}`;
}

function writeError(w: Writer, scope: Scope, conditions: El[]): void {
  w.element(scope, { uri: DAV, local: 'error' }, [], (s) => {
    for (const c of conditions) {
      w.gap();
      w.el(s, c);
    }
    w.gap();
  });
}

/** Interleaves several sequences at random, keeping the order inside each. */
function interleave(w: Writer, groups: (() => void)[][]): (() => void)[] {
  const out: (() => void)[] = [];
  const queues = groups.filter((g) => g.length > 0).map((g) => [...g]);
  while (queues.length > 0) {
    const i = pickIndex(w, queues.length);
    out.push(queues[i]!.shift()!);
    if (queues[i]!.length === 0) queues.splice(i, 1);
  }
  return out;
}

function pickIndex(w: Writer, n: number): number {
  return w.pick(Array.from({ length: n }, (_, i) => i));
}

function writePropstat(w: Writer, scope: Scope, ps: Propstat): void {
  w.element(scope, { uri: DAV, local: 'propstat' }, [], (s) => {
    const items: (() => void)[][] = [
      [
        () =>
          w.element(s, { uri: DAV, local: 'prop' }, [], ps.props.length === 0 ? undefined : (s2) => {
            for (const p of ps.props) {
              w.gap();
              writeProp(w, s2, p);
            }
            w.gap();
          }),
      ],
      [() => w.textElement(s, 'status', statusLine(ps.status), true)],
    ];
    if (ps.error) items.push([() => writeError(w, s, ps.error!)]);
    if (ps.description !== undefined) items.push([() => w.textElement(s, 'responsedescription', ps.description!, true)]);
    if (ps.junk) items.push([() => w.el(s, ps.junk!)]);
    for (const f of interleave(w, items)) {
      w.gap();
      f();
    }
    w.gap();
  });
}

function writeResponse(w: Writer, scope: Scope, r: Response): void {
  w.element(scope, { uri: DAV, local: 'response' }, [], (s) => {
    const items: (() => void)[][] = [
      r.hrefs.map((h) => () => w.textElement(s, 'href', h.raw, true)),
      r.propstats.map((ps) => () => writePropstat(w, s, ps)),
      r.extensions.map((x) => () => w.el(s, x)),
    ];
    if (r.status) items.push([() => w.textElement(s, 'status', statusLine(r.status!), true)]);
    if (r.error) items.push([() => writeError(w, s, r.error!)]);
    if (r.description !== undefined) items.push([() => w.textElement(s, 'responsedescription', r.description!, true)]);
    if (r.location !== undefined) {
      items.push([
        () =>
          w.element(s, { uri: DAV, local: 'location' }, [], (s2) => {
            w.gap();
            w.textElement(s2, 'href', r.location!, true);
            w.gap();
          }),
      ]);
    }
    for (const f of interleave(w, items)) {
      w.gap();
      f();
    }
    w.gap();
  });
}

/** The document as text. */
export function render(doc: Doc): string {
  const w = new Writer(rng(doc.seed));
  if (w.chance(0.7)) w.raw(w.pick(['<?xml version="1.0" encoding="utf-8"?>', "<?xml version='1.0' encoding='UTF-8'?>", '<?xml version="1.0"?>']));
  if (w.chance(0.3)) w.raw('\n<!-- prolog comment --><?prolog pi?>');
  w.raw(w.pick(['', '\n', '\r\n']));
  const root: Scope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  w.element(root, { uri: DAV, local: 'multistatus' }, [], (s) => {
    for (let i = 0; i <= doc.responses.length; i++) {
      if (doc.syncToken?.at === i) {
        w.gap();
        w.textElement(s, 'sync-token', doc.syncToken.value, true);
      }
      if (doc.description?.at === i) {
        w.gap();
        w.textElement(s, 'responsedescription', doc.description.value, true);
      }
      for (const x of doc.rootExtensions) {
        if (x.at !== i) continue;
        w.gap();
        w.el(s, x.el);
      }
      if (i < doc.responses.length) {
        w.gap();
        writeResponse(w, s, doc.responses[i]!);
      }
    }
    w.gap();
  });
  if (w.chance(0.3)) w.raw('\n<!-- epilog --><?epilog?>');
  w.raw(w.pick(['', '\n']));
  return w.toString();
}

/** Split points for the encoded body: a few random chunks, sometimes one byte at a time. */
export function chunkSizes(seed: number, length: number): number[] {
  const r = rng(seed ^ 0x5eed);
  const sizes: number[] = [];
  const tiny = r() < 0.1;
  let left = length;
  while (left > 0) {
    const n = tiny ? 1 : Math.max(1, Math.min(left, Math.floor(r() ** 3 * 512)));
    sizes.push(n);
    left -= n;
  }
  return sizes;
}
