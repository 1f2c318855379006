/**
 * What a mistake on the command line looks like (child process): one line with the mistake and
 * where to read more, exit 2; a URL typed without its scheme gets a hint; an -H header that
 * overrides an option given on the same line is said so on stderr.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemeHint } from '../../lib/cli/input.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

const LISTING = readFileSync(join(FIXTURES_DIR, 'servers', 'apache2-propfind-d1-allprop.xml'));

describe('cli: usage errors, hints and warnings (child process)', function () {
  this.slow(3000);
  this.timeout(120_000); // several runs of the command each, on a busy machine

  for (const [argv, message] of [
    [['a.xml', '--format', 'csv'], '--format must be one of ndjson, table, summary, got "csv"'],
    [['http://h/', '--depth', '2'], '--depth must be 0, 1 or infinity, got "2"'],
    [['a.xml', '-u', 'admin'], '--user needs a URL as input (the input is a file or stdin)'],
    [['http://h/', '--prop', 'oc:fileid'], '--prop "oc:fileid": prefixes mean nothing here; write {namespace-URI}name, e.g. {http://owncloud.org/ns}fileid'],
  ] as [string[], string][]) {
    it(`${argv.join(' ')}: one line, exit 2`, async function () {
      const r = await runCli(argv);
      expect(r.code).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.equal(`multistatus: ${message} (see multistatus --help)\n`);
    });
  }

  it('a missing file that looks like a URL without its scheme: the URL to type instead', async function () {
    const r = await runCli(['127.0.0.1:41179/']);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/^multistatus: cannot read 127\.0\.0\.1:41179\/: ENOENT[^\n]*; to fetch it, give the scheme: http:\/\/127\.0\.0\.1:41179\/\n$/);
    const plain = await runCli(['no-such-listing.xml']);
    expect(plain.stderr).to.not.match(/scheme/);
  });

  it('guesses the scheme from the host, and leaves file names alone', function () {
    expect(schemeHint('dav.example.com/files/')).to.equal('; to fetch it, give the scheme: https://dav.example.com/files/');
    expect(schemeHint('localhost:8080/dav/')).to.equal('; to fetch it, give the scheme: http://localhost:8080/dav/');
    expect(schemeHint('localhost')).to.equal('; to fetch it, give the scheme: http://localhost/');
    expect(schemeHint('10.0.0.2')).to.equal('; to fetch it, give the scheme: http://10.0.0.2/');
    expect(schemeHint('nas.local:443/x')).to.equal('; to fetch it, give the scheme: https://nas.local:443/x');
    expect(schemeHint('listing.xml')).to.equal('');
    expect(schemeHint('saved/listing.xml')).to.equal('');
    expect(schemeHint('../x.xml')).to.equal('');
  });

  describe('-H against an option', function () {
    let server: ScriptedHttpServer;
    before(async function () {
      server = await ScriptedHttpServer.start();
      server.route('/dav/', { body: LISTING });
    });
    after(async function () {
      await server.close();
    });

    it('-H Depth with --depth: the header is sent, and a warning says it overrides --depth', async function () {
      const n = server.requests.length;
      const r = await runCli([server.url('/dav/'), '-H', 'Depth: 0', '-d', 'infinity']);
      expect(r.code, r.stderr).to.equal(0);
      expect(server.requests[n]!.headers.depth).to.equal('0');
      expect(r.stderr).to.equal("multistatus: warning: -H 'Depth: 0' overrides --depth infinity\n");
    });

    it('-H Depth alone replaces the default quietly; -H Authorization with -u is warned about', async function () {
      const quiet = await runCli([server.url('/dav/'), '-H', 'Depth: 0']);
      expect(quiet.stderr).to.equal('');
      const n = server.requests.length;
      const auth = await runCli([server.url('/dav/'), '-u', 'ann:pw', '-H', 'Authorization: Bearer t']);
      expect(auth.code, auth.stderr).to.equal(0);
      expect(server.requests[n]!.headers.authorization).to.equal('Bearer t');
      expect(auth.stderr).to.equal("multistatus: warning: -H 'Authorization: …' overrides -u\n");
    });
  });
});
