// Goal: NUL and unpaired surrogates are found wherever they are, and nothing else is refused.
// Method: a table of strings, then nested values with the expected path of the first bad string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstUnsafeText, isSafeText } from './safe-text.js';

test('NUL and lone surrogates are unsafe; pairs, kana, kanji and emoji are fine', () => {
  const cases: [string, boolean][] = [
    ['コーヒー', true],
    ['😀 絵文字', true],
    ['', true],
    ['a\u0000b', false],
    ['\uD800', false],
    ['x\uDC00', false],
    ['\uDC00\uD800', false],
    ['\uD83D\uDE00', true],
  ];
  for (const [text, safe] of cases) assert.equal(isSafeText(text), safe, JSON.stringify(text));
});

test('the path of the first unsafe string or key', () => {
  assert.equal(firstUnsafeText({ a: 'ok', b: [1, { c: 'x\u0000' }] }), 'b[1].c');
  assert.equal(firstUnsafeText({ ['k\uD800']: 1 }), 'k\uD800');
  assert.equal(firstUnsafeText(['ok', '\uDFFF']), '[1]');
  assert.equal(firstUnsafeText({ a: 'ok', n: 1, z: null }), null);
});
