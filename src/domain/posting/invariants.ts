// Invariant checkers of posting.md 1–6 over the books of one store-day (the deals freee holds for
// it), against the 日報. A second model: expectations come straight from the 日報's figures and the
// mappings; nothing here calls or mirrors build-deals. Used by unit, end-to-end and fault tests.
//   1 sales per tax code (amount and vat) and in total      → sales.*
//   2 非売上 money on its account, 対象外                    → nonSales.*
//   3 per unsettled method: receivable = its 日報 total, with partner and due date → receivable.*
//   4 the cash 口座 moves by countedCash − float; 過不足 on 雑収入 / 雑損失  → cash.*, cashOver/cashShort.*
//   5 金券等差額 as income; 金券等釣り leaves no trace      → voucherShortfall.*, voucherChange.*
//   6 every line carries the store's 部門                    → section.*
//   shape: 発生日, ≤ 100 details, lines no role explains, vat on untaxed codes → deal.*, line.*
// Accounts shared by roles (雑収入 for both 金券等差額 and 過剰, by default) are checked once,
// against the sum of what their roles expect.
import type { DailyReport } from '../report/types.js';
import { booksLines, totalOf, walletableMovement, type BooksDeal } from './books.js';
import { checkReceivables } from './invariant-receivables.js';
import { violation, type InvariantSetup, type InvariantViolation } from './invariant-types.js';
import type { AccountRole } from './mappings.js';

export type { InvariantSetup, InvariantViolation } from './invariant-types.js';

const detailsMax = 100;
const salesCategories = ['standard10', 'reduced8', 'exempt'] as const;

/** 1. Sales per tax code and in total. */
export function checkSales(
  report: DailyReport,
  deals: readonly BooksDeal[],
  setup: InvariantSetup,
): InvariantViolation[] {
  const { accounts, taxCodes } = setup.mappings;
  const sales = booksLines(deals).filter((line) => line.account_item_id === accounts.sales);
  const found: InvariantViolation[] = [];
  for (const category of salesCategories) {
    const row = report.byTaxRate.sales.find((each) => each.taxCategory === category);
    const lines = sales.filter((line) => line.tax_code === taxCodes[category]);
    const amount = totalOf(lines, (line) => line.credit);
    const vat = totalOf(lines, (line) => line.creditVat);
    if (amount !== (row?.sales ?? 0))
      found.push(
        violation(
          1,
          'sales.amount',
          `売上高 ${category}: lines sum to ${amount}`,
          row?.sales ?? 0,
          amount,
        ),
      );
    if (vat !== (row?.tax ?? 0))
      found.push(
        violation(1, 'sales.vat', `売上高 ${category}: vat sums to ${vat}`, row?.tax ?? 0, vat),
      );
  }
  const salesCodes = new Set(salesCategories.map((category) => taxCodes[category]));
  for (const line of sales.filter((each) => !salesCodes.has(each.tax_code))) {
    found.push(
      violation(
        1,
        'sales.taxCode',
        `売上高 line with tax code ${line.tax_code}`,
        null,
        line.tax_code,
      ),
    );
  }
  const total = totalOf(sales, (line) => line.credit);
  const vatTotal = totalOf(sales, (line) => line.creditVat);
  if (total !== report.sales)
    found.push(violation(1, 'sales.total', `売上高 totals ${total}`, report.sales, total));
  if (vatTotal !== report.tax)
    found.push(violation(1, 'sales.tax', `売上高 vat totals ${vatTotal}`, report.tax, vatTotal));
  return found;
}

type RoleChecked = Exclude<AccountRole, 'sales' | 'receivable'>;
const roleInvariant: Record<RoleChecked, 2 | 4 | 5> = {
  nonSales: 2,
  voucherShortfall: 5,
  voucherChange: 5,
  cashOver: 4,
  cashShort: 4,
  drawerIn: 4,
  drawerOut: 4,
};

/** What each non-sales role must add up to over the store-day, straight from the 日報. */
export function roleTotals(report: DailyReport): Record<RoleChecked, number> {
  const difference = report.cash?.difference ?? 0;
  return {
    nonSales: report.nonSalesIncome,
    voucherShortfall: report.voucherShortfall.amount,
    voucherChange: 0,
    cashOver: Math.max(difference, 0),
    cashShort: Math.min(difference, 0),
    drawerIn: report.cashIn.amount,
    drawerOut: -report.cashOut.amount,
  };
}

/** 2, 4 (過不足, drawer), 5: each role account with 対象外 holds what its roles expect. */
export function checkRoleAccounts(
  report: DailyReport,
  deals: readonly BooksDeal[],
  setup: InvariantSetup,
): InvariantViolation[] {
  const { accounts, taxCodes } = setup.mappings;
  const expected = roleTotals(report);
  const roles = Object.keys(roleInvariant) as RoleChecked[];
  const lines = booksLines(deals);
  const found: InvariantViolation[] = [];
  const seen = new Set<number>();
  for (const role of roles) {
    const account = accounts[role];
    if (seen.has(account)) continue;
    seen.add(account);
    const sharing = roles.filter((each) => accounts[each] === account);
    const want = sharing.reduce((sum, each) => sum + expected[each], 0);
    const have = totalOf(
      lines.filter(
        (line) => line.account_item_id === account && line.tax_code === taxCodes.outOfScope,
      ),
      (line) => line.credit,
    );
    if (have !== want) {
      found.push(
        violation(
          roleInvariant[role],
          `${sharing.join('+')}.amount`,
          `account ${account} (${sharing.join(', ')}) sums to ${have}`,
          want,
          have,
        ),
      );
    }
  }
  for (const line of lines.filter(
    (each) => each.account_item_id === accounts.nonSales && each.tax_code !== taxCodes.outOfScope,
  )) {
    found.push(
      violation(
        2,
        'nonSales.taxCode',
        `前受金 line with tax code ${line.tax_code}`,
        taxCodes.outOfScope,
        line.tax_code,
      ),
    );
  }
  return found;
}

/** 4. The cash 口座 moves by countedCash − float (過不足 and drawer lines: checkRoleAccounts). */
export function checkCashMovement(
  report: DailyReport,
  deals: readonly BooksDeal[],
  setup: InvariantSetup,
): InvariantViolation[] {
  if (report.cash === null)
    return [violation(4, 'cash.notClosed', `${report.businessDate} has no close`)];
  const cash = setup.mappings.store.cashWalletable;
  const moved = walletableMovement(deals, cash.type, cash.id);
  const want = report.cash.counted - report.cash.float;
  return moved === want
    ? []
    : [
        violation(
          4,
          'cash.movement',
          `cash 口座 ${cash.type}:${cash.id} moves by ${moved}`,
          want,
          moved,
        ),
      ];
}

/** 6. Every line carries the store's 部門 (and none when the store has none). */
export function checkSections(
  deals: readonly BooksDeal[],
  setup: InvariantSetup,
): InvariantViolation[] {
  const want = setup.mappings.store.sectionId;
  return booksLines(deals)
    .filter((line) => (line.section_id ?? null) !== want)
    .map((line) =>
      violation(
        6,
        want === null ? 'section.unexpected' : 'section.missing',
        `line of deal ${line.deal.ref_number ?? '?'} has 部門 ${line.section_id ?? 'none'}`,
        want,
        line.section_id ?? null,
      ),
    );
}

/** What freee and the shapes need: the 発生日, ≤ 100 details, no line no role explains, no vat on 対象外/非課売上. */
export function checkShape(
  report: DailyReport,
  deals: readonly BooksDeal[],
  setup: InvariantSetup,
): InvariantViolation[] {
  const { accounts, taxCodes } = setup.mappings;
  const found: InvariantViolation[] = [];
  for (const deal of deals) {
    if (deal.issue_date !== report.businessDate)
      found.push(
        violation(
          'shape',
          'deal.issueDate',
          `deal ${deal.ref_number ?? '?'} dated ${deal.issue_date}`,
          report.businessDate,
          deal.issue_date,
        ),
      );
    if (deal.details.length > detailsMax)
      found.push(
        violation(
          'shape',
          'deal.tooManyDetails',
          `deal ${deal.ref_number ?? '?'} has ${deal.details.length} details`,
          detailsMax,
          deal.details.length,
        ),
      );
  }
  const salesCodes = new Set(salesCategories.map((category) => taxCodes[category]));
  const roleAccounts = new Set(
    (Object.keys(roleInvariant) as RoleChecked[]).map((role) => accounts[role]),
  );
  for (const line of booksLines(deals)) {
    const explained =
      (line.account_item_id === accounts.sales && salesCodes.has(line.tax_code)) ||
      (roleAccounts.has(line.account_item_id) && line.tax_code === taxCodes.outOfScope);
    if (!explained)
      found.push(
        violation(
          'shape',
          'line.unexpected',
          `line on account ${line.account_item_id} with tax code ${line.tax_code}`,
        ),
      );
    const untaxed = line.tax_code === taxCodes.outOfScope || line.tax_code === taxCodes.exempt;
    if (untaxed && (line.vat ?? 0) !== 0)
      found.push(
        violation(
          'shape',
          'line.vatOnUntaxed',
          `vat ${line.vat ?? 0} on tax code ${line.tax_code}`,
          0,
          line.vat ?? 0,
        ),
      );
  }
  return found;
}

/** Every violation of invariants 1–6 (and of the shapes) in the books of the store-day; [] when all hold. */
export function checkPostingInvariants(
  report: DailyReport,
  deals: readonly BooksDeal[],
  setup: InvariantSetup,
): InvariantViolation[] {
  return [
    ...checkSales(report, deals, setup),
    ...checkRoleAccounts(report, deals, setup),
    ...checkReceivables(report, deals, setup),
    ...checkCashMovement(report, deals, setup),
    ...checkSections(deals, setup),
    ...checkShape(report, deals, setup),
  ];
}
