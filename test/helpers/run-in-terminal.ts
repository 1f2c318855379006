/**
 * Runs the `multistatus` command with stdout and/or stderr on pseudo-terminals (through
 * test/helpers/pty-run.py, Python's pty module), and a tiny terminal model to read what a person
 * would see on screen.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_ENV, REPO, cliCommand } from './run-cli.js';

const PTY_RUN = join(dirname(fileURLToPath(import.meta.url)), 'pty-run.py');

export interface TerminalRun {
  stdout: 'pty' | 'pipe';
  /** `same`: stdout and stderr share one terminal; everything is reported as stdout. */
  stderr: 'pty' | 'pipe' | 'same';
  cols?: number;
  timeoutS?: number;
  /** stdin on the terminal of stderr (default: /dev/null). */
  stdin?: 'null' | 'stderr';
  /** Typed on stderr's terminal once `when` has appeared there. */
  type?: { text: string; when: string };
  env?: Record<string, string>;
}

export interface TerminalResult {
  code: number;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export function runInTerminal(args: readonly string[], run: TerminalRun): Promise<TerminalResult> {
  const ptyArgs = [PTY_RUN, '--stdout', run.stdout, '--stderr', run.stderr, '--cols', String(run.cols ?? 120), '--timeout', String(run.timeoutS ?? 30)];
  if (run.stdin) ptyArgs.push('--stdin', run.stdin);
  if (run.type) ptyArgs.push('--type', run.type.text, '--when', run.type.when);
  return new Promise((resolve, reject) => {
    execFile('python3', [...ptyArgs, '--', process.execPath, ...cliCommand(), ...args], {
      cwd: REPO,
      env: { ...process.env, ...CLI_ENV, ...run.env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: ((run.timeoutS ?? 30) + 10) * 1000,
    }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`pty-run.py failed (is python3 installed?): ${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout) as TerminalResult);
    });
  });
}

/**
 * The lines left on a screen after `text` was written to it: `\r` returns to column 0, `ESC [ K`
 * erases to the end of the line, `\n` starts a new line (as a terminal with ONLCR shows it), other
 * characters overwrite what is under the cursor. Any other escape sequence fails the call.
 */
export function screen(text: string): string[] {
  const lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\r') col = 0;
    else if (c === '\n') {
      row++;
      col = 0;
      lines[row] ??= [];
    } else if (c === '\x1b') {
      if (text.slice(i, i + 3) !== '\x1b[K') throw new Error(`unexpected escape sequence at ${i}: ${JSON.stringify(text.slice(i, i + 8))}`);
      lines[row]!.length = col;
      i += 2;
    } else {
      lines[row]![col++] = c;
    }
  }
  return lines.map((l) => Array.from(l, (c) => c ?? ' ').join(''));
}
