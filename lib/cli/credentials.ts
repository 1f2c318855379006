/**
 * Where the Basic credentials come from: `-u user:password`; `-u user` with the password from
 * $MULTISTATUS_PASSWORD or, on a terminal, a prompt that does not echo; `--netrc` (the `machine`
 * entry for the URL's host in $NETRC or ~/.netrc, else its `default`).
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ReadStream } from 'node:tty';
import { InputError, UsageError } from './exit.js';

/** What the request sends as `Authorization: Basic …`. */
export interface Credentials {
  username: string;
  password: string;
}

/** The environment variable that holds the password for `-u user`. */
export const PASSWORD_ENV = 'MULTISTATUS_PASSWORD';

export interface CredentialSource {
  /** `-u` as given: `user` or `user:password`. */
  user?: string;
  netrc: boolean;
  url: URL;
  env: NodeJS.ProcessEnv;
  /** Where a prompt reads from and writes to (a terminal), when there is one. */
  terminal?: { input: ReadStream; output: NodeJS.WriteStream };
  /** `user:password@` from the URL (percent-decoded): used when -u is not given, before --netrc (as curl does). */
  fromUrl?: Credentials;
  /** Notes for stderr (a --netrc with no entry for the host). */
  warn(message: string): void;
}

/** The credentials to send, or `undefined` for none. */
export async function credentials(src: CredentialSource): Promise<Credentials | undefined> {
  let username: string | undefined;
  if (src.user !== undefined) {
    const colon = src.user.indexOf(':');
    if (colon >= 0) return { username: src.user.slice(0, colon), password: src.user.slice(colon + 1) };
    username = src.user;
  }
  if (username === undefined && src.fromUrl !== undefined) return src.fromUrl;
  if (src.netrc) {
    const file = src.env.NETRC || join(homedir(), '.netrc');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new InputError(`--netrc: cannot read ${file}: ${(e as Error).message}`);
    }
    const entry = netrcEntry(text, src.url.hostname, username);
    if (entry) return entry;
    if (username === undefined) {
      src.warn(`--netrc: no entry for ${src.url.hostname} in ${file}; sending no credentials`);
      return undefined;
    }
  }
  if (username === undefined) return undefined;
  const fromEnv = src.env[PASSWORD_ENV];
  if (fromEnv !== undefined) return { username, password: fromEnv };
  if (src.terminal) return { username, password: await prompt(`Password for ${username}@${src.url.host}: `, src.terminal.input, src.terminal.output) };
  throw new UsageError(`-u ${username}: no password; set ${PASSWORD_ENV}, run on a terminal to be asked, or use --netrc`);
}

/**
 * The `login`/`password` of the first `machine HOST` entry (or of `default`) in a .netrc text,
 * as curl and ftp read it: whitespace-separated tokens, `macdef` bodies skipped, `#` comments.
 * With `login`, only an entry for that login.
 */
export function netrcEntry(text: string, host: string, login?: string): Credentials | undefined {
  const tokens = tokenize(text);
  let best: Credentials | undefined;
  let fallback: Credentials | undefined;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i++]!;
    if (t !== 'machine' && t !== 'default') continue;
    const machine = t === 'machine' ? tokens[i++] : undefined;
    const entry: Partial<Credentials> = {};
    while (i < tokens.length && tokens[i] !== 'machine' && tokens[i] !== 'default') {
      const key = tokens[i++]!;
      const value = tokens[i++];
      if (key === 'login') entry.username = value;
      else if (key === 'password') entry.password = value;
    }
    if (entry.username === undefined || entry.password === undefined) continue;
    if (login !== undefined && entry.username !== login) continue;
    const found = { username: entry.username, password: entry.password };
    if (machine !== undefined && machine.toLowerCase() === host.toLowerCase()) best ??= found;
    else if (machine === undefined) fallback ??= found;
  }
  return best ?? fallback;
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.trimStart().startsWith('#')) continue;
    const words = line.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (word === 'macdef') {
        // A macro runs to the next empty line.
        while (l + 1 < lines.length && lines[l + 1]!.trim() !== '') l++;
        break;
      }
      tokens.push(word.startsWith('"') ? word.slice(1, -1).replace(/\\(.)/g, '$1') : word);
    }
  }
  return tokens;
}

/** Reads a line from a terminal without echoing it. Ctrl-C exits 130, Ctrl-D ends the line. */
export function prompt(question: string, input: ReadStream, output: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve) => {
    // Echo goes off before the question is asked, so nothing typed after it can show.
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    output.write(question);
    input.resume();
    let answer = '';
    const done = (): void => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
    };
    const onData = (data: Buffer): void => {
      for (const c of data.toString('utf8')) {
        if (c === '\r' || c === '\n' || c === '\x04') {
          done();
          resolve(answer);
          return;
        }
        if (c === '\x03') {
          done();
          process.kill(process.pid, 'SIGINT');
          return;
        }
        if (c === '\x7f' || c === '\b') answer = Array.from(answer).slice(0, -1).join('');
        else if (c === '\x15') answer = ''; // Ctrl-U
        else if (c >= ' ') answer += c;
      }
    };
    input.on('data', onData);
  });
}
