/** Compare the responses of a PROPFIND with the file system's own view of the same directory. */
import { expect } from 'chai';
import type { DavResponse } from '../../lib/index.js';
import type { FsEntry } from './tree.js';

export interface ListingRules {
  /** Entries the server is known not to list (written down per server in the tests). */
  hidden?: (path: string) => boolean;
}

/**
 * Every entry of `expected` (minus the server's documented `hidden` ones) appears exactly once under its
 * decoded path, with nothing extra; collections are flagged; file sizes and every mtime equal `fs.stat`.
 */
export function expectListing(responses: DavResponse[], expected: Map<string, FsEntry>, rules: ListingRules = {}): void {
  const seen = new Map<string, DavResponse>();
  const duplicates: string[] = [];
  for (const r of responses) {
    if (seen.has(r.path)) duplicates.push(r.path);
    seen.set(r.path, r);
  }
  expect(duplicates, 'paths listed more than once').to.deep.equal([]);
  const wanted = [...expected.keys()].filter((p) => !rules.hidden?.(p));
  expect(wanted.filter((p) => !seen.has(p)), 'on disk but not listed').to.deep.equal([]);
  expect([...seen.keys()].filter((p) => !wanted.includes(p)), 'listed but not on disk').to.deep.equal([]);

  for (const path of wanted) {
    const r = seen.get(path)!;
    const fsEntry = expected.get(path)!;
    const where = `${path} (href ${r.href})`;
    const types = r.props.resourcetype;
    expect(types, `resourcetype of ${where}`).to.be.an('array');
    expect((types as string[]).includes('collection'), `collection flag of ${where}`).to.equal(fsEntry.collection);
    // Only file sizes are compared: most servers send no getcontentlength for a collection, and
    // lighttpd sends the directory's own st_size, which is no content length.
    if (!fsEntry.collection) expect(r.props.getcontentlength, `getcontentlength of ${where}`).to.equal(fsEntry.size);
    const modified = r.props.getlastmodified;
    expect(modified, `getlastmodified of ${where}`).to.be.instanceOf(Date);
    expect((modified as Date).getTime(), `getlastmodified of ${where}`).to.equal(fsEntry.mtimeMs);
  }
}
