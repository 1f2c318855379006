/**
 * Type tests (compiled by `tsc -p test/types`, run from test/unit/types.test.ts, and against the
 * packed tarball by test/package/check.ts): the type of `props` follows the options on every face,
 * and every key is optional. Each `@ts-expect-error` line must be an error.
 */
import { MultistatusParser, MultistatusStream, parseMultistatus } from 'multistatus';
import type { DavResponse, MultistatusIterator, Props, PropsOf, ParseOptions, UntypedValue, XmlElement } from 'multistatus';
import { expectExact, expectTrue } from './assert.js';
import type { Equal } from './assert.js';

declare const body: string;

export async function defaults(): Promise<void> {
  for await (const r of parseMultistatus(body)) {
    expectExact<Props>()(r.props);
    expectExact<number | undefined>()(r.props.getcontentlength);
    expectExact<Date | undefined>()(r.props.getlastmodified);
    expectExact<string[] | undefined>()(r.props.resourcetype);
    const size: number = r.props.getcontentlength ?? 0;
    r.props.getlastmodified?.toISOString();
    r.props.resourcetype?.includes('collection');
    let total = 0;
    total += r.props.getcontentlength ?? 0;
    expectExact<UntypedValue | undefined>()(r.props['{http://example.com/ns}x']);
    // @ts-expect-error a date is not a string
    const wrong: string = r.props.getlastmodified ?? new Date();
    void [size, total, wrong];
  }
}

export async function narrowed(): Promise<void> {
  const it = parseMultistatus(body, { properties: ['getetag', '{DAV:}getcontentlength', '{http://example.com/ns}x'] });
  expectTrue<Equal<typeof it, MultistatusIterator<{ getetag?: string; getcontentlength?: number; '{http://example.com/ns}x'?: UntypedValue }>>>(true);
  for await (const r of it) {
    expectExact<string | undefined>()(r.props.getetag);
    // @ts-expect-error not asked for
    void r.props.displayname;
    // @ts-expect-error asked for, but the server may still leave it out
    void r.props.getetag.length;
    expectExact<string | null | undefined>()(r.propstats[0]?.props.getetag);
  }
  const _asConst = { properties: ['getlastmodified'] } as const satisfies ParseOptions;
  expectExact<{ getlastmodified?: Date }>()(null as unknown as PropsOf<typeof _asConst>);
}

export async function customDecoders(): Promise<void> {
  const it = parseMultistatus(body, {
    decoders: {
      '{http://example.com/ns}count': (v) => (typeof v === 'string' ? Number(v) : 0),
      getetag: (v: string | XmlElement): { strong: boolean } => ({ strong: typeof v === 'string' && !v.startsWith('W/') }),
    },
  });
  for await (const r of it) {
    expectExact<number | undefined>()(r.props['{http://example.com/ns}count']);
    expectExact<{ strong: boolean } | undefined>()(r.props.getetag);
    expectExact<number | undefined>()(r.props.getcontentlength);
    expectExact<UntypedValue | undefined>()(r.props['{http://example.com/ns}other']);
  }
}

export async function untyped(): Promise<void> {
  for await (const r of parseMultistatus(body, { typed: false })) {
    expectExact<UntypedValue | undefined>()(r.props.getcontentlength);
    // @ts-expect-error typed: false gives no numbers
    const n: number = r.props.getcontentlength ?? 0;
    void n;
  }
  // Declared `: ParseOptions`: typed (typed: false is UntypedParseOptions), so the values stay exact.
  const wide: ParseOptions = { baseUrl: 'https://dav.example/' };
  for await (const r of parseMultistatus(body, wide)) expectExact<number | undefined>()(r.props.getcontentlength);
  // @ts-expect-error typed: false is not a ParseOptions (it would make every typed slot a lie)
  const lie: ParseOptions = { typed: false };
  void lie;
  // Chosen at run time: each value is either form.
  const flag = Math.random() > 0.5;
  for await (const r of parseMultistatus(body, { typed: flag })) expectExact<number | UntypedValue | undefined>()(r.props.getcontentlength);
}

export async function nullOnlyInPropstats(): Promise<void> {
  for await (const r of parseMultistatus(body)) {
    // @ts-expect-error props never holds null
    const n: null = r.props.getetag;
    const ps = r.propstats[0];
    if (!ps) continue;
    expectExact<string | null | undefined>()(ps.props.getetag);
    expectExact<UntypedValue | null | undefined>()(ps.props['{http://example.com/ns}x']);
    expectExact<Record<string, UntypedValue> | undefined>()(ps.raw);
    void n;
  }
}

export async function stream(): Promise<void> {
  const s = new MultistatusStream({ properties: ['getcontentlength'] });
  const reader = s.readable.getReader();
  const next = await reader.read();
  if (!next.done) {
    expectExact<number | undefined>()(next.value.props.getcontentlength);
    // @ts-expect-error not asked for
    void next.value.props.getetag;
    // @ts-expect-error may be absent
    const n: number = next.value.props.getcontentlength;
    void n;
  }
  const plain = new MultistatusStream();
  const r2 = await plain.readable.getReader().read();
  if (!r2.done) expectExact<DavResponse>()(r2.value);
  const untypedStream = new MultistatusStream({ typed: false });
  const r3 = await untypedStream.readable.getReader().read();
  if (!r3.done) expectExact<UntypedValue | undefined>()(r3.value.props.getlastmodified);
}

export function pushParser(): void {
  const p = new MultistatusParser({
    properties: ['getlastmodified'],
    onResponse: (r) => {
      expectExact<Date | undefined>()(r.props.getlastmodified);
      // @ts-expect-error may be absent
      r.props.getlastmodified.toISOString();
    },
  });
  p.write(body);
  p.end();
  new MultistatusParser({
    decoders: { '{urn:x}n': () => 1n },
    onResponse: (r) => expectExact<bigint | undefined>()(r.props['{urn:x}n']),
  });
  new MultistatusParser({
    typed: false,
    onResponse: (r) => {
      // @ts-expect-error typed: false
      r.props.getlastmodified?.toISOString();
    },
  });
}
