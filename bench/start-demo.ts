/**
 * `npm start`: the command's main job on a bundled default. Generates an Apache-style PROPFIND
 * `Depth: infinity` body on the fly (300 MiB unless a size is given: `npm start -- 1GiB`), pipes it
 * into the built `multistatus - --format summary`, and says in plain words what it did, what one
 * parsed response looks like and what the figures mean. The body never touches the disk and is
 * never whole in memory: the generator makes one 64 KiB chunk at a time and waits for the pipe. A
 * body a quarter of the size is parsed first, so the two peaks show that memory stays flat as the
 * body grows. `scripts/update-readme-demo.ts` pastes this output into the README.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { humanBytes, humanCount, parseSize } from '../lib/cli/units.js';
import { body, type BodyStats } from './generators/index.js';

const BIN = fileURLToPath(new URL('../dist/lib/cli/main.js', import.meta.url));
const DEFAULT_BYTES = 300 * 1024 * 1024;
const MIN_BYTES = 16 * 1024 * 1024;

interface CliSummary {
  responses: number;
  bytes: number;
  statuses: Record<string, number>;
  propstats: Record<string, number>;
  seconds: number;
  throughput: string;
  peakRssBytes: number;
  peakRss: string;
}

/** Streams a generated body of about `targetBytes` into the command; resolves with its summary. */
async function run(targetBytes: number, showProgress: boolean): Promise<{ summary: CliSummary; stats: BodyStats }> {
  const args = [BIN, '-', '--format', 'summary', showProgress ? '--progress' : '--no-progress'];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', showProgress && process.stderr.isTTY ? 'inherit' : 'pipe'] });
  const stdin = child.stdin!;
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (b: Buffer) => out.push(b));
  child.stderr?.on('data', (b: Buffer) => err.push(b));
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  stdin.on('error', () => undefined); // reported through the exit status below

  const stats: BodyStats = { bytes: 0, responses: 0 };
  for (const chunk of body('apache', { targetBytes }, stats)) {
    if (stdin.destroyed) break;
    if (!stdin.write(chunk)) await Promise.race([once(stdin, 'drain'), exited]);
  }
  stdin.end();

  const [code, signal] = await exited;
  if (code !== 0) {
    throw new Error(`multistatus exited with ${code ?? signal}:\n${Buffer.concat(err).toString('utf8')}`);
  }
  const summary = JSON.parse(Buffer.concat(out).toString('utf8')) as CliSummary;
  if (summary.responses !== stats.responses || summary.bytes !== stats.bytes) {
    throw new Error(`generated ${stats.responses} responses in ${stats.bytes} bytes, but the command counted ${summary.responses} in ${summary.bytes}`);
  }
  return { summary, stats };
}

/** The first file of a small generated body of the same kind, as the command prints it (--type f). */
function oneResponse(): string {
  const chunks = Array.from(body('apache', { targetBytes: 64 * 1024 }));
  const ndjson = execFileSync(process.execPath, [BIN, '-', '--format', 'ndjson', '--type', 'f'], { input: Buffer.concat(chunks), encoding: 'utf8' });
  return JSON.stringify(JSON.parse(ndjson.slice(0, ndjson.indexOf('\n'))), null, 2);
}

/** `{"200": 5, "404": 5}` as `200 × 5, 404 × 5`. */
function counts(c: Record<string, number>): string {
  return Object.entries(c).map(([code, n]) => `${code} × ${humanCount(n)}`).join(', ');
}

/** What the run did and what its figures mean, in words (printed on stdout; the README shows it). */
export function report(big: { summary: CliSummary; stats: BodyStats }, small: { summary: CliSummary; stats: BodyStats }, response: string): string {
  const s = big.summary;
  const lacking = s.propstats['404'] ?? 0;
  const growth = big.stats.bytes / small.stats.bytes;
  return [
    'What npm start did',
    `  It generated a ${humanBytes(s.bytes)} answer to a WebDAV PROPFIND Depth: infinity for named properties`,
    `  (${humanCount(s.responses)} responses, the way Apache mod_dav writes them) on the fly and piped it through`,
    '  `multistatus - --format summary`, which parsed it as it arrived. The body was never written to',
    `  disk nor held whole in memory. A ${humanBytes(small.stats.bytes)} body went through first, for comparison.`,
    '',
    'One parsed response (the first file of a small body of the same kind, as `--format ndjson` prints it):',
    response,
    '',
    'What the figures mean',
    `  responses    ${humanCount(s.responses)} parsed; by their own status: ${counts(s.statuses)}.`,
    lacking > 0
      ? `               ${humanCount(lacking)} of them also list properties that were asked for but that the\n               resource does not have (displayname, quota…) under a 404 propstat: not a failure.`
      : '               None lists a property the resource does not have.',
    `  speed        ${humanBytes(s.bytes)} of XML in ${s.seconds} s: ${s.throughput} (bytes of XML read, not the size of`,
    '               the files listed), on this machine, parsing and printing included.',
    `  memory       the command's peak resident memory was ${s.peakRss}: the whole Node process.`,
    `  flat memory  the ${humanBytes(small.stats.bytes)} body peaked at ${small.summary.peakRss}: ${growth.toFixed(1)}x the body took ` +
      `${(s.peakRssBytes / small.summary.peakRssBytes).toFixed(2)}x the memory.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  const targetBytes = arg === undefined ? DEFAULT_BYTES : parseSize(arg);
  if (targetBytes === undefined || targetBytes < MIN_BYTES) {
    throw new Error(`usage: npm start [-- SIZE]   (SIZE such as 300MiB or 1GB, at least ${humanBytes(MIN_BYTES)})`);
  }
  process.stderr.write(`multistatus demo: first a ${humanBytes(targetBytes / 4)} body, for comparison…\n`);
  const small = await run(Math.round(targetBytes / 4), false);
  process.stderr.write(
    `multistatus demo: now a generated ${humanBytes(targetBytes)} PROPFIND Depth: infinity body, streamed through a pipe into\n` +
      `  multistatus - --format summary\n`,
  );
  const big = await run(targetBytes, true);
  process.stderr.write('multistatus demo: its summary (what --format summary prints):\n');
  process.stderr.write(JSON.stringify(big.summary) + '\n\n');
  process.stdout.write(report(big, small, oneResponse()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
