/**
 * Rewrites the `npm start` block of docs/command-line.md (between `<!-- npm-start:begin -->` and
 * `<!-- npm-start:end -->`) with what `npm start` prints on this machine, so its figures
 * are the demo's own output, never typed by hand.
 *
 *   npm run readme:demo                 # runs the demo (300 MiB; a few minutes), then rewrites
 *   npm run readme:demo -- --from FILE  # takes a saved output of `npm start` instead
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(fileURLToPath(import.meta.url), '..', '..');
const README = join(REPO, 'docs', 'command-line.md');
export const BEGIN = '<!-- npm-start:begin: written by `npm run readme:demo` from what `npm start` printed; do not edit -->';
export const END = '<!-- npm-start:end -->';

/** The README with its demo block replaced by `output`. */
export function withDemo(readme: string, output: string, machine: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/command-line.md has no ${BEGIN} … ${END} block`);
  const block = `${BEGIN}\nWhat \`npm start\` printed on ${machine}:\n\n\`\`\`text\n${output.trimEnd()}\n\`\`\`\n`;
  return readme.slice(0, start) + block + readme.slice(end);
}

/** The demo's output as it stands in the README. */
export function demoInReadme(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/command-line.md has no ${BEGIN} … ${END} block`);
  const block = readme.slice(start, end);
  return block.slice(block.indexOf('```text\n') + 8, block.lastIndexOf('\n```'));
}

function main(): void {
  const from = process.argv.indexOf('--from');
  const output = from > 0
    ? readFileSync(process.argv[from + 1]!, 'utf8')
    : execFileSync(process.execPath, ['--import=tsx', join(REPO, 'bench', 'start-demo.ts')], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const cpu = cpus();
  // The load average says how much else the machine was doing: figures from a busy machine are lower.
  const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}, load average ${loadavg()[0]!.toFixed(1)}), ` +
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  writeFileSync(README, withDemo(readFileSync(README, 'utf8'), output, machine));
  process.stderr.write('docs/command-line.md: npm start block rewritten\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
