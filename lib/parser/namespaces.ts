import { XML_NS, keyOf } from '../names.js';
import { detach } from '../strings.js';

const MAX_CACHED_NAMES = 4096;
const MAX_PREFIXES = 4096;

/**
 * A resolved element name, cached per raw name (`D:href`) and revalidated only when a namespace
 * binding really changes. `info` is whatever the parser derives from the key (dispatch code,
 * decoder, filter membership), computed once per (name, binding).
 */
export interface ResolvedName<I> {
  /** The name as written. */
  raw: string;
  prefix: string;
  local: string;
  /** Namespace URI ('' = no namespace; `prefix:` for an unbound prefix). */
  uri: string;
  /** The property key of the name. */
  key: string;
  /** False when the prefix has no binding in scope. */
  bound: boolean;
  info: I;
  /** The binding of the prefix. */
  slot: PrefixSlot;
  /** What the binding was when the name was resolved: still valid while `slot.uri === seen`. */
  seen: string | undefined;
}

/** The binding of one prefix: a URI or undefined, changed in place as elements declare and close. */
export interface PrefixSlot {
  uri: string | undefined;
}

/**
 * Our own namespace scope (the tokenizer only checks well-formedness; names are resolved here):
 * one binding slot per prefix, changed only by elements that declare namespaces, restored when
 * they close. A resolved name remembers its prefix's slot and the URI it saw there, so checking
 * that it is still valid is one comparison: a declaration that rebinds a prefix to the URI it
 * already has (Apache repeats `xmlns:lp1="DAV:"` on every response), or binds another prefix,
 * invalidates nothing.
 */
export class NamespaceScope<I> {
  private readonly slots = new Map<string, PrefixSlot>([['xml', { uri: XML_NS }]]);
  private readonly undoDepth: number[] = [];
  private readonly undoSlot: PrefixSlot[] = [];
  private readonly undoPrevious: (string | undefined)[] = [];
  private readonly names = new Map<string, ResolvedName<I>>();
  private readonly recent: (ResolvedName<I> | undefined)[] = new Array<ResolvedName<I> | undefined>(256).fill(undefined);
  private readonly recentB: (ResolvedName<I> | undefined)[] = new Array<ResolvedName<I> | undefined>(256).fill(undefined);

  constructor(private readonly classify: (uri: string, local: string, key: string) => I) {}

  /** Binds `prefix` ('' for the default namespace) to `uri` for the element at `depth`. */
  declare(prefix: string, uri: string, depth: number): void {
    const slot = this.slot(prefix);
    this.undoDepth.push(depth);
    this.undoSlot.push(slot);
    this.undoPrevious.push(slot.uri);
    slot.uri = uri;
  }

  /** True when the element at `depth` declared namespaces. */
  declaredAt(depth: number): boolean {
    const d = this.undoDepth;
    return d.length > 0 && d[d.length - 1] === depth;
  }

  /** Undoes the declarations of the element at `depth` (call when it closes). */
  release(depth: number): void {
    const d = this.undoDepth;
    while (d.length > 0 && d[d.length - 1] === depth) {
      d.pop();
      this.undoSlot.pop()!.uri = this.undoPrevious.pop();
    }
  }

  /**
   * Resolves an element name. An unbound prefix leaves `bound` false and, so that lenient
   * parsing can go on, resolves to the URI `prefix + ":"` (lighttpd's `<DAV:getetag/>` -> `DAV:`).
   */
  element(name: string): ResolvedName<I> {
    // A two-way cache in front of the Map: the tokenizer hands us its stored string per name, and a
    // comparison or two is cheaper than hashing it. Two ways, so that two names of one body
    // that fall on the same slot (D:getcontenttype and lp1:creationdate do) do not evict each
    // other on every response.
    const n = name.length;
    const slot = (n * 31 + name.charCodeAt(n - 1) * 7 + name.charCodeAt(n >> 1)) & 255;
    let entry = this.recent[slot];
    if (entry === undefined || entry.raw !== name) {
      const other = this.recentB[slot];
      if (other !== undefined && other.raw === name) {
        this.recentB[slot] = entry;
        entry = other;
      } else {
        this.recentB[slot] = entry;
        entry = this.names.get(name);
      }
      this.recent[slot] = entry;
    }
    if (entry !== undefined && entry.slot.uri === entry.seen) return entry;
    if (entry === undefined) {
      // Cached for the whole parse: do not let it pin the chunk the name was cut from.
      name = detach(name);
      // The tokenizer hands on QNames only (no `<:x>`, `<p:>`, `<a:b:c>`): a colon splits prefix
      // and local part; `colon <= 0` keeps a name given directly (tests) whole.
      const colon = name.indexOf(':');
      const prefix = colon <= 0 ? '' : name.slice(0, colon);
      entry = {
        raw: name,
        prefix,
        local: colon <= 0 ? name : name.slice(colon + 1),
        uri: '\u0000',
        key: '',
        bound: true,
        info: undefined as I,
        slot: this.slot(prefix),
        seen: undefined,
      };
      if (this.names.size >= MAX_CACHED_NAMES) this.names.clear();
      this.names.set(name, entry);
      this.recent[slot] = entry;
    }
    const bound = entry.slot.uri;
    const uri = bound ?? (entry.prefix === '' ? '' : entry.prefix + ':');
    entry.bound = bound !== undefined || entry.prefix === '';
    if (uri !== entry.uri) {
      entry.uri = uri;
      entry.key = keyOf(uri, entry.local);
      entry.info = this.classify(uri, entry.local, entry.key);
    }
    entry.seen = bound;
    return entry;
  }

  /** The key of an attribute name (unprefixed attributes are in no namespace but keep their bare name). */
  attribute(name: string): { key: string; bound: boolean; prefix: string } {
    name = detach(name);
    const colon = name.indexOf(':');
    if (colon <= 0) return { key: name, bound: true, prefix: '' };
    const prefix = name.slice(0, colon);
    const uri = this.slots.get(prefix)?.uri;
    const local = name.slice(colon + 1);
    return uri === undefined ? { key: keyOf(prefix + ':', local), bound: false, prefix } : { key: keyOf(uri, local), bound: true, prefix };
  }

  /** The binding slot of `prefix` (made on first use, kept for the whole parse). */
  private slot(prefix: string): PrefixSlot {
    let slot = this.slots.get(prefix);
    if (slot === undefined) {
      if (this.slots.size >= MAX_PREFIXES) this.forgetUnbound();
      // Kept for the parse: do not let it pin a chunk.
      prefix = detach(prefix);
      slot = { uri: undefined };
      this.slots.set(prefix, slot);
    }
    return slot;
  }

  /**
   * Bounds the slots when a body declares ever new prefixes: drops every prefix without a
   * binding, and the cached names, which may point to them (a slot in the undo log always has
   * a binding, so it stays).
   */
  private forgetUnbound(): void {
    for (const [prefix, slot] of this.slots) if (slot.uri === undefined) this.slots.delete(prefix);
    this.names.clear();
    this.recent.fill(undefined);
    this.recentB.fill(undefined);
  }
}
