// The checkout maths of the register page, as the spec defines them (daily-report.md §2): line
// amounts, the order discount split (largest remainder, ties standard10 → reduced8 → exempt; only
// categories with the sign of ΣG take part), tax once per rate, the total, and the tender rules of
// step 6 that the tender screen enforces before it commits. Integers of yen only.
export const salesCategories = ['standard10', 'reduced8', 'exempt'];
export const ratePercent = { standard10: 10, reduced8: 8, exempt: 0 };

export function lineAmount(line) {
  return line.quantity * line.unitPrice - (line.discount ?? 0);
}

function roundRatio(numerator, denominator, mode) {
  const magnitude = Math.abs(numerator);
  const remainder = magnitude % denominator;
  let result = (magnitude - remainder) / denominator;
  if (mode === 'ceil' && remainder > 0) result += 1;
  if (mode === 'half-up' && 2 * remainder >= denominator) result += 1;
  return numerator < 0 && result !== 0 ? -result : result;
}

export function splitDiscount(discount, gross) {
  if (discount === 0) return gross.map(() => 0);
  const sum = gross.reduce((a, b) => a + b, 0);
  let weights = gross.map((w) =>
    sum > 0 ? Math.max(w, 0) : sum < 0 ? Math.max(-w, 0) : Math.abs(w),
  );
  if (weights.every((w) => w === 0)) weights = weights.map((_w, i) => (i === 0 ? 1 : 0));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const magnitude = Math.abs(discount);
  const scaled = weights.map((w) => magnitude * w);
  const shares = scaled.map((v) => Math.floor(v / weightSum));
  const fractions = scaled.map((v, i) => v - shares[i] * weightSum);
  let left = magnitude - shares.reduce((a, b) => a + b, 0);
  while (left > 0) {
    let best = 0;
    for (let i = 1; i < fractions.length; i += 1) if (fractions[i] > fractions[best]) best = i;
    shares[best] += 1;
    fractions[best] = -Infinity;
    left -= 1;
  }
  return discount < 0 ? shares.map((s) => -s) : shares;
}

/** S[c], tax[c] per sales category, G[nonSales] and T. */
export function totalsOf(checkout, roundingMode) {
  const gross = { standard10: 0, reduced8: 0, exempt: 0, nonSales: 0 };
  for (const line of checkout.lines) gross[line.taxCategory] += lineAmount(line);
  const shares = splitDiscount(
    checkout.orderDiscount ?? 0,
    salesCategories.map((c) => gross[c]),
  );
  const inclusive = (checkout.priceMode ?? 'inclusive') === 'inclusive';
  const byRate = [];
  let total = gross.nonSales;
  salesCategories.forEach((category, index) => {
    const discounted = gross[category] - shares[index];
    const rate = ratePercent[category];
    const tax = roundRatio(discounted * rate, inclusive ? 100 + rate : 100, roundingMode);
    const sales = inclusive ? discounted : discounted + tax;
    total += sales;
    if (sales !== 0) byRate.push({ taxCategory: category, rate, targetAmount: sales, tax });
  });
  return { byRate, total, nonSales: gross.nonSales };
}

function classOf(method) {
  if (method.kind === 'cash') return 'cash';
  return method.givesChange ? 'changeGiving' : 'noChange';
}

/** Step 6 for T ≥ 0: change and the reason a tender set is refused (null: acceptable). */
export function tenderState(total, payments, methodsByCode) {
  const sums = { noChange: 0, changeGiving: 0, cash: 0 };
  for (const p of payments) sums[classOf(methodsByCode[p.method])] += p.amount;
  const paid = sums.noChange + sums.changeGiving + sums.cash;
  if (total < 0) {
    const ok = paid === total;
    return {
      paid,
      remaining: total - paid,
      change: 0,
      cashChange: 0,
      voucherChange: 0,
      error: ok ? null : '返金額は合計と同じにしてください。',
    };
  }
  const r1 = Math.max(0, total - sums.noChange);
  const voucherChange = Math.max(0, sums.changeGiving - r1);
  const r2 = Math.max(0, r1 - sums.changeGiving);
  const cashChange = sums.cash - r2;
  let error = null;
  if (paid < total) error = `あと ¥${(total - paid).toLocaleString('ja-JP')} です。`;
  else if (r1 === 0 && (sums.changeGiving > 0 || sums.cash > 0))
    error = 'お釣りの出ない支払いで足りています。ほかの支払いを外してください。';
  else if (r2 === 0 && sums.cash > 0) error = '現金は不要です。現金の預かりを外してください。';
  return {
    paid,
    remaining: Math.max(0, total - paid),
    change: Math.max(0, cashChange) + voucherChange,
    cashChange,
    voucherChange,
    error,
  };
}

/** Cash that left or entered the drawer for one completed checkout (method total of cash, step 7). */
export function cashEffect(checkout, roundingMode, methodsByCode) {
  const { total } = totalsOf(checkout, roundingMode);
  const state = tenderState(total, checkout.payments, methodsByCode);
  const cash = checkout.payments
    .filter((p) => methodsByCode[p.method]?.kind === 'cash')
    .reduce((a, p) => a + p.amount, 0);
  if (total < 0) return cash;
  return cash - state.voucherChange - state.cashChange;
}
