// Goal: spec §2 steps 1–9 for one checkout, exactly as written. Method: the worked example of §5
// and the three cases of §4 step by step, then hand-worked checkouts for the remaining branches
// (exclusive prices with a surcharge, refunds, shortfall taken from the last tender backwards,
// mixed-sign categories, an exchange with T = 0).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCheckoutMath, type PaidCheckout } from './checkout-math.js';
import { deductFromLast, TenderDeductionError } from './method-totals.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import { yen } from '../money/yen.js';
import { line, pay, testMethodIndex } from '../../../test/support/domain/fixtures.js';

function math(
  checkout: Partial<PaidCheckout> & Pick<PaidCheckout, 'lines'>,
  roundingMode: RoundingMode = 'floor',
) {
  return computeCheckoutMath({ payments: [], ...checkout }, testMethodIndex, roundingMode);
}

function matrixOf(result: ReturnType<typeof math>): Record<string, number[]> {
  return Object.fromEntries(
    result.matrix.map((row) => [
      row.code,
      [
        row.byTaxCategoryYen.standard10,
        row.byTaxCategoryYen.reduced8,
        row.byTaxCategoryYen.exempt,
        row.byTaxCategoryYen.nonSales,
      ],
    ]),
  );
}

function methodsOf(
  result: ReturnType<typeof math>,
): Record<string, [count: number, totalYen: number, effectiveYen: number]> {
  return Object.fromEntries(
    result.methods.map((row) => [row.code, [row.tenderCount, row.totalYen, row.effectiveYen]]),
  );
}

describe('spec §5 worked example (inclusive, floor)', () => {
  const result = math({
    lines: [line(2, 540, 'reduced8'), line(1, 1100, 'standard10', 100)],
    orderDiscount: 200,
    payments: [pay('credit', 1000), pay('cash', 1000)],
  });
  it('G', () =>
    assert.deepEqual(result.totals.grossYen, {
      standard10: 1000,
      reduced8: 1080,
      exempt: 0,
      nonSales: 0,
    }));
  it('order discount split 96 / 104', () =>
    assert.deepEqual(result.totals.orderDiscountYen, { standard10: 96, reduced8: 104, exempt: 0 }));
  it("G' = 904 / 976", () =>
    assert.deepEqual(result.totals.discountedYen, { standard10: 904, reduced8: 976, exempt: 0 }));
  it('tax = 82 / 72', () =>
    assert.deepEqual(result.totals.taxYen, { standard10: 82, reduced8: 72, exempt: 0 }));
  it('N = 822 / 904', () =>
    assert.deepEqual(result.totals.netYen, { standard10: 822, reduced8: 904, exempt: 0 }));
  it('T = 1880', () => assert.equal(result.totals.totalYen, 1880));
  it('tenders: short 0, R1 880, R2 880, cchange 120', () => {
    assert.equal(result.tenders.noChangeYen, 1000);
    assert.equal(result.tenders.cashYen, 1000);
    assert.equal(result.tenders.shortYen, 0);
    assert.equal(result.tenders.dueAfterNoChangeYen, 880);
    assert.equal(result.tenders.dueAfterChangeGivingYen, 880);
    assert.equal(result.tenders.cashChangeYen, 120);
  });
  it('method totals credit 1000, cash 880', () =>
    assert.deepEqual(methodsOf(result), { credit: [1, 1000, 1000], cash: [1, 880, 880] }));
  it('matrix 481 / 519 and 423 / 457', () =>
    assert.deepEqual(matrixOf(result), { credit: [481, 519, 0, 0], cash: [423, 457, 0, 0] }));
});

describe('spec §4 cases, one checkout each', () => {
  it('1. a non-sales line: cash total 2,700, by tax rate 1,000 + 1,000 + 700 nonSales', () => {
    const result = math({
      lines: [line(1, 1000, 'standard10'), line(1, 1000, 'reduced8'), line(1, 700, 'nonSales')],
      payments: [pay('cash', 2700)],
    });
    assert.equal(result.totals.totalYen, 2700);
    assert.deepEqual(methodsOf(result), { cash: [1, 2700, 2700] });
    assert.deepEqual(matrixOf(result), { cash: [1000, 1000, 0, 700] });
  });

  it('2. a no-change voucher over the total: total 500 (300 + short 200), by tax rate 300', () => {
    const result = math({
      lines: [line(1, 300, 'standard10')],
      payments: [pay('giftNoChange', 500)],
    });
    assert.equal(result.tenders.shortYen, 200);
    assert.deepEqual(methodsOf(result), { giftNoChange: [1, 500, 300] });
    assert.deepEqual(matrixOf(result), { giftNoChange: [300, 0, 0, 0] });
  });

  it('3. change from a change-giving voucher: voucher total 1,000, cash −400, by tax rate 600', () => {
    const result = math({
      lines: [line(1, 600, 'standard10')],
      payments: [pay('giftChange', 1000)],
    });
    assert.equal(result.tenders.voucherChangeYen, 400);
    assert.equal(result.tenders.cashChangeYen, 0);
    assert.deepEqual(methodsOf(result), { giftChange: [1, 1000, 600], cash: [0, -400, 0] });
    assert.deepEqual(matrixOf(result), { giftChange: [600, 0, 0, 0], cash: [0, 0, 0, 0] });
  });
});

describe('hand-worked checkouts: prices, tax and refunds', () => {
  it('exclusive prices, line 値上げ and an order surcharge (値上げ −30 → 24 / 6)', () => {
    const result = math({
      priceMode: 'exclusive',
      lines: [line(2, 500, 'standard10', 50), line(1, 200, 'reduced8', -20)],
      orderDiscount: -30,
      payments: [pay('paypay', 1000), pay('cash', 500)],
    });
    assert.deepEqual(result.totals.orderDiscountYen, { standard10: -24, reduced8: -6, exempt: 0 });
    assert.deepEqual(result.totals.taxYen, { standard10: 97, reduced8: 18, exempt: 0 });
    assert.deepEqual(result.totals.salesYen, { standard10: 1071, reduced8: 244, exempt: 0 });
    assert.deepEqual(result.totals.netYen, { standard10: 974, reduced8: 226, exempt: 0 });
    assert.equal(result.totals.totalYen, 1315);
    assert.deepEqual(methodsOf(result), { paypay: [1, 1000, 1000], cash: [1, 315, 315] });
    assert.deepEqual(matrixOf(result), { paypay: [814, 186, 0, 0], cash: [257, 58, 0, 0] });
  });

  it('rounding modes on an inclusive 8% amount of 1,001 (74.15) and 10% of 1,045 (95.0)', () => {
    const lines = [line(1, 1001, 'reduced8'), line(1, 1045, 'standard10')];
    assert.deepEqual(math({ lines }, 'floor').totals.taxYen, {
      standard10: 95,
      reduced8: 74,
      exempt: 0,
    });
    assert.deepEqual(math({ lines }, 'half-up').totals.taxYen, {
      standard10: 95,
      reduced8: 74,
      exempt: 0,
    });
    assert.deepEqual(math({ lines }, 'ceil').totals.taxYen, {
      standard10: 95,
      reduced8: 75,
      exempt: 0,
    });
    const halves = [line(1, 1107, 'standard10')]; // 1107 × 10 / 110 = 100.636…
    assert.deepEqual(
      [
        math({ lines: halves }, 'floor'),
        math({ lines: halves }, 'half-up'),
        math({ lines: halves }, 'ceil'),
      ].map((each) => each.totals.taxYen.standard10),
      [100, 101, 101],
    );
  });

  it('a refund: 8% return of 540 and an exempt sale of 300, cash −240', () => {
    const result = math({
      lines: [line(-1, 540, 'reduced8'), line(1, 300, 'exempt')],
      payments: [pay('cash', -240)],
    });
    assert.deepEqual(result.totals.taxYen, { standard10: 0, reduced8: -40, exempt: 0 });
    assert.equal(result.totals.totalYen, -240);
    assert.deepEqual(result.tenders, {
      noChangeYen: 0,
      changeGivingYen: 0,
      cashYen: -240,
      shortYen: 0,
      dueAfterNoChangeYen: 0,
      voucherChangeYen: 0,
      dueAfterChangeGivingYen: 0,
      cashChangeYen: 0,
    });
    assert.deepEqual(methodsOf(result), { cash: [1, -240, -240] });
    assert.deepEqual(matrixOf(result), { cash: [0, -540, 300, 0] });
  });
});

describe('hand-worked checkouts: tenders and the matrix', () => {
  it('short is taken from the last no-change tender backwards; an emptied method takes no turn', () => {
    const result = math({
      lines: [line(1, 100, 'standard10')],
      payments: [pay('credit', 150), pay('giftNoChange', 30)],
    });
    assert.equal(result.tenders.shortYen, 80);
    assert.deepEqual(methodsOf(result), { credit: [1, 150, 100], giftNoChange: [1, 30, 0] });
    assert.deepEqual(matrixOf(result), { credit: [100, 0, 0, 0], giftNoChange: [0, 0, 0, 0] });
  });

  it('a method tendered twice is one row; voucher change is taken from its last tender', () => {
    const result = math({
      lines: [line(1, 1000, 'standard10'), line(1, 1000, 'reduced8')],
      payments: [pay('giftChange', 500), pay('credit', 1000), pay('giftChange', 800)],
    });
    assert.equal(result.tenders.voucherChangeYen, 300);
    assert.deepEqual(methodsOf(result), {
      giftChange: [2, 1300, 1000],
      credit: [1, 1000, 1000],
      cash: [0, -300, 0],
    });
    assert.deepEqual(matrixOf(result), {
      giftChange: [500, 500, 0, 0],
      credit: [500, 500, 0, 0],
      cash: [0, 0, 0, 0],
    });
  });

  it('mixed-sign categories: earlier methods take from the sales, the last also takes the return', () => {
    const result = math({
      lines: [line(2, 1000, 'standard10'), line(-1, 500, 'reduced8'), line(1, 300, 'exempt')],
      payments: [pay('credit', 1000), pay('cash', 800)],
    });
    assert.equal(result.totals.totalYen, 1800);
    // credit: 1000 from {2000, 300} → round(1000 × 2000 / 2300) = 870, exempt the rest 130
    assert.deepEqual(matrixOf(result), { credit: [870, 0, 130, 0], cash: [1130, -500, 170, 0] });
  });

  it('an order discount on an exchange lowers only the sold category', () => {
    const result = math({
      lines: [line(1, 1000, 'standard10'), line(-1, 999, 'reduced8')],
      orderDiscount: 100,
      payments: [pay('cash', -99)],
    });
    assert.deepEqual(result.totals.orderDiscountYen, { standard10: 100, reduced8: 0, exempt: 0 });
    assert.deepEqual(result.totals.taxYen, { standard10: 81, reduced8: -74, exempt: 0 }); // 900 × 10 / 110 = 81.8; 999 × 8 / 108 = 74
    assert.equal(result.totals.totalYen, -99);
  });

  it('an exchange with T = 0 puts the residual columns in a cash row summing to zero', () => {
    const result = math({ lines: [line(-1, 1000, 'reduced8'), line(1, 1000, 'standard10')] });
    assert.equal(result.totals.totalYen, 0);
    assert.deepEqual(result.methods, []);
    assert.deepEqual(matrixOf(result), { cash: [1000, -1000, 0, 0] });
  });

  it('an order discount on no sales goes to standard10 and never to nonSales', () => {
    const result = math({
      lines: [line(1, 500, 'nonSales')],
      orderDiscount: 100,
      payments: [pay('cash', 400)],
    });
    assert.deepEqual(result.totals.orderDiscountYen, { standard10: 100, reduced8: 0, exempt: 0 });
    assert.equal(result.totals.nonSalesYen, 500);
    assert.equal(result.totals.totalYen, 400);
    assert.deepEqual(matrixOf(result), { cash: [-100, 0, 0, 500] });
  });
});

describe('deductFromLast', () => {
  it('takes from the last amount first and never goes below zero', () => {
    assert.deepEqual(deductFromLast([yen(100), yen(50), yen(30)], yen(60)), [100, 20, 0]);
    assert.deepEqual(deductFromLast([yen(100), yen(50), yen(30)], yen(0)), [100, 50, 30]);
    assert.deepEqual(deductFromLast([yen(100), yen(50), yen(30)], yen(180)), [0, 0, 0]);
  });
  it('throws when the deduction exceeds the amounts', () => {
    assert.throws(() => deductFromLast([yen(10)], yen(11)), TenderDeductionError);
  });
});
