/**
 * Run-time checks derived from the package's own type declarations: the TypeScript checker reads
 * the built .d.ts (dist/lib, as a user's project would), and each declared type becomes a
 * function that says whether a run-time value has that type. The type walk test runs it over
 * every fixture's responses, so the declarations and the values cannot drift apart.
 *
 * A property map (`props` of a response or propstat) is a map: a declared key may be absent
 * (the server did not send it); a key present must have the key's declared type (the index
 * signature's for other keys). Any other object must have its required properties and no
 * property its type does not declare.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Returns the problems of `value` (empty when it has the declared type). */
export type Check = (value: unknown, where: string) => string[];

export interface DeclaredTypes {
  /** `DavResponse` with the default options. */
  response: Check;
  /** `DavResponse` with `typed: false`. */
  untypedResponse: Check;
  /** The declared type of each built-in key, as text (for messages and the table's size). */
  builtinKeys: Map<string, string>;
}

/** Builds the checks from dist/lib (run `npm run build` first). */
export function declaredTypes(): DeclaredTypes {
  const file = path.join(repoRoot, 'test', 'helpers', '__declared_types__.mts');
  const text =
    "import type { BuiltinProps, DavResponse, PropsOf } from 'multistatus';\n" +
    'export type Typed = DavResponse;\n' +
    'export type Untyped = DavResponse<PropsOf<{ typed: false }>>;\n' +
    'export type Builtin = BuiltinProps;\n';
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => path.resolve(f) === file || fileExists.call(host, f);
  host.readFile = (f) => (path.resolve(f) === file ? text : readFile.call(host, f));
  host.getSourceFile = (f, lang, onError, create) =>
    path.resolve(f) === file ? ts.createSourceFile(f, text, lang, true) : getSourceFile.call(host, f, lang, onError, create);
  const program = ts.createProgram([file], options, host);
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (problems.length) throw new Error(`the declarations do not compile:\n${problems.join('\n')}`);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const alias = (name: string): ts.Type => {
    const node = source.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name)!;
    return checker.getTypeAtLocation(node.name);
  };
  const builder = new CheckBuilder(checker);
  const builtin = alias('Builtin');
  const builtinKeys = new Map(checker.getPropertiesOfType(builtin).map((p) => [p.name, checker.typeToString(checker.getTypeOfSymbol(p))]));
  return { response: builder.check(alias('Typed'), false), untypedResponse: builder.check(alias('Untyped'), false), builtinKeys };
}

class CheckBuilder {
  private readonly cache = new Map<string, Check>();
  constructor(private readonly checker: ts.TypeChecker) {}

  check(type: ts.Type, map: boolean): Check {
    const id = `${(type as { id?: number }).id ?? this.checker.typeToString(type)}:${map}`;
    const known = this.cache.get(id);
    if (known) return known;
    const slot: { check?: Check } = {};
    const lazy: Check = (v, w) => slot.check!(v, w);
    this.cache.set(id, lazy);
    slot.check = this.build(type, map);
    return lazy;
  }

  private build(type: ts.Type, map: boolean): Check {
    const c = this.checker;
    const name = c.typeToString(type);
    const f = type.flags;
    const bad = (what: string): Check => (v, w) => (what === 'ok' ? [] : [`${w}: ${show(v)} is not ${name}`]);
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return () => [];
    if (f & ts.TypeFlags.Never) return bad('never');
    if (type.isUnion()) {
      const members = type.types.map((t) => this.check(t, map));
      return (v, w) => {
        for (const m of members) if (m(v, w).length === 0) return [];
        return [`${w}: ${show(v)} is not ${name}`];
      };
    }
    if (f & ts.TypeFlags.StringLiteral) return (v, w) => (v === (type as ts.StringLiteralType).value ? [] : [`${w}: ${show(v)} is not ${name}`]);
    if (f & ts.TypeFlags.NumberLiteral) return (v, w) => (v === (type as ts.NumberLiteralType).value ? [] : [`${w}: ${show(v)} is not ${name}`]);
    if (f & ts.TypeFlags.BooleanLiteral) {
      const want = name === 'true';
      return (v, w) => (v === want ? [] : [`${w}: ${show(v)} is not ${name}`]);
    }
    const primitive = (t: string): Check => (v, w) => (typeof v === t ? [] : [`${w}: ${show(v)} is not ${name}`]);
    if (f & ts.TypeFlags.String) return primitive('string');
    if (f & ts.TypeFlags.Number) return primitive('number');
    if (f & ts.TypeFlags.Boolean) return primitive('boolean');
    if (f & ts.TypeFlags.BigInt) return primitive('bigint');
    if (f & ts.TypeFlags.Null) return (v, w) => (v === null ? [] : [`${w}: ${show(v)} is not null`]);
    if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return (v, w) => (v === undefined ? [] : [`${w}: ${show(v)} is not undefined`]);
    if (f & ts.TypeFlags.ESSymbol) return primitive('symbol');
    if (type.getSymbol()?.name === 'Date') return (v, w) => (v instanceof Date ? [] : [`${w}: ${show(v)} is not a Date`]);
    if (c.isArrayType(type) || c.isTupleType(type)) {
      const element = this.check(c.getTypeArguments(type as ts.TypeReference)[0]!, false);
      return (v, w) => (Array.isArray(v) ? v.flatMap((x, i) => element(x, `${w}[${i}]`)) : [`${w}: ${show(v)} is not ${name}`]);
    }
    if (f & ts.TypeFlags.Object || type.isIntersection()) return this.object(type, map, name);
    throw new Error(`declared-types: no run-time check for ${name}`);
  }

  private object(type: ts.Type, map: boolean, name: string): Check {
    const c = this.checker;
    const props = new Map<string, { check: Check; optional: boolean }>();
    for (const p of c.getPropertiesOfType(type)) {
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      // A property map's values are checked as maps only where the model says so (props, raw).
      const isMap = p.name === 'props';
      props.set(p.name, { check: this.check(c.getTypeOfSymbol(p), isMap), optional });
    }
    const index = c.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
    const indexCheck = index ? this.check(index.type, false) : undefined;
    return (v, w) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date) return [`${w}: ${show(v)} is not ${name}`];
      const out: string[] = [];
      const record = v as Record<string, unknown>;
      for (const [key, value] of Object.entries(record)) {
        const p = props.get(key);
        if (p) {
          if (value === undefined && p.optional) continue;
          out.push(...p.check(value, `${w}.${key}`));
        } else if (indexCheck) out.push(...indexCheck(value, `${w}[${JSON.stringify(key)}]`));
        else out.push(`${w}: ${JSON.stringify(key)} is not a property of ${name}`);
      }
      if (!map) for (const [key, p] of props) if (!p.optional && !(key in record)) out.push(`${w}: lacks ${key} (${name})`);
      return out;
    };
  }
}

function show(v: unknown): string {
  if (v instanceof Date) return `Date(${v.toISOString()})`;
  if (typeof v === 'bigint') return `${v}n`;
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
