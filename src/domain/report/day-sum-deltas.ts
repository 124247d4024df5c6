// The 日報's day aggregate (docs/report.md "Day aggregate"): the delta rows that a batch of NEW
// checkout rows adds to store_day_sum_deltas, summed here at ingest (issue #15 item 4: a
// statement trigger over a transition table cost ≈ 20 µs of PostgreSQL per checkout). The groups
// and sums are exactly those the update/delete triggers of migration 0008 compute in SQL over the
// fig_* columns (checkout-figures-columns.ts), so that rows written either way add up the same:
//   kind 0 per status and figure key ('' = not priced): n, Σ total, sales/tax/net per rate,
//     non-sales, customers, items, then (count, Σ) of short, voucher change, line discounts,
//     order discount, returns, and of the rows with a negative total their refunds;
//   kind 1 per 15-minute bucket of a completed row's completedAt: n, Σ total, customers, items;
//   kind 2 per payment-method position of a completed row: rows, Σ tenders, Σ yen;
//   kind 3 per matrix position of a completed row: rows, Σ standard10, reduced8, exempt, non-sales.
// Pure: no I/O. The parts are integers of yen or counts; sums stay safe integers (yen of a day).
import type { StoredFigures } from './day-sums.js';

export const daySumValueCount = 27;

export interface DaySumRowInput {
  storeId: string;
  businessDate: string;
  status: string;
  /** Absent or null: not priced (the `''` group). */
  figures?: { key: string; figures: StoredFigures } | null;
}

export interface DaySumDelta {
  storeId: string;
  businessDate: string;
  kind: 0 | 1 | 2 | 3;
  status: string;
  figKey: string;
  pos: number;
  n: number;
  /** v01 … v27 of the row (unused ones 0). */
  values: number[];
}

const bucketMs = 900_000;
/** The bucket number offset of migration 0008 (`(ms + 4e12 × 900000) / 900000`), kept exact; the report (report-source.ts) subtracts it. */
export const bucketOffset = 4_000_000_000_000;

/** The kind-1 position of an instant in epoch ms (floor of 15-minute buckets, offset positive). */
export const quarterHourPosition = (completedMs: number): number =>
  Math.floor(completedMs / bucketMs) + bucketOffset;

interface DayGroups {
  storeId: string;
  businessDate: string;
  /** Kind 0 by status, then figure key. */
  byStatus: Map<string, Map<string, DaySumDelta>>;
  byBucket: Map<number, DaySumDelta>;
  byMethod: Map<number, DaySumDelta>;
  byMatrix: Map<number, DaySumDelta>;
}

function groupIn<K>(
  day: DayGroups,
  groups: Map<K, DaySumDelta>,
  key: K,
  kind: DaySumDelta['kind'],
  status: string,
  figKey: string,
  pos: number,
): DaySumDelta {
  let found = groups.get(key);
  if (found === undefined) {
    found = {
      storeId: day.storeId,
      businessDate: day.businessDate,
      kind,
      status,
      figKey,
      pos,
      n: 0,
      values: new Array<number>(daySumValueCount).fill(0),
    };
    groups.set(key, found);
  }
  return found;
}

/** The delta rows of a batch of inserted checkouts, all-zero groups left out as the SQL does. */
export function daySumDeltasOf(rows: readonly DaySumRowInput[]): DaySumDelta[] {
  const days = new Map<string, DayGroups>();
  let day: DayGroups | undefined;
  for (const row of rows) {
    if (day === undefined || day.storeId !== row.storeId || day.businessDate !== row.businessDate) {
      const dayKey = `${row.storeId}|${row.businessDate}`;
      day = days.get(dayKey);
      if (day === undefined) {
        day = {
          storeId: row.storeId,
          businessDate: row.businessDate,
          byStatus: new Map(),
          byBucket: new Map(),
          byMethod: new Map(),
          byMatrix: new Map(),
        };
        days.set(dayKey, day);
      }
    }
    const figKey = row.figures?.key ?? '';
    let ofStatus = day.byStatus.get(row.status);
    if (ofStatus === undefined) {
      ofStatus = new Map();
      day.byStatus.set(row.status, ofStatus);
    }
    addStatusGroup(groupIn(day, ofStatus, figKey, 0, row.status, figKey, 0), row);
    const completed = row.status === 'completed' ? (row.figures?.figures.completed ?? null) : null;
    if (completed === null) continue;
    if (completed.completedMs !== null) {
      const pos = quarterHourPosition(completed.completedMs);
      const bucket = groupIn(day, day.byBucket, pos, 1, '', '', pos);
      bucket.n += 1;
      add(bucket.values, 0, row.figures?.figures.totalYen ?? 0);
      add(bucket.values, 1, completed.customerCount);
      add(bucket.values, 2, completed.itemCount);
    }
    const positions = completed.methodPosition;
    for (let at = 0; at < positions.length; at += 1) {
      const pos = positions[at] as number;
      const method = groupIn(day, day.byMethod, pos, 2, '', '', pos);
      method.n += 1;
      add(method.values, 0, completed.methodTenderCount[at] ?? 0);
      add(method.values, 1, completed.methodTotalYen[at] ?? 0);
    }
    const [y10, y8, y0, yNon] = completed.matrixYen;
    const cells = completed.matrixPosition;
    for (let at = 0; at < cells.length; at += 1) {
      const pos = cells[at] as number;
      const cell = groupIn(day, day.byMatrix, pos, 3, '', '', pos);
      cell.n += 1;
      add(cell.values, 0, y10[at] ?? 0);
      add(cell.values, 1, y8[at] ?? 0);
      add(cell.values, 2, y0[at] ?? 0);
      add(cell.values, 3, yNon[at] ?? 0);
    }
  }
  const out: DaySumDelta[] = [];
  for (const groups of days.values())
    for (const kind of [
      ...groups.byStatus.values(),
      groups.byBucket,
      groups.byMethod,
      groups.byMatrix,
    ])
      for (const delta of kind.values())
        if (delta.n !== 0 || delta.values.some((v) => v !== 0)) out.push(delta);
  return out;
}

function add(values: number[], at: number, amount: number): void {
  values[at] = (values[at] ?? 0) + amount;
}

/** Kind 0: the column sums of migration 0008's first branch, NULL figures counting as absent. */
function addStatusGroup(target: DaySumDelta, row: DaySumRowInput): void {
  const v = target.values;
  target.n += 1;
  const totalYen = row.figures?.figures.totalYen ?? null;
  add(v, 0, totalYen ?? 0);
  const c = row.figures?.figures.completed ?? null;
  if (c !== null) {
    add(v, 1, c.salesYen[0]);
    add(v, 2, c.salesYen[1]);
    add(v, 3, c.salesYen[2]);
    add(v, 4, c.taxYen[0]);
    add(v, 5, c.taxYen[1]);
    add(v, 6, c.taxYen[2]);
    add(v, 7, c.netYen[0]);
    add(v, 8, c.netYen[1]);
    add(v, 9, c.netYen[2]);
    add(v, 10, c.nonSalesYen);
    add(v, 11, c.customerCount);
    add(v, 12, c.itemCount);
    countAndSum(v, 13, c.shortYen > 0, c.shortYen);
    countAndSum(v, 15, c.voucherChangeYen > 0, c.voucherChangeYen);
    if (c.lineDiscountCount > 0) {
      add(v, 17, c.lineDiscountCount);
      add(v, 18, c.lineDiscountYen);
    }
    countAndSum(v, 19, c.orderDiscountYen > 0, c.orderDiscountYen);
    if (c.returnLineCount > 0) {
      add(v, 21, 1);
      add(v, 22, c.returnItemCount);
      add(v, 23, c.returnAmountYen);
    }
  }
  if (totalYen !== null && totalYen < 0) {
    add(v, 24, 1);
    add(v, 25, c?.refundPaymentCount ?? 0);
    add(v, 26, c?.refundYen ?? 0);
  }
}

function countAndSum(values: number[], at: number, when: boolean, amount: number): void {
  if (!when) return;
  add(values, at, 1);
  add(values, at + 1, amount);
}
