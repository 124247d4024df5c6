// What was sold must be priceable: integer quantities (non-zero), unit prices ≥ 0, integer
// discounts, a known tax category and price mode, an integer customer count ≥ 0. The JSON schema
// says the same; the domain re-checks so that the maths never sees a float (defence in depth).
import { ruleError, type RuleError } from './rule-error.js';
import { taxCategories, type Checkout, type CheckoutLine } from './types.js';

export const linesMax = 1000;

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function lineErrors(line: CheckoutLine, index: number): RuleError[] {
  const errors: RuleError[] = [];
  const path = `lines[${index}]`;
  if (!isInteger(line.quantity) || line.quantity === 0) {
    errors.push(
      ruleError(`${path}.quantity`, 'line_quantity_invalid', '数量は0以外の整数で指定してください'),
    );
  }
  if (!isInteger(line.unitPrice) || line.unitPrice < 0) {
    errors.push(
      ruleError(
        `${path}.unitPrice`,
        'line_unit_price_invalid',
        '単価は0円以上の整数で指定してください',
      ),
    );
  }
  if (line.discount !== undefined && !isInteger(line.discount)) {
    errors.push(
      ruleError(
        `${path}.discount`,
        'line_discount_invalid',
        '値引きは円単位の整数で指定してください',
      ),
    );
  }
  if (!(taxCategories as readonly string[]).includes(line.taxCategory)) {
    errors.push(
      ruleError(`${path}.taxCategory`, 'line_tax_category_unknown', '税区分が正しくありません'),
    );
  }
  return errors;
}

export function contentErrors(checkout: Checkout): RuleError[] {
  if (checkout.lines.length > linesMax) {
    return [ruleError('lines', 'lines_too_many', `商品は${linesMax}行までです`)];
  }
  const errors = checkout.lines.flatMap(lineErrors);
  if (checkout.orderDiscount !== undefined && !isInteger(checkout.orderDiscount)) {
    errors.push(
      ruleError(
        'orderDiscount',
        'order_discount_invalid',
        '全体割引は円単位の整数で指定してください',
      ),
    );
  }
  if (
    checkout.priceMode !== undefined &&
    !['inclusive', 'exclusive'].includes(checkout.priceMode)
  ) {
    errors.push(
      ruleError(
        'priceMode',
        'price_mode_unknown',
        '価格の税区分は内税(inclusive)か外税(exclusive)で指定してください',
      ),
    );
  }
  if (!isInteger(checkout.customerCount) || checkout.customerCount < 0) {
    errors.push(
      ruleError('customerCount', 'customer_count_invalid', '客数は0以上の整数で指定してください'),
    );
  }
  return errors;
}
