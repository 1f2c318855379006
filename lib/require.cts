/**
 * The CommonJS entry (`require('multistatus')`, package.json "exports" → "require"). The package
 * is an ES module; Node 20.19+ and 22.12+ (and Bun) can `require()` an ES module, and this file
 * hands back the same module an `import` gets. Older Node versions cannot: they get one line
 * saying so and how to import it instead of Node's ERR_REQUIRE_ESM explanation.
 */
let lib: unknown;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lib = require('./index.js');
} catch (error) {
  if ((error as { code?: unknown }).code !== 'ERR_REQUIRE_ESM') throw error;
  const message =
    "multistatus is an ES module only, and this Node.js cannot require() it (Node 20.19+ and 22.12+ can): use import { parseMultistatus } from 'multistatus', or in CommonJS const { parseMultistatus } = await import('multistatus')";
  throw Object.assign(new Error(message), { code: 'ERR_REQUIRE_ESM' });
}
module.exports = lib;
