#!/usr/bin/env node
/**
 * `multistatus`: PROPFIND a server (or read a saved body from a file or stdin), parse the 207
 * Multi-Status as it streams in, and print NDJSON, a table or a summary, with progress on stderr.
 */
import { readFile } from 'node:fs/promises';
import { MultistatusError } from '../errors.js';
import { parseArgs } from './args.js';
import type { CliOptions, Format as FormatName } from './args.js';
import { EXIT_HTTP, EXIT_INTERRUPTED, EXIT_OK, EXIT_PARSE, EXIT_USAGE, HttpError, InputError, UsageError } from './exit.js';
import type { Format } from './format.js';
import { HELP, version } from './help.js';
import { openLocal } from './input.js';
import type { Input } from './input.js';
import { ndjsonFormat } from './ndjson.js';
import { Output } from './output.js';
import { Progress } from './progress.js';
import { propfindBody } from '../client/propfind-body.js';
import { pump } from './pump.js';
import { pumpResponses } from './pump-responses.js';
import { clientOptions, cliHttpError, request } from './request.js';
import type { MultistatusIterator } from '../iterate.js';
import { syncCollection } from '../client/sync.js';
import { walk } from '../client/walk.js';
import type { WalkIterator } from '../client/walk.js';
import { safeLine, safeLines } from './safe-text.js';
import { summaryFormat } from './summary.js';
import { tableFormat } from './table.js';

let progress: Progress | undefined;

async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    return fail(e);
  }
  if (opts.action === 'help') {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  if (opts.action === 'version') {
    process.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }

  const out = new Output(process.stdout);
  const formatName: FormatName = opts.format ?? (out.isTTY ? 'table' : 'ndjson');
  if (opts.url && (opts.sync !== undefined || (opts.depth === 'infinity' && opts.report === undefined))) return drive(opts, opts.url, out, formatName);
  let input: Input;
  try {
    input = await open(opts);
  } catch (e) {
    return fail(e);
  }
  if (opts.progress ?? process.stderr.isTTY === true) {
    progress = new Progress(process.stderr, input.total);
    progress.start();
  }
  try {
    await pump(input, {
      parse: { baseUrl: opts.base ?? input.baseUrl, encoding: input.encoding, strict: opts.strict },
      format: makeFormat(formatName, out),
      out,
      progress,
      sharedScreen: out.isTTY && process.stderr.isTTY === true,
    });
    progress?.finish();
    return EXIT_OK;
  } catch (e) {
    progress?.finish();
    return fail(e);
  }
}

/**
 * `--depth infinity` (a walk when the server refuses it) and `--sync`: requests the library drives,
 * their responses printed as they come.
 */
async function drive(opts: CliOptions, url: URL, out: Output, formatName: FormatName): Promise<number> {
  const spec = { headers: opts.headers, user: opts.user, timeout: opts.timeout, userAgent: `multistatus/${version()}` };
  const request = clientOptions(spec);
  const parse = { baseUrl: opts.base, strict: opts.strict };
  let it: MultistatusIterator;
  let bytes: (() => number) | undefined;
  if (opts.sync !== undefined) {
    it = syncCollection(url, { ...request, ...parse, token: opts.sync, props: opts.props.length ? opts.props : undefined });
  } else {
    const concurrency = opts.concurrency ?? 4;
    const w: WalkIterator = walk(url, {
      ...request,
      ...parse,
      props: opts.propname ? 'propname' : opts.props.length ? opts.props : 'allprop',
      concurrency,
      onFallback(mode, refusal) {
        progress?.clear();
        const why = mode === 'depth-1' ? `the server refused Depth: infinity (${refusal ?? 'refused'})` : 'the server answered Depth: infinity as Depth: 1';
        process.stderr.write(`multistatus: ${why}; walking the tree with Depth: 1 requests, ${concurrency} at a time\n`);
      },
    });
    bytes = () => w.progress().bytes;
    it = w;
  }
  if (opts.progress ?? process.stderr.isTTY === true) {
    progress = new Progress(process.stderr, undefined);
    progress.start();
  }
  try {
    await pumpResponses(it, { format: makeFormat(formatName, out), out, progress, sharedScreen: out.isTTY && process.stderr.isTTY === true, bytes });
  } catch (e) {
    progress?.finish();
    return fail(cliHttpError(e, { user: opts.user, timeout: opts.timeout, method: opts.sync !== undefined ? 'REPORT' : 'PROPFIND', url }));
  }
  progress?.finish();
  return EXIT_OK;
}

function makeFormat(name: FormatName, out: Output): Format {
  if (name === 'table') return tableFormat(out);
  if (name === 'summary') return summaryFormat(out);
  return ndjsonFormat(out);
}

async function open(opts: CliOptions): Promise<Input> {
  if (!opts.url) return openLocal(opts.input);
  let body: string;
  if (opts.report !== undefined) {
    try {
      body = opts.report === '-' ? await readStdin() : await readFile(opts.report, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read the --report body ${opts.report}: ${(e as Error).message}`);
    }
  } else {
    body = propfindBody(opts.props, opts.propname);
  }
  return request({
    url: opts.url,
    method: opts.report !== undefined ? 'REPORT' : 'PROPFIND',
    depth: opts.report !== undefined ? opts.depth : (opts.depth ?? '1'),
    body,
    headers: opts.headers,
    user: opts.user,
    timeout: opts.timeout,
    userAgent: `multistatus/${version()}`,
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Prints the error the way its kind wants, and gives the exit code. */
function fail(e: unknown): number {
  if (e instanceof MultistatusError) {
    // One line: `multistatus: CODE: message (line L, column C, byte B)`.
    process.stderr.write(`multistatus: ${e.code}: ${safeLine(e.message)}\n`);
    return EXIT_PARSE;
  }
  if (e instanceof UsageError) {
    // The help text first, so that the mistake is the last line on the screen.
    process.stderr.write(`${HELP}\nmultistatus: ${safeLine(e.message)}\n`);
    return EXIT_USAGE;
  }
  if (e instanceof HttpError) {
    process.stderr.write(`multistatus: ${safeLines(e.message)}\n`);
    return EXIT_HTTP;
  }
  if (e instanceof InputError) {
    process.stderr.write(`multistatus: ${safeLine(e.message)}\n`);
    return EXIT_PARSE;
  }
  process.stderr.write(`multistatus: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT_PARSE;
}

/** Exit once stdout and stderr have handed everything to the OS (a keep-alive socket must not hold us). */
function exit(code: number): void {
  let waiting = 2;
  const done = (): void => {
    if (--waiting === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

process.once('SIGINT', () => {
  progress?.finish();
  process.stderr.write('multistatus: interrupted\n');
  exit(EXIT_INTERRUPTED);
});

main(process.argv.slice(2)).then(exit, (e: unknown) => exit(fail(e)));
