/**
 * PROPPATCH that sets a dead property and a protected one (which must fail) on real servers: the status
 * each server gives each property, read through the parser; and nothing was applied (PROPPATCH is atomic).
 */
import { expect } from 'chai';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MultistatusError, parseMultistatus } from '../../lib/index.js';
import type { MultistatusSummary, ParseOptions } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';
import { collect, dav } from './dav.js';
import { liveServer } from './servers.js';
import type { LiveServer, ServerName } from './servers.js';

const COLOR = '{http://example.com/ns/}color';
const PATCH = `<?xml version="1.0" encoding="utf-8"?>
<D:propertyupdate xmlns:D="DAV:" xmlns:Z="http://example.com/ns/">
  <D:set><D:prop><Z:color>red</Z:color></D:prop></D:set>
  <D:set><D:prop><D:getcontentlength>5</D:getcontentlength></D:prop></D:set>
</D:propertyupdate>`;
const PROPFIND_COLOR = `<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:" xmlns:Z="http://example.com/ns/"><D:prop><Z:color/></D:prop></D:propfind>`;

/** The status line each server sent for each property, as observed. */
const STATUS_LINES: Partial<Record<ServerName, Record<string, string>>> = {
  // apache's mod_dav: 409 for the protected property, no reason phrase in either line
  apache2: { getcontentlength: 'HTTP/1.1 409 (status)', [COLOR]: 'HTTP/1.1 424 (status)' },
  rclone: { getcontentlength: 'HTTP/1.1 403 Forbidden', [COLOR]: 'HTTP/1.1 424 Failed Dependency' },
  sabre: { getcontentlength: 'HTTP/1.1 403 Forbidden', [COLOR]: 'HTTP/1.1 424 Failed Dependency' },
  // lighttpd names no status for the dead property at all (no 424), and writes the failed one with
  // an undeclared prefix: <DAV:getcontentlength/>, <DAV:cannot-modify-protected-property/>
  lighttpd: { getcontentlength: 'HTTP/1.1 403 Forbidden' },
};

/** Each property key mapped to the status line of the propstat that names it. */
function statusByProperty(r: DavResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ps of r.propstats) for (const key of Object.keys(ps.props)) out[key] = ps.status.line;
  return out;
}

async function proppatch(server: LiveServer, options: ParseOptions = {}): Promise<{ responses: DavResponse[]; summary: MultistatusSummary }> {
  const res = await dav('PROPPATCH', `${server.url}patch/target.txt`, { body: PATCH });
  expect(res.status).to.equal(207);
  const it = parseMultistatus(res, options);
  const responses = await collect(it);
  return { responses, summary: await it.summary() };
}

const seed = async (root: string): Promise<void> => {
  await mkdir(join(root, 'patch'));
  await writeFile(join(root, 'patch', 'target.txt'), 'target\n');
};

for (const [name, lines] of Object.entries(STATUS_LINES) as [ServerName, Record<string, string>][]) {
  describe(`live ${name}: PROPPATCH with a property that must fail`, function () {
    const live = liveServer(name, seed);
    let server: LiveServer;
    before(function () {
      server = live();
    });

    it('gives each property the status the server sent, and no 2xx property', async function () {
      const { responses } = await proppatch(server);
      expect(responses).to.have.length(1);
      const [r] = responses;
      expect(r!.path).to.equal('/patch/target.txt');
      expect(statusByProperty(r!)).to.deep.equal(lines);
      for (const ps of r!.propstats) {
        expect(ps.status.code).to.equal(Number(ps.status.line.split(' ')[1]));
        for (const value of Object.values(ps.props)) expect(value, 'a failed property is only named').to.equal(null);
      }
      expect(r!.props).to.deep.equal({});
    });

    it('applied nothing: the dead property is still 404', async function () {
      const res = await dav('PROPFIND', `${server.url}patch/target.txt`, { depth: '0', body: PROPFIND_COLOR });
      const [r, ...rest] = await collect(parseMultistatus(res));
      expect(rest).to.have.length(0);
      expect(statusByProperty(r!)).to.deep.equal({ [COLOR]: 'HTTP/1.1 404 Not Found' });
    });

    if (name === 'apache2') {
      it("keeps apache's per-propstat responsedescription", async function () {
        const [r] = (await proppatch(server)).responses;
        const described = r!.propstats.find((ps) => ps.status.code === 409)!;
        expect(described.responseDescription).to.match(/read-only/);
        expect(described.status).to.deep.include({ code: 409, text: '(status)' });
      });
    }
    if (name === 'rclone') {
      it('reads the error condition of the 403 propstat', async function () {
        const [r] = (await proppatch(server)).responses;
        const forbidden = r!.propstats.find((ps) => ps.status.code === 403)!;
        expect(forbidden.error?.map((e) => e.name)).to.deep.equal(['cannot-modify-protected-property']);
      });
    }
    if (name === 'lighttpd') {
      it('non-strict: yields the response and records the unbound DAV: prefix as a diagnostic', async function () {
        const { responses, summary } = await proppatch(server);
        const forbidden = responses[0]!.propstats.find((ps) => ps.status.code === 403)!;
        expect(forbidden.error?.map((e) => e.name)).to.deep.equal(['cannot-modify-protected-property']);
        const unbound = summary.diagnostics.filter((d) => d.code === 'UNBOUND_PREFIX');
        expect(unbound.length).to.be.greaterThan(0);
        expect(unbound[0]!.message).to.contain('DAV');
        expect(unbound[0]!.line).to.be.greaterThan(1);
      });

      it('strict: fails with a STRICT error that names the unbound prefix and where it is', async function () {
        const err: unknown = await proppatch(server, { strict: true }).then(() => null, (e: unknown) => e);
        expect(err).to.be.instanceOf(MultistatusError);
        const e = err as MultistatusError;
        expect(e.code).to.equal('STRICT');
        expect(e.message).to.contain('UNBOUND_PREFIX').and.to.contain('DAV');
        expect(e.line).to.be.a('number');
        expect(e.offset).to.be.a('number');
      });
    }
  });
}

describe('live nginx: PROPPATCH', function () {
  const live = liveServer('nginx', seed);

  // nginx's dav modules have no PROPPATCH: 405 with an HTML page; parseMultistatus(response) says so
  it('is refused with 405 and an HTML body: code HTTP, with the start of the page', async function () {
    const res = await dav('PROPPATCH', `${live().url}patch/target.txt`, { body: PATCH });
    expect(res.status).to.equal(405);
    const err: unknown = await collect(parseMultistatus(res)).then(() => null, (e: unknown) => e);
    expect(err).to.be.instanceOf(MultistatusError);
    expect((err as MultistatusError).code).to.equal('HTTP');
    expect((err as MultistatusError).status).to.equal(405);
    expect((err as MultistatusError).message).to.match(/^HTTP 405 Not Allowed from http:\S+: <html>/);
  });
});
