// `uriage report FILE --store S --date D`: the 日報 of one store-day straight from a day file
// (spec §6), without a database. The file is parsed with the ledger's contract (DayFileContract,
// then CheckoutContract / DrawerEventContract per item, so every wrong field is named as
// `checkouts[3].lines[0].quantity`); the store's settings are the defaults (a day file carries none).
import { DayFileContract, CheckoutContract, DrawerEventContract } from '../ledger/contract.js';
import { fieldErrorsOf } from '../ledger/field-errors.js';
import type { Checkout, DrawerEvent } from '../../domain/ledger/types.js';
import { validationError, type FieldError } from '../errors.js';
import { checkBusinessDate, reportOfDay, storeNotFound, type ReportView } from './daily-report.js';
import type { StoreDay } from './ports.js';
import { instantInZone } from '../../domain/calendar/store-zone.js';

export const dayFileErrorsShownMax = 200;

function parsedItems<T>(
  items: readonly unknown[],
  parse: (
    raw: unknown,
  ) =>
    | { success: true; data: T }
    | { success: false; error: { issues: Parameters<typeof fieldErrorsOf>[0] } },
  prefix: string,
  errors: FieldError[],
): T[] {
  const out: T[] = [];
  items.forEach((raw, index) => {
    const result = parse(raw);
    if (result.success) out.push(result.data);
    else errors.push(...fieldErrorsOf(result.error.issues, `${prefix}[${index}]`));
  });
  return out;
}

/** The store-day of a parsed day file; throws a validation error naming every wrong field. */
export function storeDayFromFile(raw: unknown, storeCode: string, businessDate: string): StoreDay {
  checkBusinessDate('date', businessDate);
  const parsed = DayFileContract.safeParse(raw);
  if (!parsed.success)
    throw validationError(
      fieldErrorsOf(parsed.error.issues).slice(0, dayFileErrorsShownMax),
      '日次ファイルの形式が正しくありません。',
    );
  const file = parsed.data;
  const errors: FieldError[] = [];
  const checkouts: Checkout[] = parsedItems(
    file.checkouts,
    (item) => CheckoutContract.safeParse(item),
    'checkouts',
    errors,
  );
  const drawerEvents: DrawerEvent[] = parsedItems(
    file.drawer,
    (item) => DrawerEventContract.safeParse(item),
    'drawer',
    errors,
  );
  if (errors.length > 0)
    throw validationError(
      errors.slice(0, dayFileErrorsShownMax),
      `日次ファイルに${errors.length}件の誤りがあります。`,
    );
  const store = file.company.stores.find((s) => s.code === storeCode);
  if (!store) throw storeNotFound(storeCode);
  // Several closes of the same store-day: the last one listed is the latest (as an import would version them).
  const close =
    file.closes
      .filter((c) => c.storeCode === storeCode && c.businessDate === businessDate)
      .at(-1) ?? null;
  return {
    company: {
      roundingMode: file.company.roundingMode,
      paymentMethods: file.company.paymentMethods,
    },
    store: {
      id: store.code,
      code: store.code,
      name: store.name,
      timeZone: store.timeZone,
      reportSettings: null,
      printer: null,
    },
    checkouts,
    drawerEvents,
    close: close ? { version: 1, float: close.float, countedCash: close.countedCash } : null,
  };
}

export function reportFromDayFile(
  raw: unknown,
  query: { storeCode: string; businessDate: string; now: Date },
): ReportView {
  const day = storeDayFromFile(raw, query.storeCode, query.businessDate);
  return reportOfDay(day, query.businessDate, instantInZone(query.now, day.store.timeZone));
}
