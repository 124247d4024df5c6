import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkRegistrationNumber, corporateCheckDigit } from './registration-number.js';

test('known 法人番号 pass the check digit (国税庁 7000012050002, 1 = 9 − (Σ mod 9) cases)', () => {
  for (const number of ['T7000012050002', 'T4000012090001', 'Ｔ７０００－０１２０５０００２']) {
    const result = checkRegistrationNumber(number);
    assert.equal(result.ok, true, number);
    assert.equal(result.ok && result.checkDigitValid, true, number);
  }
});

test('a wrong first digit is accepted with a warning; a wrong shape is refused', () => {
  const warned = checkRegistrationNumber('T8000012050002');
  assert.deepEqual(warned, { ok: true, value: 'T8000012050002', checkDigitValid: false });
  for (const bad of ['7000012050002', 'T700001205000', 'T70000120500021', 'TX000012050002', ''])
    assert.equal(checkRegistrationNumber(bad).ok, false, bad);
});

test('exactly one first digit passes for any 12 lower digits', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^\d{12}$/), (lower) => {
      const passing = [...'0123456789'].filter(
        (first) =>
          (checkRegistrationNumber(`T${first}${lower}`) as { checkDigitValid?: boolean })
            .checkDigitValid === true,
      );
      assert.deepEqual(passing, [String(corporateCheckDigit(lower))]);
    }),
  );
});
