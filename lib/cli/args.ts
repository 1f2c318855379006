/** The command line of `multistatus`, parsed and checked into {@link CliOptions}. */
import { UsageError } from './exit.js';
import { checkWrite, newWriteArgs, setWriteValue, WRITE_HTTP_ONLY, WRITE_VALUE_OPTIONS } from './write-args.js';
import type { WriteArgs, WriteValueOption } from './write-args.js';

export type Format = 'ndjson' | 'table' | 'summary';
export type Depth = '0' | '1' | 'infinity';

export type TypeFilter = 'f' | 'd';
export type SortKey = 'path' | 'size' | 'modified' | 'type' | 'name';

export const FORMATS: readonly Format[] = ['ndjson', 'table', 'summary'];
export const DEPTHS: readonly Depth[] = ['0', '1', 'infinity'];
export const SORT_KEYS: readonly SortKey[] = ['path', 'size', 'modified', 'type', 'name'];

export interface CliOptions {
  /** What to do: parse an input, or print the help or the version. */
  action: 'parse' | 'help' | 'version';
  /** A file path, `-` for stdin, or an http(s) URL (then {@link url} is set). */
  input: string;
  url?: URL;
  /** `undefined`: table when stdout is a terminal, ndjson otherwise. */
  format?: Format;
  /** `undefined`: 1 for PROPFIND; no Depth header for REPORT. */
  depth?: Depth;
  /** Property keys to ask for (DAV: local names or Clark notation); empty: allprop. */
  props: string[];
  propname: boolean;
  /** File (or `-`) holding the REPORT request body. */
  report?: string;
  /** Extra request headers, in order. */
  headers: [name: string, value: string][];
  /** `user` or `user:password` for Basic authentication (see credentials.ts for the password). */
  user?: string;
  /** Read the credentials for the host from ~/.netrc (or $NETRC). */
  netrc: boolean;
  /** Accept any TLS certificate. */
  insecure: boolean;
  /** Trust the CA certificates in this PEM file (besides the usual ones). */
  cacert?: string;
  /** Seconds to wait for the response headers, then for each piece of the body. */
  timeout?: number;
  /** Resolve hrefs against this URL. */
  base?: string;
  /** `undefined`: progress when stderr is a terminal. */
  progress?: boolean;
  strict: boolean;
  /** `--depth infinity` falls back to a walk with this many Depth: 1 requests in flight. */
  concurrency?: number;
  /** `--sync [TOKEN]`: a sync-collection REPORT from TOKEN (`''`: the initial sync). */
  sync?: string;
  /** NDJSON: add each response's `propstats` (off: `props` only). */
  propstats: boolean;
  /** List every diagnostic on stderr. */
  diagnostics: boolean;
  /** Keep only files (`f`) or only collections (`d`). */
  type?: TypeFilter;
  /** Sort the listing (holds it in memory) by this key. */
  sort?: SortKey;
  reverse: boolean;
  /** Table columns, in order (see table.ts); `undefined`: chosen from what was asked. */
  columns?: string[];
  /** Table paths relative to the request URL (or --base). */
  relative: boolean;
  /** Table times in UTC (marked `Z`) instead of local time. */
  utc: boolean;
  /** Warnings about the command line that do not stop it (an -H that overrides an option). */
  warnings: string[];
  /** `-X` and the options of the write methods (write-args.ts). */
  write: WriteArgs;
  /** `--fail-fast`: the walk stops at the first listing that fails for good (default: goes on, exit 5). */
  failFast: boolean;
  /** `--limit NAME=N`: the parser's limits (limits.NAME). */
  limits: Partial<Record<LimitName, number>>;
  /** `user:password@` taken out of the URL (percent-decoded), as curl does; -u wins over it. */
  urlCredentials?: { username: string; password: string };
}

/** The parser's limits the command line can set with `--limit NAME=N`. */
export const LIMIT_NAMES = ['maxDepth', 'maxTextLength', 'maxResponseSize', 'maxAttributes', 'maxProperties', 'maxNamespaceDeclarations', 'maxDiagnostics'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

type ValueOption = 'format' | 'depth' | 'prop' | 'report' | 'header' | 'user' | 'timeout' | 'base' | 'concurrency' | 'cacert' | 'type' | 'sort' | 'columns'
  | 'limit' | WriteValueOption;
type FlagOption = 'propname' | 'progress' | 'no-progress' | 'strict' | 'help' | 'version' | 'netrc' | 'insecure' | 'propstats'
  | 'diagnostics' | 'reverse' | 'relative' | 'utc' | 'fail-fast';

const VALUE_OPTIONS: Record<string, ValueOption> = {
  '--format': 'format', '-f': 'format',
  '--depth': 'depth', '-d': 'depth',
  '--prop': 'prop', '-p': 'prop',
  '--report': 'report',
  '--header': 'header', '-H': 'header',
  '--user': 'user', '-u': 'user',
  '--timeout': 'timeout',
  '--base': 'base',
  '--concurrency': 'concurrency',
  '--cacert': 'cacert',
  '--type': 'type', '-t': 'type',
  '--sort': 'sort', '-s': 'sort',
  '--columns': 'columns', '-c': 'columns',
  '--limit': 'limit',
  ...WRITE_VALUE_OPTIONS,
};

const FLAG_OPTIONS: Record<string, FlagOption> = {
  '--propname': 'propname',
  '--progress': 'progress',
  '--no-progress': 'no-progress',
  '--strict': 'strict',
  '--help': 'help', '-h': 'help',
  '--version': 'version', '-V': 'version',
  '--netrc': 'netrc', '-n': 'netrc',
  '--insecure': 'insecure', '-k': 'insecure',
  '--propstats': 'propstats',
  '--diagnostics': 'diagnostics',
  '--reverse': 'reverse', '-r': 'reverse',
  '--relative': 'relative',
  '--utc': 'utc',
  '--fail-fast': 'fail-fast',
};

/** Options that only make sense when the input is a URL. */
const HTTP_ONLY: readonly string[] = ['depth', 'prop', 'report', 'header', 'user', 'timeout', 'concurrency', 'sync', 'cacert', 'netrc', 'insecure', ...WRITE_HTTP_ONLY];

/** Table columns and what they show. */
export const COLUMNS: readonly string[] = ['type', 'size', 'modified', 'status', 'etag', 'ctype', 'name', 'path'];

/** An XML local name (NCName, without the rarer code points). */
const NCNAME = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7\u203F\u2040]*$/u;
/** An HTTP header name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Parses `argv` (without `node` and the script). Throws {@link UsageError} for a bad command line. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = {
    action: 'parse', input: '', props: [], propname: false, headers: [], strict: false, netrc: false, insecure: false,
    propstats: false, diagnostics: false, reverse: false, relative: false, utc: false, warnings: [],
    failFast: false, limits: {}, write: newWriteArgs(),
  };
  const seen = new Set<string>();
  const inputs: string[] = [];
  let help = false;
  let version = false;
  let error: UsageError | undefined;
  let onlyInputs = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyInputs || arg === '-' || !arg.startsWith('-')) {
      inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    if (arg === '--sync' || arg.startsWith('--sync=')) {
      // --sync=TOKEN, --sync TOKEN (when an input still follows), or --sync alone (the initial sync).
      if (seen.has('sync')) error ??= new UsageError('--sync given twice');
      seen.add('sync');
      if (arg.startsWith('--sync=')) opts.sync = arg.slice('--sync='.length);
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('-') && (inputs.length > 0 || argv.slice(i + 2).some((a) => a === '-' || !a.startsWith('-')))) {
        opts.sync = argv[++i]!;
      } else opts.sync = '';
      continue;
    }
    const flag = FLAG_OPTIONS[arg];
    if (flag) {
      if (flag === 'help') help = true;
      else if (flag === 'version') version = true;
      else if (flag === 'propname') opts.propname = true;
      else if (flag === 'strict') opts.strict = true;
      else if (flag === 'progress' || flag === 'no-progress') opts.progress = flag === 'progress';
      else {
        setFlag(opts, flag);
        seen.add(flag);
      }
      continue;
    }
    const split = splitValue(arg);
    const name = split ? VALUE_OPTIONS[split.option] : undefined;
    if (!split || !name) {
      error ??= new UsageError(`unknown option: ${arg}`);
      continue;
    }
    let value = split.value;
    if (value === undefined) {
      if (i + 1 >= argv.length) {
        error ??= new UsageError(`${arg} needs a value`);
        continue;
      }
      value = argv[++i]!;
    }
    try {
      setValue(opts, name, value, seen);
      seen.add(name);
    } catch (e) {
      error ??= e as UsageError;
    }
  }

  // --help and --version win over any mistake elsewhere on the line.
  if (help) return { ...opts, action: 'help' };
  if (version) return { ...opts, action: 'version' };
  if (error) throw error;
  if (inputs.length === 0) throw new UsageError('no input given (a file, - for stdin, or a URL)');
  if (inputs.length > 1) throw new UsageError(`one input only, got ${inputs.length}: ${inputs.join(' ')}`);
  opts.input = inputs[0]!;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(opts.input)) {
    const url = URL.canParse(opts.input) ? new URL(opts.input) : undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new UsageError(`not an http(s) URL: ${opts.input.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1…@')}`);
    }
    // Credentials in the URL (http://ann:secret@host/): taken out as curl does; never shown again.
    if (url.username !== '' || url.password !== '') {
      opts.urlCredentials = { username: decodeUserinfo(url.username), password: decodeUserinfo(url.password) };
      url.username = '';
      url.password = '';
      opts.input = url.href;
    }
    opts.url = url;
  } else {
    const httpOnly: string[] = HTTP_ONLY.filter((o) => seen.has(o));
    if (opts.propname) httpOnly.push('propname');
    if (httpOnly.length) throw new UsageError(`--${httpOnly[0]} needs a URL as input (the input is a file or stdin)`);
  }
  if (opts.propname && opts.props.length) throw new UsageError('--prop and --propname do not go together');
  if (opts.report !== undefined && (opts.props.length || opts.propname)) {
    throw new UsageError('--report sends its own request body: --prop and --propname do not apply');
  }
  if (opts.failFast && (opts.depth !== 'infinity' || opts.report !== undefined)) {
    throw new UsageError('--fail-fast applies to --depth infinity (the walk)');
  }
  if (opts.concurrency !== undefined && (opts.depth !== 'infinity' || opts.report !== undefined)) {
    throw new UsageError('--concurrency applies to --depth infinity (the walk it falls back to)');
  }
  if (opts.sync !== undefined && (opts.report !== undefined || opts.propname || opts.depth !== undefined)) {
    throw new UsageError('--sync sends its own REPORT: --report, --propname and --depth do not apply');
  }
  if (opts.report === '-' && opts.input === '-') throw new UsageError('stdin cannot be both the input and the --report body');
  if (opts.insecure && opts.cacert !== undefined) throw new UsageError('--insecure and --cacert do not go together');
  checkWrite(opts.write, opts.propname ? new Set([...seen, 'propname']) : seen, opts.depth);
  opts.warnings.push(...headerWarnings(opts, seen));
  return opts;
}

/** `--name=value` -> name and value; `-Hvalue` -> `-H` and value; `--name` -> name alone. */
function splitValue(arg: string): { option: string; value?: string } | undefined {
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    return eq < 0 ? { option: arg } : { option: arg.slice(0, eq), value: arg.slice(eq + 1) };
  }
  if (arg.length > 2) return { option: arg.slice(0, 2), value: arg.slice(2) };
  return { option: arg };
}

function setValue(opts: CliOptions, name: ValueOption, value: string, seen: Set<string>): void {
  const once = (): void => {
    if (seen.has(name)) throw new UsageError(`--${name} given twice`);
  };
  switch (name) {
    case 'format':
      once();
      if (!(FORMATS as string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${value}"`);
      opts.format = value as Format;
      return;
    case 'depth': {
      once();
      const depth = value.toLowerCase();
      if (!(DEPTHS as string[]).includes(depth)) throw new UsageError(`--depth must be 0, 1 or infinity, got "${value}"`);
      opts.depth = depth as Depth;
      return;
    }
    case 'prop':
      opts.props.push(checkProperty(value));
      return;
    case 'report':
      once();
      if (value === '') throw new UsageError('--report needs a file name (or - for stdin)');
      opts.report = value;
      return;
    case 'header': {
      const colon = value.indexOf(':');
      const headerName = colon < 0 ? '' : value.slice(0, colon).trim();
      if (!TOKEN.test(headerName)) throw new UsageError(`-H wants 'Name: value', got "${value}"`);
      opts.headers.push([headerName, value.slice(colon + 1).trim()]);
      return;
    }
    case 'user':
      once();
      if (value === '' || value.startsWith(':')) throw new UsageError('-u wants a user name: -u user (the password is asked for) or -u user:password');
      opts.user = value;
      return;
    case 'cacert':
      once();
      if (value === '') throw new UsageError('--cacert needs a PEM file');
      opts.cacert = value;
      return;
    case 'type':
      once();
      if (value !== 'f' && value !== 'd') throw new UsageError(`--type must be f (files) or d (directories), got "${value}"`);
      opts.type = value;
      return;
    case 'sort':
      once();
      if (!(SORT_KEYS as string[]).includes(value)) throw new UsageError(`--sort must be one of ${SORT_KEYS.join(', ')}, got "${value}"`);
      opts.sort = value as SortKey;
      return;
    case 'columns': {
      once();
      const columns = value.split(',').map((c) => c.trim()).filter((c) => c !== '');
      const bad = columns.find((c) => !COLUMNS.includes(c) && !c.startsWith('{'));
      if (columns.length === 0 || bad !== undefined) {
        throw new UsageError(`--columns takes a comma-separated list of ${COLUMNS.join(', ')} or {namespace}name, got "${bad ?? value}"`);
      }
      opts.columns = columns.map((c) => (c.startsWith('{') ? checkProperty(c) : c));
      return;
    }
    case 'timeout': {
      once();
      const seconds = Number(value);
      if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
        throw new UsageError(`--timeout wants a number of seconds > 0, got "${value}"`);
      }
      opts.timeout = seconds;
      return;
    }
    case 'concurrency': {
      once();
      const n = Number(value);
      if (!/^\d+$/.test(value.trim()) || n < 1 || n > 64) throw new UsageError(`--concurrency wants a whole number from 1 to 64, got "${value}"`);
      opts.concurrency = n;
      return;
    }
    case 'base':
      once();
      if (!URL.canParse(value)) throw new UsageError(`--base wants an absolute URL, got "${value}"`);
      opts.base = value;
      return;
    case 'limit': {
      const m = /^([A-Za-z]+)=(\d+)(KiB|MiB|GiB)?$/.exec(value.trim());
      const limit = m?.[1] as LimitName | undefined;
      if (!m || !(LIMIT_NAMES as readonly string[]).includes(limit!)) {
        throw new UsageError(`--limit wants NAME=N (N a whole number, KiB, MiB or GiB allowed), NAME one of ${LIMIT_NAMES.join(', ')}; got "${value}"`);
      }
      const unit = m[3] === 'KiB' ? 1024 : m[3] === 'MiB' ? 1024 ** 2 : m[3] === 'GiB' ? 1024 ** 3 : 1;
      opts.limits[limit!] = Number(m[2]) * unit;
      return;
    }
    default:
      setWriteValue(opts.write, name, value, seen, checkProperty);
  }
}

function setFlag(opts: CliOptions, flag: Exclude<FlagOption, 'help' | 'version' | 'propname' | 'strict' | 'progress' | 'no-progress'>): void {
  switch (flag) {
    case 'netrc': opts.netrc = true; return;
    case 'insecure': opts.insecure = true; return;
    case 'propstats': opts.propstats = true; return;
    case 'diagnostics': opts.diagnostics = true; return;
    case 'reverse': opts.reverse = true; return;
    case 'relative': opts.relative = true; return;
    case 'utc': opts.utc = true; return;
    case 'fail-fast': opts.failFast = true; return;
  }
}

/** Percent-decoding of a URL's user name or password (a bad escape kept as it is). */
function decodeUserinfo(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An -H header that replaces what an option given on the same line asked for. */
function headerWarnings(opts: CliOptions, seen: Set<string>): string[] {
  const warnings: string[] = [];
  for (const [name, value] of opts.headers) {
    const key = name.toLowerCase();
    if (key === 'depth' && seen.has('depth')) warnings.push(`-H '${name}: ${value}' overrides --depth ${opts.depth!}`);
    if (key === 'authorization' && (opts.user !== undefined || opts.netrc)) warnings.push(`-H '${name}: …' overrides ${opts.user !== undefined ? '-u' : '--netrc'}`);
  }
  return warnings;
}

/** A property key: a DAV: local name (`getetag`) or Clark notation (`{http://owncloud.org/ns}fileid`, `{}name`). */
function checkProperty(key: string): string {
  const clark = /^\{([^}]*)\}(.*)$/.exec(key);
  const local = clark ? clark[2]! : key;
  if (NCNAME.test(local)) return key;
  if (!clark && key.includes(':')) {
    throw new UsageError(`--prop "${key}": prefixes mean nothing here; write {namespace-URI}name, e.g. {http://owncloud.org/ns}fileid`);
  }
  throw new UsageError(`--prop "${key}" is not a property name (a DAV: local name or {namespace}name)`);
}
