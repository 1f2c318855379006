/**
 * `npm run -s figures:runtimes`: where the library runs, as tested, with the versions the tests
 * pin (Bun and Deno from scripts/runtimes/package.json, Node from package.json's engines).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const json = (file: string): Record<string, Record<string, string>> => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, Record<string, string>>;
const runtimes = json('scripts/runtimes/package.json').devDependencies!;
const node = json('package.json').engines!.node!;

console.log('| runtime | tested by | what runs there |');
console.log('|---|---|---|');
console.log(`| Node ${node} | \`npm test\`, \`npm run test:live\`, \`npm run test:package\` | everything: the library, the client, the CLI |`);
console.log(`| Bun ${runtimes.bun} | \`npm run test:bun\` | the library and the client with Bun's own \`fetch\`, streams and \`TextDecoder\` (the CLI and Node-only tests left out); the packed tarball imported and \`require()\`d |`);
console.log(`| Deno ${runtimes.deno} | \`npm run test:deno\` | the same files as Bun, with Deno's own \`fetch\` and streams; the tarball imported as \`npm:multistatus\` |`);
console.log("| Chromium (Debian's) | `npm run test:browser` | the esbuild and Vite bundles in a page, both faces on a chunked listing, the heap flat while it streams |");
console.log("| Firefox ESR (Debian's) | `npm run test:firefox` | the same pages over WebDriver BiDi, responses collected while the run goes on |");
