/**
 * The live servers the write-method tests run on, and how to make and look at resources on each
 * over plain HTTP (MKCOL and PUT; radicale only stores calendars and events, so there a folder is
 * a calendar and a file an event).
 */
import { dav } from './dav.js';
import type { ServerName } from './servers.js';

export interface Site {
  name: ServerName;
  /** Path under which the tests make their resources (`/`, or radicale's `/user/`). */
  prefix: string;
  /** `user:password` for Basic auth, when the server wants it. */
  auth?: string;
  caldav: boolean;
}

export const SITES: readonly Site[] = [
  { name: 'apache2', prefix: '/', caldav: false },
  { name: 'nginx', prefix: '/', caldav: false },
  { name: 'lighttpd', prefix: '/', caldav: false },
  { name: 'radicale', prefix: '/user/', auth: 'user:x', caldav: true },
  { name: 'sabre', prefix: '/', caldav: false },
  { name: 'rclone', prefix: '/', caldav: false },
];

const MKCALENDAR = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>w</D:displayname></D:prop></D:set></C:mkcalendar>`;

let uid = 0;
function event(text: string): string {
  uid += 1;
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//multistatus//writes//EN', 'BEGIN:VEVENT', `UID:writes-${uid}-${Date.now()}`,
    'DTSTAMP:20240301T120000Z', 'DTSTART:20240301T120000Z', 'DTEND:20240301T130000Z', `SUMMARY:${text}`, 'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}

/** Makes resources on one running server; every step must succeed (else the case cannot run). */
export class SiteClient {
  constructor(
    readonly site: Site,
    readonly origin: string,
  ) {}

  /** Absolute URL of `rel` (`w1/`, `w1/a.txt`) under the site's prefix. */
  url(rel: string): string {
    return new URL(this.site.prefix + rel, this.origin).href;
  }

  /** Path of `rel` as the server names it in hrefs. */
  path(rel: string): string {
    return this.site.prefix + rel;
  }

  /** A file name: `.ics` on radicale. */
  file(name: string): string {
    return this.site.caldav ? `${name}.ics` : `${name}.txt`;
  }

  async mkdir(rel: string): Promise<void> {
    const res = this.site.caldav
      ? await dav('MKCALENDAR', this.url(rel), { body: MKCALENDAR, auth: this.site.auth })
      : await dav('MKCOL', this.url(rel), { auth: this.site.auth });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`MKCOL ${rel}: ${res.status}`);
  }

  async put(rel: string, text: string): Promise<void> {
    const body = this.site.caldav ? event(text) : text;
    const res = await dav('PUT', this.url(rel), { body, auth: this.site.auth, contentType: this.site.caldav ? 'text/calendar' : 'text/plain' });
    await res.arrayBuffer();
    if (res.status < 200 || res.status > 299) throw new Error(`PUT ${rel}: ${res.status}`);
  }

  /** Whether `rel` exists (PROPFIND Depth 0 answers 207; 404 otherwise). */
  async exists(rel: string): Promise<boolean> {
    const res = await dav('PROPFIND', this.url(rel), { depth: '0', auth: this.site.auth, body: PROPFIND_ETAG });
    await res.arrayBuffer();
    if (res.status === 207) return true;
    if (res.status === 404) return false;
    throw new Error(`PROPFIND ${rel}: ${res.status}`);
  }

  /** The body of `rel` (a file), or undefined when it is not there. */
  async read(rel: string): Promise<string | undefined> {
    const res = await dav('GET', this.url(rel), { auth: this.site.auth });
    const text = await res.text();
    return res.status === 200 ? text : undefined;
  }

  /** A PROPFIND Depth 0 for `prop` (an element with its namespace): the raw answer. */
  async propfind(rel: string, prop: string): Promise<Response> {
    const body = `<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop>${prop}</D:prop></D:propfind>`;
    return dav('PROPFIND', this.url(rel), { depth: '0', auth: this.site.auth, body });
  }
}

const PROPFIND_ETAG = '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>';

/** `Basic …` credentials of a site, as the library's `auth` option. */
export function authOf(site: Site): { username: string; password: string } | undefined {
  if (site.auth === undefined) return undefined;
  const colon = site.auth.indexOf(':');
  return { username: site.auth.slice(0, colon), password: site.auth.slice(colon + 1) };
}
