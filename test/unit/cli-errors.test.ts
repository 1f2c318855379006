/**
 * The command on broken bodies (child process): every MultistatusError code it can meet in a file
 * or on stdin ends with exit status 1 and one line "multistatus: CODE: message (line L, column C,
 * byte B)" on stderr, printed after every complete response. stdout and stderr go to one file
 * here, so the order in which the command wrote them is what the file holds.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ENV, REPO, cliCommand } from '../helpers/run-cli.js';

const ERROR_LINE = /^multistatus: ([A-Z_]+): [^\n]+ \(line \d+, column \d+, byte (\d+)\)$/;
const ROOT = '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n';
const ok = (href: string): string => `<D:response><D:href>${href}</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>\n`;
const enc = new TextEncoder();

let dir: string;

/** Runs the command; returns its exit status and everything it wrote, stdout and stderr interleaved. */
function run(args: string[], stdin?: Uint8Array): Promise<{ code: number | null; out: string }> {
  const file = join(dir, `out-${Math.random().toString(36).slice(2)}.txt`);
  const fd = openSync(file, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cliCommand(), ...args], {
      cwd: REPO,
      env: { ...process.env, ...CLI_ENV },
      stdio: ['pipe', fd, fd],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      closeSync(fd);
      resolve({ code, out: readFileSync(file, 'utf8') });
    });
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(stdin ?? new Uint8Array(0));
  });
}

const cases: { code: string; what: string; body: Uint8Array; hrefs: string[]; args?: string[] }[] = [
  { code: 'TRUNCATED', what: 'a body cut inside the third response', body: enc.encode(ROOT + ok('/a') + ok('/b') + '<D:response><D:href>/c</D:hr'), hrefs: ['/a', '/b'] },
  { code: 'XML_SYNTAX', what: 'a mismatched end tag in the second response', body: enc.encode(ROOT + ok('/a') + '<D:response><D:href>/b</D:status></D:response></D:multistatus>'), hrefs: ['/a'] },
  { code: 'NOT_MULTISTATUS', what: 'an HTML error page', body: enc.encode('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>\n'), hrefs: [] },
  {
    code: 'ENCODING',
    what: 'an invalid UTF-8 byte in the third response',
    body: new Uint8Array([...enc.encode(ROOT + ok('/a') + ok('/b') + '<D:response><D:href>/c'), 0xff, ...enc.encode('</D:href></D:response></D:multistatus>')]),
    hrefs: ['/a', '/b'],
  },
  {
    code: 'LIMIT_EXCEEDED',
    what: 'nesting deeper than the default limit',
    body: enc.encode(ROOT + ok('/a') + `<D:response><D:href>/b</D:href><D:propstat><D:prop><X:v xmlns:X="urn:x">${'<X:n>'.repeat(300)}`),
    hrefs: ['/a'],
  },
  {
    code: 'STRICT',
    what: 'a response without a status with --strict',
    body: enc.encode(ROOT + ok('/a') + '<D:response><D:href>/b</D:href></D:response></D:multistatus>'),
    hrefs: ['/a'],
    args: ['--strict'],
  },
];

describe('cli: every parse error is exit 1 and one line, after the complete responses (child process)', function () {
  this.slow(3000);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'multistatus-cli-errors-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const c of cases) {
    it(`${c.code}: ${c.what}`, async () => {
      const file = join(dir, `${c.code}.xml`);
      writeFileSync(file, c.body);
      for (const [how, args, stdin] of [
        ['file', [file, ...(c.args ?? [])], undefined],
        ['stdin', ['-', ...(c.args ?? [])], c.body],
      ] as const) {
        const { code, out } = await run([...args], stdin);
        expect(code, `${how}: exit status; output:\n${out}`).to.equal(1);
        const lines = out.split('\n');
        expect(lines.pop(), `${how}: output ends with a newline`).to.equal('');
        const last = lines.pop()!;
        const m = ERROR_LINE.exec(last);
        expect(m, `${how}: last line is the error line: ${last}`).to.not.equal(null);
        expect(m![1]).to.equal(c.code);
        expect(Number(m![2])).to.be.within(0, c.body.length);
        // Everything before it: one JSON object per complete response, in order, nothing else.
        expect(lines.map((l) => (JSON.parse(l) as { href: string }).href), how).to.deep.equal(c.hrefs);
      }
    });
  }
});
