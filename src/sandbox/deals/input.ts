// Request bodies of the deal endpoints (dealCreateParams, dealUpdateParams, paymentParams).
import { z } from 'zod';
import { isCalendarDate } from '../dates.js';

export const detailsMax = 100;
const dateText = z
  .string()
  .refine(isCalendarDate, { message: 'は不正な日付フォーマットです。入力例：2019-12-17' });
const id = z.int().min(1);
export const walletableKinds = [
  'bank_account',
  'credit_card',
  'wallet',
  'private_account_item',
] as const;

const lineFields = {
  tax_code: z.int().min(0),
  amount: z.int(),
  vat: z.int().optional(),
  item_id: id.optional(),
  section_id: id.optional(),
  partner_id: z.int().min(0).nullable().optional(),
  tag_ids: z.array(id).max(100).optional(),
  segment_1_tag_id: id.optional(),
  segment_2_tag_id: id.optional(),
  segment_3_tag_id: id.optional(),
  description: z.string().max(255).optional(),
};

/** *_code variants are accepted by freee only with the matching company setting, never on in the sandbox. */
const codeFields = {
  account_item_code: z.string().optional(),
  item_code: z.string().optional(),
  section_code: z.string().optional(),
  partner_code: z.string().nullable().optional(),
  segment_1_tag_code: z.string().optional(),
  segment_2_tag_code: z.string().optional(),
  segment_3_tag_code: z.string().optional(),
};

export const createDetail = z.object({
  ...lineFields,
  ...codeFields,
  account_item_id: id.optional(),
});
export const updateDetail = z.object({ ...lineFields, id: id.optional(), account_item_id: id });

export const paymentLine = z.object({
  amount: z.int(),
  from_walletable_type: z.enum(walletableKinds),
  from_walletable_id: id,
  date: dateText,
});

const dealFields = {
  company_id: id,
  issue_date: dateText,
  type: z.enum(['income', 'expense']),
  due_date: dateText.optional(),
  partner_id: id.optional(),
  partner_code: z.string().optional(),
  ref_number: z.string().max(255).optional(),
};

export const dealCreateParams = z.object({
  ...dealFields,
  details: z.array(createDetail).min(1).max(detailsMax),
  payments: z.array(paymentLine).max(detailsMax).optional(),
  receipt_ids: z
    .array(id)
    .max(0, { message: 'は指定できません（サンドボックスにファイルボックスはありません）。' })
    .optional(),
});

export const dealUpdateParams = z.object({
  ...dealFields,
  details: z.array(updateDetail).min(1).max(detailsMax),
  receipt_ids: z
    .array(id)
    .max(0, { message: 'は指定できません（サンドボックスにファイルボックスはありません）。' })
    .nullable()
    .optional(),
});

export const paymentParams = z.object({
  company_id: id,
  date: dateText,
  from_walletable_type: z.enum(walletableKinds),
  from_walletable_id: id,
  amount: z.int().min(1),
});

export type CreateDetail = z.infer<typeof createDetail>;
export type UpdateDetail = z.infer<typeof updateDetail>;
export type PaymentLine = z.infer<typeof paymentLine>;
