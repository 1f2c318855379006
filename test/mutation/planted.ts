/**
 * Issue 15's planted bugs, one at a time: each is a small edit of lib/ that a real regression
 * could make. For each, the edit is applied, the package rebuilt (the CLI tests run dist/), the
 * whole unit suite run (in the time zone the bug needs), and the edit undone. Prints, per bug, how
 * many tests failed and their titles; exits 1 if any bug failed no test, or if an edit no longer
 * applies (the code moved: update the edit).
 *
 * `npx tsx test/mutation/planted.ts [name ...]` (about 4 min a bug on 2 cores; not in CI).
 * Run it in a clean checkout: it edits lib/ in place (and restores it, also on Ctrl-C).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Plant {
  name: string;
  file: string;
  find: string;
  replace: string;
  /** TZ for the suite run (the local-time bug is invisible in UTC). */
  tz: string;
}

const PLANTS: Plant[] = [
  {
    name: 'parseHttpDate builds the date in local time',
    file: 'lib/properties/dates.ts',
    find: 's.charCodeAt(25) === 32) {\n      return make(y, mo, d, tH, tM, tS, 0, 0);',
    replace: 's.charCodeAt(25) === 32) {\n      return new Date(y, mo, d, tH, tM, tS);',
    tz: 'America/New_York',
  },
  {
    name: 'an invalid % escape leaves the whole href undecoded',
    file: 'lib/href.ts',
    find: '  } catch {\n    // Fall back run by run.\n  }',
    replace: '  } catch {\n    return s;\n  }',
    tz: 'UTC',
  },
  {
    name: '+ decoded as a space in hrefs that hold a % escape',
    file: 'lib/href.ts',
    find: '  try {\n    return decodeURIComponent(s);',
    replace: "  try {\n    return decodeURIComponent(s.split('+').join(' '));",
    tz: 'UTC',
  },
  {
    name: 'supported-report-set decoded one level too shallow',
    file: 'lib/properties/registry.ts',
    find: 'wrappedKeys(el, 2)',
    replace: 'wrappedKeys(el, 1)',
    tz: 'UTC',
  },
  {
    name: 'ACL grant and deny swapped',
    file: 'lib/properties/acl.ts',
    find: 'grant: grant ? privileges(grant) : [],\n      deny: deny ? privileges(deny) : [],',
    replace: 'grant: deny ? privileges(deny) : [],\n      deny: grant ? privileges(grant) : [],',
    tz: 'UTC',
  },
  {
    name: 'the CalDAV component set drops its first entry',
    file: 'lib/properties/registry.ts',
    find: "'supported-calendar-component-set': tree((el) => childAttrs(el, 'name')),",
    replace: "'supported-calendar-component-set': tree((el) => childAttrs(el, 'name').slice(1)),",
    tz: 'UTC',
  },
  {
    name: 'every 100th response dropped',
    file: 'lib/parser/response-builder.ts',
    find: '      this.onResponse(response);',
    replace: '      if (this.responses % 100 !== 0) this.onResponse(response);',
    tz: 'UTC',
  },
  {
    name: 'names cached per prefix:local forever (a rebinding ignored)',
    file: 'lib/parser/namespaces.ts',
    find: 'if (entry !== undefined && entry.slot.uri === entry.seen) return entry;',
    replace: "if (entry !== undefined && entry.key !== '') return entry;",
    tz: 'UTC',
  },
];

interface MochaJson {
  stats: { tests: number; passes: number; failures: number; pending: number };
  failures: { fullTitle: string }[];
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  return r.status ?? 1;
}

function suite(tz: string): MochaJson {
  const dir = mkdtempSync(join(tmpdir(), 'planted-'));
  const out = join(dir, 'mocha.json');
  try {
    run('npx', ['mocha', '--reporter', 'json', '--reporter-option', `output=${out}`], { ...process.env, TZ: tz });
    return JSON.parse(readFileSync(out, 'utf8')) as MochaJson;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(names: string[]): number {
  const chosen = names.length === 0 ? PLANTS : PLANTS.filter((p) => names.some((n) => p.name.includes(n)));
  let missed = 0;
  for (const plant of chosen) {
    const original = readFileSync(plant.file, 'utf8');
    if (original.split(plant.find).length !== 2) {
      console.log(`!! ${plant.name}: the edit does not apply once to ${plant.file} (the code moved?)`);
      missed++;
      continue;
    }
    const restore = (): void => writeFileSync(plant.file, original);
    process.once('SIGINT', () => {
      restore();
      process.exit(130);
    });
    try {
      writeFileSync(plant.file, original.replace(plant.find, plant.replace));
      if (run('npm', ['run', '--silent', 'build']) !== 0) {
        console.log(`!! ${plant.name}: does not build`);
        missed++;
        continue;
      }
      const result = suite(plant.tz);
      const { tests, failures } = result.stats;
      console.log(`${failures > 0 ? 'caught' : 'MISSED'}: ${plant.name} (TZ=${plant.tz}): ${failures} of ${tests} tests fail`);
      for (const f of result.failures.slice(0, 12)) console.log(`    - ${f.fullTitle}`);
      if (result.failures.length > 12) console.log(`    ... and ${result.failures.length - 12} more`);
      if (failures === 0) missed++;
    } finally {
      restore();
      process.removeAllListeners('SIGINT');
    }
  }
  run('npm', ['run', '--silent', 'build']);
  return missed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
