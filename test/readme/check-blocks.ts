/**
 * Type-checks every ```ts block of the given markdown files (README.md) in strict mode against the
 * built package, as a user's project would see it: `multistatus` resolves through package.json's
 * `exports` to dist/lib (run `npm run build` first), other imports (`webdav`, `undici`,
 * `node:fs`) to the repository's node_modules. No block is skipped.
 *
 * Each block is its own module (so its declarations stay its own). Names a block uses but does not
 * declare, because they stand for the reader's own values (a `res` from fetch, a `url`, a
 * password...), are declared once, globally, in test/readme/preamble.d.ts: add a name there when
 * an example needs one. A block whose first line is a comment `// preamble: NAME` also gets
 * test/readme/preamble-NAME.ts prepended (its lines are not counted in error positions).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PREAMBLE = path.join(repoRoot, 'test', 'readme', 'preamble.d.ts');

export interface CodeBlock {
  /** The markdown file, relative to the repository. */
  file: string;
  /** 1-based line of the block's first code line in the markdown file. */
  line: number;
  code: string;
}

export interface BlockError {
  block: CodeBlock;
  /** Position in the markdown file. */
  line: number;
  column: number;
  message: string;
}

/** Every ```ts (or ```typescript) block of a markdown text. */
export function extractBlocks(markdown: string, file: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(ts|typescript)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.trim().startsWith(fence); j++) body.push(lines[j]!);
    if (j === lines.length) throw new Error(`${file}:${i + 1}: a \`\`\`ts block is never closed`);
    blocks.push({ file, line: i + 2, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.dom.asynciterable.d.ts'],
  types: ['node'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  skipLibCheck: true,
  noEmit: true,
};

/** Type-checks the blocks; returns every error, placed in its markdown file. */
export function checkBlocks(blocks: CodeBlock[]): BlockError[] {
  const virtual = new Map<string, { block: CodeBlock; text: string; offset: number }>();
  blocks.forEach((block, i) => {
    const name = /^\s*\/\/ preamble: ([\w-]+)/.exec(block.code)?.[1];
    const pre = name ? readFileSync(path.join(repoRoot, 'test', 'readme', `preamble-${name}.ts`), 'utf8') + '\n' : '';
    // Under the repository root, so that `multistatus` resolves as a self-reference (exports).
    const file = path.join(repoRoot, 'test', 'readme', `__block${i + 1}__.mts`);
    virtual.set(file, { block, text: `${pre}${block.code}\nexport {};\n`, offset: pre.split('\n').length - 1 });
  });
  const host = ts.createCompilerHost(OPTIONS, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => virtual.has(path.resolve(f)) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(path.resolve(f))?.text ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, onError, create) => {
    const v = virtual.get(path.resolve(f));
    return v ? ts.createSourceFile(f, v.text, lang, true) : getSourceFile.call(host, f, lang, onError, create);
  };
  const program = ts.createProgram([PREAMBLE, ...virtual.keys()], OPTIONS, host);
  const errors: BlockError[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const v = d.file ? virtual.get(path.resolve(d.file.fileName)) : undefined;
    if (!v || !d.file || d.start === undefined) {
      errors.push({ block: blocks[0]!, line: 0, column: 0, message: `${d.file?.fileName ?? 'config'}: ${message}` });
      continue;
    }
    const pos = d.file.getLineAndCharacterOfPosition(d.start);
    errors.push({ block: v.block, line: v.block.line + pos.line - v.offset, column: pos.character + 1, message });
  }
  return errors;
}

/** Blocks of the given markdown files (relative to the repository). */
export function blocksOf(files: string[]): CodeBlock[] {
  return files.flatMap((f) => extractBlocks(readFileSync(path.join(repoRoot, f), 'utf8'), f));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  const blocks = blocksOf(files.length ? files : ['README.md']);
  const errors = checkBlocks(blocks);
  for (const e of errors) console.log(`${e.block.file}:${e.line}:${e.column}: ${e.message}`);
  console.log(`${blocks.length} ts blocks, ${errors.length} errors`);
  if (errors.length) process.exitCode = 1;
}
