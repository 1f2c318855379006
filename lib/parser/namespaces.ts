import { XML_NS, keyOf } from '../names.js';

const MAX_CACHED_NAMES = 4096;

interface SplitName {
  prefix: string;
  local: string;
}

/**
 * Our own namespace scope (saxes runs without `xmlns`, which is slower and quadratic in depth):
 * a prefix map changed only by elements that declare namespaces, undone when they close.
 * `resolve()` leaves its answer in `uri` / `local` / `bound` to avoid allocating per element.
 */
export class NamespaceScope {
  /** Namespace URI of the last resolved name ('' = no namespace). */
  uri = '';
  /** Local part of the last resolved name. */
  local = '';
  /** Prefix of the last resolved name ('' when unprefixed). */
  prefix = '';
  /** False when the last resolved name had a prefix with no binding in scope. */
  bound = true;

  private readonly map = new Map<string, string>([['xml', XML_NS]]);
  private readonly undoDepth: number[] = [];
  private readonly undoPrefix: string[] = [];
  private readonly undoPrevious: (string | undefined)[] = [];
  private readonly names = new Map<string, SplitName>();
  private readonly keys = new Map<string, Map<string, string>>();

  /** Binds `prefix` ('' for the default namespace) to `uri` for the element at `depth`. */
  declare(prefix: string, uri: string, depth: number): void {
    this.undoDepth.push(depth);
    this.undoPrefix.push(prefix);
    this.undoPrevious.push(this.map.get(prefix));
    this.map.set(prefix, uri);
  }

  /** Undoes the declarations of the element at `depth` (call when it closes). */
  release(depth: number): void {
    const d = this.undoDepth;
    while (d.length > 0 && d[d.length - 1] === depth) {
      d.pop();
      const prefix = this.undoPrefix.pop()!;
      const prev = this.undoPrevious.pop();
      if (prev === undefined) this.map.delete(prefix);
      else this.map.set(prefix, prev);
    }
  }

  /** True when some element at `depth` declared namespaces. */
  declaredAt(depth: number): boolean {
    const d = this.undoDepth;
    return d.length > 0 && d[d.length - 1] === depth;
  }

  /**
   * Resolves an element name. An unbound prefix leaves `bound` false and, so that lenient
   * parsing can go on, resolves to the URI `prefix + ":"` (lighttpd's `<DAV:getetag/>` -> `DAV:`).
   */
  resolve(name: string, isElement: boolean): void {
    let split = this.names.get(name);
    if (split === undefined) {
      const colon = name.indexOf(':');
      split = colon < 0 ? { prefix: '', local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
      if (this.names.size >= MAX_CACHED_NAMES) this.names.clear();
      this.names.set(name, split);
    }
    const prefix = split.prefix;
    this.prefix = prefix;
    this.local = split.local;
    if (prefix === '') {
      this.bound = true;
      this.uri = isElement ? (this.map.get('') ?? '') : '';
      return;
    }
    const uri = this.map.get(prefix);
    if (uri === undefined) {
      this.bound = false;
      this.uri = prefix + ':';
    } else {
      this.bound = true;
      this.uri = uri;
    }
  }

  /** The key of the last resolved name, cached per (uri, local). */
  key(): string {
    const uri = this.uri;
    let byLocal = this.keys.get(uri);
    if (byLocal === undefined) {
      if (this.keys.size >= MAX_CACHED_NAMES) this.keys.clear();
      byLocal = new Map();
      this.keys.set(uri, byLocal);
    }
    let k = byLocal.get(this.local);
    if (k === undefined) {
      k = keyOf(uri, this.local);
      if (byLocal.size >= MAX_CACHED_NAMES) byLocal.clear();
      byLocal.set(this.local, k);
    }
    return k;
  }
}
