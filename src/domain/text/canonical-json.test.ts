// Goal: the canonical text depends on content only (not on key order), reads back as the same value,
// sorts keys by code unit at every level, and refuses nesting deeper than its bound by name.
// Method: fast-check JSON values, each rebuilt with its keys in reverse order; fixed cases for the
// exact text and the depth bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { reversedKeys } from '../../../test/support/reversed-keys.js';
import { canonicalDepthMax, CanonicalDepthError, canonicalJson } from './canonical-json.js';

test('key order does not change the text, and the text reads back as the same value', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
      const text = canonicalJson(value);
      assert.equal(canonicalJson(reversedKeys(value)), text);
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)));
      assert.equal(canonicalJson(JSON.parse(text)), text);
    }),
    { numRuns: 300 },
  );
});

test('keys are sorted by code unit at every level; undefined members are left out', () => {
  const value = {
    b: 1,
    a: [{ z: null, y: 'ｶﾅ', Z: true }],
    é: 'x',
    A: undefined,
    c: { d: undefined },
  };
  assert.equal(canonicalJson(value), '{"a":[{"Z":true,"y":"ｶﾅ","z":null}],"b":1,"c":{},"é":"x"}');
  assert.equal(canonicalJson(undefined), 'null');
});

test('nesting deeper than the bound is a named error', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
  assert.equal(canonicalJson(nested(canonicalDepthMax)).length, 2 * canonicalDepthMax + 1);
  assert.throws(() => canonicalJson(nested(canonicalDepthMax + 1)), CanonicalDepthError);
});
