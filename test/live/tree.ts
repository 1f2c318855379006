/**
 * The tree of names that break WebDAV clients, seeded into a server's document root, and the view of
 * any seeded directory as the file system itself reports it (`fs.stat`), which the live tests compare
 * every PROPFIND answer against.
 */
import { closeSync, futimesSync, mkdirSync, openSync, utimesSync } from 'node:fs';
import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every seeded entry gets this mtime (whole seconds: `getlastmodified` has a one-second granularity). */
export const FIXED_MTIME = new Date('2024-02-29T12:34:56Z');

/** `é` composed (U+00E9) and decomposed (e + U+0301): two different file names that look the same. */
const NFC = 'r\u00e9sum\u00e9';
const NFD = 're\u0301sume\u0301';

/** Files (relative path -> content) of the tricky tree. Contents differ in length so sizes tell them apart. */
export const TRICKY_FILES: Readonly<Record<string, string>> = {
  'plain.txt': 'hello\n',
  'with space.txt': 'space\n',
  '100%.txt': 'percent\n',
  '%20literal.txt': 'a literal percent-two-zero\n',
  'a&b.txt': 'ampersand\n',
  'hash#frag.txt': 'hash!\n',
  'question?.txt': 'question mark\n',
  'plus+sign.txt': 'plus sign here\n',
  'semi;colon.txt': 'semicolon;\n',
  "quote'single.txt": "single 'quote'\n",
  'dq"double.txt': 'double "quote" file\n',
  'lt<gt>.txt': '<less> than & greater\n',
  'colon:name.txt': 'a colon: in the name\n',
  [`${NFC}.txt`]: 'composed (NFC)\n',
  [`${NFD}.txt`]: 'decomposed (NFD), same look\n',
  '日本語ファイル.txt': '日本語\n',
  'emoji-😀.txt': '😀 emoji 😀\n',
  'empty.txt': '',
  '.hidden': 'a dot-file\n',
  'big-100k.bin': 'x'.repeat(100_000),
  'dir with space/inner file.txt': 'in a dir with a space\n',
  'Ünï dir/ünï.txt': 'ünï\n',
  'nested/a/b/c/deep.txt': 'deep down\n',
  'amp&dir/x&y.txt': 'amp in dir\n',
  'pct%dir/50%off.txt': 'fifty percent off\n',
  '日本語/テスト.txt': 'テスト\n',
  [`${NFD} dir/${NFC}.txt`]: 'NFC in an NFD dir\n',
};

/** Directories that stay empty (the others come from the file paths). */
export const TRICKY_EMPTY_DIRS: readonly string[] = ['empty-dir', 'empty-nested/inner-empty'];

/** Create the tricky tree under `dir` (created too) with every mtime set to {@link FIXED_MTIME}. */
export async function seedTrickyTree(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const d of TRICKY_EMPTY_DIRS) await mkdir(join(dir, d), { recursive: true });
  for (const [rel, content] of Object.entries(TRICKY_FILES)) {
    const file = join(dir, rel);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, content);
  }
  await setMtimes(dir, FIXED_MTIME);
}

/**
 * `dirs` directories `d000`… under `dir`, each with `perDir` empty files, all with the fixed mtime.
 * Synchronous on purpose: 100,000 files take ~1.6 s this way on tmpfs, ~9 s with promises.
 */
export function seedBulk(dir: string, dirs: number, perDir: number): void {
  for (let d = 0; d < dirs; d++) {
    const sub = join(dir, `d${String(d).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (let f = 0; f < perDir; f++) {
      const fd = openSync(join(sub, `f-${String(f).padStart(5, '0')}.txt`), 'w');
      futimesSync(fd, FIXED_MTIME, FIXED_MTIME);
      closeSync(fd);
    }
    utimesSync(sub, FIXED_MTIME, FIXED_MTIME);
  }
  utimesSync(dir, FIXED_MTIME, FIXED_MTIME);
}

/** Set atime and mtime of `dir` and everything under it, children before their directory. */
export async function setMtimes(dir: string, when: Date): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) await setMtimes(p, when);
    else await utimes(p, when, when);
  }
  await utimes(dir, when, when);
}

/** One entry as the file system reports it. */
export interface FsEntry {
  collection: boolean;
  size: number;
  mtimeMs: number;
}

/**
 * What `dir` holds, keyed by the URL path a server should report (percent-decoded, `/` separated,
 * collections ending in `/`): `urlPath` is the path of `dir` itself. Depth 0 is `dir` alone, 1 adds its
 * children, `Infinity` everything below it.
 */
export async function fsListing(dir: string, urlPath: string, depth: number): Promise<Map<string, FsEntry>> {
  const out = new Map<string, FsEntry>();
  async function walk(p: string, key: string, left: number): Promise<void> {
    const st = await stat(p);
    const collection = st.isDirectory();
    out.set(collection && !key.endsWith('/') ? `${key}/` : key, { collection, size: st.size, mtimeMs: st.mtimeMs });
    if (!collection || left === 0) return;
    const base = key.endsWith('/') ? key : `${key}/`;
    for (const name of await readdir(p)) await walk(join(p, name), base + name, left - 1);
  }
  await walk(dir, urlPath, depth);
  return out;
}
