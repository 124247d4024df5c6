// The company's payment methods, indexed for the checkout maths. A company has exactly one cash
// method (spec §1); codes are unique. A broken configuration is a programmer error: it throws.
import type { PaymentMethod } from './types.js';

export class PaymentMethodConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentMethodConfigError';
  }
}

export class UnknownPaymentMethodError extends Error {
  constructor(readonly code: string) {
    super(`unknown payment method ${JSON.stringify(code)}`);
    this.name = 'UnknownPaymentMethodError';
  }
}

export interface PaymentMethodIndex {
  /** Configured order, as the company lists them (the 日報 prints them in this order). */
  methods: readonly PaymentMethod[];
  byCode: ReadonlyMap<string, PaymentMethod>;
  cashCode: string;
}

export const paymentMethodsMax = 200;

export function indexPaymentMethods(methods: readonly PaymentMethod[]): PaymentMethodIndex {
  if (methods.length > paymentMethodsMax) {
    throw new PaymentMethodConfigError(`more than ${paymentMethodsMax} payment methods`);
  }
  const byCode = new Map<string, PaymentMethod>();
  for (const method of methods) {
    if (byCode.has(method.code))
      throw new PaymentMethodConfigError(`duplicate payment method ${method.code}`);
    byCode.set(method.code, method);
  }
  const cashMethods = methods.filter((method) => method.kind === 'cash');
  const cashMethod = cashMethods[0];
  if (cashMethod === undefined || cashMethods.length !== 1) {
    throw new PaymentMethodConfigError(
      `exactly one cash payment method is required, found ${cashMethods.length}`,
    );
  }
  return { methods, byCode, cashCode: cashMethod.code };
}

export function paymentMethodOf(index: PaymentMethodIndex, code: string): PaymentMethod {
  const method = index.byCode.get(code);
  if (method === undefined) throw new UnknownPaymentMethodError(code);
  return method;
}

/** Spec §2 step 6: no-change tenders Pn, change-giving non-cash tenders Pg, cash Pc. */
export type TenderClass = 'noChange' | 'changeGiving' | 'cash';

export function tenderClassOf(method: PaymentMethod): TenderClass {
  if (method.kind === 'cash') return 'cash';
  return method.givesChange ? 'changeGiving' : 'noChange';
}
