// The register contract as zod schemas: vendor/spec/checkout.schema.json field for field
// (integers, ranges, lengths, enums, additionalProperties false → strict), plus the drawer event,
// the close and the day file of daily-report.md §1 and §6. The HTTP adapter documents the API with
// these same objects; the use cases validate every item with them before any business rule.
import { z } from 'zod';
import { isBusinessDate } from '../../domain/calendar/business-date.js';
import { checkoutStatuses, paymentKinds, taxCategories } from '../../domain/ledger/types.js';
import { roundingModes } from '../../domain/money/rounding-mode.js';
import { isSafeText } from '../../domain/text/safe-text.js';

/** Every string of the contract: no NUL, no unpaired surrogate (reported as invalid_format text). */
const text = () =>
  z.string().superRefine((value, ctx) => {
    if (!isSafeText(value))
      ctx.addIssue({
        code: 'invalid_format',
        format: 'text',
        input: value,
        message: 'Unsafe text',
      });
  });
const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** An instant with its offset (RFC 3339); its pattern is also the quick pass's (contract-quick.ts). */
export const InstantContract = z.iso.datetime({ offset: true });
const instant = InstantContract;
/** A real calendar date YYYY-MM-DD (the domain's one parser), reported as zod's invalid_format. */
export const BusinessDateContract = z
  .string()
  .superRefine((value, ctx) => {
    if (!isBusinessDate(value))
      ctx.addIssue({
        code: 'invalid_format',
        format: 'date',
        input: value,
        message: 'Invalid date',
      });
  })
  .meta({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const businessDate = BusinessDateContract;

export const CheckoutLineContract = z
  .object({
    sku: text().max(64).optional(),
    name: text().min(1).max(200),
    quantity: int(-100_000, 100_000).refine((quantity) => quantity !== 0, {
      message: 'quantity must not be 0',
    }),
    unitPrice: int(0, 100_000_000),
    taxCategory: z.enum(taxCategories),
    discount: int(-100_000_000, 100_000_000).optional(),
  })
  .strict();

export const PaymentContract = z
  .object({
    method: text().min(1).max(32),
    amount: int(-1_000_000_000, 1_000_000_000),
  })
  .strict();

export const CheckoutContract = z
  .object({
    id: text().min(1).max(64),
    /** JSON Schema sets no maximum; a JS number is exact up to 2^53 − 1 (z.int's bound). */
    revision: z.number().int().min(1),
    storeCode: text().min(1).max(32),
    registerCode: text().min(1).max(32),
    staffCode: text().max(32).optional(),
    businessDate,
    startedAt: instant,
    completedAt: instant.nullable(),
    status: z.enum(checkoutStatuses),
    redoes: text().min(1).max(64).optional(),
    customerCount: int(0, 10_000),
    priceMode: z.enum(['inclusive', 'exclusive']).default('inclusive'),
    lines: z.array(CheckoutLineContract).max(1000),
    orderDiscount: int(-100_000_000, 100_000_000).optional(),
    payments: z.array(PaymentContract).max(20),
  })
  .strict();

/** Spec §1: `{ id, storeCode, registerCode, businessDate, at, amount > 0, reason? }` with its type. */
export const DrawerEventContract = z
  .object({
    id: text().min(1).max(64),
    type: z.enum(['cashIn', 'cashOut']),
    storeCode: text().min(1).max(32),
    registerCode: text().min(1).max(32),
    businessDate,
    at: instant,
    amount: int(1, 1_000_000_000),
    reason: text().max(200).optional(),
  })
  .strict();

/** Float and counted cash of a close: whole yen, never negative (a drawer holds no debt). */
export const cashYenMax = 1_000_000_000_000;
export const CloseContract = z
  .object({
    float: int(0, cashYenMax),
    countedCash: int(0, cashYenMax),
  })
  .strict();

export const DayFileCloseContract = CloseContract.extend({
  storeCode: text().min(1).max(32),
  businessDate,
}).strict();

/** Spec §6. Unknown top-level keys are ignored; the company's own object is checked strictly. */
export const DayFileContract = z.object({
  company: z
    .object({
      code: text().min(1).max(32),
      name: text().min(1).max(100).optional(),
      /** 適格請求書発行事業者の登録番号 (receipt spec): shown on receipts, not checked here. */
      registrationNumber: text().max(32).optional(),
      roundingMode: z.enum(roundingModes),
      paymentMethods: z
        .array(
          z
            .object({
              code: text(),
              name: text(),
              kind: z.enum(paymentKinds),
              givesChange: z.boolean(),
              settlement: z.enum(['settled', 'unsettled']),
            })
            .strict(),
        )
        .max(200),
      stores: z
        .array(
          z
            .object({
              code: text(),
              name: text(),
              timeZone: text().default('Asia/Tokyo'),
              registers: z.array(text()).max(100).default([]),
            })
            .strict(),
        )
        .max(1000),
    })
    .strict(),
  checkouts: z.array(z.unknown()).max(5_000_000).default([]),
  drawer: z.array(z.unknown()).max(1_000_000).default([]),
  closes: z.array(DayFileCloseContract).max(100_000).default([]),
});

export type DayFile = z.output<typeof DayFileContract>;
