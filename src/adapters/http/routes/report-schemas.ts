// OpenAPI schemas of the 日報 API: the DailyReport (field names of shared/spec/daily-report.md §3)
// and a print job. Responses are documented with them; the engine's types are the source.
import { z } from '@hono/zod-openapi';
import { checkoutStatuses } from '../../../domain/ledger/types.js';
import type { PrintJobRecord } from '../../../app/report/ports.js';
import { printJobStatuses } from '../../../app/report/ports.js';

const yen = z.number().int();
const count = z.number().int();
const CountAmount = z.object({ count, amount: yen });
const byCategory = z.object({ standard10: yen, reduced8: yen, exempt: yen, nonSales: yen });

export const DailyReportSchema = z
  .object({
    storeCode: z.string(),
    storeName: z.string(),
    businessDate: z.string().openapi({ example: '2025-01-10' }),
    title: z.string(),
    printedAt: z.string().openapi({ example: '2025-01-10T21:05:00+09:00' }),
    salesTotal: yen,
    sales: yen,
    netSales: yen,
    tax: yen,
    nonSalesIncome: yen,
    cashIn: CountAmount,
    cashOut: CountAmount,
    checkoutCount: count,
    customerCount: count,
    itemCount: count,
    paymentMethods: z.array(z.object({ code: z.string(), name: z.string(), count, amount: yen })),
    voucherShortfall: CountAmount,
    voucherChange: CountAmount,
    lineDiscounts: CountAmount,
    orderDiscounts: CountAmount,
    cancelled: CountAmount,
    redone: CountAmount,
    aborted: CountAmount,
    returns: z.object({ checkoutCount: count, itemCount: count, amount: yen }),
    refunds: z.object({ checkoutCount: count, paymentCount: count, amount: yen }),
    lastCheckoutAt: z.string().nullable(),
    hourly: z.array(
      z.object({
        hour: z.number().int(),
        salesTotal: yen,
        checkoutCount: count,
        customerCount: count,
        itemCount: count,
      }),
    ),
    byTaxRate: z.object({
      sales: z.array(
        z.object({
          taxCategory: z.enum(['standard10', 'reduced8', 'exempt']),
          sales: yen,
          tax: yen,
          netSales: yen,
        }),
      ),
      paymentMethods: z.array(z.object({ code: z.string(), byTaxCategory: byCategory })),
    }),
    cash: z.object({ float: yen, expected: yen, counted: yen, difference: yen }).nullable(),
    unsent: z.record(z.enum(checkoutStatuses), CountAmount).optional(),
  })
  .openapi('DailyReport');

export const PrintJobSchema = z
  .object({
    id: z.string(),
    storeCode: z.string(),
    businessDate: z.string(),
    version: z
      .number()
      .int()
      .nullable()
      .openapi({ description: '印刷する閉局の版(null = 現在の日報)' }),
    source: z.string(),
    requestedBy: z.string(),
    status: z.enum(printJobStatuses),
    attempts: z.number().int(),
    attemptsMax: z.number().int(),
    reason: z.string().nullable().openapi({ description: '失敗の理由(日本語)' }),
    printerAddress: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    printedAt: z.string().nullable(),
  })
  .openapi('PrintJob');

export const publicPrintJob = (job: PrintJobRecord): z.infer<typeof PrintJobSchema> => ({
  id: job.id,
  storeCode: job.storeCode,
  businessDate: job.businessDate,
  version: job.closeVersion,
  source: job.source,
  requestedBy: job.requestedBy,
  status: job.status,
  attempts: job.attempts,
  attemptsMax: job.attemptsMax,
  reason: job.reason,
  printerAddress: job.printerAddress,
  createdAt: job.createdAt.toISOString(),
  updatedAt: job.updatedAt.toISOString(),
  printedAt: job.printedAt ? job.printedAt.toISOString() : null,
});
