// Goal: payer names as banks send them meet the partner's name, kana and aliases — 法人略語 in the
// three positions, half-width ↔ full-width, small kana written large, names cut to the bank's width —
// and different names do not. Method: a table of spec examples, then a fast-check property (a kana
// name keeps its key whatever abbreviation position and width it arrives in).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareNames, normaliseName, payerKeys } from './payer-name.js';

describe('normaliseName', () => {
  const table: [string, string][] = [
    ['ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ', 'ヤマダシヨウジ'],
    ['ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ', 'ヤマダシヨウジ'],
    ['ﾔﾏﾀﾞ(ｶ)ｼﾃﾝ', 'ヤマダシテン'],
    ['カ）ヤマダショウジ', 'ヤマダシヨウジ'],
    ['株式会社ヤマダ商事', 'ヤマダ商事'],
    ['カブシキガイシャ ヤマダショウジ', 'ヤマダシヨウジ'],
    ['ﾕ)ｻﾄｳ ﾍﾞｰｶﾘｰ', 'サトウベーカリー'],
    ['ｻﾄｳ ﾍﾞ-ｶﾘ-(ﾕ', 'サトウベーカリー'],
    ['やまだ　しょうじ', 'ヤマダシヨウジ'],
    ['ＪＣＢ', 'JCB'],
  ];
  for (const [raw, key] of table)
    it(`${raw} → ${key}`, () => assert.equal(normaliseName(raw), key));
});

describe('compareNames', () => {
  it('the same name in any abbreviation position is exact', () => {
    const partner = normaliseName('ヤマダショウジ');
    for (const payer of ['ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ', 'ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ', 'ﾔﾏﾀﾞ(ｶ)ｼｮｳｼﾞ'])
      assert.equal(compareNames(normaliseName(payer), partner), 'exact', payer);
  });
  it('a name cut to the bank width is truncated; a name plus branch is extended', () => {
    const partner = normaliseName('ﾄｳｷﾖｳｿｳｺﾞｳｷｶｸｹﾝｷﾕｳｼﾖ');
    assert.equal(compareNames(normaliseName('ｶ)ﾄｳｷﾖｳｿｳｺﾞｳ'), partner), 'truncated');
    assert.equal(compareNames(normaliseName('ﾔﾏﾀﾞｼﾖｳｼﾞ ｵｵｻｶｼﾃﾝ'), 'ヤマダシヨウジ'), 'extended');
  });
  it('different names and short fragments do not match', () => {
    assert.equal(compareNames(normaliseName('ﾔﾏﾓﾄｼﾖｳｼﾞ'), 'ヤマダシヨウジ'), null);
    assert.equal(compareNames(normaliseName('ﾔﾏ'), 'ヤマダシヨウジ'), null);
    assert.equal(compareNames('', 'ヤマダ'), null);
  });
  it('property: position, width and small kana never change the key', () => {
    const kana = fc.constantFrom(
      ...'アイウエオカキクケコサシスセソタチツテトナニヌネノマミムメモヤユヨラリルレロワン',
    );
    fc.assert(
      fc.property(fc.array(kana, { minLength: 2, maxLength: 12 }), fc.nat(3), (chars, pos) => {
        const name = chars.join('');
        const half = name.normalize('NFKC');
        const withAbbr = [`ｶ)${half}`, `${half}(ｶ`, `${half}`, `(ｶ)${half}`][pos] ?? half;
        return normaliseName(withAbbr) === normaliseName(name);
      }),
    );
  });
});

describe('payerKeys', () => {
  it('an abbreviation in the middle also gives the company part before it', () => {
    assert.deepEqual(payerKeys('ﾔﾏﾀﾞ(ｶ)ｼﾃﾝ'), ['ヤマダシテン', 'ヤマダ']);
    assert.deepEqual(payerKeys('ｶ)ﾔﾏﾀﾞ'), ['ヤマダ']);
    assert.deepEqual(payerKeys('  '), []);
  });
});
