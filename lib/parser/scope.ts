import { XML_NS } from '../names.js';
import { detach } from '../strings.js';
import type { NameInfo, Name } from './elements.js';
import { NamespaceScope } from './namespaces.js';
import type { Report } from './report.js';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * What is in scope for the element being opened: its attributes as the tokenizer reports them (counted,
 * namespace declarations and `xml:lang` picked out), then, once it opens, the namespace bindings
 * and `xml:lang` it declares (undone when it closes) and its resolved name.
 */
export class ElementScope {
  readonly ns: NamespaceScope<NameInfo>;
  // Attributes of the element being opened.
  private attrCount = 0;
  private nsCount = 0;
  private prefixedCount = 0;
  /** Attributes (namespace declarations excepted) of the element being opened, and of the one just opened. */
  private readonly attrNames: string[] = [];
  private readonly attrValues: string[] = [];
  private count = 0;
  private prefixed = 0;
  private readonly pendingPrefixes: string[] = [];
  private readonly pendingUris: string[] = [];
  private pendingLang: string | undefined = undefined;
  // xml:lang in scope: the depths that declared it and their values.
  private hasLang = false;
  private readonly langDepths: number[] = [];
  private readonly langValues: string[] = [];
  private readonly maxText: number;
  private readonly maxAttributes: number;
  private readonly maxNamespaceDeclarations: number;

  constructor(
    private readonly report: Report,
    classify: (uri: string, local: string, key: string) => NameInfo,
  ) {
    this.ns = new NamespaceScope<NameInfo>(classify);
    this.maxText = report.limits.maxTextLength;
    this.maxAttributes = report.limits.maxAttributes;
    this.maxNamespaceDeclarations = report.limits.maxNamespaceDeclarations;
  }

  /** An attribute of the element being opened (the tokenizer reports them before the start tag). */
  attribute(name: string, value: string): void {
    if (value.length > this.maxText) throw this.report.tooLong();
    if (name.charCodeAt(0) === 120 /* x */ && name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 58)) {
      if (++this.nsCount > this.maxNamespaceDeclarations) {
        throw this.report.limit('maxNamespaceDeclarations', 'namespace declarations on one element');
      }
      this.pendingPrefixes.push(name.length === 5 ? '' : name.slice(6));
      this.pendingUris.push(value);
      return;
    }
    const k = this.attrCount++;
    if (k >= this.maxAttributes) throw this.report.limit('maxAttributes', 'attributes on one element');
    this.attrNames[k] = name;
    this.attrValues[k] = value;
    if (name.indexOf(':') > 0) {
      this.prefixedCount++;
      if (name === 'xml:lang') this.pendingLang = value;
    }
  }

  /** The start tag has been read: true when it had attributes other than namespace declarations. Resets the counts. */
  begin(): boolean {
    const count = this.attrCount;
    this.count = count;
    this.prefixed = this.prefixedCount;
    this.attrCount = 0;
    this.nsCount = 0;
    this.prefixedCount = 0;
    return count > 0;
  }

  /** An element inside a skipped subtree: forgets what it declared. */
  discard(): void {
    if (this.pendingPrefixes.length > 0) {
      this.pendingPrefixes.length = 0;
      this.pendingUris.length = 0;
    }
    this.pendingLang = undefined;
  }

  /** Brings the element's declarations into scope and resolves its name. */
  enter(rawName: string, depth: number): Name {
    if (this.pendingPrefixes.length > 0) this.declarePending(depth);
    if (this.pendingLang !== undefined) {
      this.langDepths.push(depth);
      this.langValues.push(this.pendingLang);
      this.hasLang = true;
      this.pendingLang = undefined;
    }
    const name = this.ns.element(rawName);
    if (!name.bound) this.unbound(name.prefix, rawName);
    if (this.prefixed > 1) this.checkExpandedNames();
    return name;
  }

  /** Two prefixed attributes of one element may not name the same namespace and local name (Namespaces §6.3). */
  private checkExpandedNames(): void {
    const keys = new Map<string, string>();
    for (let k = 0; k < this.count; k++) {
      const raw = this.attrNames[k]!;
      if (raw.indexOf(':') <= 0) continue;
      const a = this.ns.attribute(raw);
      if (!a.bound) continue;
      const other = keys.get(a.key);
      if (other !== undefined) {
        throw this.report.fail('XML_SYNTAX', `the attributes ${other} and ${raw} are one name, ${a.key} (an attribute given twice)`, true);
      }
      keys.set(a.key, raw);
    }
  }

  /** The element at `depth` closes: its declarations go out of scope (skipped or not, it may have made some). */
  leave(depth: number): void {
    if (this.ns.declaredAt(depth)) this.ns.release(depth);
    if (this.hasLang && this.langDepths[this.langDepths.length - 1] === depth) {
      this.langDepths.pop();
      this.langValues.pop();
      this.hasLang = this.langDepths.length > 0;
    }
  }

  /** The `xml:lang` in scope, if any. */
  lang(): string | undefined {
    return this.hasLang ? this.langValues[this.langValues.length - 1] : undefined;
  }

  /** Attributes of the element just opened as kept in an XmlElement: namespace declarations dropped, prefixed names as keys, strings detached. */
  attributes(): Record<string, string> {
    const out: Record<string, string> = {};
    const names = this.attrNames;
    const values = this.attrValues;
    for (let k = 0; k < this.count; k++) {
      const name = names[k]!;
      if (name.indexOf(':') < 0) {
        out[detach(name)] = detach(values[k]!);
        continue;
      }
      const a = this.ns.attribute(name);
      if (!a.bound) this.unbound(a.prefix, name);
      out[a.key] = detach(values[k]!);
    }
    return out;
  }

  private declarePending(depth: number): void {
    const prefixes = this.pendingPrefixes;
    const uris = this.pendingUris;
    for (let i = 0; i < prefixes.length; i++) {
      const prefix = prefixes[i]!;
      const uri = uris[i]!;
      if (prefix !== '' && uri === '') throw this.report.fail('XML_SYNTAX', `the prefix ${prefix} may not be undeclared`, true);
      if (prefix === 'xmlns' || (prefix === 'xml' && uri !== XML_NS)) {
        throw this.report.fail('XML_SYNTAX', `the prefix ${prefix} may not be declared`, true);
      }
      if ((uri === XML_NS && prefix !== 'xml') || uri === XMLNS_NS) {
        const who = prefix === '' ? 'the default namespace' : `the prefix ${prefix}`;
        throw this.report.fail('XML_SYNTAX', `${who} may not be bound to the reserved namespace ${uri}`, true);
      }
      this.ns.declare(prefix, uri, depth);
    }
    prefixes.length = 0;
    uris.length = 0;
  }

  private unbound(prefix: string, name: string): void {
    this.report.diag('UNBOUND_PREFIX', `the prefix ${prefix} of <${name}> is not declared; read as namespace ${prefix}:`);
  }
}
