/**
 * A WebDAV stand-in for the recipe tests: node:http on 127.0.0.1 (a free port) that answers
 * PROPFIND on /dav/ with a fixed 207 body, in three chunks cut inside a tag and inside a two-byte
 * UTF-8 character, once the request carries the expected Basic credentials (401 otherwise).
 */
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export const USER = 'alice';
/**
 * A colon and a space in the password: only the first colon separates user and password. ASCII,
 * because the webdav client encodes credentials as Latin-1 while fetch recipes use UTF-8.
 */
export const PASSWORD = 's3cr:t p@ss';

export const BODY = `<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:">
<d:response>
<d:href>/dav/</d:href>
<d:propstat>
<d:prop><d:resourcetype><d:collection/></d:resourcetype><d:getlastmodified>Mon, 12 Jan 1998 09:25:56 GMT</d:getlastmodified><d:getetag>"dir-1"</d:getetag></d:prop>
<d:status>HTTP/1.1 200 OK</d:status>
</d:propstat>
<d:propstat>
<d:prop><d:getcontentlength/><d:displayname/></d:prop>
<d:status>HTTP/1.1 404 Not Found</d:status>
</d:propstat>
</d:response>
<d:response>
<d:href>/dav/caf%C3%A9%20menu.txt</d:href>
<d:propstat>
<d:prop><d:resourcetype/><d:getcontentlength>1234</d:getcontentlength><d:getlastmodified>Tue, 13 Feb 2024 08:00:01 GMT</d:getlastmodified><d:getetag>"4d2-61"</d:getetag><d:displayname>café menu</d:displayname></d:prop>
<d:status>HTTP/1.1 200 OK</d:status>
</d:propstat>
</d:response>
<d:response>
<d:href>/dav/notes/</d:href>
<d:propstat>
<d:prop><d:resourcetype><d:collection/></d:resourcetype><d:getlastmodified>Wed, 14 Feb 2024 10:11:12 GMT</d:getlastmodified><d:getetag>"dir-2"</d:getetag></d:prop>
<d:status>HTTP/1.1 200 OK</d:status>
</d:propstat>
</d:response>
</d:multistatus>
`;

export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  depth: string | undefined;
  contentType: string | undefined;
  body: string;
}

export interface DavServer {
  /** http://127.0.0.1:PORT/dav/ */
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

function expectedAuthorization(): string {
  return `Basic ${Buffer.from(`${USER}:${PASSWORD}`, 'utf8').toString('base64')}`;
}

export async function startDavServer(): Promise<DavServer> {
  const requests: SeenRequest[] = [];
  const bytes = Buffer.from(BODY, 'utf8');
  const e = bytes.indexOf(Buffer.from('é', 'utf8'));
  const cuts = [bytes.indexOf('<d:href>/dav/notes/') + 4, e + 1].sort((a, b) => a - b);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        depth: req.headers.depth as string | undefined,
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      if (seen.authorization !== expectedAuthorization()) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="dav", charset="UTF-8"', 'Content-Type': 'text/plain' }).end('401');
        return;
      }
      if (seen.method !== 'PROPFIND' || seen.url !== '/dav/') {
        res.writeHead(405, { 'Content-Type': 'text/plain' }).end('405');
        return;
      }
      res.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' });
      res.write(bytes.subarray(0, cuts[0]));
      res.write(bytes.subarray(cuts[0], cuts[1]));
      setTimeout(() => res.end(bytes.subarray(cuts[1])), 10);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dav/`,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
