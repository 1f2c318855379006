/** PartialFailureError's message, from summaries made by hand (lib/client/partial-failure.ts). */
import { expect } from 'chai';
import { PartialFailureError } from '../../lib/client/partial-failure.js';
import type { OutcomeEntry, OutcomeSummary, PropertyOutcome } from '../../lib/client/outcome-types.js';

const st = (code: number | null, line: string) => ({ code, text: '', line });

function statusEntry(href: string, outcome: OutcomeEntry['outcome'], code: number | null, line: string): OutcomeEntry {
  return { form: 'status', href, hrefs: [href], path: href, outcome, status: st(code, line) };
}

function propstatEntry(href: string, properties: PropertyOutcome[]): OutcomeEntry {
  return { form: 'propstat', href, hrefs: [href], path: href, outcome: 'failed', properties };
}

function summary(failures: OutcomeEntry[], byStatus: Record<string, number>, failed: number, dependent: number, entries: number): OutcomeSummary {
  return { status: 207, multistatus: true, ok: false, entries, succeeded: entries - failed - dependent, failed, dependent, byStatus, failures, failuresCut: false };
}

describe('client: the partial failure message', function () {
  it('request, counts, statuses, and the first failed entry (not a 424 before it)', function () {
    const o = summary(
      [statusEntry('/a/c.txt', 'dependent', 424, 'HTTP/1.1 424 Failed Dependency'), statusEntry('/a/b.txt', 'failed', 423, 'HTTP/1.1 423 Locked')],
      { '424': 1, '423': 1 },
      1,
      1,
      3,
    );
    const e = new PartialFailureError(o, 'DELETE', 'http://h.example/a/');
    expect(e.message).to.equal(
      'DELETE http://h.example/a/: 2 of 3 entries did not succeed (1 failed, 1 only as a consequence, 424); statuses: 423 ×1, 424 ×1; first: /a/b.txt HTTP/1.1 423 Locked',
    );
    expect(e.code).to.equal('PARTIAL_FAILURE');
    expect(e.name).to.equal('PartialFailureError');
    expect(e.failures).to.equal(o.failures);
    expect(e.byStatus).to.equal(o.byStatus);
  });

  it('no method nor URL: no request part; only a 424: it is the first; an entry without status says so', function () {
    const dependent = summary([statusEntry('/x', 'dependent', 424, 'HTTP/1.1 424 Failed Dependency')], { '424': 1 }, 0, 1, 1);
    expect(new PartialFailureError(dependent).message).to.equal(
      '1 of 1 entries did not succeed (0 failed, 1 only as a consequence, 424); statuses: 424 ×1; first: /x HTTP/1.1 424 Failed Dependency',
    );
    expect(new PartialFailureError(dependent, undefined, 'http://h.example/x').message).to.match(/^http:\/\/h\.example\/x: 1 of 1/);
    const none = summary([statusEntry('/y', 'failed', null, '')], { none: 1 }, 1, 0, 1);
    expect(new PartialFailureError(none, 'MOVE').message).to.match(/^MOVE: .*; first: \/y \(no status\)$/);
    const empty = summary([], {}, 0, 0, 0);
    expect(new PartialFailureError(empty).message).to.equal('0 of 0 entries did not succeed (0 failed, 0 only as a consequence, 424); statuses: ');
  });

  it('a propstat entry names its first failed property (before a 424 one), or a non-ok one, with its status', function () {
    const prop = (name: string, outcome: PropertyOutcome['outcome'], code: number | null, line: string): PropertyOutcome => ({ name, outcome, status: st(code, line) });
    const one = (properties: PropertyOutcome[]): string => new PartialFailureError(summary([propstatEntry('/p', properties)], {}, 1, 0, 1)).message;
    expect(one([prop('a', 'ok', 200, 'HTTP/1.1 200 OK'), prop('b', 'dependent', 424, 'HTTP/1.1 424 Failed Dependency'), prop('c', 'failed', 403, 'HTTP/1.1 403 Forbidden')])).to.match(
      /; first: \/p c: HTTP\/1\.1 403 Forbidden$/,
    );
    expect(one([prop('a', 'ok', 200, 'HTTP/1.1 200 OK'), prop('b', 'dependent', 424, 'HTTP/1.1 424 Failed Dependency')])).to.match(/; first: \/p b: HTTP\/1\.1 424 Failed Dependency$/);
    expect(one([prop('d', 'failed', null, '')])).to.match(/; first: \/p d: \(no status\)$/);
    expect(one([prop('a', 'ok', 200, 'HTTP/1.1 200 OK')])).to.match(/; first: \/p \(no property\)$/);
  });
});
