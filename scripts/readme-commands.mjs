#!/usr/bin/env node
// Prints, one per line, the shell commands of the README's ```sh blocks that are marked with
// <!-- first-run --> on the line before them: what a new user types on a fresh clone. Trailing
// "# comments" are dropped and backslash-continued lines joined, nothing else is changed, so the
// check that runs them (scripts/readme-first-run.sh) types exactly what the README says.
// Plain JavaScript with no imports but node:fs, so it runs before `npm ci`.
import { readFileSync } from 'node:fs';

export function firstRunCommands(markdown) {
  const lines = markdown.split('\n');
  const commands = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '<!-- first-run -->') continue;
    if (lines[i + 1]?.trim() !== '```sh') throw new Error(`README line ${i + 2}: a first-run marker must be followed by a \`\`\`sh block`);
    let pending = '';
    for (let j = i + 2; j < lines.length && lines[j].trim() !== '```'; j++) {
      let line = lines[j];
      if (line.trimStart().startsWith('#') || line.trim() === '') continue;
      // A comment starts at " #" outside quotes; the README's first-run commands hold no quoted "#".
      const hash = line.search(/\s#/);
      if (hash >= 0) line = line.slice(0, hash);
      line = line.trim();
      if (line.endsWith('\\')) {
        pending += line.slice(0, -1).trim() + ' ';
        continue;
      }
      commands.push(pending + line);
      pending = '';
    }
  }
  return commands;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const commands = firstRunCommands(readFileSync(process.argv[2] ?? 'README.md', 'utf8'));
  if (commands.length === 0) throw new Error('no <!-- first-run --> block in the README');
  process.stdout.write(commands.join('\n') + '\n');
}
