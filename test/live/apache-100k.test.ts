/**
 * apache2 (mod_dav, DavDepthInfinity On) listing 100,000 files in one Depth: infinity PROPFIND:
 * read through fetch into the parser in bounded memory, and abandoned early without reading the rest.
 */
import { expect } from 'chai';
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseMultistatus } from '../../lib/index.js';
import { dav, PROPFIND_ALLPROP } from './dav.js';
import { liveServer } from './servers.js';
import type { LiveServer } from './servers.js';
import { establishedTo } from './tcp.js';
import { seedBulk } from './tree.js';

const DIRS = 100;
const PER_DIR = 1000;
const FILES = DIRS * PER_DIR;
const PEAK_RSS_LIMIT_MB = 200;
const CHILD_SOURCE = fileURLToPath(new URL('./count-listing.ts', import.meta.url));

interface Count {
  responses: number;
  collections: number;
  files: number;
  summaryResponses: number;
  bytes: number;
  ms: number;
  maxRssMB: number;
}

/** apache's log of one PROPFIND /bulk/ (see test/servers/apache2.sh for the format). */
interface BulkLogLine {
  status: number;
  /** Body bytes mod_dav generated (%B); it goes on generating after the client has gone. */
  generated: number;
  /** Bytes written to the socket, headers included (%O). */
  sent: number;
  /** %X: `X` the connection was aborted before the response was complete, `+` kept alive, `-` closed. */
  connection: string;
}

async function bulkLogLines(server: LiveServer): Promise<BulkLogLine[]> {
  const log = await readFile(join(server.state, 'run', 'access.log'), 'utf8');
  return log
    .split('\n')
    .map((line) => /^"PROPFIND \/bulk\/ HTTP\/1\.1" (\d{3}) (\d+) (\d+) ([X+-])$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ status: Number(m[1]), generated: Number(m[2]), sent: Number(m[3]), connection: m[4]! }));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('live apache2: Depth infinity over 100,000 files', function () {
  let seeding = 0;
  const live = liveServer('apache2', (root) => {
    const t0 = performance.now();
    seedBulk(join(root, 'bulk'), DIRS, PER_DIR);
    seeding = performance.now() - t0;
  });
  let server: LiveServer;

  before(function () {
    server = live();
    console.log(`      seeded ${FILES} files in ${(seeding / 1000).toFixed(1)} s`);
  });

  it(`counts every response in a child process whose peak RSS stays under ${PEAK_RSS_LIMIT_MB} MB`, async function () {
    this.timeout(300_000);
    // The child runs as one plain JS bundle: under tsx, its loader thread alone adds ~40 MB of RSS.
    const child = join(server.state, 'count-listing.mjs');
    await build({ entryPoints: [CHILD_SOURCE], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
    const { stdout } = await promisify(execFile)(process.execPath, [child, `${server.url}bulk/`], { timeout: 280_000 });
    const count = JSON.parse(stdout.trim().split('\n').pop()!) as Count;
    console.log(
      `      ${count.responses} responses, ${(count.bytes / 2 ** 20).toFixed(1)} MiB in ${(count.ms / 1000).toFixed(1)} s; peak RSS ${count.maxRssMB} MB`,
    );
    expect(count.responses).to.equal(FILES + DIRS + 1); // every file, every d###/, and /bulk/ itself
    expect(count.collections).to.equal(DIRS + 1);
    expect(count.files).to.equal(FILES);
    expect(count.summaryResponses).to.equal(count.responses);
    expect(count.maxRssMB).to.be.below(PEAK_RSS_LIMIT_MB);
    const [full] = await bulkLogLines(server);
    expect(full).to.deep.include({ status: 207, generated: count.bytes, connection: '+' });
    expect(full!.sent).to.be.greaterThan(count.bytes); // the body and the headers
  });

  it('break after 10 responses closes the connection (apache logs it aborted) and stops the download', async function () {
    this.timeout(120_000);
    const fullBytes = (await bulkLogLines(server))[0]?.generated;
    expect(fullBytes, 'size of the full listing, from the previous test').to.be.greaterThan(50 * 2 ** 20);

    let received = 0;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await dav('PROPFIND', `${server.url}bulk/`, { depth: 'infinity', body: PROPFIND_ALLPROP });
    expect(res.status).to.equal(207);
    const port = Number(new URL(server.url).port);
    let seen = 0;
    let openWhileReading = 0;
    for await (const r of parseMultistatus(res.body!.pipeThrough(counter))) {
      expect(r.path.startsWith('/bulk/')).to.equal(true);
      if (++seen === 10) {
        openWhileReading = await establishedTo(port);
        break;
      }
    }
    const atBreak = received;
    expect(openWhileReading, 'connections to apache while reading').to.equal(1);
    let open = await establishedTo(port);
    for (let i = 0; i < 50 && open > 0; i++) {
      await sleep(100);
      open = await establishedTo(port);
    }
    expect(open, 'connections to apache after the break').to.equal(0);
    await sleep(1000);
    console.log(`      client read ${(atBreak / 1024).toFixed(0)} KiB of ${(fullBytes! / 2 ** 20).toFixed(1)} MiB before the break`);
    expect(received, 'bytes read after the break').to.equal(atBreak);
    expect(atBreak).to.be.below(fullBytes! / 20);

    // apache writes the log line once the request ends; the aborted one must end without the client
    let lines = await bulkLogLines(server);
    // mod_dav walks the whole tree even after the client has gone: up to 60 s on a loaded 2-core machine
    for (let i = 0; i < 600 && lines.length < 2; i++) {
      await sleep(100);
      lines = await bulkLogLines(server);
    }
    expect(lines, 'apache logged the abandoned request').to.have.length(2);
    const aborted = lines[1]!;
    console.log(`      apache wrote ${(aborted.sent / 2 ** 20).toFixed(1)} MiB to the socket before it saw the connection close`);
    expect(aborted.connection, 'apache %X: X = connection aborted before the response was complete').to.equal('X');
    expect(aborted.sent).to.be.below(fullBytes! / 4);
  });
});
