// Request/response schemas shared by the API routes; the same objects generate /api/openapi.json.
import { z } from '@hono/zod-openapi';
import { BusinessDateContract } from '../../app/ledger/contract.js';
import { paymentKinds } from '../../domain/ledger/types.js';
import { roundingModes } from '../../domain/money/rounding-mode.js';

export const Code = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,32}$/)
  .openapi({ example: '0001' });

/** A business date in a path or query: the domain's one parser (2026-02-30 → 400 naming it). */
export const DateParam = BusinessDateContract.meta({
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  example: '2025-01-10',
});

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(
        z.object({ path: z.string(), message: z.string(), code: z.string().optional() }),
      ),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: '入力エラー', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: '未認証', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: '権限なし', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: '見つかりません', content: { 'application/json': { schema: ErrorSchema } } },
  409: { description: '競合', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export const PaymentMethodSchema = z
  .object({
    code: Code,
    name: z.string().min(1).max(40),
    kind: z.enum(paymentKinds),
    givesChange: z.boolean(),
    settlement: z.enum(['settled', 'unsettled']),
    sortOrder: z.number().int().min(0).max(1000).optional(),
  })
  .openapi('PaymentMethod');

export const ReportSettingsSchema = z
  .object({
    title: z.string().min(1).max(40),
    hourly: z.object({
      enabled: z.boolean(),
      startHour: z.number().int().min(0).max(29),
      endHour: z.number().int().min(0).max(29),
    }),
    taxBreakdown: z.object({ sales: z.boolean(), paymentMethods: z.boolean() }),
  })
  .openapi('ReportSettings');

export const PrinterSchema = z
  .object({
    kind: z.enum(['escpos', 'starprnt']),
    host: z.string().min(1).max(200),
    port: z.number().int().min(1).max(65535),
  })
  .openapi('Printer');

export const StoreSchema = z
  .object({
    code: Code,
    name: z.string(),
    timeZone: z.string(),
    registers: z.array(Code),
    reportSettings: ReportSettingsSchema.nullable(),
    printer: PrinterSchema.nullable(),
  })
  .openapi('Store');

export const StoreInputSchema = z
  .object({
    name: z.string().min(1).max(100),
    timeZone: z.string().min(1).max(64).default('Asia/Tokyo'),
    registers: z.array(Code).max(100).optional(),
    reportSettings: ReportSettingsSchema.nullable().optional(),
    printer: PrinterSchema.nullable().optional(),
  })
  .openapi('StoreInput');

export const CompanySchema = z
  .object({ code: Code, name: z.string(), roundingMode: z.enum(roundingModes) })
  .openapi('Company');

export const StaffSchema = z
  .object({
    code: Code,
    name: z.string(),
    role: z.enum(['admin', 'manager', 'staff']),
    active: z.boolean(),
  })
  .openapi('Staff');
