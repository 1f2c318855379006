/** The `--help` text and the `--version` number. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HELP = `usage: multistatus [options] FILE | - | URL

Parse a WebDAV 207 Multi-Status body as a stream and print each response as it arrives.
The input is a saved body (FILE), stdin (-), or an http(s) URL: then multistatus sends the
PROPFIND (or REPORT) itself and parses the answer while it downloads, in flat memory.

Output
  -f, --format FORMAT   ndjson   one JSON object per response (the library's DavResponse model,
                                 dates as ISO strings); the default when stdout is not a terminal
                        table    type, size, modified, status and decoded path, one row per
                                 response; the default on a terminal
                        summary  one JSON object: responses, bytes, per-status counts, syncToken,
                                 truncated, diagnostics, seconds, throughput, peak memory
      --base URL        resolve hrefs against URL (adds "url"; default with a URL input: that URL)
      --strict          fail on any tolerated server quirk instead of counting it as a diagnostic
      --progress        progress on stderr even when stderr is not a terminal
      --no-progress     no progress (default: progress when stderr is a terminal)

Request (URL input only)
  -d, --depth 0|1|infinity
                        Depth header (default 1 for PROPFIND; REPORT sends one only if given).
                        A PROPFIND with infinity walks the tree with Depth: 1 requests when the
                        server refuses infinity (one line on stderr says so)
      --concurrency N   Depth: 1 requests in flight during that walk (default 4)
      --sync [TOKEN]    send a sync-collection REPORT from TOKEN (none: the initial sync), follow
                        its 507 pages; the summary format prints the new syncToken
  -p, --prop NAME       ask for this property; repeatable. A DAV: local name (getetag) or
                        Clark notation ({http://owncloud.org/ns}fileid). None: allprop
      --propname        ask for the property names only
      --report FILE     send a REPORT with the XML body in FILE (- for stdin) instead of a
                        PROPFIND: calendar-query, addressbook-query, sync-collection...
  -H, --header 'Name: value'
                        add a request header; repeatable (overrides the defaults)
  -u, --user USER:PASSWORD
                        HTTP Basic authentication
      --timeout SECONDS wait at most this long for the response, then for each piece of
                        the body (default: no limit)

  -h, --help            this text
  -V, --version         the version

Exit status
  0  success
  1  the body is not a well-formed multistatus, or the input cannot be read; the last line on
     stderr is "multistatus: CODE: message (line L, column C, byte B)", after every complete
     response has been printed
  2  usage error
  3  HTTP error: no connection, timeout, a status other than 207 (its status and the start of
     its body are shown; 401 says that credentials are needed), a body that broke off

Examples
  multistatus https://dav.example/files/ --depth infinity | jq -r 'select(.props.getcontentlength > 1e9) | .path'
  multistatus https://dav.example/files/ --prop getcontentlength --prop getlastmodified --format table
  multistatus https://cal.example/dav/calendars/me/work/ --report calendar-query.xml --depth 1 -u me:secret
  curl -s -X PROPFIND -H 'Depth: 1' https://dav.example/files/ | multistatus - --format summary
  multistatus saved-listing.xml --format summary
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
