/**
 * A quick side-by-side ratio measurement in one process: raw saxes (no xmlns, no handlers), the
 * full typed parse, the `properties` fast path and saxes with handlers that only read (the floor) on the same in-memory chunks, runs alternated
 * (in a rotating order) so that a busy machine slows all three alike. Prints, per body, the median
 * MiB/s of each and the median of the per-round ratios to saxes.
 *
 * `node dist/bench-build/bench/ratio.js [--mib 32] [--rounds 7] [--bodies compact,apache,nextcloud,sync]`
 * `... --only multistatus --body compact --runs 3`: one approach alone (for `valgrind --tool=callgrind`:
 * compare its instruction count with `--only none`, which only generates the body).
 */
import { multistatusApproach, multistatusPropertiesApproach } from './approaches/multistatus.js';
import { saxesApproach, saxesHandlersApproach } from './approaches/floors.js';
import type { Approach } from './approaches/approach.js';
import { bodyChunks, isBodyName, type BodyName } from './generators/index.js';

const MiB = 1024 * 1024;
const APPROACHES: Approach[] = [saxesApproach, multistatusApproach, multistatusPropertiesApproach, saxesHandlersApproach];

function option(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1]! : fallback;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(approach: Approach, chunks: Uint8Array[]): number {
  const start = process.hrtime.bigint();
  const result = approach.run(chunks);
  const ns = Number(process.hrtime.bigint() - start);
  if (result instanceof Promise) throw new Error('ratio.ts times synchronous approaches only');
  sink += result.checksum;
  return ns / 1e9;
}

let sink = 0;

function main(argv: string[]): void {
  const mib = Number(option(argv, 'mib', '32'));
  const only = option(argv, 'only', '');
  if (only !== '') {
    const name = option(argv, 'body', 'compact');
    if (!isBodyName(name)) throw new Error(`unknown body ${name}`);
    const { chunks } = bodyChunks(name, { targetBytes: mib * MiB });
    const runs = Number(option(argv, 'runs', '1'));
    const approach = APPROACHES.find((a) => a.id === only);
    if (only !== 'none' && approach === undefined) throw new Error(`unknown approach ${only}`);
    for (let i = 0; i < runs && approach; i++) time(approach, chunks);
    console.log(`${only} ${name} done ${sink}`);
    return;
  }
  const rounds = Number(option(argv, 'rounds', '7'));
  const bodies = option(argv, 'bodies', 'compact,apache,nextcloud,sync').split(',');
  console.log(`${mib} MiB a body, 64 KiB chunks, ${rounds} rounds; median MiB/s and median per-round ratio to saxes`);
  console.log('| body | saxes MiB/s | typed MiB/s | typed × saxes | properties MiB/s | properties × saxes | saxes + reading handlers × saxes |');
  console.log('|---|---|---|---|---|---|---|');
  for (const name of bodies) {
    if (!isBodyName(name)) throw new Error(`unknown body ${name}`);
    const { chunks, stats } = bodyChunks(name as BodyName, { targetBytes: mib * MiB });
    const size = stats.bytes / MiB;
    for (const a of APPROACHES) time(a, chunks); // warm up
    const seconds: number[][] = APPROACHES.map(() => []);
    const ratios: number[][] = APPROACHES.map(() => []);
    for (let r = 0; r < rounds; r++) {
      const t: number[] = [];
      for (let k = 0; k < APPROACHES.length; k++) {
        const i = (k + r) % APPROACHES.length;
        t[i] = time(APPROACHES[i]!, chunks);
      }
      for (let i = 0; i < APPROACHES.length; i++) {
        seconds[i]!.push(t[i]!);
        ratios[i]!.push(t[0]! / t[i]!);
      }
    }
    const rate = (i: number): string => (size / median(seconds[i]!)).toFixed(1);
    const ratio = (i: number): string => median(ratios[i]!).toFixed(2);
    console.log(`| ${name} | ${rate(0)} | ${rate(1)} | ${ratio(1)} | ${rate(2)} | ${ratio(2)} | ${ratio(3)} |`);
  }
  if (sink === 0) console.log('');
}

main(process.argv.slice(2));
