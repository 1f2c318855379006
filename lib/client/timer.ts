/**
 * The signal a request runs under: the caller's `signal`, an internal stop (the iteration was
 * closed before the answer came), and a clock that counts waiting only: armed before each wait for
 * the server (headers, then each chunk), disarmed as soon as it answers.
 */
export class WaitClock {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set once the clock ran out. */
  timedOut = false;
  private readonly unlink: (() => void)[] = [];

  constructor(
    private readonly ms: number | undefined,
    signals: readonly (AbortSignal | undefined)[],
  ) {
    for (const s of signals) {
      if (s === undefined) continue;
      if (s.aborted) {
        this.controller.abort(s.reason);
        continue;
      }
      const onAbort = (): void => this.controller.abort(s.reason);
      s.addEventListener('abort', onAbort, { once: true });
      this.unlink.push(() => s.removeEventListener('abort', onAbort));
    }
  }

  /** Aborted by any of the signals or by the clock. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Start counting a wait. */
  arm(): void {
    if (this.ms === undefined || this.controller.signal.aborted) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new DOMException(`no answer within ${this.ms} ms`, 'TimeoutError'));
    }, this.ms);
  }

  /** The server answered: stop counting. */
  disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** No more waits: drop the timer and the listeners on the caller's signals. */
  dispose(): void {
    this.disarm();
    for (const f of this.unlink.splice(0)) f();
  }
}
