/**
 * The client recipes of README.md ("Recipes", as code in test/recipes/recipes.ts) against a local PROPFIND server:
 * the `webdav` npm client's customRequest, plain fetch with Basic auth (iterator and stream face),
 * and undici's request. The browser recipe is test/browser/. Expected values are read off the
 * server's body (test/recipes/dav-server.ts) by hand.
 */
import { expect } from 'chai';
import { PROPFIND, listWithFetch, listWithFetchStream, listWithUndici, listWithWebdavClient, type Entry } from '../recipes/recipes.js';
import { PASSWORD, USER, startDavServer, type DavServer } from '../recipes/dav-server.js';

const EXPECTED: Entry[] = [
  { path: '/dav/', collection: true, size: undefined, modified: new Date('1998-01-12T09:25:56Z'), etag: '"dir-1"' },
  { path: '/dav/café menu.txt', collection: false, size: 1234, modified: new Date('2024-02-13T08:00:01Z'), etag: '"4d2-61"' },
  { path: '/dav/notes/', collection: true, size: undefined, modified: new Date('2024-02-14T10:11:12Z'), etag: '"dir-2"' },
];

/** "alice:s3cr:t p@ss" in base64, worked out by hand from the bytes. */
const AUTHORIZATION = 'Basic YWxpY2U6czNjcjp0IHBAc3M=';

const recipes = {
  'webdav client customRequest -> parseMultistatus(response.body)': listWithWebdavClient,
  'fetch + Basic auth -> parseMultistatus(response)': listWithFetch,
  'fetch + Basic auth -> response.body.pipeThrough(new MultistatusStream())': listWithFetchStream,
  'undici request() -> parseMultistatus(body)': listWithUndici,
};

describe('client recipes (README "Recipes")', function () {
  let server: DavServer;

  before(async function () {
    server = await startDavServer();
  });

  after(async function () {
    await server.close();
  });

  beforeEach(function () {
    server.requests.length = 0;
  });

  for (const [name, list] of Object.entries(recipes)) {
    describe(name, function () {
      it('lists the collection with typed values', async function () {
        const entries = await list(server.url, USER, PASSWORD);
        expect(entries).to.deep.equal(EXPECTED);
        expect(server.requests).to.have.length(1);
        const [seen] = server.requests;
        expect(seen?.method).to.equal('PROPFIND');
        expect(seen?.url).to.equal('/dav/');
        expect(seen?.authorization).to.equal(AUTHORIZATION);
        expect(seen?.depth).to.equal('1');
        expect(seen?.contentType).to.match(/^application\/xml\b/);
        expect(seen?.body).to.equal(PROPFIND);
      });

      it('rejects when the server refuses the credentials', async function () {
        let failure: unknown;
        await list(server.url, USER, 'wrong').catch((error: unknown) => (failure = error));
        expect(failure).to.be.an('error');
        expect(String((failure as Error).message)).to.include('401');
        expect(server.requests[0]?.authorization).to.not.equal(AUTHORIZATION);
      });
    });
  }
});
