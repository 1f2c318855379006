/** The progress line: figures, bar, throttling, and erasing it before rows go to the same terminal. */
import { expect } from 'chai';
import { Progress } from '../../lib/cli/progress.js';

class FakeStream {
  written: string[] = [];
  constructor(readonly isTTY: boolean, readonly columns = 200) {}
  write(text: string): boolean {
    this.written.push(text);
    return true;
  }
}

const MiB = 1024 * 1024;

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('cli: progress', function () {
  it('shows a bar and a percentage when the length is known', function () {
    const c = clock();
    const p = new Progress(new FakeStream(true), 10 * MiB, c.now, () => 50 * MiB);
    c.advance(2000);
    p.update(5 * MiB, 12345);
    const line = p.line(false);
    expect(line).to.equal(`[${'#'.repeat(12)}${'.'.repeat(12)}]  50%  5.0 MiB of 10.0 MiB  12,345 responses  2.5 MiB/s  0:02  rss 50.0 MiB`);
  });

  it('shows bytes, responses, rate, elapsed and memory when the length is not known', function () {
    const c = clock();
    const p = new Progress(new FakeStream(true), undefined, c.now, () => 3 * MiB);
    c.advance(4000);
    p.update(8 * MiB, 7);
    expect(p.line(false)).to.equal('8.0 MiB  7 responses  2.0 MiB/s  0:04  rss 3.0 MiB');
  });

  it('redraws one terminal line in place, at most ten times a second, and ends it with a newline', function () {
    const c = clock();
    const s = new FakeStream(true);
    const p = new Progress(s, undefined, c.now, () => 0);
    p.update(1, 0);
    p.update(2, 0); // too soon: not drawn
    c.advance(150);
    p.update(3, 0);
    expect(s.written).to.have.length(2);
    for (const w of s.written) expect(w).to.match(/^\r.*\x1b\[K$/); // eslint-disable-line no-control-regex
    p.finish();
    expect(s.written.at(-1)).to.match(/^\r.*\x1b\[K\n$/); // eslint-disable-line no-control-regex
  });

  it('cuts the line to the terminal width so that \\r can redraw it', function () {
    const s = new FakeStream(true, 30);
    const p = new Progress(s, 100 * MiB, clock().now, () => 0);
    p.update(MiB, 1);
    const drawn = s.written[0]!.replace('\r', '').replace('\x1b[K', '');
    expect(drawn.length).to.equal(29);
  });

  it('erases its line before rows are written, and redraws at the next update', function () {
    const c = clock();
    const s = new FakeStream(true);
    const p = new Progress(s, undefined, c.now, () => 0);
    p.update(1, 1);
    p.clear();
    expect(s.written.at(-1)).to.equal('\r\x1b[K');
    p.update(2, 2); // drawn at once, though less than 100 ms have passed
    expect(s.written.at(-1)).to.match(/^\r2 B {2}2 responses/);
    p.clear();
    p.clear(); // nothing on screen: nothing to erase
    expect(s.written.filter((w) => w === '\r\x1b[K')).to.have.length(2);
  });

  it('draws a first line at start, and keeps redrawing (elapsed time) while no data arrives', async function () {
    const s = new FakeStream(true);
    const p = new Progress(s, undefined);
    p.start();
    expect(s.written).to.have.length(1);
    expect(s.written[0]).to.match(/^\r0 B {2}0 responses {2}0 B\/s {2}0:00 {2}rss /);
    await new Promise((r) => setTimeout(r, 700));
    p.finish();
    expect(s.written.length).to.be.within(3, 5); // a redraw every 250 ms, then the final line
    const count = s.written.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(s.written.length, 'no more redraws after finish()').to.equal(count);
  });

  it('writes plain lines once a second when stderr is not a terminal, and never control sequences', function () {
    const c = clock();
    const s = new FakeStream(false);
    const p = new Progress(s, undefined, c.now, () => 0);
    for (let i = 0; i < 25; i++) {
      p.update(i * 1024, i);
      c.advance(100);
    }
    p.clear();
    p.finish();
    expect(s.written).to.have.length(4); // t = 0, 1 s, 2 s, and the final line
    expect(s.written.slice(0, 3).every((w) => w.startsWith('multistatus: ') && w.endsWith('\n'))).to.equal(true);
    expect(s.written[3]).to.match(/^multistatus: done: 24\.0 KiB {2}24 responses/);
    expect(s.written.join('')).to.not.match(/[\r\x1b]/); // eslint-disable-line no-control-regex
  });
});
