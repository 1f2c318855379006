/**
 * How requests travel (child process): a self-signed HTTPS server is refused, then reached with
 * --insecure or with its certificate through --cacert; HTTP_PROXY / HTTPS_PROXY send the request
 * through a proxy (a CONNECT tunnel) unless NO_PROXY names the host. Everything on 127.0.0.1.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { ndjsonLines, runCli } from '../helpers/run-cli.js';
import { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

const LISTING = readFileSync(join(FIXTURES_DIR, 'servers', 'apache2-propfind-d1-allprop.xml'));

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** A CONNECT-only forward proxy that records the targets it tunnels to. */
function proxyServer(): { server: Server; targets: string[]; sockets: Set<Socket> } {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const server = createHttpServer((_req, res) => {
    res.writeHead(405).end('CONNECT only\n');
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    targets.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return { server, targets, sockets };
}

describe('cli: TLS options and proxies (child process)', function () {
  this.slow(5000);
  this.timeout(120_000); // several runs of the command each, on a busy machine
  let tmp: string;
  let https: Server;
  let httpsUrl: string;
  let certFile: string;
  let plain: ScriptedHttpServer;
  const proxy = proxyServer();
  let proxyUrl: string;

  before(async function () {
    tmp = mkdtempSync(join(tmpdir(), 'multistatus-tls-'));
    const keyFile = join(tmp, 'key.pem');
    certFile = join(tmp, 'cert.pem');
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    } catch {
      this.skip(); // no openssl to make a certificate
    }
    https = createHttpsServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (_req, res) => {
      res.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' }).end(LISTING);
    });
    httpsUrl = `https://127.0.0.1:${await listen(https)}/dav/`;
    plain = await ScriptedHttpServer.start();
    plain.route('/dav/', { body: LISTING });
    proxyUrl = `http://127.0.0.1:${await listen(proxy.server)}`;
  });
  after(async function () {
    https?.closeAllConnections();
    https?.close();
    for (const s of proxy.sockets) s.destroy();
    proxy.server.close();
    await plain?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a self-signed certificate is refused (exit 3, saying why), accepted with --insecure or --cacert', async function () {
    const refused = await runCli([httpsUrl]);
    expect(refused.code).to.equal(3);
    expect(refused.stderr).to.match(/self[- ]signed certificate/i);
    const insecure = await runCli([httpsUrl, '--insecure']);
    expect(insecure.code, insecure.stderr).to.equal(0);
    expect(ndjsonLines(insecure.stdout)).to.have.length(29);
    const trusted = await runCli([httpsUrl, '--cacert', certFile]);
    expect(trusted.code, trusted.stderr).to.equal(0);
    expect(trusted.stdout).to.equal(insecure.stdout);
    const missing = await runCli([httpsUrl, '--cacert', join(tmp, 'none.pem')]);
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.match(/^multistatus: --cacert: cannot read .*none\.pem: ENOENT/);
  });

  it('HTTP_PROXY and HTTPS_PROXY carry the request through the proxy; NO_PROXY bypasses it', async function () {
    const before = proxy.targets.length;
    const viaHttp = await runCli([plain.url('/dav/')], { env: { HTTP_PROXY: proxyUrl, NO_PROXY: '' } });
    expect(viaHttp.code, viaHttp.stderr).to.equal(0);
    expect(proxy.targets.slice(before)).to.deep.equal([new URL(plain.url()).host]);
    const viaHttps = await runCli([httpsUrl, '--cacert', certFile], { env: { https_proxy: proxyUrl, NO_PROXY: '' } });
    expect(viaHttps.code, viaHttps.stderr).to.equal(0);
    expect(proxy.targets.slice(before + 1)).to.deep.equal([new URL(httpsUrl).host]);
    const bypass = await runCli([plain.url('/dav/')], { env: { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } });
    expect(bypass.code, bypass.stderr).to.equal(0);
    expect(proxy.targets.length).to.equal(before + 2);
    expect(bypass.stdout).to.equal(viaHttp.stdout);
  });

  it('a proxy that cannot be reached is an HTTP error naming it', async function () {
    const r = await runCli([plain.url('/dav/')], { env: { HTTP_PROXY: 'http://127.0.0.1:1', NO_PROXY: '' } });
    expect(r.code).to.equal(3);
    expect(r.stderr).to.match(/ECONNREFUSED 127\.0\.0\.1:1/);
  });
});

describe('CLI transport: undici is an optional peer dependency', () => {
  it('when it is missing, a proxy / --insecure / --cacert fails with how to install it', async () => {
    const { loadUndici } = await import('../../lib/cli/transport.js');
    const { InputError } = await import('../../lib/cli/exit.js');
    const missing = Object.assign(new Error("Cannot find package 'undici'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await loadUndici(() => Promise.reject(missing)).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(InputError);
    expect((error as Error).message).to.include('npm install undici');
    const other = new Error('boom');
    expect(await loadUndici(() => Promise.reject(other)).catch((e: unknown) => e), 'other failures pass through').to.equal(other);
    expect(typeof (await loadUndici()).EnvHttpProxyAgent, 'installed here (a devDependency)').to.equal('function');
  });
});
