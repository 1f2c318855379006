/**
 * The fixture bodies under fixtures/ and their `*.expected.json` files.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Json } from '../reference/serialise.js';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
export const FIXTURE_GROUPS = ['rfc', 'servers', 'synthetic'] as const;

export interface Fixture {
  /** `group/file`, e.g. `rfc/rfc4918-9.1.3.xml`. */
  name: string;
  path: string;
  expectedPath: string;
  /** Stored gzip-compressed: its expected file is a digest, not the whole model. */
  gzip: boolean;
}

export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const group of FIXTURE_GROUPS) {
    const dir = join(FIXTURES_DIR, group);
    for (const file of readdirSync(dir).sort()) {
      const m = /^(.*)\.xml(\.gz)?$/.exec(file);
      if (!m) continue;
      out.push({
        name: `${group}/${file}`,
        path: join(dir, file),
        expectedPath: join(dir, `${m[1]}.expected.json`),
        gzip: m[2] !== undefined,
      });
    }
  }
  return out;
}

/** The body bytes as a server sent them (gunzipped when stored compressed). */
export function fixtureBytes(fixture: Fixture): Uint8Array {
  const stored = readFileSync(fixture.path);
  return new Uint8Array(fixture.gzip ? gunzipSync(stored) : stored);
}

/**
 * Text for the reference walker. Every fixture body is UTF-8 (or ASCII that declares another
 * encoding); anything else must not reach the walker silently.
 */
export function fixtureText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function readExpected(fixture: Fixture): Json | undefined {
  if (!existsSync(fixture.expectedPath)) return undefined;
  return JSON.parse(readFileSync(fixture.expectedPath, 'utf8')) as Json;
}
