import type { Random } from './random.js';
import { encodeSegment } from './text.js';

/** One entry of a generated directory tree, in the order a Depth: infinity PROPFIND lists it. */
export interface TreeEntry {
  /** Percent-encoded href path; collections end with `/`. */
  href: string;
  /** Last segment, decoded. */
  name: string;
  /** File extension (`''` for a collection). */
  ext: string;
  collection: boolean;
}

interface Name {
  plain: string;
  encoded: string;
}

const names = (list: string[]): Name[] => list.map((plain) => ({ plain, encoded: encodeSegment(plain) }));
const DIR_NAMES = names(['src', 'docs', 'Photos 2024', 'Résumés', 'a&b', 'build output', 'Ünïcödé', 'archive', '100% done', '#tags']);
const FILE_BASES = names(['report', 'IMG', 'notes', 'été', 'data file', 'a&b', '100%', '日本語', 'hash#frag', 'README']);
const FILE_EXTS = ['txt', 'jpg', 'pdf', 'json', 'md', 'gz', 'ics', 'html'];

/**
 * Walks an endless, deterministic directory tree below `root`: a collection, then its files, then
 * a sub-collection or a sibling, nesting up to `maxDepth` levels. Names need percent-encoding
 * (spaces, `&`, `%`, `#`, non-ASCII).
 */
export class TreeWalker {
  private readonly stack: string[] = [];
  private dirHref: string;
  private filesLeft = 0;
  private dirs = 0;
  private files = 0;

  constructor(private readonly root: string, private readonly random: Random, private readonly maxDepth = 6) {
    this.dirHref = root;
  }

  next(): TreeEntry {
    const random = this.random;
    if (this.filesLeft > 0) {
      this.filesLeft--;
      const base = random.pick(FILE_BASES);
      const ext = random.pick(FILE_EXTS);
      const tail = `-${this.files++}.${ext}`;
      return { href: this.dirHref + base.encoded + tail, name: base.plain + tail, ext, collection: false };
    }
    if (this.stack.length >= this.maxDepth || (this.stack.length > 0 && random.next() < 0.4)) {
      this.stack.length = random.int(0, this.stack.length - 1);
    }
    const dir = random.pick(DIR_NAMES);
    const n = ` ${this.dirs++}`;
    this.stack.push(dir.encoded + encodeSegment(n));
    this.dirHref = this.root + this.stack.join('/') + '/';
    this.filesLeft = random.int(2, 60);
    return { href: this.dirHref, name: dir.plain + n, ext: '', collection: true };
  }
}
