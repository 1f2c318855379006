/**
 * The `multistatus` command against a real server (apache2 mod_dav with Depth: infinity enabled):
 * the summary counts what the file system holds, and the NDJSON lists it, path by path.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { ndjsonLines, runCli } from '../helpers/run-cli.js';
import { liveServer } from './servers.js';
import { fsListing, seedBulk, seedTrickyTree } from './tree.js';

const BULK_DIRS = 10;
const BULK_FILES = 300;

describe('live apache2: the multistatus command', function () {
  this.slow(10_000);
  const live = liveServer('apache2', async (root) => {
    await seedTrickyTree(join(root, 'tree'));
    seedBulk(join(root, 'tree', 'bulk'), BULK_DIRS, BULK_FILES);
  });

  it('multistatus URL/tree/ --depth infinity --format summary counts what the file system holds', async function () {
    const server = live();
    const onDisk = await fsListing(join(server.root, 'tree'), '/tree/', Infinity);
    expect(onDisk.size).to.be.above(BULK_DIRS * BULK_FILES);
    const r = await runCli([`${server.url}tree/`, '--depth', 'infinity', '--format', 'summary'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).to.equal(0);
    const s = JSON.parse(r.stdout) as { responses: number; statuses: Record<string, number>; truncated: boolean; diagnosticCount: number; bytes: number };
    expect(s.responses).to.equal(onDisk.size);
    expect(s.statuses['200']).to.equal(onDisk.size);
    expect(s.truncated).to.equal(false);
    expect(s.diagnosticCount).to.equal(0);
    expect(s.bytes).to.be.above(onDisk.size * 200);
  });

  it('NDJSON lists every path once, with the file sizes and collection flags of fs.stat', async function () {
    const server = live();
    const onDisk = await fsListing(join(server.root, 'tree'), '/tree/', Infinity);
    const r = await runCli([`${server.url}tree/`, '--depth', 'infinity', '--prop', 'resourcetype', '--prop', 'getcontentlength'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).to.equal(0);
    const lines = ndjsonLines(r.stdout) as { path: string; url: string; props: { resourcetype: string[]; getcontentlength?: number } }[];
    expect(lines.map((l) => l.path).sort()).to.deep.equal([...onDisk.keys()].sort());
    for (const l of lines) {
      const entry = onDisk.get(l.path)!;
      expect(l.props.resourcetype.includes('collection'), l.path).to.equal(entry.collection);
      if (!entry.collection) expect(l.props.getcontentlength, l.path).to.equal(entry.size);
      expect(decodeURIComponent(new URL(l.url).pathname), 'url is the absolute href').to.equal(l.path);
    }
  });

  it('a path that does not exist is an HTTP error (exit 3) showing the status', async function () {
    const server = live();
    const r = await runCli([`${server.url}no-such-dir/`]);
    expect(r.code).to.equal(3);
    expect(r.stderr).to.match(/^multistatus: HTTP 404 Not Found from PROPFIND /);
  });
});

describe('live apache2 (Depth: infinity refused): the command walks, and lists like ls', function () {
  this.slow(10_000);
  const live = liveServer('apache2-finite', (root) => seedTrickyTree(join(root, 'tree')));

  it('--depth infinity --type f --sort size --reverse --relative: every file once, biggest first, paths below the URL', async function () {
    const server = live();
    const onDisk = await fsListing(join(server.root, 'tree'), '/tree/', Infinity);
    const files = [...onDisk].filter(([, e]) => !e.collection);
    const args = [`${server.url}tree/`, '--depth', 'infinity', '--type', 'f', '--sort', 'size', '--reverse', '--relative', '--columns', 'path', '--format', 'table'];
    const r = await runCli(args, { timeoutMs: 60_000 });
    expect(r.code, r.stderr).to.equal(0);
    // A real walk: apache refused Depth: infinity and the tree was listed folder by folder.
    expect(r.stderr).to.match(/^multistatus: the server refused Depth: infinity \(403 Forbidden[^\n]*\); walking the tree with Depth: 1 requests, 4 at a time\n$/);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]!.trim()).to.equal('PATH');
    const footer = lines.at(-1)!;
    const rows = lines.slice(1, -1).map((l) => l.trimEnd());
    expect([...rows].sort()).to.deep.equal(files.map(([p]) => p.slice('/tree/'.length)).sort());
    const sizes = rows.map((p) => onDisk.get(`/tree/${p}`)!.size);
    expect(sizes, 'sizes never grow down the list').to.deep.equal([...sizes].sort((a, b) => b - a));
    expect(sizes[0]).to.equal(100_000);
    expect(footer).to.match(new RegExp(`^-- ${files.length} responses, ${files.length} files \\(\\d[^)]*\\), 0 folders, of \\d+ in the body, `));
    expect(Number(/of (\d+) in the body/.exec(footer)![1])).to.equal(onDisk.size);
  });
});
