/**
 * Generated blocks in README.md, CONTRIBUTING.md and docs/*.md (not docs/api, which TypeDoc
 * writes): a block between
 *
 *   <!-- generated: npm run -s <script> [args] -->
 *   …exactly what that command prints, run from the repository root…
 *   <!-- /generated -->
 *
 * holds the output of its command, so no figure is typed by hand.
 *
 *   npm run docs:generate               rewrites every block with what its command prints now
 *   npm run docs:generate -- --check    rewrites nothing; fails listing each stale block (CI)
 *   npm run docs:generate -- FILE…      only these files
 *
 * Each distinct command runs once per invocation, however many blocks show it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OPEN = /^<!-- generated: (npm run -s [^>]*?) -->$/;
const CLOSE = '<!-- /generated -->';

export interface Block {
  file: string;
  /** 1-based line of the opening marker. */
  line: number;
  command: string;
  /** What stands between the markers now (every line ends in "\n"). */
  text: string;
  /** Offsets of that text in the file. */
  start: number;
  end: number;
}

/** The generated blocks of a markdown text. */
export function blocksIn(markdown: string, file: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!.trim());
    const lineStart = offset;
    offset += lines[i]!.length + 1;
    if (!open) continue;
    if (!/^npm run -s [\w:.-]+( [^<>]*)?$/.test(open[1]!)) throw new Error(`${file}:${i + 1}: not a command of the form "npm run -s SCRIPT [args]": ${open[1]}`);
    let j = i + 1;
    let end = offset;
    for (; j < lines.length && lines[j]!.trim() !== CLOSE; j++) {
      if (OPEN.test(lines[j]!.trim())) throw new Error(`${file}:${j + 1}: a generated block opens inside the one of line ${i + 1}`);
      end += lines[j]!.length + 1;
    }
    if (j === lines.length) throw new Error(`${file}:${i + 1}: the generated block is never closed (${CLOSE})`);
    blocks.push({ file, line: i + 1, command: open[1]!, text: markdown.slice(offset, end), start: offset, end });
    void lineStart;
    i = j;
    offset = end + lines[j]!.length + 1;
  }
  return blocks;
}

/** The markdown files that may hold generated blocks. */
export function markdownFiles(): string[] {
  const files = ['README.md', 'CONTRIBUTING.md'].filter((f) => existsSync(path.join(repoRoot, f)));
  const docs = path.join(repoRoot, 'docs');
  if (existsSync(docs)) for (const f of readdirSync(docs).sort()) if (f.endsWith('.md')) files.push(`docs/${f}`);
  return files;
}

/** What a command prints, ending in exactly one newline (nothing: empty). */
export function run(command: string, cwd = repoRoot): string {
  const args = command.split(/\s+/).slice(1); // after "npm"
  const out = execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  const trimmed = out.replace(/\n+$/, '');
  return trimmed === '' ? '' : `${trimmed}\n`;
}

/** The text with every block's content replaced by `fresh(command)`. */
export function rewrite(markdown: string, blocks: Block[], fresh: (command: string) => string): string {
  let out = '';
  let at = 0;
  for (const b of blocks) {
    out += markdown.slice(at, b.start) + fresh(b.command);
    at = b.end;
  }
  return out + markdown.slice(at);
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const files = args.filter((a) => !a.startsWith('--'));
  const outputs = new Map<string, string>();
  const fresh = (command: string): string => {
    let out = outputs.get(command);
    if (out === undefined) {
      out = run(command);
      outputs.set(command, out);
    }
    return out;
  };
  const stale: string[] = [];
  let count = 0;
  for (const file of files.length ? files : markdownFiles()) {
    const full = path.join(repoRoot, file);
    const markdown = readFileSync(full, 'utf8');
    const blocks = blocksIn(markdown, file);
    count += blocks.length;
    for (const b of blocks) if (fresh(b.command) !== b.text) stale.push(`${file}:${b.line}: ${b.command}`);
    if (!check && blocks.length) {
      const next = rewrite(markdown, blocks, fresh);
      if (next !== markdown) writeFileSync(full, next);
    }
  }
  if (check) {
    if (stale.length) {
      console.log(`stale generated blocks (run npm run docs:generate and commit):\n  ${stale.join('\n  ')}`);
      console.log(`generated: ${count - stale.length} passed, ${stale.length} failed`);
      process.exitCode = 1;
      return;
    }
    console.log(`generated: ${count} passed, 0 failed (${outputs.size} commands)`);
  } else console.log(`generated: ${count} blocks, ${stale.length} rewritten (${outputs.size} commands)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
