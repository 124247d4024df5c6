// Business validation of tenancy input; each error names its field, in Japanese.
import { paymentKinds, type PaymentMethod } from '../../domain/ledger/types.js';
import { roundingModes } from '../../domain/money/rounding-mode.js';
import type { FieldError } from '../errors.js';
import { staffRoles } from './model.js';

const codePattern = /^[A-Za-z0-9_-]{1,32}$/;

export function checkCode(path: string, value: unknown, label: string, errors: FieldError[]): void {
  if (typeof value !== 'string' || !codePattern.test(value)) {
    errors.push({
      path,
      code: 'invalid_code',
      message: `${label}は半角英数字・_・- の1〜32文字で入力してください。`,
    });
  }
}

export function checkName(
  path: string,
  value: unknown,
  label: string,
  errors: FieldError[],
  lengthMax = 100,
): void {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > lengthMax) {
    errors.push({
      path,
      code: 'invalid_name',
      message: `${label}を1〜${lengthMax}文字で入力してください。`,
    });
  }
}

export function checkRoundingMode(path: string, value: unknown, errors: FieldError[]): void {
  if (!roundingModes.includes(value as never)) {
    errors.push({
      path,
      code: 'invalid_rounding_mode',
      message: '端数処理は floor(切り捨て)・half-up(四捨五入)・ceil(切り上げ) から選んでください。',
    });
  }
}

export function checkTimeZone(path: string, value: unknown, errors: FieldError[]): void {
  try {
    if (typeof value !== 'string') throw new Error('not a string');
    new Intl.DateTimeFormat('ja-JP', { timeZone: value });
  } catch {
    errors.push({
      path,
      code: 'invalid_time_zone',
      message: 'タイムゾーンが正しくありません(例: Asia/Tokyo)。',
    });
  }
}

export function checkRole(path: string, value: unknown, errors: FieldError[]): void {
  if (!staffRoles.includes(value as never)) {
    errors.push({
      path,
      code: 'invalid_role',
      message: '権限は admin・manager・staff から選んでください。',
    });
  }
}

export function checkPassword(path: string, value: unknown, errors: FieldError[]): void {
  if (typeof value !== 'string' || value.length < 8 || value.length > 200) {
    errors.push({
      path,
      code: 'invalid_password',
      message: 'パスワードは8文字以上で入力してください。',
    });
  }
}

export function checkPaymentMethod(
  prefix: string,
  method: PaymentMethod,
  errors: FieldError[],
): void {
  checkCode(`${prefix}code`, method.code, '支払い方法コード', errors);
  checkName(`${prefix}name`, method.name, '支払い方法名', errors, 40);
  if (!paymentKinds.includes(method.kind)) {
    errors.push({
      path: `${prefix}kind`,
      code: 'invalid_kind',
      message: '種類が正しくありません。',
    });
  }
  if (method.settlement !== 'settled' && method.settlement !== 'unsettled') {
    errors.push({
      path: `${prefix}settlement`,
      code: 'invalid_settlement',
      message: '決済区分は settled(決済済)・unsettled(未決済) から選んでください。',
    });
  }
  if (method.kind === 'cash' && (!method.givesChange || method.settlement !== 'settled')) {
    errors.push({
      path: `${prefix}kind`,
      code: 'cash_must_give_change',
      message: '現金はお釣りあり・決済済でなければなりません。',
    });
  }
}

/** Exactly one cash method per company (spec §1). */
export function checkCashCount(
  path: string,
  methods: readonly PaymentMethod[],
  errors: FieldError[],
): void {
  const cashCount = methods.filter((m) => m.kind === 'cash').length;
  if (cashCount !== 1)
    errors.push({
      path,
      code: 'cash_method_count',
      message: '現金(kind=cash)の支払い方法はちょうど1つ必要です。',
    });
}
