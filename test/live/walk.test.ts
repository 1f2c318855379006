/**
 * walk() over the tricky tree on real servers, compared with fs.stat of the served tree and, where
 * the server allows Depth: infinity, with the single-request listing. Records how each server
 * treats Depth: infinity (the mode the walk ran in, and the refusal).
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { walk } from '../../lib/index.js';
import type { DavResponse, WalkSummary } from '../../lib/index.js';
import { expectListing } from './listing.js';
import { liveServer } from './servers.js';
import type { ServerName } from './servers.js';
import { fsListing, seedTrickyTree } from './tree.js';

interface Facts {
  mode: WalkSummary['mode'];
  refusal?: string;
  hidden?: (path: string) => boolean;
}

const isDotFile = (path: string): boolean => /\/\.[^/]+\/?$/.test(path);

const SERVERS: Partial<Record<ServerName, Facts>> = {
  apache2: { mode: 'infinity' },
  // apache's refusal is an HTML page ("PROPFIND requests with a Depth of "infinity" are not allowed"), no DAV:error
  'apache2-finite': { mode: 'depth-1', refusal: '403 Forbidden' },
  nginx: { mode: 'depth-1', refusal: '403 Forbidden', hidden: isDotFile },
  lighttpd: { mode: 'infinity' },
  rclone: { mode: 'infinity' },
  sabre: { mode: 'infinity-capped' },
};

const PROPS = ['resourcetype', 'getcontentlength', 'getlastmodified', 'displayname'];

async function collect(it: AsyncIterable<DavResponse>): Promise<DavResponse[]> {
  const out: DavResponse[] = [];
  for await (const r of it) {
    out.push(r);
    if (out.length > 10_000) throw new Error('runaway walk');
  }
  return out;
}

for (const [name, facts] of Object.entries(SERVERS) as [ServerName, Facts][]) {
  describe(`live ${name}: walk of the tricky tree`, function () {
    const live = liveServer(name, (root) => seedTrickyTree(join(root, 'tree')));

    it(`runs in mode ${facts.mode}${facts.refusal ? ` (${facts.refusal})` : ''} and lists what fs.stat sees, each path once`, async function () {
      const server = live();
      const it = walk(`${server.url}tree/`, { props: PROPS, concurrency: 3, timeout: 30_000 });
      const got = await collect(it);
      const summary = await it.summary();
      console.log(
        `      mode ${summary.mode}${summary.refusal ? `, refusal "${summary.refusal}"` : ''}: ${summary.responses} responses, ${summary.requests} requests, ` +
          `${summary.collections} collections, ${summary.bytes} bytes, diagnostics ${summary.diagnostics.map((d) => d.code).join(',') || 'none'}`,
      );
      expect(summary.mode).to.equal(facts.mode);
      expect(summary.refusal).to.equal(facts.refusal);
      expect(summary.failures).to.deep.equal([]);
      expect(summary.diagnostics.filter((d) => d.code.startsWith('WALK_'))).to.deep.equal([]);
      expectListing(got, await fsListing(join(server.root, 'tree'), '/tree/', Infinity), facts);
      expect(summary.responses).to.equal(got.length);
    });

    if (facts.mode === 'infinity') {
      it('a Depth: 1 walk (infinity: false, concurrency 1 and 8) yields the same responses as the single Depth: infinity request', async function () {
        const server = live();
        const one = await collect(walk(`${server.url}tree/`, { props: PROPS }));
        const key = (r: DavResponse): string => `${r.href} ${JSON.stringify(r.props)}`;
        const single = one.map(key).sort();
        for (const concurrency of [1, 8]) {
          const it = walk(`${server.url}tree/`, { props: PROPS, infinity: false, concurrency });
          const walked = (await collect(it)).map(key).sort();
          expect(walked, `concurrency ${concurrency}`).to.deep.equal(single);
          const s = await it.summary();
          expect(s.mode).to.equal('depth-1');
          expect(s.requests).to.equal(s.collections);
        }
      });
    }
  });
}
