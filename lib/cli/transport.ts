/**
 * How requests reach the server: through the proxy named by HTTPS_PROXY / HTTP_PROXY (and their
 * lower-case forms) unless NO_PROXY lists the host, with `--insecure` (any certificate) or
 * `--cacert FILE` (trust these CAs as well). With none of these, Node's own `fetch` as it is;
 * otherwise undici's `fetch` with an `EnvHttpProxyAgent` dispatcher. undici is an optional peer
 * dependency (a library user does not install it): loaded only then, with a message saying how to
 * install it when it is missing.
 */
import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import type * as Undici from 'undici';
import { InputError } from './exit.js';

export interface TransportOptions {
  insecure: boolean;
  /** A PEM file of CA certificates to trust besides the usual ones. */
  cacert?: string;
  env: NodeJS.ProcessEnv;
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** A proxy variable that is set (non-empty), if any. */
export function proxyFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of PROXY_VARS) if (env[name]) return name;
  return undefined;
}

/** The `fetch` to send requests with. */
export async function transport(opts: TransportOptions): Promise<typeof fetch> {
  if (!opts.insecure && opts.cacert === undefined && proxyFromEnv(opts.env) === undefined) return fetch;
  let tls: { rejectUnauthorized?: boolean; ca?: string[] } = {};
  if (opts.insecure) tls = { rejectUnauthorized: false };
  else if (opts.cacert !== undefined) {
    let pem: string;
    try {
      pem = await readFile(opts.cacert, 'utf8');
    } catch (e) {
      throw new InputError(`--cacert: cannot read ${opts.cacert}: ${(e as Error).message}`);
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new InputError(`--cacert: ${opts.cacert} holds no PEM certificate`);
    tls = { ca: [...rootCertificates, pem] };
  }
  const undici = await loadUndici();
  const dispatcher = new undici.EnvHttpProxyAgent({
    httpProxy: opts.env.HTTP_PROXY || opts.env.http_proxy || undefined,
    httpsProxy: opts.env.HTTPS_PROXY || opts.env.https_proxy || undefined,
    noProxy: opts.env.NO_PROXY ?? opts.env.no_proxy,
    connect: tls, // to the server, when no proxy is used
    requestTls: tls, // to the server, through the proxy's tunnel
  });
  const undiciFetch = undici.fetch as unknown as (input: unknown, init: unknown) => Promise<Response>;
  return ((input: RequestInfo | URL, init?: RequestInit) => undiciFetch(input, { ...init, dispatcher })) as typeof fetch;
}

/** The undici module, or an `InputError` saying how to install it (it is an optional peer dependency). */
export async function loadUndici(load: () => Promise<typeof Undici> = () => import('undici')): Promise<typeof Undici> {
  try {
    return await load();
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new InputError(
      'a proxy (HTTPS_PROXY / HTTP_PROXY), --insecure and --cacert need the undici package, which multistatus does not install: npm install undici (7.x, Node 20.18.1+)',
    );
  }
}
