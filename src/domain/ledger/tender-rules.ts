// Which checkouts the ingest accepts: spec §2 step 6 plus the rules that keep the maths sound.
// `validateCheckout` returns every broken rule ([] = valid); nothing here throws on bad input.
//
// Per payment (every status): the method must be configured; the amount a non-zero integer whose
// sign follows T: > 0 when T ≥ 0 (what was handed over), < 0 when T < 0 (a refund). (Decision:
// a ¥0 tender or a negative tender inside a sale has no meaning at a till and would let e[m] take
// mixed signs; see docs/decisions/checkout-math.md.)
// Sufficiency (completed, cancelled, redone only; a pending or aborted checkout's tenders are
// not final): for T ≥ 0, rejected are Pn + Pg + Pc < T, any Pg or Pc when R1 = 0, any Pc when
// R2 = 0; for T < 0 the payments must sum exactly to T.
import { NotIntegerYenError, type Yen } from '../money/yen.js';
import { computeCheckoutTotals } from './checkout-totals.js';
import { contentErrors } from './content-rules.js';
import {
  paymentMethodOf,
  tenderClassOf,
  type PaymentMethodIndex,
  type TenderClass,
} from './payment-methods.js';
import { ruleError, type RuleError } from './rule-error.js';
import { statusErrors, wasCompletedStatuses } from './status-rules.js';
import { splitTenders } from './tender-split.js';
import type { Checkout } from './types.js';
import type { RoundingMode } from '../money/rounding-mode.js';

export const paymentsMax = 20;

function paymentErrors(
  checkout: Checkout,
  methods: PaymentMethodIndex,
  totalYen: Yen,
): RuleError[] {
  const errors: RuleError[] = [];
  checkout.payments.forEach((payment, index) => {
    const path = `payments[${index}]`;
    if (!methods.byCode.has(payment.method)) {
      errors.push(
        ruleError(
          `${path}.method`,
          'payment_method_unknown',
          `支払い方法「${payment.method}」は登録されていません`,
        ),
      );
    }
    if (!Number.isSafeInteger(payment.amount)) {
      errors.push(
        ruleError(
          `${path}.amount`,
          'payment_amount_invalid',
          '支払い金額は円単位の整数で指定してください',
        ),
      );
    } else if (totalYen >= 0 && payment.amount < 0) {
      errors.push(
        ruleError(
          `${path}.amount`,
          'payment_amount_must_be_positive',
          '合計が0円以上の会計では、支払い金額は正の数で指定してください',
        ),
      );
    } else if (totalYen < 0 && payment.amount > 0) {
      errors.push(
        ruleError(
          `${path}.amount`,
          'refund_amount_must_be_negative',
          '返金(合計がマイナス)の会計では、支払い金額は負の数で指定してください',
        ),
      );
    }
  });
  return errors;
}

/** Indexes of the non-zero payments whose tender class is one of `classes` (methods known by now):
 *  a ¥0 tender is valid in every status (spec §2 step 6). */
function paymentIndexesOfClass(
  checkout: Checkout,
  methods: PaymentMethodIndex,
  classes: readonly TenderClass[],
): number[] {
  return checkout.payments.flatMap((payment, index) =>
    payment.amount !== 0 &&
    classes.includes(tenderClassOf(paymentMethodOf(methods, payment.method)))
      ? [index]
      : [],
  );
}

function sufficiencyErrors(
  checkout: Checkout,
  methods: PaymentMethodIndex,
  totalYen: Yen,
): RuleError[] {
  const paidYen = checkout.payments.reduce((sumYen, payment) => sumYen + payment.amount, 0);
  if (totalYen < 0) {
    if (paidYen === totalYen) return [];
    return [
      ruleError(
        'payments',
        'refund_must_equal_total',
        `返金の会計では支払い合計(${paidYen}円)が会計の合計(${totalYen}円)と一致する必要があります`,
      ),
    ];
  }
  if (paidYen < totalYen) {
    return [
      ruleError(
        'payments',
        'payments_below_total',
        `支払い合計(${paidYen}円)が会計の合計(${totalYen}円)に足りません`,
      ),
    ];
  }
  const split = splitTenders(totalYen, checkout.payments, methods);
  if (split.dueAfterNoChangeYen === 0) {
    const message =
      'お釣りの出ない支払いで合計に達しているため、お釣りの出る支払い・現金は受け付けられません';
    return paymentIndexesOfClass(checkout, methods, ['changeGiving', 'cash']).map((index) =>
      ruleError(`payments[${index}].amount`, 'tender_not_needed_after_no_change', message),
    );
  }
  if (split.dueAfterChangeGivingYen === 0) {
    const message = '現金以外の支払いで合計に達しているため、現金の支払いは受け付けられません';
    return paymentIndexesOfClass(checkout, methods, ['cash']).map((index) =>
      ruleError(`payments[${index}].amount`, 'cash_not_needed_after_vouchers', message),
    );
  }
  return [];
}

/** Every broken rule of `checkout` for a company with `methods` and `roundingMode`; [] when valid. */
export function validateCheckout(
  checkout: Checkout,
  methods: PaymentMethodIndex,
  roundingMode: RoundingMode,
): RuleError[] {
  const errors = [...statusErrors(checkout), ...contentErrors(checkout)];
  if (checkout.payments.length > paymentsMax) {
    errors.push(ruleError('payments', 'payments_too_many', `支払いは${paymentsMax}件までです`));
  }
  if (errors.length > 0) return errors;
  let totalYen: Yen;
  try {
    totalYen = computeCheckoutTotals(checkout, roundingMode).totalYen;
  } catch (error) {
    if (!(error instanceof NotIntegerYenError)) throw error;
    return [ruleError('lines', 'checkout_total_too_large', '会計の合計金額が大きすぎます')];
  }
  const tenderErrors = paymentErrors(checkout, methods, totalYen);
  if (tenderErrors.length > 0 || !wasCompletedStatuses.includes(checkout.status))
    return tenderErrors;
  return sufficiencyErrors(checkout, methods, totalYen);
}
