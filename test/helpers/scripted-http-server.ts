/**
 * A tiny HTTP server on 127.0.0.1 for the CLI tests: each path answers with a scripted reply (a
 * fixture body or a generated one; any status; chunked or with Content-Length; in small, slow
 * pieces; stalling; breaking off) and every request is recorded with its method, headers and body.
 * It counts responses open at once, responses cut off by the client and body bytes sent, so tests
 * can see backpressure and closed connections from the server's side.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Reply {
  /** Default 207. */
  status?: number;
  headers?: Record<string, string>;
  /** The body: whole, or produced piece by piece (never held whole). */
  body?: string | Uint8Array | (() => Iterable<Uint8Array>);
  /** Send Content-Length (only for a whole body). Default true; false sends it chunked. */
  contentLength?: boolean;
  /** Write the body in pieces of this many bytes. Default: as it comes. */
  chunkSize?: number;
  /** Pause this long between pieces. */
  delayMs?: number;
  /** Destroy the connection once this many body bytes are out. */
  breakAfter?: number;
  /** Answer nothing at all, or only the headers: then nothing more, until the server closes. */
  stall?: 'before-headers' | 'after-headers';
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export class ScriptedHttpServer {
  readonly requests: RecordedRequest[] = [];
  /** Responses begun and not yet closed (finished or cut off), now and at most so far. */
  openResponses = 0;
  maxOpenResponses = 0;
  /** Responses whose connection went away before the body was complete. */
  abortedResponses = 0;
  /** Body bytes handed to the sockets, over every response. */
  bytesSent = 0;
  private readonly routes = new Map<string, Reply | ((req: RecordedRequest) => Reply)>();
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<ScriptedHttpServer> {
    const server = createServer();
    const self = new ScriptedHttpServer(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      self.handle(req, res).catch(() => res.destroy());
    });
    server.on('connection', (s: Socket) => {
      self.sockets.add(s);
      s.on('close', () => self.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return self;
  }

  /** `http://127.0.0.1:PORT/path` */
  url(path = '/'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** What `path` (without query) answers; unknown paths answer 404. */
  route(path: string, reply: Reply | ((req: RecordedRequest) => Reply)): void {
    this.routes.set(path, reply);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Forget the counters (not the routes). */
  resetCounts(): void {
    this.requests.length = 0;
    this.maxOpenResponses = this.openResponses;
    this.abortedResponses = 0;
    this.bytesSent = 0;
  }

  /** Open TCP connections (the server's side). */
  get connections(): number {
    return this.sockets.size;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.openResponses++;
    this.maxOpenResponses = Math.max(this.maxOpenResponses, this.openResponses);
    res.once('close', () => {
      this.openResponses--;
      if (!res.writableFinished) this.abortedResponses++;
    });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = decodeURI((req.url ?? '/').split('?')[0]!);
    const recorded: RecordedRequest = { method: req.method ?? '', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    this.requests.push(recorded);
    const script = this.routes.get(path);
    const reply: Reply = typeof script === 'function' ? script(recorded) : (script ?? { status: 404, body: 'no such route\n', headers: { 'Content-Type': 'text/plain' } });
    if (reply.stall === 'before-headers') return; // the socket stays open until close()
    const whole = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body instanceof Uint8Array ? reply.body : undefined;
    const headers: Record<string, string> = { 'Content-Type': 'application/xml; charset=utf-8', ...reply.headers };
    if (whole && reply.contentLength !== false) headers['Content-Length'] = String(whole.byteLength);
    res.writeHead(reply.status ?? 207, headers);
    if (reply.stall === 'after-headers') {
      res.flushHeaders();
      return;
    }
    const pieces = whole ? [whole] : typeof reply.body === 'function' ? reply.body() : [];
    let sent = 0;
    for (const piece of pieces) {
      const size = reply.chunkSize ?? piece.byteLength;
      for (let at = 0; at < piece.byteLength; at += size) {
        let part = piece.subarray(at, at + size);
        if (reply.breakAfter !== undefined && sent + part.byteLength >= reply.breakAfter) {
          part = part.subarray(0, reply.breakAfter - sent);
          // Let what was written reach the client before the connection goes.
          await new Promise<void>((resolve) => res.write(part, () => setTimeout(resolve, 50)));
          res.socket?.destroy();
          return;
        }
        sent += part.byteLength;
        this.bytesSent += part.byteLength;
        if (!(await write(res, part))) return;
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      }
    }
    res.end();
  }
}

/** Writes with backpressure; false when the client went away. */
function write(res: ServerResponse, part: Uint8Array): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    if (res.write(part)) resolve(true);
    else {
      const done = (ok: boolean) => () => {
        res.off('drain', onDrain);
        res.off('close', onClose);
        resolve(ok);
      };
      const onDrain = done(true);
      const onClose = done(false);
      res.once('drain', onDrain);
      res.once('close', onClose);
    }
  });
}

/**
 * Mocha hooks for a suite that shares one scripted server: started before the suite, closed after
 * it, request counts reset before each test. Returns the server (valid inside the tests).
 */
export function useScriptedServer(): () => ScriptedHttpServer {
  let server: ScriptedHttpServer | undefined;
  before(async function () {
    server = await ScriptedHttpServer.start();
  });
  after(async function () {
    await server?.close();
  });
  beforeEach(function () {
    server?.resetCounts();
  });
  return () => server!;
}
