import type { SaxesAttributePlain } from 'saxes';
import { detach } from '../strings.js';
import type { NameInfo, Name } from './elements.js';
import { NamespaceScope } from './namespaces.js';
import type { Report } from './report.js';

/**
 * What is in scope for the element being opened: its attributes as saxes reports them (counted,
 * namespace declarations and `xml:lang` picked out), then, once it opens, the namespace bindings
 * and `xml:lang` it declares (undone when it closes) and its resolved name.
 */
export class ElementScope {
  readonly ns: NamespaceScope<NameInfo>;
  // Attributes of the element being opened.
  private attrCount = 0;
  private nsCount = 0;
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

  /** An attribute of the element being opened (saxes reports them before the start tag). */
  attribute(attr: SaxesAttributePlain): void {
    const name = attr.name;
    if (attr.value.length > this.maxText) throw this.report.tooLong();
    if (name.charCodeAt(0) === 120 /* x */ && name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 58)) {
      if (++this.nsCount > this.maxNamespaceDeclarations) {
        throw this.report.limit('maxNamespaceDeclarations', 'namespace declarations on one element');
      }
      this.pendingPrefixes.push(name.length === 5 ? '' : name.slice(6));
      this.pendingUris.push(attr.value);
      return;
    }
    if (++this.attrCount > this.maxAttributes) throw this.report.limit('maxAttributes', 'attributes on one element');
    if (name === 'xml:lang') this.pendingLang = attr.value;
  }

  /** The start tag has been read: true when it had attributes other than namespace declarations. Resets the counts. */
  begin(): boolean {
    const hasAttrs = this.attrCount > 0;
    this.attrCount = 0;
    this.nsCount = 0;
    return hasAttrs;
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
    return name;
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

  /** Attributes as kept in an XmlElement: namespace declarations dropped, prefixed names as keys, strings detached. */
  attributes(attrs: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name in attrs) {
      if (name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 58)) continue;
      if (name.indexOf(':') < 0) {
        out[detach(name)] = detach(attrs[name]!);
        continue;
      }
      const a = this.ns.attribute(name);
      if (!a.bound) this.unbound(a.prefix, name);
      out[a.key] = detach(attrs[name]!);
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
      if (prefix === 'xmlns' || (prefix === 'xml' && uri !== 'http://www.w3.org/XML/1998/namespace')) {
        throw this.report.fail('XML_SYNTAX', `the prefix ${prefix} may not be declared`, true);
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
