// buildDayPosting: a closed store-day's 日報 → the freee deals that post it (docs/posting-deals.md).
// One deal per payment method with anything to post, in the company's method order:
// - an unsettled method (card, e-money, QR, voucher, 売掛): an unsettled income deal with the
//   method's partner and due date, lines = its 理論値 row per tax code (+ 前受金 for nonSales) and
//   its share of 金券等差額 / 金券等釣り, total = the method's 日報 total (its receivable);
// - cash: a deal settled into the store's cash 口座, lines = the cash 理論値 row, −金券等釣り, レジ入金,
//   レジ出金 and the close's 過不足, total = countedCash − float.
// Every line carries the method's 品目 and the store's 部門. Deterministic: the same 日報 and mappings
// always give the same entries, byte for byte.
import { sumYen, zeroYen, type Yen } from '../money/yen.js';
import {
  indexPaymentMethods,
  paymentMethodOf,
  tenderClassOf,
  type PaymentMethodIndex,
} from '../ledger/payment-methods.js';
import type { PaymentMethod } from '../ledger/types.js';
import type { CashSummary, DailyReport, TaxRatePaymentRow } from '../report/types.js';
import type { PlannedEntry, PlannedPosting } from './deal-types.js';
import { toDealContent, type DraftEntry, type DraftSettlement } from './draft-deal.js';
import { entryKey, refNumberOf } from './entry-keys.js';
import { PostingInputError, PostingMappingError } from './errors.js';
import { accountRoles, taxRoles, type PostingMappings } from './mappings.js';
import { differenceLines, drawerLines, methodDifference, salesLines } from './method-lines.js';
import { dueDate } from './settlement-schedule.js';
import { splitDraft } from './split-deal.js';
import { vatByMethod, type TaxedCategory } from './vat-shares.js';

export interface PostingContext {
  /** The company's payment methods as configured (kind, givesChange, settlement). */
  paymentMethods: readonly PaymentMethod[];
}

function assertPostable(report: DailyReport, mappings: PostingMappings): CashSummary {
  if (report.storeCode !== mappings.store.storeCode) {
    throw new PostingMappingError(
      `mappings of store ${mappings.store.storeCode} given for ${report.storeCode}`,
      `店舗 ${report.storeCode} の連携設定がありません。`,
    );
  }
  if (report.cash === null) {
    throw new PostingInputError(
      `${report.storeCode} ${report.businessDate} has no close`,
      `${report.businessDate} はまだ閉局されていません。閉局後に送信されます。`,
    );
  }
  const salesAccount = mappings.accounts.sales;
  const shared = accountRoles.filter(
    (role) => role !== 'sales' && mappings.accounts[role] === salesAccount,
  );
  const taxCodes = taxRoles.map((role) => mappings.taxCodes[role]);
  if (shared.length > 0 || new Set(taxCodes).size !== taxCodes.length) {
    throw new PostingMappingError(
      `the sales account must not serve ${shared.join(', ') || 'another role'} and the four tax codes must differ`,
      '売上高の勘定科目は他の用途と共用できません。また税区分（10%・8%(軽)・非課税・対象外）はそれぞれ別にしてください。',
    );
  }
  return report.cash;
}

function settlementOf(
  method: PaymentMethod,
  mappings: PostingMappings,
  businessDate: string,
): DraftSettlement {
  if (method.kind === 'cash') return { kind: 'cash' };
  const mapping = mappings.methods[method.code];
  if (
    method.settlement !== 'unsettled' ||
    mapping?.partnerId == null ||
    mapping.schedule === null
  ) {
    throw new PostingMappingError(
      `method ${method.code} needs unsettled settlement with a partner and a schedule`,
      `支払い方法「${method.name}」の取引先と入金サイクルを設定してください（現金以外は未決済で登録します）。`,
    );
  }
  return {
    kind: 'unsettled',
    partnerId: mapping.partnerId,
    dueDate: dueDate(businessDate, mapping.schedule),
  };
}

function itemIdOf(method: PaymentMethod, mappings: PostingMappings): number {
  const itemId = mappings.methods[method.code]?.itemId;
  if (itemId === undefined) {
    throw new PostingMappingError(
      `method ${method.code} has no item`,
      `品目「【POS Reg】${method.name}」がfreeeにありません。`,
    );
  }
  return itemId;
}

interface MethodInput {
  report: DailyReport;
  mappings: PostingMappings;
  cash: CashSummary;
  vat: Map<string, Record<TaxedCategory, Yen>>;
}

function methodDraft(
  row: TaxRatePaymentRow,
  method: PaymentMethod,
  input: MethodInput,
): DraftEntry | null {
  const vat = input.vat.get(row.code) ?? { standard10: zeroYen, reduced8: zeroYen };
  const lines = [
    ...salesLines(row, vat),
    ...differenceLines(method, methodDifference(input.report, row)),
    ...(method.kind === 'cash' ? drawerLines(input.report, input.cash) : []),
  ];
  if (lines.length === 0) return null;
  return {
    key: entryKey({ methodCode: method.code, part: 1, adjustment: 0 }),
    methodCode: method.code,
    itemId: itemIdOf(method, input.mappings),
    settlement: settlementOf(method, input.mappings, input.report.businessDate),
    lines,
  };
}

/** The 日報's 金券等差額 and 金券等釣り must be exactly the methods' differences (d[m]). */
function assertVoucherFigures(report: DailyReport, methods: PaymentMethodIndex): void {
  const byClass = { noChange: [] as Yen[], changeGiving: [] as Yen[], cash: [] as Yen[] };
  for (const row of report.byTaxRate.paymentMethods) {
    byClass[tenderClassOf(paymentMethodOf(methods, row.code))].push(methodDifference(report, row));
  }
  const ok =
    sumYen(byClass.noChange) === report.voucherShortfall.amount &&
    sumYen(byClass.changeGiving) === report.voucherChange.amount &&
    sumYen(byClass.cash) === -report.voucherChange.amount;
  if (!ok) {
    throw new PostingInputError(
      `method totals and 理論値 of ${report.storeCode} ${report.businessDate} disagree with 金券等差額/金券等釣り`,
      `${report.businessDate} の日報の支払い方法別売上と金券等差額・金券等釣りが一致しません。支払い方法の設定を確認してください。`,
    );
  }
}

export function buildDayPosting(
  report: DailyReport,
  mappings: PostingMappings,
  context: PostingContext,
): PlannedPosting {
  const cash = assertPostable(report, mappings);
  const methods = indexPaymentMethods(context.paymentMethods);
  assertVoucherFigures(report, methods);
  const input: MethodInput = { report, mappings, cash, vat: vatByMethod(report) };
  const refScope = mappings.store.refScope ?? report.storeCode;
  const drafts = report.byTaxRate.paymentMethods.flatMap(
    (row) => methodDraft(row, paymentMethodOf(methods, row.code), input) ?? [],
  );
  const entries: PlannedEntry[] = drafts
    .flatMap((draft) => splitDraft(draft))
    .map((draft) => ({
      key: draft.key,
      methodCode: draft.methodCode,
      deal: toDealContent(draft, {
        mappings,
        businessDate: report.businessDate,
        refNumber: refNumberOf(refScope, report.businessDate, draft.key),
      }),
    }));
  return {
    companyId: mappings.store.companyId,
    storeCode: report.storeCode,
    refScope,
    businessDate: report.businessDate,
    entries,
  };
}
