/**
 * The write methods: PROPPATCH, DELETE, COPY, MOVE, LOCK and UNLOCK over the client's request
 * options (credentials, headers, timeout, signal, injected fetch). Each returns an
 * {@link OutcomeIterator} at once; like `propfind`, the request is sent on the first `next()` or
 * `result()`. A mistake in the arguments (a bad property name, destination or token) throws
 * `USAGE` at once.
 */
import { MultistatusError } from '../errors.js';
import { DEFAULT_MAX_FAILURES, Outcomes } from './outcome.js';
import type { OutcomeIterator } from './outcome-types.js';
import type { LockOptions, TransferOptions, WriteOptions } from './write-options.js';
import { lockBody, proppatchBody } from './write-body.js';
import type { PropertyUpdate } from './write-body.js';
import { sendWrite } from './write-request.js';
import type { WriteSpec } from './write-request.js';

function urlOf(url: string | URL): string {
  return typeof url === 'string' ? url : url.href;
}

/** Builds the lazy iterator over one write request. */
function outcomes(spec: WriteSpec, options: WriteOptions): OutcomeIterator {
  const { status: _status, maxFailures, ...rest } = options;
  return new Outcomes((stop) => sendWrite(spec, rest, rest, stop), maxFailures ?? DEFAULT_MAX_FAILURES, { method: spec.method, url: spec.url });
}

/**
 * PROPPATCH: sets and removes properties, all or none (RFC 4918 §9.2). Names are property keys
 * (`displayname`, `{http://example.com/ns}color`); values text or an {@link XmlElement}. Each entry
 * is of the propstat form: `properties[i].outcome` is `ok` (set or removed), `failed` (its
 * `status`, `error` and `responseDescription` say why) or `dependent` (424: not done because
 * another property failed).
 *
 * @example
 * const out = await proppatch(url, { set: { '{http://example.com/ns}color': 'red' }, remove: ['displayname'] }).result();
 */
export function proppatch(url: string | URL, update: PropertyUpdate, options: WriteOptions = {}): OutcomeIterator {
  return outcomes({ method: 'PROPPATCH', url: urlOf(url), body: proppatchBody(update) }, options);
}

/** DELETE: a collection goes with every member; a 207 names the members that could not go (and a 424 for their ancestors). */
export function deleteResource(url: string | URL, options: WriteOptions = {}): OutcomeIterator {
  return outcomes({ method: 'DELETE', url: urlOf(url), body: '' }, options);
}

function transfer(method: 'COPY' | 'MOVE', url: string | URL, destination: string | URL, options: TransferOptions): OutcomeIterator {
  const from = urlOf(url);
  if (!URL.canParse(destination, from)) throw new MultistatusError('USAGE', `${method}: bad destination ${String(destination)}`);
  const headers: Record<string, string> = { Destination: new URL(destination, from).href };
  if (options.overwrite !== undefined) headers.Overwrite = options.overwrite ? 'T' : 'F';
  if (options.depth !== undefined && options.depth !== 0 && options.depth !== 'infinity') {
    throw new MultistatusError('USAGE', `${method}: depth must be 0 or infinity, got ${String(options.depth)}`);
  }
  const { overwrite: _o, depth, ...rest } = options;
  return outcomes({ method, url: from, depth, body: '', headers }, rest);
}

/** COPY to `destination` (absolute, or relative to `url`); `overwrite: false` sends `Overwrite: F`; `depth: 0` copies a collection alone. */
export function copy(url: string | URL, destination: string | URL, options: TransferOptions = {}): OutcomeIterator {
  return transfer('COPY', url, destination, options);
}

/** MOVE to `destination` (absolute, or relative to `url`); `overwrite: false` sends `Overwrite: F`. */
export function move(url: string | URL, destination: string | URL, options: TransferOptions = {}): OutcomeIterator {
  return transfer('MOVE', url, destination, options);
}

/**
 * LOCK: a write lock (exclusive unless `scope: 'shared'`), `Depth: infinity` unless `depth: 0`.
 * Granted: a 200 (or 201) whose `result().lock` holds the token (from `Lock-Token`) and the
 * `lockdiscovery` of the body. A member that cannot be locked: a 207 naming it (423) and a 424 for
 * the request URI. `refresh: token` refreshes a lock instead.
 *
 * @example
 * const { lock: granted } = await requireSuccess(lock(url, { owner: 'me', timeout: 600 }));
 * if (granted?.token) await requireSuccess(unlock(url, granted.token));
 */
export function lock(url: string | URL, options: LockOptions = {}): OutcomeIterator {
  const { scope, owner, depth, timeout, infinite, refresh, ...rest } = options;
  const headers: Record<string, string> = {};
  if (infinite) headers.Timeout = 'Infinite';
  else if (timeout !== undefined) {
    if (!Number.isSafeInteger(timeout) || timeout < 0) throw new MultistatusError('USAGE', `lock: timeout must be whole seconds, got ${timeout}`);
    headers.Timeout = `Second-${timeout}`;
  }
  if (depth !== undefined && depth !== 0 && depth !== 'infinity') throw new MultistatusError('USAGE', `lock: depth must be 0 or infinity, got ${String(depth)}`);
  let body = '';
  if (refresh !== undefined) headers.If = `(<${checkToken(refresh)}>)`;
  else body = lockBody({ scope, owner });
  return outcomes({ method: 'LOCK', url: urlOf(url), depth: refresh === undefined ? (depth ?? 'infinity') : undefined, body, headers }, rest);
}

/** UNLOCK: releases the lock `token` (`urn:uuid:…`, with or without angle brackets); a 204 on success. */
export function unlock(url: string | URL, token: string, options: WriteOptions = {}): OutcomeIterator {
  return outcomes({ method: 'UNLOCK', url: urlOf(url), body: '', headers: { 'Lock-Token': `<${checkToken(token)}>` } }, options);
}

/** A lock token without its angle brackets; one that could break the header is `USAGE`. */
function checkToken(token: string): string {
  const t = token.trim().replace(/^<(.*)>$/, '$1');
  if (t === '' || /[\s<>()]/.test(t)) throw new MultistatusError('USAGE', `not a lock token: "${token}"`);
  return t;
}
