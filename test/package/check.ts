/**
 * Package check (`npm run test:package`): what `npm publish` would ship, installed the way a user
 * installs it. Steps, each timed; the first failure stops the run with exit code 1:
 *
 *  1. build: tsconfig.build.json into a clean staging copy of the package (package.json, README,
 *     CHANGELOG, LICENSE), so that nothing stale in the repository's dist/ can slip in
 *  2. `npm pack` there; the file list holds only dist/lib, README, CHANGELOG, LICENSE and
 *     package.json (no tests, fixtures, bench, sources), and every source map (if any) is
 *     complete without the repository's lib/*.ts
 *  3. a fresh project installs the tarball (dependencies from the npm cache or registry)
 *  4. `node -e "import('multistatus')"` gives the public functions
 *  5. `npx multistatus <body> --format summary` runs and counts the responses
 *  6. test/package/consumer.mts imports every public export (checked against the package's own
 *     declarations) and type-checks strictly, with the DOM library and without it (Node types only),
 *     with TypeScript 5.9 and with TypeScript 7 (the `typescript7` devDependency); it holds the
 *     strict consumer lines of the typed model (`const size: number = r.props.getcontentlength` …)
 *  7. the consumer, compiled, runs and parses correctly
 *  8. publint on the installed package: no errors
 *  9. `require('multistatus')` from a CommonJS project (a default `npm init` one) gives the same
 *     module as `import`; without require(esm) (`--no-experimental-require-module`, as Node before
 *     20.19 / 22.12) it fails with one line saying the package is ESM-only and how to import it
 * 10. Bun and Deno (scripts/install-runtimes.sh) import the installed package (Deno also as
 *     `npm:multistatus`) and parse with both faces; Bun and Deno `require()` it from CommonJS
 *
 * `--keep` keeps the temp dir and prints where it is.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
/** The registry's current TypeScript 7 (the native port), pinned as the `typescript7` alias. */
const tsc7 = path.join(repoRoot, 'node_modules', 'typescript7', 'bin', 'tsc');

class CheckFailed extends Error {}

function fail(message: string): never {
  throw new CheckFailed(message);
}

async function sh(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    fail(`${command} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
}

let passed = 0;
let current = '';
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  current = name;
  const result = await work();
  passed++;
  console.log(`ok ${passed} - ${name} (${Math.round(performance.now() - started)} ms)`);
  return result;
}

/** Files a user needs: the build of lib/ and the package's own documents. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE(\.md|\.txt)?$/, /^dist\/lib\/.+\.(c?js|d\.c?ts|c?js\.map|d\.c?ts\.map)$/];
const REQUIRED = ['package.json', 'README.md', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'dist/lib/require.cjs', 'dist/lib/cli/main.js'];
/** Wanted but not (yet) a failure when missing: reported as a warning. */
const WANTED = ['CHANGELOG.md', 'LICENSE'];

interface PackResult {
  filename: string;
  files: { path: string; size: number }[];
  size: number;
  unpackedSize: number;
}

function checkFileList(files: string[]): string[] {
  const warnings: string[] = [];
  const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
  if (unexpected.length) fail(`the package holds files users do not need:\n  ${unexpected.join('\n  ')}`);
  const missing = REQUIRED.filter((f) => !files.includes(f));
  if (missing.length) fail(`the package lacks: ${missing.join(', ')}`);
  for (const f of WANTED) if (!files.some((p) => p === f || p.startsWith(`${f}.`))) warnings.push(`no ${f} in the package`);
  return warnings;
}

async function checkSourceMaps(pkgDir: string, files: string[]): Promise<void> {
  const broken: string[] = [];
  for (const file of files.filter((f) => f.endsWith('.map'))) {
    const map = JSON.parse(await readFile(path.join(pkgDir, file), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
    map.sources.forEach((source, i) => {
      const inlined = typeof map.sourcesContent?.[i] === 'string';
      const shipped = files.includes(path.posix.join(path.posix.dirname(file), source).replace(/^\.\//, ''));
      if (!inlined && !shipped) broken.push(`${file} -> ${source}`);
    });
  }
  if (broken.length) {
    fail(
      `${broken.length} source maps point at files that are not in the package (bundlers warn about each), e.g.\n  ` +
        `${broken.slice(0, 3).join('\n  ')}\nShip no maps ("sourceMap": false in tsconfig.build.json) or inline the sources ("inlineSources": true).`,
    );
  }
}

/** Every export of the package (from its .d.ts) must be imported by the consumer. */
function checkConsumerCoversExports(consumerDir: string, consumerFile: string): number {
  const program = ts.createProgram([consumerFile], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(consumerFile) ?? fail(`cannot read ${consumerFile}`);
  const imported = new Set<string>();
  let moduleSymbol: ts.Symbol | undefined;
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== 'multistatus') continue;
    moduleSymbol ??= checker.getSymbolAtLocation(statement.moduleSpecifier);
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) imported.add((e.propertyName ?? e.name).text);
  }
  if (!moduleSymbol) fail(`the consumer in ${consumerDir} cannot resolve 'multistatus'`);
  const exported = checker.getExportsOfModule(moduleSymbol).map((s) => s.name);
  const notUsed = exported.filter((name) => !imported.has(name));
  if (notUsed.length) fail(`test/package/consumer.mts does not use these exports of the package: ${notUsed.join(', ')}`);
  return exported.length;
}

async function typeCheck(dir: string, name: string, compilerOptions: Record<string, unknown>, compiler = tsc): Promise<void> {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      skipLibCheck: false,
      outDir: 'out',
      ...compilerOptions,
    },
    files: ['consumer.mts'],
  };
  await writeFile(path.join(dir, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
  await sh(process.execPath, [compiler, '-p', `tsconfig.${name}.json`], dir);
}

/** Parses a two-response body with MultistatusParser; prints "cjs: <hrefs> <same module as import>". */
const CJS_CONSUMER = `const m = require('multistatus');
const hrefs = [];
const parser = new m.MultistatusParser({ onResponse: (r) => hrefs.push(r.href) });
parser.write('<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>');
parser.write('<D:response><D:href>/b</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response></D:multistatus>');
parser.end();
import('multistatus').then((esm) => console.log('cjs: ' + hrefs.join(',') + ' ' + (esm.MultistatusParser === m.MultistatusParser)));
`;

/** Both faces over a fetch Response and a string; prints "esm: <n> <n>". */
const ESM_CONSUMER = (specifier: string) => `import { MultistatusStream, parseMultistatus } from '${specifier}';
const body = '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>' +
  '<D:response><D:href>/b</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>';
let iterated = 0;
for await (const r of parseMultistatus(new Response(body, { status: 207 }))) if (r.href) iterated++;
let streamed = 0;
const reader = new Response(body).body.pipeThrough(new MultistatusStream()).getReader();
while (!(await reader.read()).done) streamed++;
console.log('esm: ' + iterated + ' ' + streamed);
`;

async function runtimeSteps(consumer: string): Promise<void> {
  const cjs = path.join(consumer, 'cjs');
  await mkdir(cjs);
  // What `npm init -y` writes: no "type", so .js files are CommonJS.
  await writeFile(path.join(cjs, 'package.json'), JSON.stringify({ name: 'cjs', version: '1.0.0', main: 'index.js' }, null, 2));
  await writeFile(path.join(cjs, 'index.js'), CJS_CONSUMER);
  await writeFile(path.join(cjs, 'index.cjs'), CJS_CONSUMER);
  await writeFile(path.join(consumer, 'esm-bare.mjs'), ESM_CONSUMER('multistatus'));
  await writeFile(path.join(consumer, 'esm-npm.mjs'), ESM_CONSUMER('npm:multistatus'));
  const expectOut = (out: string, want: string, what: string) => {
    if (out.trim() !== want) fail(`${what} printed ${JSON.stringify(out.trim())}, not ${JSON.stringify(want)}`);
  };

  await step(`node: require('multistatus') from CommonJS is the module import gives`, async () => {
    if (!(process.features as { require_module?: boolean }).require_module) fail(`this Node (${process.version}) has no require(esm); run the check on Node 20.19+`);
    expectOut(await sh(process.execPath, ['index.js'], cjs), 'cjs: /a,/b true', 'node index.js');
  });

  await step('node without require(esm) (as before 20.19): one line saying ESM only and how to import', async () => {
    let failure: { code?: number; stderr?: string } | undefined;
    await run(process.execPath, ['--no-experimental-require-module', 'index.js'], { cwd: cjs }).catch((e: unknown) => (failure = e as typeof failure));
    if (!failure) fail('require() succeeded without require(esm)');
    const lines = (failure.stderr ?? '').split('\n').filter((l) => l.startsWith('Error: '));
    const want = "Error: multistatus is an ES module only, and this Node.js cannot require() it (Node 20.19+ and 22.12+ can): use import { parseMultistatus } from 'multistatus', or in CommonJS const { parseMultistatus } = await import('multistatus')";
    if (lines.length !== 1 || lines[0] !== want) fail(`stderr was:\n${failure.stderr}`);
  });

  await sh('bash', [path.join(repoRoot, 'scripts', 'install-runtimes.sh')], repoRoot);
  const bin = path.join(repoRoot, 'scripts', 'runtimes', 'node_modules', '.bin');
  const bun = path.join(bin, 'bun');
  const deno = path.join(bin, 'deno');

  await step("bun: import from 'multistatus', both faces", async () => expectOut(await sh(bun, ['esm-bare.mjs'], consumer), 'esm: 2 2', 'bun esm-bare.mjs'));
  await step("bun: require('multistatus') from CommonJS", async () => expectOut(await sh(bun, ['index.js'], cjs), 'cjs: /a,/b true', 'bun index.js'));
  await step("deno: import from 'npm:multistatus' (the installed tarball), both faces", async () =>
    expectOut(await sh(deno, ['run', '--allow-read', '--allow-env', 'esm-npm.mjs'], consumer), 'esm: 2 2', 'deno run esm-npm.mjs'),
  );
  await step("deno: import from 'multistatus', both faces", async () =>
    expectOut(await sh(deno, ['run', '--allow-read', '--allow-env', 'esm-bare.mjs'], consumer), 'esm: 2 2', 'deno run esm-bare.mjs'),
  );
  // Deno's require() of an ES module gives a module instance of its own (the last word is false).
  await step("deno: require('multistatus') from CommonJS (.cjs)", async () => {
    const out = await sh(deno, ['run', '--allow-read', '--allow-env', 'index.cjs'], cjs);
    if (!/^cjs: \/a,\/b (true|false)$/.test(out.trim())) fail(`deno run index.cjs printed ${JSON.stringify(out.trim())}`);
  });
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const temp = await mkdtemp(path.join(os.tmpdir(), 'multistatus-package-'));
  const warnings: string[] = [];
  try {
    const stage = path.join(temp, 'stage');
    await step('build into a clean staging copy', async () => {
      await mkdir(stage);
      for (const name of await readdir(repoRoot)) {
        if (name === 'package.json' || /^(README|CHANGELOG|LICENSE)(\.|$)/i.test(name)) await cp(path.join(repoRoot, name), path.join(stage, name));
      }
      await sh(process.execPath, [tsc, '-p', path.join(repoRoot, 'tsconfig.build.json'), '--outDir', path.join(stage, 'dist')], repoRoot);
    });

    const packed = await step('npm pack: only what users need', async () => {
      const out = await sh(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', temp], stage);
      const [result] = JSON.parse(out) as PackResult[];
      if (!result) fail('npm pack printed no result');
      warnings.push(...checkFileList(result.files.map((f) => f.path)));
      return result;
    });
    const tarball = path.join(temp, packed.filename);
    const files = packed.files.map((f) => f.path);
    console.log(`   ${files.length} files, ${(packed.size / 1024).toFixed(1)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked`);

    const consumer = path.join(temp, 'consumer');
    const pkgDir = path.join(consumer, 'node_modules', 'multistatus');
    await step('install the tarball in a fresh project', async () => {
      await mkdir(consumer);
      await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
      await sh(npm, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer);
      const installed = (await readdir(path.join(consumer, 'node_modules'))).sort();
      for (const dep of ['multistatus', 'web-streams-polyfill']) if (!installed.includes(dep)) fail(`${dep} was not installed`);
      // saxes is only the reference of the tests and benchmarks now (lib/tokenizer reads the XML).
      if (installed.includes('saxes')) fail('saxes was installed: it is a devDependency');
    });

    await step('source maps are complete without the repository', () => checkSourceMaps(pkgDir, files));

    await step("node -e \"import('multistatus')\"", async () => {
      const out = await sh(
        process.execPath,
        ['--input-type=module', '-e', "const m = await import('multistatus'); console.log(Object.keys(m).sort().join(' '))"],
        consumer,
      );
      const names = out.trim().split(' ');
      for (const name of ['parseMultistatus', 'MultistatusStream', 'MultistatusParser', 'MultistatusError']) {
        if (!names.includes(name)) fail(`import('multistatus') lacks ${name}; it has: ${out.trim()}`);
      }
    });

    await step('npx multistatus <body> --format summary', async () => {
      const body = path.join(consumer, 'body.xml');
      await writeFile(
        body,
        '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">' +
          '<D:response><D:href>/a/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop>' +
          '<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>' +
          '<D:response><D:href>/a/b</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response></D:multistatus>\n',
      );
      const out = await sh(npm, ['exec', '--offline', '--', 'multistatus', body, '--format', 'summary'], consumer);
      const summary = JSON.parse(out) as { responses?: number; statuses?: Record<string, number> };
      if (summary.responses !== 2) fail(`multistatus --format summary: expected 2 responses, got: ${out}`);
      const help = await sh(npm, ['exec', '--offline', '--', 'multistatus', '--version'], consumer);
      const version = (JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
      if (!help.includes(version)) fail(`multistatus --version printed ${help.trim()}, not ${version}`);
    });

    const consumerFile = path.join(consumer, 'consumer.mts');
    await cp(path.join(here, 'consumer.mts'), consumerFile);
    const exportCount = await step('the consumer imports every public export', async () => checkConsumerCoversExports(consumer, consumerFile));
    console.log(`   ${exportCount} exports`);

    await step('tsc --strict: consumer with the DOM library, no Node types', () =>
      typeCheck(consumer, 'dom', { lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] }),
    );
    await step('tsc --strict: consumer with Node types, no DOM library', () =>
      typeCheck(consumer, 'node', {
        lib: ['ES2022'],
        types: ['node'],
        typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
        noEmit: true,
      }),
    );

    const version7 = (await sh(process.execPath, [tsc7, '--version'], consumer)).trim();
    await step(`${version7} --strict: consumer with the DOM library, no Node types`, () =>
      typeCheck(consumer, 'ts7-dom', { lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], noEmit: true }, tsc7),
    );
    await step(`${version7} --strict: consumer with Node types, no DOM library`, () =>
      typeCheck(
        consumer,
        'ts7-node',
        { lib: ['ES2022'], types: ['node'], typeRoots: [path.join(repoRoot, 'node_modules', '@types')], noEmit: true },
        tsc7,
      ),
    );

    await step('the compiled consumer runs', async () => {
      const out = await sh(process.execPath, [path.join('out', 'consumer.mjs')], consumer);
      if (!out.includes('consumer: all checks passed')) fail(`the consumer printed: ${out}`);
    });

    await step('publint: no errors', async () => {
      const pkg = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')) as Record<string, unknown>;
      const { messages } = await publint({ pkgDir, pack: false, level: 'suggestion' });
      for (const m of messages) console.log(`   publint ${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`);
      const errors = messages.filter((m) => m.type === 'error');
      if (errors.length) fail(`publint reports ${errors.length} error(s)`);
    });

    await runtimeSteps(consumer);

    for (const w of warnings) console.log(`warning: ${w}`);
    console.log(`package: ${passed} passed, 0 failed`);
  } finally {
    if (keep) console.log(`kept ${temp}`);
    else await rm(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  const message = error instanceof CheckFailed ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.log(`not ok ${passed + 1} - ${current}\n${message}`);
  console.log(`package: ${passed} passed, 1 failed`);
  process.exitCode = 1;
});
