#!/usr/bin/env node
/**
 * `multistatus`: PROPFIND a server (or read a saved body from a file or stdin), parse the 207
 * Multi-Status as it streams in, and print NDJSON, a table or a summary, with progress on stderr.
 */
import { readFile } from 'node:fs/promises';
import type { ReadStream } from 'node:tty';
import { MultistatusError } from '../errors.js';
import { parseArgs } from './args.js';
import type { CliOptions, Format as FormatName } from './args.js';
import { columnsForProps, DEFAULT_COLUMNS, column } from './columns.js';
import { credentials } from './credentials.js';
import { printDiagnostics } from './diagnostics.js';
import { EXIT_HTTP, EXIT_INCOMPLETE, EXIT_INTERRUPTED, EXIT_OK, EXIT_PARSE, EXIT_USAGE, HttpError, InputError, UsageError } from './exit.js';
import type { Format } from './format.js';
import { HELP, version } from './help.js';
import { decompressed } from './decompress.js';
import { openLocal } from './input.js';
import type { Input } from './input.js';
import { Relative, filtered, sorted } from './listing.js';
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
import type { WalkSummary } from '../client/options.js';
import { safeLine, safeLines } from './safe-text.js';
import { summaryFormat } from './summary.js';
import { tableFormat } from './table.js';
import { transport } from './transport.js';
import { runWrite } from './write.js';

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

  for (const warning of opts.warnings) process.stderr.write(`multistatus: warning: ${safeLine(warning)}\n`);

  const out = new Output(process.stdout);
  const formatName: FormatName = opts.format ?? (out.isTTY ? 'table' : 'ndjson');
  const columns = tableColumns(opts, formatName);
  if (opts.url && opts.write.method !== undefined) return write(opts, opts.url, out, formatName);
  if (opts.url && (opts.sync !== undefined || (opts.depth === 'infinity' && opts.report === undefined))) {
    return drive(opts, opts.url, out, formatName, columns);
  }
  let input: Input;
  try {
    input = await open(opts, formatName, columns);
  } catch (e) {
    return fail(e);
  }
  if (opts.progress ?? process.stderr.isTTY === true) {
    progress = new Progress(process.stderr, input.total);
    progress.start();
  }
  const base = opts.base ?? input.baseUrl;
  const format = listingFormat(opts, formatName, out, columns, base);
  try {
    const result = await pump(input, {
      parse: { baseUrl: base, encoding: input.encoding, strict: opts.strict, limits: opts.limits },
      format,
      out,
      progress,
      sharedScreen: out.isTTY && process.stderr.isTTY === true,
    });
    progress?.finish();
    if (opts.diagnostics && result.ended) printDiagnostics(process.stderr, result.summary);
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
async function drive(opts: CliOptions, url: URL, out: Output, formatName: FormatName, columns: string[] | undefined): Promise<number> {
  let request;
  try {
    request = clientOptions({
      headers: opts.headers,
      auth: await askCredentials(opts, url),
      fetch: await transport({ insecure: opts.insecure, cacert: opts.cacert, env: process.env }),
      timeout: opts.timeout,
      userAgent: `multistatus/${version()}`,
    });
  } catch (e) {
    return fail(e);
  }
  const parse = { baseUrl: opts.base, strict: opts.strict, limits: opts.limits };
  const asked = propsToAsk(opts, formatName === 'table' ? columns : undefined);
  let it: MultistatusIterator;
  let bytes: (() => number) | undefined;
  if (opts.sync !== undefined) {
    // getetag always (the sync's default), and what the table's columns show.
    const syncProps = ['getetag', ...(formatName === 'table' && opts.props.length === 0 ? (columns ?? []).map((c) => column(c).prop) : [])];
    for (const key of syncProps) if (key !== undefined && !asked.includes(key)) asked.push(key);
    it = syncCollection(url, { ...request, ...parse, token: opts.sync, props: asked });
  } else {
    const concurrency = opts.concurrency ?? 4;
    const w: WalkIterator = walk(url, {
      ...request,
      ...parse,
      props: opts.propname ? 'propname' : asked.length ? asked : 'allprop',
      concurrency,
      onFallback(mode, refusal) {
        progress?.clear();
        if (mode === 'no-resource-id') {
          process.stderr.write(`multistatus: ${safeLine(refusal ?? '')}\n`);
          return;
        }
        const why = mode === 'depth-1' ? `the server refused Depth: infinity (${refusal ?? 'refused'})` : 'the server answered Depth: infinity as Depth: 1';
        process.stderr.write(`multistatus: ${safeLine(why)}; walking the tree with Depth: 1 requests, ${concurrency} at a time\n`);
      },
      // Go on past a listing that fails for good (as rclone does), unless --fail-fast.
      skipFailures: !opts.failFast,
      onFailure(failure) {
        progress?.clear();
        process.stderr.write(`multistatus: warning: listing ${failure.url} failed, going on without it: ${failure.code}: ${safeLine(failure.message.split('\n')[0]!)}\n`);
      },
    });
    bytes = () => w.progress().bytes;
    it = w;
  }
  if (opts.progress ?? process.stderr.isTTY === true) {
    progress = new Progress(process.stderr, undefined);
    progress.start();
  }
  const format = listingFormat(opts, formatName, out, columns, opts.base ?? url.href);
  try {
    const result = await pumpResponses(it, { format, out, progress, sharedScreen: out.isTTY && process.stderr.isTTY === true, bytes });
    progress?.finish();
    if (opts.diagnostics && result.ended) printDiagnostics(process.stderr, result.summary);
    const failed = result.ended ? ((result.summary as Partial<WalkSummary>).failures?.length ?? 0) : 0;
    if (failed > 0) {
      process.stderr.write(`multistatus: ${failed} listing${failed === 1 ? '' : 's'} failed; the listing above lacks what ${failed === 1 ? 'it' : 'they'} held (--format summary names them; --fail-fast stops at the first)\n`);
      return EXIT_INCOMPLETE;
    }
  } catch (e) {
    progress?.finish();
    return fail(cliHttpError(e, { auth: request.auth, timeout: opts.timeout, method: opts.sync !== undefined ? 'REPORT' : 'PROPFIND', url }));
  }
  return EXIT_OK;
}

/** `-X METHOD`: a write method (write.ts), its outcome printed entry by entry; exit 4 on a partial failure. */
async function write(opts: CliOptions, url: URL, out: Output, format: FormatName): Promise<number> {
  try {
    const request = clientOptions({
      headers: opts.headers,
      auth: await askCredentials(opts, url),
      fetch: await transport({ insecure: opts.insecure, cacert: opts.cacert, env: process.env }),
      timeout: opts.timeout,
      userAgent: `multistatus/${version()}`,
    });
    return await runWrite({ opts, url, format, out, stderr: process.stderr, request });
  } catch (e) {
    return fail(e);
  }
}

/** The output format with what --relative, --sort and --type add to it. */
function listingFormat(opts: CliOptions, formatName: FormatName, out: Output, columns: string[] | undefined, base: string | undefined): Format {
  const relative = opts.relative ? new Relative(base) : undefined;
  let format = makeFormat(formatName, out, opts, columns, relative);
  if (opts.sort) format = sorted(format, opts.sort, opts.reverse);
  if (opts.type) {
    format = filtered(format, opts.type, (n) => {
      process.stderr.write(`multistatus: warning: ${n} response${n === 1 ? '' : 's'} without a resourcetype left out by --type\n`);
    });
  }
  if (relative) format = relative.watch(format);
  return format;
}

function makeFormat(name: FormatName, out: Output, opts: CliOptions, columns: string[] | undefined, relative: Relative | undefined): Format {
  if (name === 'table') {
    return tableFormat(out, { columns, utc: opts.utc, path: relative ? (r) => relative.path(r) : undefined });
  }
  if (name === 'summary') return summaryFormat(out);
  return ndjsonFormat(out, { propstats: opts.propstats });
}

/**
 * The table's columns: --columns; for named properties type, status, one per property and path;
 * the default set for allprop and files; `undefined` for a REPORT (its first response decides).
 */
function tableColumns(opts: CliOptions, format: FormatName): string[] | undefined {
  if (format !== 'table') return undefined;
  if (opts.columns) return opts.columns;
  if (opts.props.length) return columnsForProps(['resourcetype', ...opts.props]);
  if (opts.report !== undefined) return undefined;
  // A sync is about what changed: its etag beside the type (asked for along with it, see drive).
  if (opts.sync !== undefined) return ['type', 'size', 'modified', 'status', 'etag', 'path'];
  return DEFAULT_COLUMNS;
}

/**
 * The properties to ask for: those named, plus what the table's columns, --type and --sort need
 * (resourcetype to tell files from folders…). None named: allprop, which has them all.
 */
function propsToAsk(opts: CliOptions, columns: string[] | undefined): string[] {
  if (opts.props.length === 0) return [];
  const props = [...opts.props];
  const need = (key: string | undefined): void => {
    if (key !== undefined && !props.includes(key)) props.push(key);
  };
  for (const name of columns ?? []) need(column(name).prop);
  if (opts.type) need('resourcetype');
  if (opts.sort === 'size') need('getcontentlength');
  if (opts.sort === 'modified') need('getlastmodified');
  if (opts.sort === 'type') need('resourcetype');
  if (opts.sort === 'name') need('displayname');
  return props;
}

async function open(opts: CliOptions, format: FormatName, columns: string[] | undefined): Promise<Input> {
  if (!opts.url) return openLocal(opts.input);
  let body: string;
  if (opts.report !== undefined) {
    try {
      body = opts.report === '-' ? await readStdin() : await readFile(opts.report, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read the --report body ${opts.report}: ${(e as Error).message}`);
    }
  } else {
    const asked = propsToAsk(opts, format === 'table' ? columns : undefined);
    body = propfindBody(opts.propname ? 'propname' : asked.length ? asked : 'allprop');
  }
  const auth = await askCredentials(opts, opts.url);
  // A gzip or deflate body served without Content-Encoding is read as a file's would be.
  return decompressed(await request({
    url: opts.url,
    method: opts.report !== undefined ? 'REPORT' : 'PROPFIND',
    depth: opts.report !== undefined ? opts.depth : (opts.depth ?? '1'),
    body,
    headers: opts.headers,
    auth,
    fetch: await transport({ insecure: opts.insecure, cacert: opts.cacert, env: process.env }),
    timeout: opts.timeout,
    userAgent: `multistatus/${version()}`,
  }), opts.url.href);
}

/** Credentials from -u (the password from the environment or a prompt) or --netrc. */
function askCredentials(opts: CliOptions, url: URL): ReturnType<typeof credentials> {
  return credentials({
    user: opts.user,
    netrc: opts.netrc,
    url,
    fromUrl: opts.urlCredentials,
    env: process.env,
    terminal: process.stdin.isTTY && process.stderr.isTTY ? { input: process.stdin as ReadStream, output: process.stderr } : undefined,
    warn: (message) => process.stderr.write(`multistatus: warning: ${safeLine(message)}\n`),
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
    // The library's hint names its option; the command's is --limit.
    const message = e.code === 'LIMIT_EXCEEDED' ? e.message.replace(/\(raise limits\.(\w+)\)/, '(raise it with --limit $1=N)') : e.message;
    process.stderr.write(`multistatus: ${e.code}: ${safeLine(message)}\n`);
    return EXIT_PARSE;
  }
  if (e instanceof UsageError) {
    // One line, as curl and git do: the mistake, and where to read more.
    process.stderr.write(`multistatus: ${safeLine(e.message)} (see multistatus --help)\n`);
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
