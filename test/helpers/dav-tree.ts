/**
 * A WebDAV tree scripted on a {@link ScriptedHttpServer}: every collection answers PROPFIND with
 * Depth 1 (or infinity, or refuses it, as told) from a list of paths, so walk tests can shape the
 * server: how it writes hrefs, how it refuses infinity, which listings fail and how.
 */
import type { RecordedRequest, Reply, ScriptedHttpServer } from './scripted-http-server.js';

export type InfinityRule =
  | 'allow'
  /** 403 with a DAV:error body naming propfind-finite-depth (apache's DavDepthInfinity Off). */
  | 'finite-depth'
  /** 403 with an HTML page (nginx). */
  | 'forbidden-html'
  | 'bad-request'
  | 'not-implemented'
  /** 207 as if Depth were 1 (sabre 1.8, radicale). */
  | 'as-depth-1';

export interface TreeOptions {
  infinity?: InfinityRule;
  /** How the href of `path` is written, in the listing of `listed`. Default: percent-encoded path. */
  href?: (path: string, listed: string) => string;
  /** Extra XML inside `<D:prop>` of `path`. */
  props?: (path: string) => string;
  /** Replace the answer to a listing (transient failures...); undefined: the normal answer. */
  override?: (path: string, req: RecordedRequest) => Reply | undefined;
  /** Split each body into pieces of this many bytes, with this delay between them. */
  chunkSize?: number;
  delayMs?: number;
}

export const encodePath = (path: string): string =>
  path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');

const isDir = (p: string): boolean => p.endsWith('/');

/** The parent collection of `path` (`/a/b/` -> `/a/`, `/a/x.txt` -> `/a/`). */
export function parentOf(path: string): string {
  const trimmed = isDir(path) ? path.slice(0, -1) : path;
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}

function responseXml(path: string, href: string, opts: TreeOptions): string {
  const type = isDir(path) ? '<D:resourcetype><D:collection/></D:resourcetype>' : `<D:resourcetype/><D:getcontentlength>${path.length}</D:getcontentlength>`;
  const esc = href.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<D:response><D:href>${esc}</D:href><D:propstat><D:prop>${type}${opts.props?.(path) ?? ''}</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>\n`;
}

/** The 207 body listing `dir` with `depth`. */
export function listingBody(paths: readonly string[], dir: string, depth: '1' | 'infinity', opts: TreeOptions = {}): string {
  const href = opts.href ?? ((p: string) => encodePath(p));
  const members = paths.filter((p) => p !== dir && p.startsWith(dir) && (depth === 'infinity' || parentOf(p) === dir));
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n' +
    [dir, ...members].map((p) => responseXml(p, href(p, dir), opts)).join('') +
    '</D:multistatus>\n'
  );
}

/** Route every collection of `paths` on `server`. */
export function serveTree(server: ScriptedHttpServer, paths: readonly string[], opts: TreeOptions = {}): void {
  for (const dir of paths.filter(isDir)) {
    server.route(dir, (req) => {
      const over = opts.override?.(dir, req);
      if (over) return over;
      let depth = String(req.headers.depth ?? 'infinity').toLowerCase() as '0' | '1' | 'infinity';
      if (depth === 'infinity') {
        switch (opts.infinity ?? 'allow') {
          case 'finite-depth':
            return {
              status: 403,
              body: '<?xml version="1.0" encoding="utf-8"?>\n<D:error xmlns:D="DAV:"><D:propfind-finite-depth/></D:error>\n',
            };
          case 'forbidden-html':
            return { status: 403, headers: { 'Content-Type': 'text/html' }, body: '<html><head><title>403 Forbidden</title></head></html>\n' };
          case 'bad-request':
            return { status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'Depth infinity not supported\n' };
          case 'not-implemented':
            return { status: 501, headers: { 'Content-Type': 'text/plain' }, body: '' };
          case 'as-depth-1':
            depth = '1';
            break;
          case 'allow':
            break;
        }
      }
      const body = depth === '0' ? listingBody([dir], dir, '1', opts) : listingBody(paths, dir, depth, opts);
      const reply: Reply = { body };
      if (opts.chunkSize !== undefined) reply.chunkSize = opts.chunkSize;
      if (opts.delayMs !== undefined) reply.delayMs = opts.delayMs;
      return reply;
    });
  }
}

/** A tree of `dirs` collections under `root`, each with `files` files and `sub` sub-collections, `levels` deep. */
export function makeTree(root: string, levels: number, sub: number, files: number): string[] {
  const out = [root];
  const grow = (dir: string, level: number): void => {
    for (let f = 0; f < files; f++) out.push(`${dir}f${f}.txt`);
    if (level === levels) return;
    for (let d = 0; d < sub; d++) {
      const child = `${dir}d${d}/`;
      out.push(child);
      grow(child, level + 1);
    }
  };
  grow(root, 1);
  return out;
}
