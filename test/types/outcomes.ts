/**
 * Type tests of the write methods' outcomes (compiled by `tsc -p test/types` against the built
 * package): a consumer switches on `form` and `outcome` with no casts, and the compiler knows
 * which fields each form has.
 */
import { copy, deleteResource, lock, PartialFailureError, proppatch, readOutcomes, requireSuccess } from 'multistatus';
import type { ActiveLock, DavStatus, Outcome, OutcomeEntry, OutcomeSummary, PropertyOutcome, XmlElement } from 'multistatus';
import { expectExact } from './assert.js';

declare const body: string;

export async function entries(): Promise<void> {
  for await (const e of readOutcomes(body, { status: 207, maxFailures: 10 })) {
    expectExact<OutcomeEntry>()(e);
    expectExact<Outcome>()(e.outcome);
    expectExact<XmlElement[] | undefined>()(e.error);
    switch (e.form) {
      case 'status':
        expectExact<DavStatus>()(e.status);
        // @ts-expect-error the status form has no properties
        void e.properties;
        break;
      case 'propstat':
        expectExact<PropertyOutcome[]>()(e.properties);
        for (const p of e.properties) if (p.outcome === 'dependent') expectExact<number | null>()(p.status.code);
        // @ts-expect-error the propstat form has no single status
        void e.status;
        break;
      default: {
        const none: never = e;
        void none;
      }
    }
    switch (e.outcome) {
      case 'ok':
      case 'failed':
      case 'dependent':
        break;
      default: {
        const none: never = e.outcome;
        void none;
      }
    }
  }
}

export async function summaries(): Promise<void> {
  const s = await requireSuccess(deleteResource('https://dav.example/a/'));
  expectExact<OutcomeSummary>()(s);
  expectExact<Record<string, number>>()(s.byStatus);
  const granted = await requireSuccess(lock('https://dav.example/a/', { owner: 'me', depth: 0, timeout: 60 }));
  expectExact<ActiveLock[] | undefined>()(granted.lock?.locks);
  try {
    await requireSuccess(copy('https://dav.example/a/', '/b/', { overwrite: false }));
  } catch (e) {
    if (e instanceof PartialFailureError) expectExact<OutcomeEntry[]>()(e.failures);
  }
  proppatch('https://dav.example/a', { set: { displayname: 'x', '{http://example.com/ns}e': { name: 'e', attributes: {}, children: ['t'] } }, remove: ['getcontentlanguage'] });
  // @ts-expect-error values are text or an XmlElement
  proppatch('https://dav.example/a', { set: { displayname: 1 } });
  // @ts-expect-error COPY takes depth 0 or infinity only
  copy('https://dav.example/a/', '/b/', { depth: 1 });
}
