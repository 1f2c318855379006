/**
 * Credentials without putting the password on the command line (child process, and a
 * pseudo-terminal for the prompt): `-u user` asks on a terminal without echo, takes
 * $MULTISTATUS_PASSWORD otherwise, and `--netrc` reads the host's entry.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { netrcEntry } from '../../lib/cli/credentials.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { runInTerminal } from '../helpers/run-in-terminal.js';
import { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

const LISTING = readFileSync(join(FIXTURES_DIR, 'servers', 'apache2-propfind-d1-allprop.xml'));

/** user:password from a Basic Authorization header. */
function basic(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  expect(header).to.match(/^Basic /);
  return Buffer.from(header.slice(6), 'base64').toString('utf8');
}

describe('cli: credentials', function () {
  this.slow(4000);
  this.timeout(120_000); // several runs of the command each, on a busy machine
  let server: ScriptedHttpServer;
  let tmp: string;
  before(async function () {
    server = await ScriptedHttpServer.start();
    server.route('/dav/', { body: LISTING });
    tmp = mkdtempSync(join(tmpdir(), 'multistatus-cred-'));
  });
  after(async function () {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  const sent = async (argv: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; auth?: string }> => {
    const n = server.requests.length;
    const r = await runCli(argv, { env: { MULTISTATUS_PASSWORD: '', ...env } });
    const req = server.requests[n];
    return { code: r.code, stderr: r.stderr, auth: req ? basic(req.headers.authorization) : undefined };
  };

  it('-u user:password as before; -u user takes $MULTISTATUS_PASSWORD (UTF-8)', async function () {
    expect((await sent([server.url('/dav/'), '-u', 'ann:pa:ss'])).auth).to.equal('ann:pa:ss');
    const env = await runCli([server.url('/dav/'), '-u', 'ann'], { env: { MULTISTATUS_PASSWORD: 'sécret' } });
    expect(env.code, env.stderr).to.equal(0);
    expect(basic(server.requests.at(-1)!.headers.authorization)).to.equal('ann:sécret');
  });

  it('-u user with no password and no terminal: exit 2 saying where a password can come from', async function () {
    const r = await runCli([server.url('/dav/'), '-u', 'ann'], { env: { MULTISTATUS_PASSWORD: '' } });
    // An empty variable is a password (""), as with curl's -u user: — unset it to see the error.
    expect(r.code, r.stderr).to.equal(0);
    const n = server.requests.length;
    const env = { ...process.env };
    delete env.MULTISTATUS_PASSWORD;
    const none = await runCli([server.url('/dav/'), '-u', 'ann'], { env: env as Record<string, string> });
    expect(none.code).to.equal(2);
    expect(none.stderr).to.equal('multistatus: -u ann: no password; set MULTISTATUS_PASSWORD, run on a terminal to be asked, or use --netrc (see multistatus --help)\n');
    expect(server.requests.length).to.equal(n);
  });

  it('asks for the password on a terminal and does not echo it', async function () {
    const env = { ...process.env };
    delete env.MULTISTATUS_PASSWORD;
    const n = server.requests.length;
    const r = await runInTerminal([server.url('/dav/'), '-u', 'ann', '--no-progress', '-f', 'summary'], {
      stdout: 'pipe', stderr: 'pty', stdin: 'stderr', type: { text: 'hunter2\r', when: 'Password for ' }, env: env as Record<string, string>,
    });
    expect(r.timedOut).to.equal(false);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.equal(`Password for ann@${new URL(server.url()).host}: \n`);
    expect(r.stderr).to.not.contain('hunter2');
    expect(basic(server.requests[n]!.headers.authorization)).to.equal('ann:hunter2');
    expect((JSON.parse(r.stdout) as { responses: number }).responses).to.be.above(0);
  });

  it('--netrc: the entry of the host (or default), quoted tokens and macdefs skipped; none: a warning', async function () {
    const host = new URL(server.url()).hostname;
    const netrc = join(tmp, 'netrc');
    writeFileSync(netrc, `# comment\nmachine other.example login x password y\nmacdef init\nmachine ${host} login fake password fake\n\nmachine ${host}\n  login bob\n  password "p w"\ndefault login anon password guest\n`);
    expect((await sent([server.url('/dav/'), '--netrc'], { NETRC: netrc })).auth).to.equal('bob:p w');
    expect((await sent([server.url('/dav/'), '-n', '-u', 'bob'], { NETRC: netrc })).auth).to.equal('bob:p w');
    const other = join(tmp, 'netrc-other');
    writeFileSync(other, 'machine other.example login x password y\n');
    const none = await sent([server.url('/dav/'), '--netrc'], { NETRC: other });
    expect(none.code).to.equal(0);
    expect(none.auth).to.equal(undefined);
    expect(none.stderr).to.equal(`multistatus: warning: --netrc: no entry for ${host} in ${other}; sending no credentials\n`);
  });

  it('netrcEntry: host first, then default; a given login must match', function () {
    const text = 'machine a.example login ann password 1\ndefault login anon password 2\nmachine b.example login bob password 3';
    expect(netrcEntry(text, 'a.example')).to.deep.equal({ username: 'ann', password: '1' });
    expect(netrcEntry(text, 'B.EXAMPLE')).to.deep.equal({ username: 'bob', password: '3' });
    expect(netrcEntry(text, 'c.example')).to.deep.equal({ username: 'anon', password: '2' });
    expect(netrcEntry(text, 'a.example', 'zed')).to.equal(undefined);
    expect(netrcEntry('machine a.example login ann', 'a.example')).to.equal(undefined);
  });
});
