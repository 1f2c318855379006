/** walk()'s option checks, thrown at the call before any request (no server needed). */
import { expect } from 'chai';
import { walk } from '../../lib/index.js';

const URL_ = 'http://127.0.0.1:1/dav/';

describe('client: walk option checks', function () {
  it('a URL that does not parse is a TypeError naming it', function () {
    expect(() => walk('http://[bad/')).to.throw(TypeError, 'walk: not a URL: http://[bad/');
  });

  it('concurrency must be an integer >= 1: the RangeError says what it got', function () {
    expect(() => walk(URL_, { concurrency: 0 })).to.throw(RangeError, 'walk: concurrency must be an integer >= 1, got 0');
    expect(() => walk(URL_, { concurrency: 1.5 })).to.throw(RangeError, 'got 1.5');
    expect(() => walk(URL_, { concurrency: -2 })).to.throw(RangeError, 'got -2');
    expect(() => walk(URL_, { concurrency: 1 })).to.not.throw();
  });

  it('maxDepth must be an integer >= 1 or Infinity: the RangeError says what it got', function () {
    expect(() => walk(URL_, { maxDepth: 0 })).to.throw(RangeError, 'walk: maxDepth must be an integer >= 1 (or Infinity), got 0');
    expect(() => walk(URL_, { maxDepth: 2.5 })).to.throw(RangeError, 'got 2.5');
    expect(() => walk(URL_, { maxDepth: Infinity })).to.not.throw();
    expect(() => walk(URL_, { maxDepth: 1 })).to.not.throw();
  });
});
