/**
 * A consumer of the published package, copied by test/package/check.ts into a fresh project where
 * `multistatus` was installed from the packed tarball. It imports every public export (check.ts
 * fails if one is missing here), is type-checked strictly (with and without the DOM library), and
 * is then run: it exits non-zero if the package does not parse the body below as expected.
 *
 * Not part of the repository's own tsconfig (which only includes `*.ts`): it resolves
 * `multistatus` from the installed package, not from lib/.
 */
import {
  BUILTIN_DECODERS,
  CALDAV_NS,
  CARDDAV_NS,
  DAV_NS,
  DEFAULT_LIMITS,
  keyOf,
  MultistatusError,
  MultistatusParser,
  MultistatusStream,
  normaliseKey,
  parseMultistatus,
  parseStatus,
  propfind,
  propfindBody,
  report,
  syncCollection,
  walk,
  readOutcomes,
  requireSuccess,
  PartialFailureError,
  proppatch,
  deleteResource,
  copy,
  move,
  lock,
  unlock,
} from 'multistatus';
import type {
  LockGrant,
  LockInfo,
  LockOptions,
  Outcome,
  OutcomeEntry,
  OutcomeIterator,
  OutcomeOptions,
  OutcomeSummary,
  PropertyOutcome,
  PropertyUpdate,
  PropstatEntry,
  PropValue,
  StatusEntry,
  TransferOptions,
  WriteOptions,
} from 'multistatus';
import type {
  Ace,
  AnyParseOptions,
  RequestedPropsOf,
  Untyped,
  UntypedParseOptions,
  BuiltinProps,
  Empty,
  JsonValue,
  NormaliseKey,
  OptionsFor,
  PropsOf,
  PropstatProps,
  ResponseOf,
  UntypedProps,
  UntypedValue,
  AcePrincipal,
  ActiveLock,
  DataType,
  DavResponse,
  DavStatus,
  Decoder,
  Diagnostic,
  Depth,
  ErrorPosition,
  HeadersInput,
  HttpDetails,
  Limits,
  LockEntry,
  MultistatusErrorCode,
  MultistatusIterator,
  MultistatusParserOptions,
  MultistatusSummary,
  ParentBinding,
  ParseOptions,
  PropertyDecoder,
  PropfindOptions,
  PropKey,
  PropRequest,
  Props,
  Propstat,
  ReportOptions,
  RequestOptions,
  Source,
  SupportedPrivilege,
  SyncIterator,
  SyncOptions,
  SyncSummary,
  WalkFailure,
  WalkIterator,
  WalkOptions,
  WalkSummary,
  XmlElement,
} from 'multistatus';

const BODY = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:X="http://example.com/ns">
<D:response>
<D:href>/dir/</D:href>
<D:propstat>
<D:prop>
<D:resourcetype><D:collection/></D:resourcetype>
<D:getlastmodified>Thu, 29 Feb 2024 12:34:56 GMT</D:getlastmodified>
<D:lockdiscovery><D:activelock><D:locktype><D:write/></D:locktype><D:lockscope><D:exclusive/></D:lockscope>
<D:depth>infinity</D:depth><D:timeout>Second-3600</D:timeout>
<D:locktoken><D:href>urn:uuid:e71d4fae-5dec-22d6-fea5-00a0c91e6be4</D:href></D:locktoken>
<D:lockroot><D:href>/dir/</D:href></D:lockroot></D:activelock></D:lockdiscovery>
<D:supportedlock><D:lockentry><D:lockscope><D:shared/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockentry></D:supportedlock>
<X:count>7</X:count>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
<D:response>
<D:href>/dir/a%20b.txt</D:href>
<D:propstat>
<D:prop><D:getcontentlength>42</D:getcontentlength><D:getetag>"2a-1"</D:getetag><X:tags><X:tag>red</X:tag></X:tags></D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
<D:propstat>
<D:prop><D:quota-used-bytes/></D:prop>
<D:status>HTTP/1.1 404 Not Found</D:status>
</D:propstat>
</D:response>
<D:sync-token>http://example.com/sync/12</D:sync-token>
</D:multistatus>
`;

const failures: string[] = [];
function check(what: string, ok: boolean): void {
  if (!ok) failures.push(what);
}

// Options and the types they are made of.
const countKey = '{http://example.com/ns}count';
const madeKey: PropKey = keyOf('http://example.com/ns', 'count');
const countDecoder: PropertyDecoder<number> = (value: string | XmlElement) => (typeof value === 'string' ? Number(value) : NaN);
const limits: Limits = { ...DEFAULT_LIMITS, maxDepth: 64 };
const options = {
  baseUrl: new URL('http://example.com/'),
  decoders: { [countKey]: countDecoder },
  limits,
  typed: true,
  strict: false,
  signal: new AbortController().signal,
} satisfies ParseOptions;
/** The responses these options give: the count key typed by its decoder. */
type R = ResponseOf<typeof options>;

function elementText(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : elementText(c))).join('');
}
function statusCode(status: DavStatus | undefined): number | null {
  return status ? status.code : null;
}
function privileges(p: SupportedPrivilege): string[] {
  return [p.privilege, ...p.children.flatMap(privileges)];
}
function principal(a: Ace): string {
  const who: AcePrincipal = a.principal;
  return `${a.invert ? 'not ' : ''}${who.kind}:${who.value ?? ''} +${a.grant.join(',')} -${a.deny.join(',')}`;
}
function dataType(d: DataType): string {
  return `${d.contentType ?? '?'};${d.version ?? '?'}`;
}
function binding(b: ParentBinding): string {
  return `${b.href}${b.segment}`;
}

function checkResponses(face: string, responses: R[]): void {
  check(`${face}: 2 responses`, responses.length === 2);
  const [dir, file] = responses;
  if (!dir || !file) return;
  const props: PropsOf<typeof options> = dir.props;
  check(`${face}: resourcetype`, JSON.stringify(props.resourcetype) === '["collection"]');
  check(`${face}: getlastmodified`, props.getlastmodified instanceof Date && props.getlastmodified.toISOString() === '2024-02-29T12:34:56.000Z');
  const locks: ActiveLock[] = props.lockdiscovery ?? [];
  const lock: ActiveLock | undefined = locks[0];
  check(`${face}: lockdiscovery`, lock?.scope === 'exclusive' && lock.type === 'write' && lock.timeout === 3600 && lock.root === '/dir/');
  const entries: LockEntry[] = props.supportedlock ?? [];
  check(`${face}: supportedlock`, entries[0]?.scope === 'shared' && entries[0].type === 'write');
  const count: number | undefined = props[countKey];
  check(`${face}: custom decoder`, count === 7 && madeKey === countKey);
  check(`${face}: path`, file.path === '/dir/a b.txt');
  check(`${face}: url`, file.url === 'http://example.com/dir/a%20b.txt');
  check(`${face}: getcontentlength`, file.props.getcontentlength === 42);
  check(`${face}: getetag`, file.props.getetag === '"2a-1"');
  const tags = file.props['{http://example.com/ns}tags'] as XmlElement;
  check(`${face}: unknown property with elements`, elementText(tags) === 'red');
  const missing: Propstat<PropsOf<typeof options>> | undefined = file.propstats[1];
  check(`${face}: 404 propstat`, statusCode(missing?.status) === 404 && missing?.props['quota-used-bytes'] === null);
}

function checkSummary(face: string, summary: MultistatusSummary): void {
  const diagnostics: Diagnostic[] = summary.diagnostics;
  check(`${face}: summary`, summary.responses === 2 && summary.syncToken === 'http://example.com/sync/12' && diagnostics.length === 0);
}

async function viaIterator(): Promise<void> {
  const source: Source = new TextEncoder().encode(BODY);
  const iterator: MultistatusIterator<PropsOf<typeof options>> = parseMultistatus(source, options);
  const responses: R[] = [];
  for await (const r of iterator) responses.push(r);
  checkResponses('iterator', responses);
  checkSummary('iterator', await iterator.summary());
}

async function viaStream(): Promise<void> {
  const stream = new MultistatusStream(options);
  const body = new Response(BODY).body;
  if (!body) throw new Error('no body');
  const reader = body.pipeThrough(stream).getReader();
  const responses: R[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) responses.push(next.value);
  checkResponses('stream', responses);
  checkSummary('stream', await stream.summary);
}

function viaParser(): void {
  const responses: R[] = [];
  const parser = new MultistatusParser({ ...options, onResponse: (r) => responses.push(r) });
  const plain: MultistatusParserOptions = { onResponse: (r: DavResponse) => void r.props.getetag };
  void plain;
  parser.write(BODY.slice(0, 100));
  parser.write(BODY.slice(100));
  checkSummary('parser', parser.end());
  checkResponses('parser', responses);
}

async function errors(): Promise<void> {
  const position: ErrorPosition = { line: 1, column: 1, offset: 0 };
  const made = new MultistatusError('USAGE', 'made by hand', position);
  check('MultistatusError is an Error', made instanceof Error && made.code === 'USAGE');
  try {
    for await (const r of parseMultistatus('<html><body>502 Bad Gateway</body></html>')) check(`no response from HTML: ${r.href}`, false);
    check('HTML body throws', false);
  } catch (error) {
    const code: MultistatusErrorCode | undefined = error instanceof MultistatusError ? error.code : undefined;
    check(`HTML body throws NOT_MULTISTATUS (got ${String(code)})`, code === 'NOT_MULTISTATUS');
  }
}

function helpers(): void {
  check('normaliseKey', normaliseKey('{DAV:}getetag') === 'getetag');
  check('namespaces', DAV_NS === 'DAV:' && CALDAV_NS === 'urn:ietf:params:xml:ns:caldav' && CARDDAV_NS === 'urn:ietf:params:xml:ns:carddav');
  check('parseStatus', parseStatus('HTTP/1.1 424 Failed Dependency').code === 424);
  const lastModified: Decoder | undefined = BUILTIN_DECODERS.get('getlastmodified');
  check('BUILTIN_DECODERS', lastModified !== undefined && !lastModified.element);
  // Structured property types without a value in BODY: only their shape is checked, by tsc.
  const ace: Ace = { principal: { kind: 'all' }, invert: false, grant: ['read'], deny: [], protected: false };
  const tree: SupportedPrivilege = { privilege: 'all', abstract: false, children: [{ privilege: 'read', abstract: false, children: [] }] };
  check('type helpers', principal(ace) === 'all: +read -' && privileges(tree).join() === 'all,read');
  check('type helpers 2', dataType({ contentType: 'text/calendar', version: '2.0' }) === 'text/calendar;2.0' && binding({ href: '/a/', segment: 'b' }) === '/a/b');
}

/** The client layer over a fetch test double: no network. */
async function client(): Promise<void> {
  const seen: string[] = [];
  const listing = (hrefs: string[], token = ''): string =>
    `<D:multistatus xmlns:D="DAV:">${hrefs
      .map((h) => `<D:response><D:href>${h}</D:href><D:propstat><D:prop><D:resourcetype>${h.endsWith('/') ? '<D:collection/>' : ''}</D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`)
      .join('')}${token ? `<D:sync-token>${token}</D:sync-token>` : ''}</D:multistatus>`;
  const fakeFetch: typeof fetch = async (input, init) => {
    const url = String(input);
    const depth = new Headers(init?.headers).get('depth');
    seen.push(`${init?.method} ${url} ${depth}`);
    if (url.endsWith('/missing/')) return new Response('<html>gone</html>', { status: 404, statusText: 'Not Found' });
    if (depth === 'infinity') return new Response('', { status: 403, statusText: 'Forbidden' });
    if (init?.method === 'REPORT') return new Response(listing(['/cal/a.ics'], 'tok-2'), { status: 207 });
    return new Response(listing(url.endsWith('/sub/') ? ['/d/sub/', '/d/sub/b.txt'] : ['/d/', '/d/a.txt', '/d/sub/']), { status: 207 });
  };
  const headers: HeadersInput = { 'X-Client': 'consumer' };
  const request: RequestOptions = { fetch: fakeFetch, headers, auth: { username: 'u', password: 'p' }, timeout: 10_000 };
  const depth: Depth = 1;
  const props: PropRequest = ['getetag'];
  // `satisfies`, not an annotation: an annotated options object widens the value types (README, Typed values).
  const pf = { ...request, depth, props } satisfies PropfindOptions;
  const one: DavResponse[] = [];
  for await (const r of propfind('http://dav.invalid/d/', pf)) one.push(r);
  check('propfind', one.length === 3 && one[1]?.url === 'http://dav.invalid/d/a.txt');
  const ro = { ...request, depth: 0 } satisfies ReportOptions;
  check('report', (await report('http://dav.invalid/cal/', propfindBody('allprop'), ro).summary()).responses === 1);
  const wo = { ...request, concurrency: 2, retries: 1 } satisfies WalkOptions;
  const tree: WalkIterator = walk('http://dav.invalid/d/', wo);
  const paths: string[] = [];
  for await (const r of tree) paths.push(r.path);
  const ws: WalkSummary = await tree.summary();
  const failures: WalkFailure[] = ws.failures;
  check(`walk (${paths.join(' ')})`, paths.join(' ') === '/d/ /d/a.txt /d/sub/ /d/sub/b.txt' && ws.mode === 'depth-1' && ws.refusal === '403 Forbidden' && failures.length === 0);
  const so = { ...request, token: 'tok-1' } satisfies SyncOptions;
  const sync: SyncIterator = syncCollection('http://dav.invalid/cal/', so);
  const ss: SyncSummary = await sync.summary();
  check('syncCollection', ss.syncToken === 'tok-2' && ss.requests === 1);
  try {
    for await (const r of propfind('http://dav.invalid/missing/', request)) check(`no response from a 404: ${r.href}`, false);
  } catch (error) {
    const http: HttpDetails | undefined = error instanceof MultistatusError ? error.http : undefined;
    check('a 404 is an HTTP error', error instanceof MultistatusError && error.code === 'HTTP' && http?.status === 404 && http.body === '<html>gone</html>');
  }
  check('fetch double saw the requests', seen.length >= 6);
}

/**
 * The strict consumer lines of the typed-model issues: natural code, no casts. Against 0.1.0 (props
 * typed `Record<string, unknown>`) each was a tsc error (TS2322, TS18046, TS2365); since 0.3.0 every
 * key is optional, so each read is guarded (`?.`, `??`, a check), and the unguarded reads are errors.
 */
async function strictLines(): Promise<void> {
  let total = 0;
  let collections = 0;
  for await (const r of parseMultistatus(BODY)) {
    if (r.propstats[0]?.props.getcontentlength === undefined && r.props.getcontentlength === undefined) {
      collections += r.props.resourcetype?.includes('collection') ? 1 : 0;
      // @ts-expect-error a server may leave getlastmodified out (0.2.0 compiled this, and it threw)
      r.props.getlastmodified.toISOString();
      const modified: string | undefined = r.props.getlastmodified?.toISOString();
      check('strict lines: getlastmodified', modified === '2024-02-29T12:34:56.000Z');
      continue;
    }
    // @ts-expect-error a collection has no getcontentlength
    const unguarded: number = r.props.getcontentlength;
    void unguarded;
    const size: number = r.props.getcontentlength ?? 0;
    total += r.props.getcontentlength ?? 0;
    check('strict lines: size', size === 42);
  }
  check('strict lines: total and collections', total === 42 && collections === 1);
  // Narrowing, typed: false, the helper types.
  for await (const r of parseMultistatus(BODY, { properties: ['getetag'] })) {
    const etag: string | undefined = r.props.getetag;
    void etag;
  }
  for await (const r of parseMultistatus(BODY, { typed: false })) {
    const raw: UntypedValue | undefined = r.props.getlastmodified;
    check('typed: false', raw === undefined || typeof raw === 'string');
  }
  const builtin: Partial<BuiltinProps> = { getetag: '"e"' };
  const untyped: UntypedProps = { x: 'y' };
  const json: JsonValue = [1, 'a', null];
  const key: NormaliseKey<'{DAV:}getetag'> = 'getetag';
  const none: Empty = {};
  const nullable: Partial<PropstatProps<Props>> = { getetag: null };
  const wrap = <const O extends AnyParseOptions = Empty>(o?: OptionsFor<O>): MultistatusIterator<PropsOf<O>> => parseMultistatus(BODY, o);
  const untypedOptions: UntypedParseOptions = { typed: false };
  const untypedWalk: Untyped<WalkOptions> = { typed: false, concurrency: 1 };
  const asked: RequestedPropsOf<{ props: ['getetag'] }, 'resourcetype'> = { resourcetype: ['collection'] };
  check('0.3.0 helper types', untypedOptions.typed === false && untypedWalk.concurrency === 1 && asked.getetag === undefined);
  for await (const r of wrap({ properties: ['getcontentlength'] })) check('OptionsFor', typeof r.props.getcontentlength === 'number' || r.props.getcontentlength === undefined);
  check('helper types', builtin.getetag === '"e"' && untyped.x === 'y' && Array.isArray(json) && key === 'getetag' && Object.keys(none).length === 0 && nullable.getetag === null);
}

/** The write methods: a 207 with a failed entry never reads as success; every helper over an injected fetch. */
async function writes(): Promise<void> {
  const partial = '<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/f/b.txt</D:href><D:status>HTTP/1.1 423 Locked</D:status></D:response>'
    + '<D:response><D:href>/f/</D:href><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:response></D:multistatus>';
  const outcomeOptions: OutcomeOptions = { status: 207, maxFailures: 10 };
  const read: OutcomeIterator = readOutcomes(partial, outcomeOptions);
  const seen: Outcome[] = [];
  for await (const e of read) {
    const entry: OutcomeEntry = e;
    if (entry.form === 'status') seen.push((entry satisfies StatusEntry).outcome);
    else seen.push(...(entry satisfies PropstatEntry).properties.map((p: PropertyOutcome) => p.outcome));
  }
  check('readOutcomes: failed then dependent', seen.join() === 'failed,dependent');
  const rejected = await requireSuccess(partial).then(() => undefined, (e: unknown) => e);
  check('requireSuccess rejects a partial failure', rejected instanceof PartialFailureError && rejected.code === 'PARTIAL_FAILURE' && rejected.byStatus['423'] === 1);

  const answers: Record<string, () => Response> = {
    PROPPATCH: () => new Response('<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/f/a</D:href><D:propstat><D:prop><D:displayname/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>', { status: 207 }),
    DELETE: () => new Response(null, { status: 204 }),
    COPY: () => new Response(null, { status: 201 }),
    MOVE: () => new Response(null, { status: 201 }),
    LOCK: () => new Response('<?xml version="1.0"?><D:prop xmlns:D="DAV:"><D:lockdiscovery/></D:prop>', { status: 200, headers: { 'lock-token': '<urn:uuid:1>' } }),
    UNLOCK: () => new Response(null, { status: 204 }),
  };
  const fake: typeof fetch = async (_input, init) => (answers[init?.method ?? ''] ?? (() => new Response(null, { status: 500 })))();
  const options: WriteOptions = { fetch: fake };
  const value: PropValue = 'Report';
  const update: PropertyUpdate = { set: { displayname: value } };
  const patched: OutcomeSummary = await requireSuccess(proppatch('http://dav.test/f/a', update, options));
  const transfer: TransferOptions = { ...options, overwrite: false };
  const info: LockInfo = { owner: 'me' };
  const lockOptions: LockOptions = { ...options, ...info, timeout: 60 };
  await requireSuccess(deleteResource('http://dav.test/f/old/', options));
  await requireSuccess(copy('http://dav.test/f/a', 'http://dav.test/f/b', transfer));
  await requireSuccess(move('http://dav.test/f/b', 'http://dav.test/f/c', transfer));
  const granted: LockGrant | undefined = (await requireSuccess(lock('http://dav.test/f/a', lockOptions))).lock;
  await requireSuccess(unlock('http://dav.test/f/a', granted?.token ?? 'urn:uuid:1', options));
  check('write helpers over an injected fetch', patched.ok && patched.succeeded === 1 && granted?.token === 'urn:uuid:1');
}

await viaIterator();
await client();
await writes();
await strictLines();
await viaStream();
viaParser();
await errors();
helpers();

if (failures.length) throw new Error(`consumer: ${failures.length} check(s) failed:\n  ${failures.join('\n  ')}`);
console.log('consumer: all checks passed');
