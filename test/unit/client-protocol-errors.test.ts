/**
 * What `fetch` refuses as framing that is not HTTP/1.1 is never retried, whichever way undici
 * reports it: a server sending both Content-Length and Transfer-Encoding gets "does not match the
 * HTTP/1.1 protocol" (an llhttp HPE_* code) or, when the bytes arrive otherwise, a body length
 * unlike the header (UND_ERR_RES_CONTENT_LENGTH_MISMATCH).
 */
import { expect } from 'chai';
import { MultistatusError } from '../../lib/errors.js';
import { isProtocolError, isTransient } from '../../lib/client/retry.js';

function coded(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

function sourceError(cause: Error): MultistatusError {
  return new MultistatusError('SOURCE', 'PROPFIND http://h/: fetch failed', {}, new TypeError('fetch failed', { cause }));
}

describe('client: answers fetch refuses as not HTTP/1.1', function () {
  it('a body length unlike the Content-Length header (undici UND_ERR_RES_CONTENT_LENGTH_MISMATCH) is a protocol error, not transient', function () {
    const e = sourceError(coded('Response body length does not match content-length header', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH'));
    expect(isProtocolError(e)).to.equal(true);
    expect(isTransient(e)).to.equal(false);
  });

  it('an llhttp HPE_ code and the "does not match the HTTP/1.1 protocol" wording are protocol errors', function () {
    expect(isProtocolError(sourceError(coded('Parse Error: Content-Length can\'t be present with Transfer-Encoding', 'HPE_UNEXPECTED_CONTENT_LENGTH')))).to.equal(true);
    expect(isProtocolError(sourceError(coded('Response does not match the HTTP/1.1 protocol (x)')))).to.equal(true);
  });

  it('a reset connection is transient, not a protocol error', function () {
    const e = sourceError(coded('read ECONNRESET', 'ECONNRESET'));
    expect(isProtocolError(e)).to.equal(false);
    expect(isTransient(e)).to.equal(true);
  });
});
