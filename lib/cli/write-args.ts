/**
 * The write-method options of the command line (`-X`, `--destination`, `--overwrite`, `--set`,
 * `--remove`, `--lock-token`, `--lock-timeout`, `--owner`) and their checks. Nothing is guessed:
 * a write method is sent only when `-X` names it.
 */
import { UsageError } from './exit.js';

/** The methods `-X` takes (PROPFIND is what the command sends without `-X`). */
export const WRITE_METHODS = ['DELETE', 'COPY', 'MOVE', 'PROPPATCH', 'LOCK', 'UNLOCK'] as const;
export type WriteMethod = (typeof WRITE_METHODS)[number];

export interface WriteArgs {
  /** `-X METHOD`; undefined: no write (a PROPFIND, REPORT or sync as before). */
  method?: WriteMethod;
  destination?: string;
  overwrite?: boolean;
  /** `--set NAME=VALUE`, in order. */
  set: [name: string, value: string][];
  /** `--remove NAME`, in order. */
  remove: string[];
  lockToken?: string;
  /** `--lock-timeout`: seconds, or Infinity for `infinite`. */
  lockTimeout?: number;
  owner?: string;
}

/** Value options of the write block, by spelling. */
export const WRITE_VALUE_OPTIONS = {
  '--request': 'request', '-X': 'request',
  '--destination': 'destination',
  '--overwrite': 'overwrite',
  '--set': 'set',
  '--remove': 'remove',
  '--lock-token': 'lock-token',
  '--lock-timeout': 'lock-timeout',
  '--owner': 'owner',
} as const;
export type WriteValueOption = (typeof WRITE_VALUE_OPTIONS)[keyof typeof WRITE_VALUE_OPTIONS];

/** Options that only make sense with a URL (added to the command's HTTP-only list). */
export const WRITE_HTTP_ONLY: readonly WriteValueOption[] = ['request', 'destination', 'overwrite', 'set', 'remove', 'lock-token', 'lock-timeout', 'owner'];

export function newWriteArgs(): WriteArgs {
  return { set: [], remove: [] };
}

/** Sets one write option; `checkProperty` checks a property name. Throws {@link UsageError}. */
export function setWriteValue(w: WriteArgs, name: WriteValueOption, value: string, seen: ReadonlySet<string>, checkProperty: (key: string) => string): void {
  const once = (): void => {
    if (seen.has(name)) throw new UsageError(`--${name} given twice`);
  };
  switch (name) {
    case 'request': {
      once();
      const method = value.toUpperCase();
      if (method === 'PROPFIND') return;
      if (!(WRITE_METHODS as readonly string[]).includes(method)) {
        throw new UsageError(`-X takes ${WRITE_METHODS.join(', ')} (PROPFIND is sent without -X, REPORT with --report), got "${value}"`);
      }
      w.method = method as WriteMethod;
      return;
    }
    case 'destination':
      once();
      if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new UsageError(`--destination wants an absolute http(s) URL, got "${value}"`);
      w.destination = value;
      return;
    case 'overwrite': {
      once();
      const v = value.toUpperCase();
      if (v !== 'T' && v !== 'F') throw new UsageError(`--overwrite takes T or F, got "${value}"`);
      w.overwrite = v === 'T';
      return;
    }
    case 'set': {
      // {ns}name=value: the = after the closing brace (a namespace URI may hold one).
      const eq = value.indexOf('=', value.startsWith('{') ? Math.max(0, value.indexOf('}')) : 0);
      if (eq <= 0) throw new UsageError(`--set wants NAME=VALUE, got "${value}"`);
      w.set.push([checkProperty(value.slice(0, eq)), value.slice(eq + 1)]);
      return;
    }
    case 'remove':
      w.remove.push(checkProperty(value));
      return;
    case 'lock-token':
      once();
      if (!/^<?[^\s<>()]+>?$/.test(value)) throw new UsageError(`--lock-token wants a lock token (urn:uuid:…), got "${value}"`);
      w.lockToken = value.replace(/^<(.*)>$/, '$1');
      return;
    case 'lock-timeout': {
      once();
      if (value.toLowerCase() === 'infinite') {
        w.lockTimeout = Infinity;
        return;
      }
      if (!/^\d{1,10}$/.test(value)) throw new UsageError(`--lock-timeout wants whole seconds or infinite, got "${value}"`);
      w.lockTimeout = Number(value);
      return;
    }
    case 'owner':
      once();
      w.owner = value;
      return;
  }
}

/**
 * The write options against each other and the rest of the line (`seen`: the options given,
 * `depth`: --depth). Throws {@link UsageError}.
 */
export function checkWrite(w: WriteArgs, seen: ReadonlySet<string>, depth: string | undefined): void {
  const m = w.method;
  const need = (option: string, methods: readonly WriteMethod[]): void => {
    if (seen.has(option) && (m === undefined || !methods.includes(m))) {
      throw new UsageError(`--${option} applies to -X ${methods.join(' or -X ')}`);
    }
  };
  need('destination', ['COPY', 'MOVE']);
  need('overwrite', ['COPY', 'MOVE']);
  need('set', ['PROPPATCH']);
  need('remove', ['PROPPATCH']);
  need('lock-token', ['LOCK', 'UNLOCK']);
  need('lock-timeout', ['LOCK']);
  need('owner', ['LOCK']);
  if (m === undefined) return;
  for (const other of ['report', 'sync', 'prop', 'propname', 'concurrency', 'sort', 'type', 'columns', 'relative']) {
    if (seen.has(other)) throw new UsageError(`--${other} does not go with -X ${m}`);
  }
  if ((m === 'COPY' || m === 'MOVE') && w.destination === undefined) throw new UsageError(`-X ${m} needs --destination URL`);
  if (m === 'PROPPATCH' && w.set.length === 0 && w.remove.length === 0) throw new UsageError('-X PROPPATCH needs --set NAME=VALUE or --remove NAME');
  if (m === 'UNLOCK' && w.lockToken === undefined) throw new UsageError('-X UNLOCK needs --lock-token TOKEN');
  if (m === 'LOCK' && w.lockToken !== undefined && w.owner !== undefined) throw new UsageError('--lock-token refreshes a lock: --owner does not apply');
  if (depth !== undefined) {
    if (m !== 'COPY' && m !== 'LOCK') throw new UsageError(`--depth does not apply to -X ${m}`);
    if (depth === '1') throw new UsageError(`-X ${m} takes --depth 0 or infinity`);
  }
}
