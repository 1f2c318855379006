/**
 * Is a committed incremental mutation state fresh enough for CI? Before each mutation step,
 * `.ci/run` calls `npx tsx test/mutation/fresh.ts AREA`: it compares the state
 * (test/mutation/stryker-incremental*.json) with the source and test files as they are now and
 * estimates how many mutants Stryker would test again, as Stryker's incremental mode decides:
 * a mutant whose code changed, every mutant covered by a test in a test file that changed (the
 * mocha runner reports no test locations, so a changed file changes all of its tests), and for a
 * new test file its tests times the mutants an average test covers. If that estimate times the
 * measured seconds per mutant passes the step's budget, it fails in ONE line that names the
 * command refreshing the state, so CI never times out on a stale state. It takes a second.
 *
 * `npx tsx test/mutation/fresh.ts AREA [--budget SECONDS]`: check (exit 1 when stale).
 * `npx tsx test/mutation/fresh.ts --refresh AREA` (`npm run test:mutation:refresh -- AREA`): run
 * the area's mutation step as CI does, writing the state to commit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Area {
  /** Stryker config, from the repository root (undefined: stryker.config.json). */
  config?: string;
  state: string;
  mutate: string;
  /** MUTATION_SPEC: the tests the committed state was made with (as .ci/run passes them). */
  spec: string;
  /** The CI step's timeout, and what a re-tested mutant costs there (measured on 2 loaded cores). */
  budgetSeconds: number;
  secondsPerMutant: number;
  /** A run that re-tests nothing (dry run, checker, reports). */
  baseSeconds: number;
}

const AREAS: Record<string, Area> = {
  core: {
    state: 'test/mutation/stryker-incremental.json',
    mutate: 'lib/href.ts,lib/status.ts,lib/decode/*.ts,lib/properties/*.ts',
    spec: 'test/unit/href*.test.ts,test/unit/status*.test.ts,test/unit/checklist-*.test.ts,test/unit/dates*.test.ts,test/unit/decode*.test.ts,test/unit/properties*.test.ts,test/unit/hostile-encoding.test.ts,test/unit/reference-keys.test.ts',
    budgetSeconds: 900,
    secondsPerMutant: 4,
    baseSeconds: 120,
  },
  parser: {
    config: 'test/mutation/stryker.parser.config.json',
    state: 'test/mutation/stryker-incremental-parser.json',
    mutate: 'lib/parser/*.ts',
    spec: 'test/unit/checklist-*.test.ts,test/unit/parser-*.test.ts,test/unit/strict.test.ts,test/unit/limits.test.ts,test/unit/error-offsets.test.ts,test/unit/unbound-prefix.test.ts,test/unit/namespace-scope.test.ts,test/unit/xml-reasons.test.ts,test/unit/hostile-*.test.ts',
    budgetSeconds: 900,
    secondsPerMutant: 3,
    baseSeconds: 60,
  },
  client: {
    config: 'test/mutation/stryker.client.config.json',
    state: 'test/mutation/stryker-incremental-client.json',
    mutate: 'lib/client/*.ts',
    spec: 'test/unit/client-*.test.ts',
    budgetSeconds: 900,
    secondsPerMutant: 2,
    baseSeconds: 60,
  },
};

interface StateMutant {
  status: string;
  coveredBy?: string[];
  location: { start: { line: number }; end: { line: number } };
}
interface State {
  files: Record<string, { source: string; mutants: StateMutant[] }>;
  testFiles?: Record<string, { source: string; tests: { id: string }[] }>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Files matching `pattern` (a path whose last segment may hold `*`), relative to the root. */
function glob(pattern: string): string[] {
  const dir = dirname(pattern);
  const base = pattern.slice(dir.length + 1);
  const re = new RegExp(`^${base.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).filter((n) => re.test(n)).map((n) => `${dir}/${n}`);
}

function read(path: string): string | undefined {
  const abs = join(root, path);
  return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
}

/** How many mutants Stryker's incremental run would test again, and why. */
export function estimate(area: Area): { mutants: number; why: string[] } {
  const state = JSON.parse(readFileSync(join(root, area.state), 'utf8')) as State;
  const retest = new Set<string>();
  const why: string[] = [];
  const tested = (m: StateMutant): boolean => m.status !== 'CompileError' && m.status !== 'Ignored';
  // Mutants whose own code changed: a line of their span no longer found in the file.
  const mutatedNow = new Set(area.mutate.split(',').flatMap(glob));
  for (const [file, entry] of Object.entries(state.files)) {
    const now = read(file);
    if (now === entry.source) continue;
    const lines = new Set((now ?? '').split('\n').map((l) => l.trim()));
    const old = entry.source.split('\n');
    let n = 0;
    entry.mutants.forEach((m, i) => {
      if (!tested(m)) return;
      for (let l = m.location.start.line; l <= m.location.end.line; l++) {
        if (!lines.has((old[l - 1] ?? '').trim())) {
          retest.add(`${file}#${i}`);
          n++;
          return;
        }
      }
    });
    if (n) why.push(`${file}: ${n} mutants changed`);
  }
  const files = Object.keys(state.files);
  for (const file of mutatedNow) {
    // A new file with code (a file of types only has no mutants, and is not in a state).
    if (file in state.files || !/^\s*(export\s+)?(async\s+)?(function|class|const|let)\b/m.test(read(file) ?? '')) continue;
    why.push(`${file}: new, all of its mutants`);
    retest.add(`${file}#new`);
  }
  // Tests in changed or removed test files: every mutant they cover.
  const changedTests = new Set<string>();
  let tests = 0;
  for (const [file, entry] of Object.entries(state.testFiles ?? {})) {
    tests += entry.tests.length;
    if (read(file) === entry.source) continue;
    for (const t of entry.tests) changedTests.add(t.id);
    why.push(`${file}: changed`);
  }
  let covered = 0;
  for (const file of files) {
    state.files[file]!.mutants.forEach((m, i) => {
      if (!tested(m)) return;
      covered += m.coveredBy?.length ?? 0;
      if (m.coveredBy?.some((id) => changedTests.has(id))) retest.add(`${file}#${i}`);
    });
  }
  // New test files: their tests times the mutants an average test covers.
  const perTest = tests > 0 ? covered / tests : 0;
  let extra = 0;
  for (const file of area.spec.split(',').flatMap(glob)) {
    if (state.testFiles && file in state.testFiles) continue;
    const its = (read(file)!.match(/\bit\(/g) ?? []).length;
    extra += Math.round(its * perTest);
    why.push(`${file}: new (${its} tests)`);
  }
  const all = files.reduce((n, f) => n + state.files[f]!.mutants.filter(tested).length, 0);
  return { mutants: Math.min(all, retest.size + extra), why };
}

function refreshCommand(name: string): string {
  return `npm run test:mutation:refresh -- ${name}`;
}

function main(argv: string[]): number {
  if (argv[0] === '--refresh') {
    const name = argv[1] ?? '';
    const area = AREAS[name];
    if (!area) {
      console.error(`fresh.ts: --refresh wants one of ${Object.keys(AREAS).join(', ')}`);
      return 2;
    }
    const args = ['run', 'test:mutation', '--', ...(area.config ? [area.config] : []), '--mutate', area.mutate];
    const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_SPEC: area.spec } });
    return r.status ?? 1;
  }
  const name = argv[0] ?? '';
  const area = AREAS[name];
  if (!area) {
    console.error(`fresh.ts: give an area: ${Object.keys(AREAS).join(', ')}`);
    return 2;
  }
  const b = argv.indexOf('--budget');
  const budget = b >= 0 ? Number(argv[b + 1]) : area.budgetSeconds;
  if (!existsSync(join(root, area.state))) {
    console.log(`mutation state for ${name} is missing (${area.state}): run \`${refreshCommand(name)}\` and commit it`);
    return 1;
  }
  const { mutants, why } = estimate(area);
  const seconds = area.baseSeconds + mutants * area.secondsPerMutant;
  // Leave a tenth of the budget for a slow machine.
  if (seconds > budget * 0.9) {
    console.log(
      `mutation state for ${name} is stale: ~${mutants} mutants to test again (~${seconds} s, budget ${budget} s; ${why.slice(0, 3).join('; ')}${why.length > 3 ? '; …' : ''}): run \`${refreshCommand(name)}\` and commit ${relative(root, join(root, area.state))}`,
    );
    return 1;
  }
  console.log(`mutation state for ${name}: fresh enough (~${mutants} mutants to test again, ~${seconds} s of ${budget} s)`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
