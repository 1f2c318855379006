// The XML declaration's syntax (XML 1.0 §2.8): `<?xml version="1.x" encoding="..." standalone="yes|no"?>`.
import { M } from './messages.js';

const SPACE = /^[ \t\r\n]+/;
const PSEUDO_ATTRIBUTE = /^([a-z]+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/;
const SETTINGS = ['version', 'encoding', 'standalone'];

/**
 * Checks the declaration's body (what lies between `<?xml` and `?>`): undefined when it is
 * well-formed, else the reason. The encoding itself is the byte decoder's business.
 */
export function checkDeclaration(body: string): string | undefined {
  let rest = body;
  let next = 0;
  for (;;) {
    const space = SPACE.exec(rest);
    if (space === null) {
      if (rest === '') break;
      return next === 0 ? M.declNoVersion : M.declBad;
    }
    rest = rest.slice(space[0].length);
    if (rest === '') break;
    const pair = PSEUDO_ATTRIBUTE.exec(rest);
    if (pair === null) return next === 0 ? M.declNoVersion : M.declBad;
    const name = pair[1]!;
    const value = pair[2] ?? pair[3]!;
    const index = SETTINGS.indexOf(name, next);
    if (index < 0) return next === 0 ? M.declNoVersion : M.declBad;
    if (next === 0 && index !== 0) return M.declNoVersion;
    if (name === 'version' && !/^1\.[0-9]+$/.test(value)) return M.declVersion;
    if (name === 'encoding' && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) return M.declEncoding;
    if (name === 'standalone' && value !== 'yes' && value !== 'no') return M.declStandalone;
    next = index + 1;
    rest = rest.slice(pair[0].length);
  }
  return next === 0 ? M.declNoVersion : undefined;
}
