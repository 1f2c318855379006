import type { BodyShape } from './body.js';
import type { Random } from './random.js';
import { randomStamp, xmlEscape } from './text.js';
import { TreeWalker, type TreeEntry } from './tree.js';

const USERS = [
  { id: 'alice', name: 'Alice' },
  { id: 'bob', name: 'Bob &amp; Co' },
  { id: 'zoe', name: 'Zoë Müller' },
  { id: 'admin', name: 'admin' },
];
const TAGS = ['work', 'holiday', 'important', 'to review'];
const MIME: Record<string, string> = {
  txt: 'text/plain', jpg: 'image/jpeg', pdf: 'application/pdf', json: 'application/json',
  md: 'text/markdown', gz: 'application/gzip', ics: 'text/calendar', html: 'text/html',
};

/**
 * Nextcloud (SabreDAV) answering the Files app's PROPFIND: one line, `d:`/`oc:`/`nc:`
 * prefixes declared once on the root, many `oc:` and `nc:` properties (fileid, permissions,
 * size, checksums, share types, tags, JSON in `nc:share-attributes`), `&quot;`-quoted ETags,
 * a declaration on the property element itself for `x1:share-permissions`, and a 404 propstat.
 */
export function nextcloudShape(): BodyShape {
  let walker: TreeWalker | undefined;
  const instance = 'oc9l3j5ur4db';
  return {
    header: () =>
      '<?xml version="1.0"?>\n<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">',
    response(index: number, random: Random): string {
      walker ??= new TreeWalker('/remote.php/dav/files/alice/', random);
      const entry: TreeEntry = index === 0 ? { href: '/remote.php/dav/files/alice/', name: 'alice', ext: '', collection: true } : walker.next();
      return nextcloudResponse(entry, index, instance, random);
    },
    footer: () => '</d:multistatus>\n',
  };
}

function nextcloudResponse(entry: TreeEntry, index: number, instance: string, random: Random): string {
  const fileid = 1000 + index;
  const modified = randomStamp(random);
  const size = entry.collection ? random.int(0, 2 ** 34) : random.int(0, 1 << random.int(4, 30));
  const owner = random.pick(USERS);
  const ext = entry.ext;
  const shared = random.next() < 0.2;
  const tagged = random.next() < 0.3;
  return (
    `<d:response><d:href>${entry.href}</d:href><d:propstat><d:prop>` +
    `<d:getlastmodified>${modified.http}</d:getlastmodified>` +
    (entry.collection ? '<d:resourcetype><d:collection/></d:resourcetype>' : `<d:getcontentlength>${size}</d:getcontentlength><d:resourcetype/>`) +
    `<d:getetag>&quot;${random.hex(13)}&quot;</d:getetag>` +
    (entry.collection ? '' : `<d:getcontenttype>${MIME[ext] ?? 'application/octet-stream'}</d:getcontenttype>`) +
    `<oc:permissions>${entry.collection ? 'RGDNVCK' : 'RGDNVW'}</oc:permissions>` +
    `<oc:fileid>${fileid}</oc:fileid>` +
    `<oc:id>${String(fileid).padStart(8, '0')}${instance}</oc:id>` +
    `<oc:size>${size}</oc:size>` +
    `<oc:favorite>${random.next() < 0.1 ? 1 : 0}</oc:favorite>` +
    `<oc:owner-id>${owner.id}</oc:owner-id>` +
    `<oc:owner-display-name>${owner.name}</oc:owner-display-name>` +
    `<oc:comments-href>/remote.php/dav/comments/files/${fileid}</oc:comments-href>` +
    `<oc:comments-count>0</oc:comments-count><oc:comments-unread>0</oc:comments-unread>` +
    (shared ? '<oc:share-types><oc:share-type>0</oc:share-type><oc:share-type>3</oc:share-type></oc:share-types>' : '<oc:share-types/>') +
    (tagged ? `<oc:tags><oc:tag>${random.pick(TAGS)}</oc:tag></oc:tags>` : '<oc:tags/>') +
    (entry.collection ? '' : `<oc:checksums><oc:checksum>SHA1:${random.hex(40)} MD5:${random.hex(32)}</oc:checksum></oc:checksums>`) +
    `<d:displayname>${xmlEscape(entry.name)}</d:displayname>` +
    `<nc:has-preview>${!entry.collection && ext === 'jpg' ? 'true' : 'false'}</nc:has-preview>` +
    '<nc:mount-type></nc:mount-type><nc:is-encrypted>0</nc:is-encrypted>' +
    `<nc:creation_time>0</nc:creation_time><nc:upload_time>${modified.ms / 1000}</nc:upload_time>` +
    '<nc:lock>0</nc:lock><nc:hidden>false</nc:hidden>' +
    (entry.collection ? `<nc:contained-folder-count>${random.int(0, 9)}</nc:contained-folder-count><nc:contained-file-count>${random.int(0, 60)}</nc:contained-file-count>` : '') +
    '<x1:share-permissions xmlns:x1="http://open-collaboration-services.org/ns">31</x1:share-permissions>' +
    '<nc:share-attributes>[]</nc:share-attributes>' +
    (shared ? `<nc:sharees><nc:sharee><nc:id>bob</nc:id><nc:display-name>Bob</nc:display-name><nc:type>0</nc:type></nc:sharee></nc:sharees>` : '<nc:sharees/>') +
    '</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>' +
    '<d:propstat><d:prop>' +
    (entry.collection ? '<d:getcontentlength/><d:getcontenttype/>' : '') +
    '<d:quota-used-bytes/><d:quota-available-bytes/><nc:note/><nc:rich-workspace/>' +
    '</d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>'
  );
}
