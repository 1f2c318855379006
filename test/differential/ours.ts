/**
 * Our side of the differential test: lib/tokenizer plus the namespace layer (lib/parser's
 * NamespaceScope and the declaration rules of lib/parser/scope.ts), on any XML, not only a
 * multistatus. Strict: every tolerance is an error. Not strict: what the parser tolerates with a
 * diagnostic (a bare `&`, an unbound prefix read as the namespace `prefix:`) is accepted.
 */
import { XML_NS } from '../../lib/names.js';
import { NamespaceScope } from '../../lib/parser/namespaces.js';
import type { TokenEvents } from '../../lib/tokenizer/events.js';
import { Tokenizer } from '../../lib/tokenizer/tokenizer.js';
import type { Outcome, Tokenize, XmlEvent } from './events.js';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

class Refused extends Error {}

function clark(uri: string, local: string): string {
  return `{${uri}}${local}`;
}

/** Collects the events, resolving names as the parser does. */
class Collector implements TokenEvents {
  readonly events: XmlEvent[] = [];
  private readonly ns = new NamespaceScope<undefined>(() => undefined);
  private readonly attrs: [string, string][] = [];
  private readonly declared: [string, string][] = [];
  private depth = 0;
  private readonly opened: string[] = [];

  constructor(private readonly strict: boolean) {}

  onAttribute(name: string, value: string): void {
    if (name === 'xmlns' || name.startsWith('xmlns:')) this.declared.push([name === 'xmlns' ? '' : name.slice(6), value]);
    else this.attrs.push([name, value]);
  }

  onOpen(name: string): void {
    const depth = ++this.depth;
    for (const [prefix, uri] of this.declared) {
      if (prefix !== '' && uri === '') this.onError(`the prefix ${prefix} may not be undeclared`);
      if (prefix === 'xmlns' || (prefix === 'xml' && uri !== XML_NS)) this.onError(`the prefix ${prefix} may not be declared`);
      if ((uri === XML_NS && prefix !== 'xml') || uri === XMLNS_NS) this.onError(`${prefix || 'the default namespace'} bound to a reserved namespace`);
      this.ns.declare(prefix, uri, depth);
    }
    this.declared.length = 0;
    // QNames (one colon at most, neither first nor last) are lib/tokenizer's check, not repeated here.
    const element = this.ns.element(name);
    if (!element.bound && this.strict) this.onError(`an undeclared namespace prefix: ${element.prefix}`);
    if (element.prefix === 'xmlns') this.onError('an element with the prefix xmlns');
    const attrs: [string, string][] = [];
    const seen = new Set<string>();
    for (const [raw, value] of this.attrs) {
      let key: string;
      if (raw.indexOf(':') < 0) {
        key = clark('', raw);
      } else {
        const a = this.ns.attribute(raw);
        if (!a.bound && this.strict) this.onError(`an undeclared namespace prefix: ${a.prefix}`);
        const local = raw.slice(raw.indexOf(':') + 1);
        const uri = a.bound ? (a.prefix === 'xml' ? XML_NS : this.uriOf(a.key, local)) : `${a.prefix}:`;
        key = clark(uri, local);
      }
      if (seen.has(key)) this.onError(`an attribute given twice: ${key}`);
      seen.add(key);
      attrs.push([key, value]);
    }
    this.attrs.length = 0;
    const elementName = clark(element.uri, element.local);
    this.opened[depth] = elementName;
    this.events.push({ t: 'open', name: elementName, attrs });
  }

  /** The URI of a resolved attribute key (`local` for DAV:, `{uri}local` otherwise). */
  private uriOf(key: string, local: string): string {
    return key.startsWith('{') ? key.slice(1, key.length - local.length - 1) : 'DAV:';
  }

  onClose(): void {
    const depth = this.depth--;
    this.events.push({ t: 'close', name: this.opened[depth]! });
    if (this.ns.declaredAt(depth)) this.ns.release(depth);
  }

  onText(text: string): void {
    const last = this.events[this.events.length - 1];
    if (last !== undefined && last.t === 'text') last.text += text;
    else this.events.push({ t: 'text', text });
  }

  onDoctype(): void {
    this.onDiagnostic('DOCTYPE', 'the DOCTYPE was ignored (no DTD is processed)');
  }

  onDiagnostic(code: string, message: string): void {
    if (this.strict) this.onError(`${code}: ${message}`);
  }

  onError(message: string): never {
    throw new Refused(message);
  }

  onTooLong(): never {
    throw new Refused('a token longer than the limit');
  }
}

/** Tokenizes `chunks` with lib/tokenizer and the namespace layer. */
export const tokenizeOurs: Tokenize = (chunks, options = {}) => {
  const collector = new Collector(options.strict === true);
  const tokenizer = new Tokenizer(collector);
  try {
    for (const chunk of chunks) tokenizer.write(chunk);
    tokenizer.end();
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    return { ok: false, line: tokenizer.line, column: tokenizer.column, message: e.message };
  }
  const outcome: Outcome = { ok: true, events: collector.events };
  return outcome;
};
