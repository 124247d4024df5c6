// 消費税額 of a 税込 amount: amount × rate / (100 + rate), rounded the 事業所's way
// (fiscal_years.tax_fraction: 0 切り捨て, 1 切り上げ, 2 四捨五入), on the magnitude, sign kept.
export function includedVat(amountYen: number, ratePercent: number, taxFraction: number): number {
  if (ratePercent === 0 || amountYen === 0) return 0;
  const magnitude = BigInt(Math.abs(amountYen)) * BigInt(ratePercent);
  const divisor = BigInt(100 + ratePercent);
  const quotient = magnitude / divisor;
  const remainder = magnitude % divisor;
  let vat = quotient;
  if (taxFraction === 1 && remainder > 0n) vat += 1n;
  if (taxFraction === 2 && remainder * 2n >= divisor) vat += 1n;
  return Number(vat) * Math.sign(amountYen);
}
