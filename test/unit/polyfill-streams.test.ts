/**
 * Where a runtime has no web streams, the stream face falls back to web-streams-polyfill, loaded by
 * `MultistatusStream.ready()` (a dynamic import, so runtimes with web streams never load it). This runs
 * both faces on every fixture in this process (native streams) and in a child process whose global
 * stream classes were removed before the library was imported (test/polyfill/no-native-streams.ts),
 * and requires identical output, response by response, summaries and errors included.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import * as lib from '../../lib/index.js';
import { repoRoot, runFaces, type BodyRun } from '../polyfill/run-faces.js';

interface ChildReport {
  removed: string[];
  left: string[];
  beforeReady: string;
  readableIsPolyfill: boolean;
  readableClass: string;
  runs: BodyRun[];
}

describe('stream face and iterator without native web streams (web-streams-polyfill)', function () {
  this.timeout(120_000);

  let native: BodyRun[];
  let child: ChildReport;

  before(async function () {
    const script = path.join(repoRoot, 'test', 'polyfill', 'no-native-streams.ts');
    const [nativeRuns, { stdout }] = await Promise.all([
      runFaces(lib, ReadableStream),
      promisify(execFile)(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, maxBuffer: 512 * 1024 * 1024 }),
    ]);
    native = JSON.parse(JSON.stringify(nativeRuns)) as BodyRun[]; // as the child's went through JSON
    child = JSON.parse(stdout) as ChildReport;
  });

  it('the child really had no stream classes, and the stream face used the polyfill', function () {
    expect(child.left).to.deep.equal([]);
    expect(child.removed).to.include.members(['ReadableStream', 'WritableStream', 'TransformStream']);
    expect(child.readableIsPolyfill, `readable side is a ${child.readableClass}`).to.equal(true);
  });

  it('before ready() the constructor says what to do (USAGE), after it the stream face works', function () {
    expect(child.beforeReady).to.match(/^USAGE: this runtime has no web streams: await MultistatusStream\.ready\(\) first/);
  });

  it('with native streams, ready() resolves at once and the stream face never needs the polyfill', async function () {
    await lib.MultistatusStream.ready();
    expect(new lib.MultistatusStream().readable).to.be.instanceOf(ReadableStream);
  });

  it('ran the generated listing and the fixtures, in several chunkings', function () {
    expect(native.length).to.equal(child.runs.length);
    const listing = native.filter((r) => r.name === 'generated/listing-40.xml');
    expect(listing).to.have.length(3);
    for (const run of listing) {
      expect(run.stream.error).to.equal(undefined);
      expect(run.stream.responses).to.have.length(41);
    }
  });

  it('both faces give identical results with native and polyfilled streams', function () {
    for (let i = 0; i < native.length; i++) {
      const a = native[i]!;
      const b = child.runs[i]!;
      const where = `${a.name} in chunks of ${a.chunk}`;
      expect(b.name).to.equal(a.name);
      expect(b.stream, `stream face, ${where}`).to.deep.equal(a.stream);
      expect(b.iterator, `iterator, ${where}`).to.deep.equal(a.iterator);
    }
  });

  it('the stream face and the iterator agree with each other', function () {
    for (const run of native) {
      expect(run.stream, `${run.name} in chunks of ${run.chunk}`).to.deep.equal(run.iterator);
    }
  });
});
