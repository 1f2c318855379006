/**
 * What the compatibility matrix runs against on each server: the collection it lists, how it is
 * seeded (the tricky tree on disk for file servers, calendars PUT over HTTP for CalDAV servers),
 * and the oracle every listing is compared with (`fs.stat` of the tree, or what was PUT).
 */
import { join } from 'node:path';
import { EVENTS } from '../calendar-data.js';
import type { CalendarObject } from '../calendar-data.js';
import { dav, encodePath } from '../dav.js';
import type { ServerName } from '../servers.js';
import { fsListing, seedTrickyTree } from '../tree.js';

/** Row order of the matrix. */
export const MATRIX_SERVERS: readonly ServerName[] = [
  'apache2', 'apache2-finite', 'nginx', 'lighttpd', 'rclone', 'sabre', 'svn', 'webdav-server', 'chezdav', 'pywebdav',
  'radicale', 'sabre-caldav', 'xandikos',
];

export interface Target {
  kind: 'files' | 'caldav';
  /** Path of the walked collection (`/tree/`, or the calendar home). */
  base: string;
  /** `user:password`, when the server wants Basic auth. */
  auth?: string;
  /** Fills the document root before the server starts (file servers). */
  seed?: (root: string) => Promise<void>;
  /** The decoded paths under `base` (itself included, collections ending in `/`) the server must list. */
  expected(root: string): Promise<Set<string>>;
  /** A calendar with several members (CalDAV only): REPORT and sync-collection go there. */
  calendar?: string;
  /** Entries the server is known never to list (nginx's dav-ext hides dot-files). */
  hidden?: (path: string) => boolean;
  /**
   * Paths the server's hrefs name wrongly, as measured (decoded href path -> the seeded path it
   * stands for): chezdav writes `%` unencoded, so `%20literal.txt` comes back naming ` literal.txt`.
   */
  aliases?: Record<string, string>;
  /**
   * Every 207 of this server carries both `Content-Length` and `Transfer-Encoding: chunked`, which
   * fetch refuses: each operation must fail with `SOURCE` after one request, never retried (issue
   * 20 point 3). Its `allprop` crashes (so its walk names the properties it asks for).
   */
  framingRefused?: boolean;
}

const isDotFile = (path: string): boolean => /\/\.[^/]+\/?$/.test(path);
/**
 * A `%` that starts no escape: chezdav lists such names (`100%.txt`, `pct%dir/`) with an empty
 * `<D:href/>`, so nothing below them can be reached.
 */
const hasBadEscape = (path: string): boolean => /%(?![0-9A-Fa-f]{2})/.test(path);

async function treePaths(root: string, hidden?: (path: string) => boolean): Promise<Set<string>> {
  const all = await fsListing(join(root, 'tree'), '/tree/', Infinity);
  return new Set([...all.keys()].filter((p) => !hidden?.(p)));
}

function filesTarget(hidden?: (path: string) => boolean, aliases?: Record<string, string>): Target {
  const t: Target = {
    kind: 'files',
    base: '/tree/',
    seed: (root) => seedTrickyTree(join(root, 'tree')),
    expected: (root) => treePaths(root, hidden),
  };
  if (hidden) t.hidden = hidden;
  if (aliases) t.aliases = aliases;
  return t;
}

/** Two calendars under the home: `cal1` with the three March events, `cal2` with one later event. */
const CALENDARS: Record<string, CalendarObject[]> = {
  'cal1/': [EVENTS.event1, EVENTS.event2, EVENTS.event3],
  'cal2/': [EVENTS.later],
};

const MKCALENDAR = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>
  <D:displayname>Matrix</D:displayname>
</D:prop></D:set></C:mkcalendar>`;

/** `serverMade`: collections the server itself puts in the home (sabre's CalDAV plugin: the scheduling `outbox/`). */
function calendarTarget(home: string, auth: string, serverMade: string[] = []): Target {
  const expected = new Set([home, ...serverMade.map((p) => home + p)]);
  for (const [cal, objects] of Object.entries(CALENDARS)) {
    expected.add(home + cal);
    for (const o of objects) expected.add(home + cal + o.name);
  }
  return { kind: 'caldav', base: home, auth, calendar: `${home}cal1/`, expected: () => Promise.resolve(new Set(expected)) };
}

export const TARGETS: Record<ServerName, Target> = {
  apache2: filesTarget(),
  'apache2-finite': filesTarget(),
  nginx: filesTarget(isDotFile),
  lighttpd: filesTarget(),
  rclone: filesTarget(),
  sabre: filesTarget(),
  svn: filesTarget(),
  'webdav-server': filesTarget(),
  chezdav: filesTarget(hasBadEscape, { '/tree/ literal.txt': '/tree/%20literal.txt' }),
  pywebdav: { ...filesTarget(), framingRefused: true },
  radicale: calendarTarget('/user/', 'user:x'), // auth none: any password
  'sabre-caldav': calendarTarget('/calendars/admin/', 'admin:admin', ['outbox/']),
  xandikos: calendarTarget('/user/calendars/', 'user:x'), // no auth: the header is ignored
};

/** MKCALENDAR and PUT the calendars of a CalDAV target; throws on any status but 201/204. */
export async function seedCalendars(url: string, target: Target): Promise<void> {
  const req = async (method: string, path: string, body: string, contentType?: string): Promise<void> => {
    const res = await dav(method, url + encodePath(path).slice(1), { auth: target.auth, body, contentType, timeoutMs: 20_000 });
    await res.body?.cancel();
    if (res.status !== 201 && res.status !== 204) throw new Error(`seeding: ${method} ${path} answered ${res.status}`);
  };
  for (const [cal, objects] of Object.entries(CALENDARS)) {
    await req('MKCALENDAR', target.base + cal, MKCALENDAR);
    for (const o of objects) await req('PUT', target.base + cal + o.name, o.body, 'text/calendar; charset=utf-8');
  }
}
