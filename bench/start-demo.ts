/**
 * `npm start`: the command's main job on a bundled default. Generates an Apache-style PROPFIND
 * `Depth: infinity` body on the fly (300 MiB unless a size is given: `npm start -- 1GiB`), pipes it
 * into the built `multistatus - --format summary`, and prints the summary with throughput and peak
 * memory. The body never touches the disk and is never whole in memory: the generator makes one
 * 64 KiB chunk at a time and waits for the pipe. A body a quarter of the size is parsed first, so
 * the two peaks show that memory stays flat as the body grows.
 */
import { spawn } from 'node:child_process';
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

async function main(): Promise<void> {
  const arg = process.argv[2];
  const targetBytes = arg === undefined ? DEFAULT_BYTES : parseSize(arg);
  if (targetBytes === undefined || targetBytes < MIN_BYTES) {
    throw new Error(`usage: npm start [-- SIZE]   (SIZE such as 300MiB or 1GB, at least ${humanBytes(MIN_BYTES)})`);
  }
  process.stderr.write(`multistatus demo: first a ${humanBytes(targetBytes / 4)} body, for comparison…\n`);
  const small = await run(Math.round(targetBytes / 4), false);
  process.stderr.write(
    `multistatus demo: parsing a generated ${humanBytes(targetBytes)} PROPFIND Depth: infinity body (Apache mod_dav style), streamed through a pipe:\n` +
      `  multistatus - --format summary\n`,
  );
  const big = await run(targetBytes, true);
  process.stdout.write(JSON.stringify(big.summary, null, 2) + '\n');
  const growth = big.stats.bytes / small.stats.bytes;
  process.stdout.write(
    `\n${humanCount(big.summary.responses)} responses, ${humanBytes(big.summary.bytes)} in ${big.summary.seconds} s: ${big.summary.throughput}, ` +
      `peak RSS ${big.summary.peakRss}.\n` +
      `A ${humanBytes(small.stats.bytes)} body peaked at ${small.summary.peakRss}: ${growth.toFixed(1)}x the body took ` +
      `${(big.summary.peakRssBytes / small.summary.peakRssBytes).toFixed(2)}x the memory.\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
