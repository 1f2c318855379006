/** lib/ has no import cycle (the model sits on a floor of its own); the check can fail. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { cyclesOf, importGraph, specifiersOf } from '../../scripts/import-cycles.js';

const lib = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lib');

describe('import cycles', () => {
  it('lib/ has none', () => {
    const graph = importGraph(lib);
    expect(graph.size).to.be.greaterThan(50);
    expect(cyclesOf(graph)).to.deep.equal([]);
  });

  it('the data model (lib/model/) imports nothing outside itself', () => {
    const graph = importGraph(lib);
    const model = [...graph].filter(([file]) => file.startsWith('model/'));
    expect(model.length).to.be.greaterThan(4);
    for (const [file, targets] of model) for (const t of targets) expect(t, `${file} imports ${t}`).to.match(/^model\//);
  });

  it('finds the cycle 0.2.0 had (types -> props -> properties/builtin -> properties/types -> types), type imports included', () => {
    const files: Record<string, string> = {
      'types.ts': "import type { Props } from './props.js';",
      'props.ts': "import type { BuiltinProps } from './properties/builtin.js';\nimport type { X } from './types.js';",
      'properties/builtin.ts': "import type { Ace } from './types.js';",
      'properties/types.ts': "import type { XmlElement } from '../types.js';",
      'index.ts': "export { a } from './types.js';\nexport * from './props.js';",
      'self.ts': "const m = await import('./self.js');",
    };
    const graph = new Map(
      Object.entries(files).map(([f, src]) => [f, specifiersOf(src).map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(f), s)).replace(/\.js$/, '.ts'))]),
    );
    expect(cyclesOf(graph)).to.deep.equal([['properties/builtin.ts', 'properties/types.ts', 'props.ts', 'types.ts'], ['self.ts']]);
  });

  it('reads multi-line imports and re-exports', () => {
    expect(specifiersOf("import {\n  a,\n  b,\n} from './a.js';\nexport type {\n  C,\n} from '../c.js';\nimport x from 'node:fs';\nimport './side.js';")).to.deep.equal(['./a.js', '../c.js', './side.js']);
  });
});
