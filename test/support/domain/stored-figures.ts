// Completed 日報 figures of one checkout (domain/report/day-sums.ts StoredFigures) with `methods`
// method rows and `matrixRows` matrix rows: more than two of either fill the array columns of
// the checkouts table (the adapters' figure-column tests).
import type { StoredFigures } from '../../../src/domain/report/day-sums.js';

export const completedFigures = (
  methods: number,
  matrixRows: number,
): StoredFigures['completed'] => ({
  completedMs: 1_736_480_385_000,
  completedAt: '2025-01-10T03:39:45Z',
  salesYen: [1100, 540, 0],
  taxYen: [100, 40, 0],
  netYen: [1000, 500, 0],
  nonSalesYen: 3,
  shortYen: 4,
  voucherChangeYen: 5,
  customerCount: 2,
  itemCount: 7,
  lineDiscountCount: 1,
  lineDiscountYen: 50,
  returnLineCount: 1,
  returnItemCount: 2,
  returnAmountYen: -300,
  orderDiscountYen: 10,
  refundPaymentCount: 1,
  refundYen: 20,
  methodPosition: Array.from({ length: methods }, (_, i) => i * 2),
  methodTenderCount: Array.from({ length: methods }, (_, i) => i + 1),
  methodTotalYen: Array.from({ length: methods }, (_, i) => 1000 * (i + 1) - 7),
  matrixPosition: Array.from({ length: matrixRows }, (_, i) => i),
  matrixYen: [0, 1, 2, 3].map((k) => Array.from({ length: matrixRows }, (_, i) => k * 10 + i)) as [
    number[],
    number[],
    number[],
    number[],
  ],
});
