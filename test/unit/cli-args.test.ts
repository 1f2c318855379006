/** The command line of `multistatus`: what parseArgs accepts, what it refuses, and why. */
import { expect } from 'chai';
import { parseArgs } from '../../lib/cli/args.js';
import { UsageError } from '../../lib/cli/exit.js';

function refused(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).to.be.instanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('cli: arguments', function () {
  it('takes a file with the defaults left open (format and progress follow the terminals)', function () {
    const o = parseArgs(['listing.xml']);
    expect(o).to.deep.include({ action: 'parse', input: 'listing.xml', props: [], propname: false, headers: [], strict: false });
    expect(o.format).to.equal(undefined);
    expect(o.progress).to.equal(undefined);
    expect(o.depth).to.equal(undefined);
    expect(o.url).to.equal(undefined);
  });

  it('takes - as stdin, and anything after -- as the input', function () {
    expect(parseArgs(['-', '--format', 'summary']).input).to.equal('-');
    expect(parseArgs(['--', '--odd-name.xml']).input).to.equal('--odd-name.xml');
  });

  it('reads every request option for a URL, in both spellings', function () {
    const o = parseArgs([
      'https://dav.example/files/', '--depth=infinity', '-p', 'getetag', '--prop', '{http://owncloud.org/ns}fileid',
      '-H', 'X-One: 1', '--header=X-Two:  two  ', '-uuser:pa:ss', '--timeout', '2.5', '--base', 'https://other.example/',
      '-f', 'table', '--no-progress', '--strict',
    ]);
    expect(o.url?.href).to.equal('https://dav.example/files/');
    expect(o.depth).to.equal('infinity');
    expect(o.props).to.deep.equal(['getetag', '{http://owncloud.org/ns}fileid']);
    expect(o.headers).to.deep.equal([['X-One', '1'], ['X-Two', 'two']]);
    expect(o.user).to.equal('user:pa:ss');
    expect(o.timeout).to.equal(2.5);
    expect(o.base).to.equal('https://other.example/');
    expect(o.format).to.equal('table');
    expect(o.progress).to.equal(false);
    expect(o.strict).to.equal(true);
    expect(parseArgs(['x.xml', '--progress']).progress).to.equal(true);
  });

  it('accepts Depth case-insensitively and stores it as sent on the wire', function () {
    expect(parseArgs(['http://h/', '--depth', 'Infinity']).depth).to.equal('infinity');
    expect(parseArgs(['http://h/', '-d', '0']).depth).to.equal('0');
  });

  it('lets --help and --version win over mistakes elsewhere on the line', function () {
    expect(parseArgs(['--bogus', '--help']).action).to.equal('help');
    expect(parseArgs(['-h']).action).to.equal('help');
    expect(parseArgs(['-V', 'a', 'b']).action).to.equal('version');
  });

  it('refuses a missing input, two inputs, unknown options and missing values', function () {
    expect(refused([])).to.match(/no input/);
    expect(refused(['a.xml', 'b.xml'])).to.match(/one input only/);
    expect(refused(['a.xml', '--colour'])).to.equal('unknown option: --colour');
    expect(refused(['a.xml', '--format'])).to.equal('--format needs a value');
  });

  it('refuses bad values, naming what it wants', function () {
    expect(refused(['a.xml', '--format', 'csv'])).to.match(/--format must be one of ndjson, table, summary, got "csv"/);
    expect(refused(['http://h/', '--depth', '2'])).to.match(/--depth must be 0, 1 or infinity/);
    expect(refused(['http://h/', '--timeout', '0'])).to.match(/--timeout wants a number of seconds > 0/);
    expect(refused(['http://h/', '--timeout', 'soon'])).to.match(/--timeout/);
    expect(refused(['http://h/', '-H', 'NoColon'])).to.match(/-H wants 'Name: value'/);
    expect(refused(['http://h/', '-H', 'Bad Name: x'])).to.match(/-H wants/);
    expect(refused(['http://h/', '-u', ':secret'])).to.match(/-u wants a user name/);
    expect(parseArgs(['http://h/', '-u', 'justuser']).user).to.equal('justuser'); // the password is asked for
    expect(refused(['http://h/', '--type', 'x'])).to.match(/--type must be f \(files\) or d/);
    expect(refused(['http://h/', '--sort', 'colour'])).to.match(/--sort must be one of path, size, modified, type, name/);
    expect(refused(['http://h/', '--columns', 'size,colour'])).to.match(/--columns takes .* got "colour"/);
    expect(refused(['http://h/', '-k', '--cacert', 'ca.pem'])).to.match(/do not go together/);
    expect(refused(['a.xml', '--netrc'])).to.match(/--netrc needs a URL/);
    expect(refused(['a.xml', '--base', 'relative/path'])).to.match(/--base wants an absolute URL/);
    expect(refused(['a.xml', '--format', 'ndjson', '--format', 'table'])).to.match(/given twice/);
  });

  it('refuses property names that are not DAV: local names or Clark notation, and explains prefixes', function () {
    expect(refused(['http://h/', '--prop', 'oc:fileid'])).to.match(/\{namespace-URI\}name/);
    expect(refused(['http://h/', '--prop', '1abc'])).to.match(/not a property name/);
    expect(refused(['http://h/', '--prop', '{http://x/}'])).to.match(/not a property name/);
    expect(parseArgs(['http://h/', '--prop', '{}bare', '--prop', 'résumé']).props).to.deep.equal(['{}bare', 'résumé']);
  });

  it('refuses request options without a URL', function () {
    expect(refused(['a.xml', '--depth', '1'])).to.match(/--depth needs a URL/);
    expect(refused(['-', '-u', 'a:b'])).to.match(/--user needs a URL/);
    expect(refused(['a.xml', '--propname'])).to.match(/--propname needs a URL/);
  });

  it('refuses options that contradict each other', function () {
    expect(refused(['http://h/', '--prop', 'getetag', '--propname'])).to.match(/do not go together/);
    expect(refused(['http://h/', '--report', 'q.xml', '--prop', 'getetag'])).to.match(/--report sends its own request body/);
    expect(refused(['-', '--report', '-'])).to.match(/needs a URL/);
  });

  it('takes http and https URLs only', function () {
    expect(refused(['ftp://h/x'])).to.match(/not an http\(s\) URL/);
    expect(parseArgs(['HTTP://H/x']).url?.href).to.equal('http://h/x');
  });
});
