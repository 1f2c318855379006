/**
 * The browser test's HTTP server on 127.0.0.1 (a free port): the test page, the bundle, and a
 * generated multistatus listing sent chunked with backpressure, never held whole.
 *
 *   GET /                      page/index.html
 *   GET /run.js                page/run.js
 *   GET /multistatus.js(.map)  dist/browser/multistatus.js(.map)
 *   GET /chunks/*.js(.map)     dist/browser/chunks/: what the bundle loads by dynamic import
 *   GET /vite/, /vite/assets/* the same page built by Vite (dist/browser-vite/, see vite-build.ts)
 *   GET /listing?files=N       the listing of test/browser/listing.ts, N members, chunked
 *   GET /stats                 {"listingBytes": [bytes of each listing sent, in order],
 *                               "requested": [every other path asked for, in order]}
 *
 * The browser test runs it in a child process (`spawnServer`): writing 50 MiB over loopback costs
 * the writer CPU, and in the test's own process that delayed the heap sampler by up to a second.
 * Run as a script, it prints its origin on the first line of stdout.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listingChunks } from './listing.js';
import { bundleDir, bundlePath } from './bundle.js';
import { viteDir } from './vite-build.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const staticFiles: Record<string, { file: string; type: string }> = {
  '/': { file: path.join(here, 'page', 'index.html'), type: 'text/html; charset=utf-8' },
  '/run.js': { file: path.join(here, 'page', 'run.js'), type: 'text/javascript; charset=utf-8' },
  '/multistatus.js': { file: bundlePath, type: 'text/javascript; charset=utf-8' },
  '/multistatus.js.map': { file: `${bundlePath}.map`, type: 'application/json' },
};

export interface TestServer {
  origin: string;
  /** Bytes of listing body written per request, in order. */
  listingBytes: number[];
  close(): Promise<void>;
}

/** Waits for 'drain' (or 'close', when the client went away), leaving no listener behind. */
function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function sendListing(res: ServerResponse, files: number): Promise<number> {
  res.writeHead(207, { 'Content-Type': 'text/xml; charset="utf-8"', 'Cache-Control': 'no-store' });
  let bytes = 0;
  for (const chunk of listingChunks(files)) {
    if (res.destroyed) break;
    const buffer = Buffer.from(chunk, 'utf8');
    bytes += buffer.length;
    if (!res.write(buffer)) await drainOrClose(res);
    // Let other events in between chunks even when the socket keeps up (the test's heap sampler
    // runs in this process).
    else await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
  return bytes;
}

export async function startServer(): Promise<TestServer> {
  const listingBytes: number[] = [];
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/listing') {
      const files = Number(url.searchParams.get('files') ?? '10');
      sendListing(res, files).then(
        (bytes) => listingBytes.push(bytes),
        (error: unknown) => res.destroy(error as Error),
      );
      return;
    }
    if (url.pathname === '/stats') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ listingBytes, requested }));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    requested.push(url.pathname);
    const chunk = /^\/chunks\/[\w.-]+\.js(\.map)?$/.exec(url.pathname);
    const vite = /^\/vite\/(assets\/[\w.-]+\.js)?$/.exec(url.pathname);
    const entry =
      staticFiles[url.pathname] ??
      (chunk ? { file: path.join(bundleDir, url.pathname.slice(1)), type: chunk[1] ? 'application/json' : 'text/javascript; charset=utf-8' } : undefined) ??
      (vite
        ? vite[1]
          ? { file: path.join(viteDir, vite[1]), type: 'text/javascript; charset=utf-8' }
          : { file: path.join(viteDir, 'index.html'), type: 'text/html; charset=utf-8' }
        : undefined);
    if (!entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    readFile(entry.file).then(
      (body) => res.writeHead(200, { 'Content-Type': entry.type, 'Cache-Control': 'no-store' }).end(body),
      () => res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`missing ${url.pathname}`),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    listingBytes,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export interface ServerProcess {
  origin: string;
  /** Bytes of each listing sent so far, in order. */
  listingBytes(): Promise<number[]>;
  /** Every path asked for so far other than /listing and /stats, in order. */
  requested(): Promise<string[]>;
  close(): Promise<void>;
}

/** Starts this file as a script in a child process (through tsx) and waits for its origin. */
export async function spawnServer(): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    cwd: path.resolve(here, '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`browser test server exited with ${String(code)} before printing its origin`);
    }),
  ]);
  lines.close();
  const origin = first.trim();
  return {
    origin,
    listingBytes: async () => ((await (await fetch(`${origin}/stats`)).json()) as { listingBytes: number[] }).listingBytes,
    requested: async () => ((await (await fetch(`${origin}/stats`)).json()) as { requested: string[] }).requested,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  process.on('SIGTERM', () => {
    server.close().then(() => process.exit(0));
  });
  console.log(server.origin);
}
