// 適格請求書発行事業者の登録番号 (receipt spec §1): `T` followed by 13 digits. For a corporation the
// 13 digits are its 法人番号, whose first digit is a check digit over the other 12:
//   check = 9 − (Σ Pn × Qn mod 9), n counted from the right, Qn = 1 for odd n, 2 for even n.
// A sole proprietor's number has no such check, so a failing check is a warning, never a refusal.

export type RegistrationNumberCheck =
  { ok: true; value: string; checkDigitValid: boolean } | { ok: false; message: string };

const shape = /^T\d{13}$/;

/** The check digit the 12 lower digits of a 法人番号 call for. */
export function corporateCheckDigit(twelveDigits: string): number {
  if (!/^\d{12}$/.test(twelveDigits))
    throw new TypeError(`twelve digits expected, got ${twelveDigits}`);
  let sum = 0;
  for (let n = 1; n <= 12; n += 1) {
    const digit = Number(twelveDigits[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** Full-width digits and `Ｔ` (as typed on a Japanese keyboard) are folded to ASCII first. */
export function normalizeRegistrationNumber(text: string): string {
  return text.normalize('NFKC').replace(/[\s-]/g, '').replace(/^t/, 'T');
}

export function checkRegistrationNumber(text: string): RegistrationNumberCheck {
  const value = normalizeRegistrationNumber(text);
  if (!shape.test(value))
    return { ok: false, message: '登録番号は T に続く13桁の数字で入力してください。' };
  const checkDigitValid = corporateCheckDigit(value.slice(2)) === Number(value[1]);
  return { ok: true, value, checkDigitValid };
}
