#!/usr/bin/env node
import { createReadStream } from 'node:fs';
import { MultistatusError } from '../errors.js';
import { parseMultistatus } from '../iterate.js';
import { toJson } from './json.js';

const USAGE = `usage: multistatus FILE|- [--format ndjson|summary]

Parses a WebDAV 207 Multi-Status body and prints one JSON line per response (ndjson, default)
or the summary as one JSON object (summary).`;

async function main(argv: string[]): Promise<number> {
  let input: string | undefined;
  let format = 'ndjson';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format') format = argv[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (input === undefined && (a === '-' || !a.startsWith('-'))) input = a;
    else return usage(`unknown argument: ${a}`);
  }
  if (input === undefined) return usage('no input given');
  if (format !== 'ndjson' && format !== 'summary') return usage(`unknown format: ${format}`);
  const source = input === '-' ? process.stdin : createReadStream(input);
  const it = parseMultistatus(source);
  try {
    for await (const r of it) {
      if (format === 'ndjson') await write(toJson(r) + '\n');
    }
    if (format === 'summary') await write(toJson(await it.summary()) + '\n');
    return 0;
  } catch (e) {
    process.stderr.write(`multistatus: ${describe(e)}\n`);
    return 1;
  }
}

function describe(e: unknown): string {
  if (e instanceof MultistatusError) {
    if (e.code === 'SOURCE' && e.cause instanceof Error) return `SOURCE: ${e.cause.message}`;
    return `${e.code}: ${e.message}`;
  }
  return e instanceof Error ? e.message : String(e);
}

function usage(message: string): number {
  process.stderr.write(`multistatus: ${message}\n${USAGE}\n`);
  return 2;
}

function write(s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`multistatus: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
