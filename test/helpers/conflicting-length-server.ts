/**
 * A raw TCP server on 127.0.0.1 that answers every request with a 207 carrying both
 * `Content-Length` and `Transfer-Encoding: chunked`, which `fetch` refuses as not HTTP/1.1 (some
 * servers do send this). Mocha hooks: `useConflictingLengthServer()` starts it before the tests of
 * the enclosing `describe` and stops it after them.
 */
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface ConflictingLengthServer {
  /** `http://127.0.0.1:PORT/dav/` */
  url: string;
  /** Requests answered since the last reset. */
  requests: number;
}

export function useConflictingLengthServer(): ConflictingLengthServer {
  const state: ConflictingLengthServer = { url: '', requests: 0 };
  const sockets = new Set<Socket>();
  const raw = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let got = '';
    socket.on('data', (data) => {
      // Answer once the whole request is in (an answer sent while the client still writes would reset it).
      got += data.toString('latin1');
      const end = got.indexOf('\r\n\r\n');
      const length = Number(/content-length: *(\d+)/i.exec(got)?.[1] ?? 0);
      if (end < 0 || got.length < end + 4 + length) return;
      got = '';
      state.requests++;
      const body = '<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"></D:multistatus>';
      socket.write(`HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml\r\nContent-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`);
      setTimeout(() => socket.end(), 200);
    });
  });
  before(async function () {
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    state.url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/dav/`;
  });
  after(async function () {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => raw.close(() => resolve()));
  });
  return state;
}
