// The company's 登録番号 (receipt spec §1): entered in the console; `T` + 13 digits is required, a
// failing check digit is only a warning (a sole proprietor's number has none).
import { validationError } from '../errors.js';
import { checkRegistrationNumber } from '../../domain/receipt/registration-number.js';
import type { RegisterDeps } from './products.js';

export interface RegistrationNumberSaved {
  registrationNumber: string | null;
  /** Japanese, for the admin: the check digit did not match. */
  warning: string | null;
}

export async function setRegistrationNumber(
  deps: RegisterDeps,
  companyId: string,
  text: string,
): Promise<RegistrationNumberSaved> {
  if (text.trim() === '') {
    await deps.store.setRegistrationNumber(companyId, null, deps.clock.now());
    return { registrationNumber: null, warning: null };
  }
  const checked = checkRegistrationNumber(text);
  if (!checked.ok)
    throw validationError([{ path: 'registrationNumber', message: checked.message }]);
  await deps.store.setRegistrationNumber(companyId, checked.value, deps.clock.now());
  return {
    registrationNumber: checked.value,
    warning: checked.checkDigitValid
      ? null
      : '登録番号のチェックデジットが一致しません(法人番号の場合は入力を確認してください)。',
  };
}

export function registrationNumber(deps: RegisterDeps, companyId: string): Promise<string | null> {
  return deps.store.registrationNumber(companyId);
}
