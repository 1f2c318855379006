/**
 * PROPFIND the tricky tree on five real WebDAV servers at Depth 0, 1 and infinity, through both faces
 * of the parser, and check every answer against `fs.stat` of the tree itself.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { MultistatusError, MultistatusStream, parseMultistatus } from '../../lib/index.js';
import type { DavResponse } from '../../lib/index.js';
import { chunksOf, collect, dav, encodePath, PROPFIND_LISTING } from './dav.js';
import type { Depth } from './dav.js';
import { expectListing } from './listing.js';
import type { ListingRules } from './listing.js';
import { liveServer } from './servers.js';
import type { LiveServer, ServerName } from './servers.js';
import { fsListing, seedTrickyTree } from './tree.js';

interface ServerFacts extends ListingRules {
  /** What the server does with `Depth: infinity`, as observed. */
  infinity: 'lists all' | 'refuses with 403' | 'answers as Depth 1';
}

const isDotFile = (path: string): boolean => /\/\.[^/]+\/?$/.test(path);

// The servers added for the compatibility matrix (svn, webdav-server, chezdav, pywebdav, xandikos) are measured in matrix.test.ts.
const SERVERS: Record<Exclude<ServerName, 'radicale' | 'sabre-caldav' | 'apache2-finite' | 'xandikos' | 'svn' | 'webdav-server' | 'chezdav' | 'pywebdav'>, ServerFacts> = {
  apache2: { infinity: 'lists all' }, // with DavDepthInfinity On (stock apache refuses with 403)
  // nginx's dav-ext never lists dot-files, and refuses Depth: infinity (403, HTML body)
  nginx: { infinity: 'refuses with 403', hidden: isDotFile },
  lighttpd: { infinity: 'lists all' }, // with webdav.opts propfind-depth-infinity enabled
  rclone: { infinity: 'lists all' },
  sabre: { infinity: 'answers as Depth 1' }, // sabre/dav 1.8 silently caps the depth at 1
};

type Face = 'parseMultistatus(response)' | 'body.pipeThrough(new MultistatusStream())';
const FACES: Face[] = ['parseMultistatus(response)', 'body.pipeThrough(new MultistatusStream())'];

async function parse(face: Face, res: Response): Promise<DavResponse[]> {
  if (face === 'parseMultistatus(response)') {
    const it = parseMultistatus(res);
    const responses = await collect(it);
    expect((await it.summary()).responses).to.equal(responses.length);
    return responses;
  }
  const stream = new MultistatusStream();
  const responses = await collect(chunksOf(res.body!.pipeThrough(stream)));
  expect((await stream.summary).responses).to.equal(responses.length);
  return responses;
}

const DEPTHS: [Depth, number][] = [['0', 0], ['1', 1], ['infinity', Infinity]];

for (const [name, facts] of Object.entries(SERVERS) as [ServerName, ServerFacts][]) {
  describe(`live ${name}: PROPFIND of the tricky tree`, function () {
    const live = liveServer(name, (root) => seedTrickyTree(join(root, 'tree')));
    let server: LiveServer;
    let treeDir: string;
    before(function () {
      server = live();
      treeDir = join(server.root, 'tree');
    });

    for (const [depth, levels] of DEPTHS) {
      for (const face of FACES) {
        it(`Depth ${depth} via ${face} lists what fs.stat sees`, async function () {
          const res = await dav('PROPFIND', `${server.url}tree/`, { depth, body: PROPFIND_LISTING });
          if (depth === 'infinity' && facts.infinity === 'refuses with 403') {
            expect(res.status).to.equal(403);
            const err: unknown = await parse(face, res).then(() => null, (e: unknown) => e);
            expect(err).to.be.instanceOf(MultistatusError);
            // parseMultistatus(response) sees the status; the stream face only sees the bytes
            expect((err as MultistatusError).code).to.equal(face === 'parseMultistatus(response)' ? 'HTTP' : 'NOT_MULTISTATUS');
            return;
          }
          expect(res.status).to.equal(207);
          const asDepth = depth === 'infinity' && facts.infinity === 'answers as Depth 1' ? 1 : levels;
          expectListing(await parse(face, res), await fsListing(treeDir, '/tree/', asDepth), facts);
        });
      }
    }

    it('Depth 1 on every sub-collection, addressed by its percent-encoded path, lists what fs.stat sees', async function () {
      const all = await fsListing(treeDir, '/tree/', Infinity);
      const dirs = [...all].filter(([p, e]) => e.collection && p !== '/tree/' && !facts.hidden?.(p)).map(([p]) => p);
      expect(dirs.length).to.be.greaterThan(8);
      for (const dir of dirs) {
        const res = await dav('PROPFIND', server.url + encodePath(dir).slice(1), { depth: '1', body: PROPFIND_LISTING });
        expect(res.status, dir).to.equal(207);
        const fsDir = join(server.root, ...dir.split('/').filter(Boolean));
        expectListing(await collect(parseMultistatus(res)), await fsListing(fsDir, dir, 1), facts);
      }
    });

    it('Depth 0 on every file, addressed by its percent-encoded path, matches fs.stat', async function () {
      const all = await fsListing(treeDir, '/tree/', Infinity);
      const files = [...all].filter(([p, e]) => !e.collection && !facts.hidden?.(p)).map(([p]) => p);
      for (const file of files) {
        const res = await dav('PROPFIND', server.url + encodePath(file).slice(1), { depth: '0', body: PROPFIND_LISTING });
        expect(res.status, file).to.equal(207);
        const fsFile = join(server.root, ...file.split('/').filter(Boolean));
        expectListing(await collect(parseMultistatus(res)), await fsListing(fsFile, file, 0), facts);
      }
    });
  });
}
