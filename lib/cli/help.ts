/** The `--help` text and the `--version` number. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NDJSON_SCHEMA } from './ndjson.js';

export const HELP = `usage: multistatus [options] FILE | - | URL

Parse a WebDAV 207 Multi-Status body as a stream and print each response as it arrives.
The input is a saved body (FILE, gzip or deflate compressed or not), stdin (-), or an http(s)
URL: then multistatus sends the PROPFIND (or REPORT) itself and parses the answer while it
downloads, in flat memory.

Output
  -f, --format FORMAT   ndjson   one JSON object per response (NDJSON schema ${NDJSON_SCHEMA}: the library's
                                 DavResponse without propstats, dates as ISO strings); the
                                 default when stdout is not a terminal
                        table    one row per response (see --columns), then the totals; the
                                 default on a terminal; a cell wider than its column is cut
                                 and ends in an ellipsis (the last column never is)
                        summary  one JSON object: responses, bytes of XML, statuses, files,
                                 folders, fileBytes, syncToken, truncated, diagnostics,
                                 seconds, throughput, peak memory
      --propstats       ndjson: add each response's propstats (per-status property lists)
  -c, --columns LIST    table columns, comma-separated: type, size, modified, status, etag,
                        ctype, name, data (size of calendar/address data), path, or a
                        property key ({http://owncloud.org/ns}fileid). Default: type, size,
                        modified, status, path; with -p: type, status, those properties, path
  -t, --type f|d        only files (f) or only folders (d)
  -s, --sort KEY        sort by path, size, modified, type or name (holds the listing in memory)
  -r, --reverse         reverse the --sort order
      --relative        table paths relative to the request URL (or --base)
      --utc             table times in UTC, marked Z (default: local time, unmarked)
      --base URL        resolve hrefs against URL (adds "url"; default with a URL input: that URL)
      --diagnostics     list every tolerated server quirk on stderr, with its line and column
      --strict          fail on the first tolerated server quirk instead
      --progress        progress on stderr even when stderr is not a terminal
      --no-progress     no progress (default: progress when stderr is a terminal)
      --limit NAME=N    raise or lower one of the parser's limits (repeatable): maxTextLength,
                        maxResponseSize, maxDepth, maxAttributes, maxProperties,
                        maxNamespaceDeclarations, maxDiagnostics; N may end in KiB, MiB or GiB
      --fail-fast       -d infinity: stop the walk at the first listing that fails for good
                        (default: go on, say so on stderr, exit 5 with the failures in the summary)

Request (URL input only)
  -d, --depth 0|1|infinity
                        Depth header (default 1 for PROPFIND; REPORT sends one only if given).
                        A PROPFIND with infinity walks the tree with Depth: 1 requests when the
                        server refuses infinity (one line on stderr says so)
      --concurrency N   Depth: 1 requests in flight during that walk (default 4). A walk's
                        summary adds mode, requests, retries, collections, failures and
                        tooDeep (folders 64 levels down, not listed; the table counts them too)
      --sync [TOKEN]    send a sync-collection REPORT from TOKEN (none: the initial sync), follow
                        its 507 pages; the summary format prints the new syncToken
  -p, --prop NAME       ask for this property; repeatable. A DAV: local name (getetag) or
                        Clark notation ({http://owncloud.org/ns}fileid). None: allprop
      --propname        ask for the property names only
      --report FILE     send a REPORT with the XML body in FILE (- for stdin) instead of a
                        PROPFIND: calendar-query, addressbook-query, sync-collection...
  -H, --header 'Name: value'
                        add a request header; repeatable (overrides the defaults, with a
                        warning when it overrides an option such as --depth)
  -u, --user USER[:PASSWORD]
                        HTTP Basic authentication. Without :PASSWORD the password comes from
                        $MULTISTATUS_PASSWORD, or is asked for on the terminal (not echoed)
  -n, --netrc           take the credentials for the host from $NETRC or ~/.netrc
  -k, --insecure        accept any TLS certificate
      --cacert FILE     trust the CA certificates in this PEM file as well
      --timeout SECONDS wait at most this long for the response, then for each piece of
                        the body (default: no limit)
  Proxies: HTTPS_PROXY, HTTP_PROXY (or lower case), except for the hosts in NO_PROXY.

Write methods (URL input only; a write is sent only when -X names it)
  -X, --request METHOD  DELETE, COPY, MOVE, PROPPATCH, LOCK or UNLOCK. A 207 answer is read entry
                        by entry: what happened to each resource (or property). An entry is ok
                        (2xx), failed, or dependent (424 Failed Dependency: a consequence of
                        another failure). Exit 4 when an entry is not ok
      --destination URL COPY, MOVE: where to (an absolute URL)
      --overwrite T|F   COPY, MOVE: F refuses to replace an existing destination
      --set NAME=VALUE  PROPPATCH: set this property; repeatable. NAME: a DAV: local name or
                        {namespace}name; VALUE: text
      --remove NAME     PROPPATCH: remove this property; repeatable
      --owner TEXT      LOCK: the lock owner
      --lock-timeout SECONDS|infinite
                        LOCK: the timeout to ask for (default: the server's)
      --lock-token TOKEN
                        UNLOCK: the lock to release; LOCK: refresh this lock instead
  -d, --depth 0|infinity
                        COPY of a collection and LOCK (default infinity); not for the others
  Output: ndjson, one line per entry: href, path, outcome, status (the status form) or
  properties (name: status code; every per-property status with --propstats), error (condition
  names), responseDescription, location; then one line on stderr with the HTTP status, the
  counts, a Location and a lock token. table: the failures first, then what succeeded, then
  that line. summary: one JSON object (counts by status, the first failures, lock, location).

  -h, --help            this text
  -V, --version         the version

Exit status
  0  success
  1  the body is not a well-formed multistatus, or the input cannot be read; the last line on
     stderr is "multistatus: CODE: message (line L, column C, byte B)", after every complete
     response has been printed
  2  usage error (one line, then see --help)
  3  HTTP error: no connection, timeout, a status other than 207 (its status and the start of
     its body are shown; 401 says that credentials are needed), a body that broke off
  4  -X: the server answered 207 and at least one entry (resource or property) did not succeed
  5  -d infinity: the walk went on past listings that failed for good (a warning on stderr for
     each; the summary format lists them as failures); --fail-fast stops at the first instead
  Only transient failures are retried (3 times): no connection, a reset, a timeout, a body
  that broke off, 408, 429, 502, 503, 504. Credentials in the URL (http://user:pass@host/) are
  sent as Basic authentication and never printed; -u wins over them.

Examples
  multistatus https://dav.example/files/ --depth infinity | jq -r 'select(.props.getcontentlength > 1e9) | .path'
  multistatus https://dav.example/files/ -d infinity -t f --sort size -r --relative -f table
  multistatus https://cal.example/dav/calendars/me/work/ --report calendar-query.xml --depth 1 -u me
  curl -s -X PROPFIND -H 'Depth: 1' https://dav.example/files/ | multistatus - --format summary
  multistatus saved-listing.xml.gz --format summary --diagnostics
  multistatus -X DELETE https://dav.example/files/old/ -f table
  multistatus -X PROPPATCH https://dav.example/files/a.txt --set '{http://example.com/ns}color=red'
`;

/** The version in the package.json that ships with this file (found by walking up from here). */
export function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'multistatus' && pkg.version) return pkg.version;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
