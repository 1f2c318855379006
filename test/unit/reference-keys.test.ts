/**
 * The reference walker types every built-in key of the parser (and no other), so the typed
 * comparison of the fixtures judges every built-in decoder. The walker itself imports nothing
 * from lib/; only this test looks at both.
 */
import { expect } from 'chai';
import { BUILTIN_DECODERS } from '../../lib/properties/registry.js';
import { REFERENCE_TYPED_KEYS } from '../reference/dom-model.js';

describe('reference walker: typed keys', function () {
  it('are exactly the built-in decoder keys of the parser', function () {
    expect([...REFERENCE_TYPED_KEYS].sort()).to.deep.equal([...BUILTIN_DECODERS.keys()].sort());
  });
  it('name each key once', function () {
    expect(new Set(REFERENCE_TYPED_KEYS).size).to.equal(REFERENCE_TYPED_KEYS.length);
  });
});
