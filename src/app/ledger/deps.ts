// Dependencies of the ledger use cases, and the company context every one of them starts from.
import {
  indexPaymentMethods,
  PaymentMethodConfigError,
} from '../../domain/ledger/payment-methods.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound, validationError } from '../errors.js';
import type { CompanyLedgerContext, LedgerActor, LedgerStoreRef } from './model.js';
import type { LedgerUnitOfWork } from './ports.js';
import { isBusinessDate } from '../../domain/calendar/business-date.js';

export interface LedgerDeps {
  uow: LedgerUnitOfWork;
  clock: Clock;
}

export async function loadContext(
  deps: LedgerDeps,
  companyId: string,
): Promise<CompanyLedgerContext> {
  const records = await deps.uow.read.loadCompanyContext(companyId);
  if (!records) throw notFound('company', '企業が見つかりません。');
  return { ...records, methodIndex: methodIndexOf(records.paymentMethods) };
}

/** Indexes the methods, or refuses when the company's configuration cannot price a checkout. */
export function methodIndexOf(
  methods: CompanyLedgerContext['paymentMethods'],
): CompanyLedgerContext['methodIndex'] {
  try {
    return indexPaymentMethods(methods);
  } catch (error) {
    if (!(error instanceof PaymentMethodConfigError)) throw error;
    throw new AppError(
      'conflict',
      'payment_methods_not_configured',
      '支払い方法の設定が不完全です(現金をちょうど1つ登録してください)。',
      [],
      error.message,
    );
  }
}

/** The store of a store-day request, checked against the actor (a register sees its own store only). */
export function storeOfDay(
  context: CompanyLedgerContext,
  actor: LedgerActor,
  storeCode: string,
  businessDate: string,
): LedgerStoreRef {
  if (actor.register && actor.register.storeCode !== storeCode)
    throw forbidden('この端末のAPIトークンでは、他の店舗のデータは扱えません。');
  const store = context.stores.get(storeCode);
  if (!store) throw notFound('store', `店舗コード「${storeCode}」の店舗が見つかりません。`);
  if (!isBusinessDate(businessDate)) {
    throw validationError([
      {
        path: 'date',
        code: 'business_date_invalid',
        message: '営業日はYYYY-MM-DD形式の日付で指定してください。',
      },
    ]);
  }
  return store;
}
