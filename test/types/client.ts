/**
 * Type tests of issue 21, one block per point, against the package's declarations:
 *  - every built-in key is optional: the unguarded access does not compile, the guarded one does;
 *  - `props` on propfind / walk / syncCollection narrows `r.props` to what the request asks for
 *    (plus `resourcetype` for walk, `getetag` for a syncCollection without `props`);
 *  - options chosen at run time compile, and options declared `: WalkOptions` keep exact values.
 * Each `@ts-expect-error` line must be an error.
 */
import { parseMultistatus, propfind, report, syncCollection, walk } from 'multistatus';
import type { PropfindOptions, SyncOptions, UntypedValue, WalkOptions } from 'multistatus';
import { expectExact } from './assert.js';

declare const res: Response;
declare const url: string;
declare const deep: boolean;

export async function theUnguardedAccess(): Promise<void> {
  for await (const r of parseMultistatus(res)) {
    // @ts-expect-error a CalDAV server sends no getlastmodified for a calendar: this throws
    r.props.getlastmodified.toISOString();
    // @ts-expect-error a collection has no getcontentlength
    const n: number = r.props.getcontentlength;
    const modified: string | undefined = r.props.getlastmodified?.toISOString();
    const size: number = r.props.getcontentlength ?? 0;
    if (r.props.getlastmodified) expectExact<Date>()(r.props.getlastmodified);
    void [n, modified, size];
  }
}

export async function narrowedByProps(): Promise<void> {
  for await (const r of propfind(url, { props: ['getetag'] })) {
    expectExact<{ getetag?: string }>()(r.props);
    // @ts-expect-error only getetag was asked for (the API docs' old pattern compiled and threw)
    r.props.resourcetype.includes('collection');
    // @ts-expect-error only getetag was asked for, even with a guard
    void r.props.resourcetype?.includes('collection');
  }
  for await (const r of propfind(url, { props: ['{DAV:}getcontentlength', '{http://owncloud.org/ns}fileid'] })) {
    expectExact<{ getcontentlength?: number; '{http://owncloud.org/ns}fileid'?: string }>()(r.props);
  }
  for await (const r of propfind(url)) expectExact<number | undefined>()(r.props.getcontentlength);
  for await (const r of propfind(url, { props: 'allprop' })) expectExact<Date | undefined>()(r.props.getlastmodified);
  // The parser's `properties` filter wins over `props` (it decides what is kept).
  for await (const r of propfind(url, { props: ['getetag', 'displayname'], properties: ['getetag'] })) expectExact<{ getetag?: string }>()(r.props);

  for await (const r of walk(url, { props: ['getetag'] })) {
    // walk adds resourcetype itself (it must tell collections from files)
    expectExact<{ getetag?: string; resourcetype?: string[] }>()(r.props);
    r.props.resourcetype?.includes('collection');
    // @ts-expect-error not asked for
    void r.props.getcontentlength;
  }
  for await (const r of walk(url, { properties: ['getcontentlength'] })) expectExact<{ getcontentlength?: number; resourcetype?: string[] }>()(r.props);

  for await (const r of syncCollection(url, { token: 'x' })) {
    // syncCollection asks for getetag when props is not given
    expectExact<{ getetag?: string }>()(r.props);
  }
  for await (const r of syncCollection(url, { props: ['getetag', '{urn:ietf:params:xml:ns:caldav}calendar-data'] })) {
    expectExact<string | undefined>()(r.props['{urn:ietf:params:xml:ns:caldav}calendar-data']);
    // @ts-expect-error not asked for
    void r.props.getlastmodified;
  }
  // report: the body names the properties; `properties` narrows.
  for await (const r of report(url, '<C:calendar-query .../>', { properties: ['getetag'] })) expectExact<{ getetag?: string }>()(r.props);
  for await (const r of walk(url, { typed: false, props: ['getetag'] })) expectExact<UntypedValue | undefined>()(r.props.getetag);
}

export async function optionsChosenAtRunTime(): Promise<void> {
  // TS2345 in 0.2.0.
  for await (const r of walk(url, deep ? { props: ['getetag'] } : {})) {
    expectExact<string | undefined>()(r.props.getetag);
    expectExact<string[] | undefined>()(r.props.resourcetype);
  }
  for await (const r of propfind(url, deep ? { depth: 'infinity' } : { depth: 1, props: ['getetag'] })) expectExact<string | undefined>()(r.props.getetag);

  // An annotation keeps every value exact (0.2.0 widened each to `string | XmlElement`).
  const o: WalkOptions = { props: ['getetag'], concurrency: 2 };
  for await (const r of walk(url, o)) {
    expectExact<number | undefined>()(r.props.getcontentlength);
    // @ts-expect-error still optional
    const n: number = r.props.getcontentlength;
    void n;
  }
  const p: PropfindOptions = deep ? { depth: 'infinity' } : {};
  for await (const r of propfind(url, p)) expectExact<Date | undefined>()(r.props.getlastmodified);
  const s: SyncOptions = { token: 'x' };
  for await (const r of syncCollection(url, s)) expectExact<string | undefined>()(r.props.getetag);
  // The documented pattern for a narrowing list in a variable: `satisfies`.
  const narrowing = { props: ['getetag'] } as const satisfies WalkOptions;
  for await (const r of walk(url, narrowing)) expectExact<{ getetag?: string; resourcetype?: string[] }>()(r.props);
  // @ts-expect-error typed: false is not a WalkOptions (use the options inline or `satisfies`)
  const lie: WalkOptions = { typed: false };
  void lie;
}
