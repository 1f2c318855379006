/**
 * Import cycles in lib/ (`npm run lint` runs this): every relative `import` / `export … from`
 * (type-only ones too: a type cycle is still a circle of files that cannot be read one after the
 * other) of every .ts file is an edge; each strongly connected component of more than one file,
 * or a file importing itself, is a cycle. Prints each cycle and exits 1 when there is one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Relative module specifiers of a TypeScript source (import, export from, import()). */
export function specifiersOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)|^import\s+['"](\.[^'"]+)['"]/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** The import graph of the .ts files under `dir`: file (relative to `dir`) -> files it imports. */
export function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (sub: string): void => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.c?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const targets = specifiersOf(readFileSync(path.join(dir, rel), 'utf8')).map((s) =>
          path.posix.normalize(path.posix.join(path.posix.dirname(rel), s)).replace(/\.(c?)js$/, '.$1ts'),
        );
        graph.set(rel, targets);
      }
    }
  };
  walk('');
  return graph;
}

/** Every cycle of the graph: its strongly connected components of two files or more, and self-imports (Tarjan). */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'lib');
  const graph = importGraph(root);
  const cycles = cyclesOf(graph);
  for (const c of cycles) console.log(`import cycle in lib/: ${c.join(' <-> ')}`);
  if (cycles.length) process.exitCode = 1;
  else console.log(`lib/: ${graph.size} files, no import cycle`);
}
