// One incoming checkout → a write, or a rejection naming every wrong field. Pure over the company's
// context: the contract's shape (zod), who may send it, store and register, then the domain's rules
// (validateCheckout: statuses, times, content, spec §2 step 6 tenders, known payment methods).
import {
  CheckoutFigures,
  figuresMethodIndex,
  type FiguresMethodIndex,
} from '../../domain/ledger/checkout-figures-record.js';
import type { PaymentMethodIndex } from '../../domain/ledger/payment-methods.js';
import {
  fastStoredFigures,
  figuresKeyOf,
  storedFiguresOf,
  type StoredFigures,
} from '../../domain/report/day-sums.js';
import { computeCheckoutTotals } from '../../domain/ledger/checkout-totals.js';
import { yen, type Yen } from '../../domain/money/yen.js';
import { validateCheckout } from '../../domain/ledger/tender-rules.js';
import type { Checkout } from '../../domain/ledger/types.js';
import type { FieldError } from '../errors.js';
import { sha256Hex } from './content-hash.js';
import { CheckoutContract } from './contract.js';
import { quickCheckout } from './contract-quick.js';
import { fieldErrorsOf, prefixed } from './field-errors.js';
import type {
  CheckoutWrite,
  CompanyLedgerContext,
  ItemRejection,
  LedgerActor,
  LedgerStoreRef,
} from './model.js';

export interface PreparedCheckout {
  index: number;
  path: string;
  checkout: Checkout;
  write: CheckoutWrite;
}

export type PrepareResult =
  | { ok: true; item: PreparedCheckout }
  | { ok: false; rejection: ItemRejection; id: string | null; revision: number | null };

export const invalidMessage = '会計の内容に誤りがあります。';

/** The store and register an item names, checked against the actor and the company. */
export function placeOf(
  codes: { storeCode: string; registerCode: string },
  context: CompanyLedgerContext,
  actor: LedgerActor,
  path: string,
): {
  store: LedgerStoreRef | null;
  registerId: string | null;
  errors: FieldError[];
  forbidden: boolean;
} {
  const errors: FieldError[] = [];
  const own = actor.register;
  if (own && (own.storeCode !== codes.storeCode || own.registerCode !== codes.registerCode)) {
    const field = own.storeCode !== codes.storeCode ? 'storeCode' : 'registerCode';
    errors.push({
      path: prefixed(path, field),
      code: 'not_own_register',
      message: 'この端末のAPIトークンでは、自分の店舗・端末のデータしか送信できません。',
    });
    return { store: null, registerId: null, errors, forbidden: true };
  }
  const store = context.stores.get(codes.storeCode) ?? null;
  if (!store) {
    errors.push({
      path: prefixed(path, 'storeCode'),
      code: 'store_not_found',
      message: `店舗コード「${codes.storeCode}」の店舗は登録されていません。`,
    });
    return { store: null, registerId: null, errors, forbidden: false };
  }
  const registerId = store.registers.get(codes.registerCode) ?? null;
  if (!registerId) {
    errors.push({
      path: prefixed(path, 'registerCode'),
      code: 'register_not_found',
      message: `端末コード「${codes.registerCode}」は店舗「${store.code}」に登録されていません。`,
    });
  }
  return { store, registerId, errors, forbidden: false };
}

function idOf(raw: unknown): { id: string | null; revision: number | null } {
  if (raw === null || typeof raw !== 'object') return { id: null, revision: null };
  const { id, revision } = raw as { id?: unknown; revision?: unknown };
  return {
    id: typeof id === 'string' ? id : null,
    revision: typeof revision === 'number' && Number.isSafeInteger(revision) ? revision : null,
  };
}

/** Per company configuration (a context's method index): the figures' method index and key. */
interface Pricing {
  index: FiguresMethodIndex;
  key: string;
  roundingMode: CompanyLedgerContext['roundingMode'];
}
const pricingCache = new WeakMap<PaymentMethodIndex, Pricing>();
const scratch = new CheckoutFigures();

function pricingOf(context: CompanyLedgerContext): Pricing {
  let pricing = pricingCache.get(context.methodIndex);
  if (pricing === undefined || pricing.roundingMode !== context.roundingMode) {
    pricing = {
      index: figuresMethodIndex(context.methodIndex),
      key: figuresKeyOf(context.methodIndex.methods, context.roundingMode),
      roundingMode: context.roundingMode,
    };
    pricingCache.set(context.methodIndex, pricing);
  }
  return pricing;
}

/**
 * T, and the 日報 figures priced once here (day-sums.ts; T is the same figure as
 * computeCheckoutTotals'), for a checkout without rule errors; `fast` = the single pass's figures.
 */
function pricedFigures(
  checkout: Checkout,
  context: CompanyLedgerContext,
  pricing: Pricing,
  fast: StoredFigures | null,
): { totalYen: Yen; figures: CheckoutWrite['figures'] } {
  const figures = fast ?? storedFiguresOf(checkout, pricing.index, context.roundingMode, scratch);
  if (figures === null)
    return {
      totalYen: computeCheckoutTotals(checkout, context.roundingMode).totalYen,
      figures: null,
    };
  return { totalYen: yen(figures.totalYen), figures: { key: pricing.key, figures } };
}

/** The domain's rules, run (and naming the wrong fields) only when the single pass cannot prove a checkout valid. */
function ruleErrorsOf(checkout: Checkout, context: CompanyLedgerContext, path: string) {
  return validateCheckout(checkout, context.methodIndex, context.roundingMode).map((e) => ({
    path: prefixed(path, e.path),
    code: e.code,
    message: e.message,
  }));
}

/**
 * The contract's output. One hand-written pass vouches for a well-formed checkout; anything else
 * goes to zod, which decides and names the wrong fields (contract-quick.ts: the same output, for a
 * subset of the inputs zod accepts).
 */
function contractOf(
  raw: unknown,
  path: string,
): { ok: true; checkout: Checkout } | Extract<PrepareResult, { ok: false }> {
  const quick = quickCheckout(raw);
  if (quick !== null) return { ok: true, checkout: quick };
  const parsed = CheckoutContract.safeParse(raw);
  if (parsed.success) return { ok: true, checkout: parsed.data };
  return {
    ok: false,
    ...idOf(raw),
    rejection: {
      kind: 'validation',
      code: 'validation_failed',
      message: invalidMessage,
      fields: fieldErrorsOf(parsed.error.issues, path),
    },
  };
}

export function prepareCheckout(
  raw: unknown,
  index: number,
  path: string,
  context: CompanyLedgerContext,
  actor: LedgerActor,
): PrepareResult {
  const contract = contractOf(raw, path);
  if (!contract.ok) return contract;
  const { checkout } = contract;
  const ids = { id: checkout.id, revision: checkout.revision };
  const place = placeOf(checkout, context, actor, path);
  if (place.forbidden)
    return {
      ok: false,
      ...ids,
      rejection: {
        kind: 'forbidden',
        code: 'forbidden',
        message: 'この端末からは送信できない会計です。',
        fields: place.errors,
      },
    };
  const pricing = pricingOf(context);
  const fast = fastStoredFigures(checkout, pricing.index, context.roundingMode, scratch);
  const ruleErrors = fast !== null ? [] : ruleErrorsOf(checkout, context, path);
  const errors = [...place.errors, ...ruleErrors];
  if (errors.length > 0 || !place.store || !place.registerId) {
    return {
      ok: false,
      ...ids,
      rejection: {
        kind: 'validation',
        code: 'validation_failed',
        message: invalidMessage,
        fields: errors,
      },
    };
  }
  // zod (and the quick pass) build the output in the schema's key order, whatever order the
  // register sent, and the strict schema lets no other key through: so this text is canonical.
  const documentJson = JSON.stringify(checkout);
  const documentUtf8 = Buffer.from(documentJson, 'utf8');
  const { totalYen, figures } = pricedFigures(checkout, context, pricing, fast);
  const write: CheckoutWrite = {
    checkoutId: checkout.id,
    revision: checkout.revision,
    storeId: place.store.id,
    registerId: place.registerId,
    businessDate: checkout.businessDate,
    status: checkout.status,
    completedAt: checkout.completedAt,
    totalYen,
    redoes: checkout.redoes ?? null,
    documentJson,
    documentUtf8,
    contentHash: sha256Hex(documentUtf8),
    figures,
  };
  return { ok: true, item: { index, path, checkout, write } };
}
