// Which payment methods of a closed 日報 get a deal: exactly those buildDayPosting makes an entry
// for. Found by building the day once with stand-in ids, so that the rule lives in one place
// (build-deals.ts) and the caller resolves (or creates) 品目 and 取引先 only for methods it posts.
import type { PaymentMethod } from '../ledger/types.js';
import type { DailyReport } from '../report/types.js';
import { buildDayPosting } from './build-deals.js';
import type { MethodPostingMapping, PostingMappings } from './mappings.js';

const standInMethod = (method: PaymentMethod): MethodPostingMapping =>
  method.kind === 'cash'
    ? { itemId: 1, partnerId: null, schedule: null }
    : { itemId: 1, partnerId: 1, schedule: { kind: 'sameDay' } };

/** Codes of the methods with an entry on this day, in the company's order. Throws as buildDayPosting does. */
export function methodCodesToPost(
  report: DailyReport,
  paymentMethods: readonly PaymentMethod[],
): string[] {
  const mappings: PostingMappings = {
    store: {
      storeCode: report.storeCode,
      companyId: 1,
      sectionId: null,
      cashWalletable: { type: 'wallet', id: 1 },
    },
    accounts: {
      sales: 1,
      receivable: 2,
      nonSales: 3,
      cashOver: 4,
      cashShort: 5,
      voucherShortfall: 6,
      voucherChange: 7,
      drawerIn: 8,
      drawerOut: 9,
    },
    taxCodes: { standard10: 1, reduced8: 2, exempt: 3, outOfScope: 4 },
    methods: Object.fromEntries(
      paymentMethods.map((method) => [method.code, standInMethod(method)]),
    ),
  };
  const plan = buildDayPosting(report, mappings, { paymentMethods });
  return [...new Set(plan.entries.map((entry) => entry.methodCode))];
}
