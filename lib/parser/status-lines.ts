import { parseStatus } from '../status.js';
import { detach } from '../strings.js';
import type { DavStatus } from '../types.js';
import { quote } from './report.js';
import type { Report } from './report.js';

/**
 * Status lines repeat endlessly ("HTTP/1.1 200 OK"): each distinct one is parsed once and the
 * frozen result shared; a line without a code or with a 1xx code is a diagnostic every time.
 */
export class StatusLines {
  private readonly cache = new Map<string, DavStatus>();

  constructor(private readonly report: Report) {}

  /** The status of the text of a `status` element. */
  of(text: string): DavStatus {
    let status = this.cache.get(text);
    if (status === undefined) {
      text = detach(text);
      status = Object.freeze(parseStatus(text));
      if (this.cache.size >= 64) this.cache.clear();
      this.cache.set(text, status);
    }
    if (status.code === null) this.report.diag('BAD_STATUS', `the status line ${quote(status.line)} has no status code`);
    else if (status.code < 200) this.report.diag('INFORMATIONAL_STATUS', `the status line ${quote(status.line)} has a 1xx code, which no response should carry`);
    return status;
  }
}
