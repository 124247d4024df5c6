// Checks a deal the way freee does and turns it into stored lines (vat computed when omitted,
// entry_side from the type). Every problem becomes one message of a single 400.
import { accountCategories } from '../seed/chart.js';
import { newRatesFrom, taxCodeNonTaxable } from '../seed/taxes.js';
import { closedPeriodProblem, taxFractionOn, type FiscalYearRow } from './fiscal.js';
import type { CreateDetail, PaymentLine, UpdateDetail } from './input.js';
import type { References, Wanted } from './references.js';
import { includedVat } from './vat.js';

export type DetailDraft = Partial<CreateDetail> &
  Partial<UpdateDetail> &
  Pick<CreateDetail, 'tax_code' | 'amount'>;

export interface DealDraft {
  type: 'income' | 'expense';
  issue_date: string;
  due_date?: string | undefined;
  partner_id?: number | undefined;
  partner_code?: string | undefined;
  ref_number?: string | undefined;
  details: readonly DetailDraft[];
}

export interface NormalLine {
  id: number | null;
  accountItemId: number;
  taxCode: number;
  amount: number;
  vat: number;
  itemId: number | null;
  sectionId: number | null;
  partnerId: number | null;
  tagIds: number[];
  segment1TagId: number | null;
  segment2TagId: number | null;
  segment3TagId: number | null;
  description: string | null;
  entrySide: 'credit' | 'debit';
}

export interface NormalDeal {
  type: 'income' | 'expense';
  issueDate: string;
  dueDate: string | null;
  partnerId: number | null;
  refNumber: string | null;
  amount: number;
  lines: NormalLine[];
}

const segmentKeys = [1, 2, 3] as const;
const codeKeys = [
  'account_item_code',
  'item_code',
  'section_code',
  'segment_1_tag_code',
  'segment_2_tag_code',
  'segment_3_tag_code',
] as const;

export function wantedBy(draft: DealDraft, payments: readonly PaymentLine[]): Wanted {
  const d = draft.details;
  const present = (values: (number | null | undefined)[]) =>
    values.filter((v): v is number => typeof v === 'number' && v > 0);
  return {
    accountItemIds: present([
      ...d.map((x) => x.account_item_id),
      ...payments
        .filter((p) => p.from_walletable_type === 'private_account_item')
        .map((p) => p.from_walletable_id),
    ]),
    itemIds: present(d.map((x) => x.item_id)),
    sectionIds: present(d.map((x) => x.section_id)),
    partnerIds: present([draft.partner_id, ...d.map((x) => x.partner_id)]),
    partnerCodes: [draft.partner_code, ...d.map((x) => x.partner_code)].filter(
      (c): c is string => typeof c === 'string' && c !== '',
    ),
    tagIds: d.flatMap((x) => x.tag_ids ?? []),
    segmentTagIds: present(d.flatMap((x) => segmentKeys.map((n) => x[`segment_${n}_tag_id`]))),
  };
}

function referenceProblems(at: string, line: DetailDraft, refs: References): string[] {
  const problems: string[] = [];
  for (const key of codeKeys)
    if (line[key] !== undefined)
      problems.push(`${at}.${key} は事業所の設定でコードの利用が無効なため指定できません。`);
  if (line.item_id !== undefined && !refs.itemIds.has(line.item_id))
    problems.push(`${at}.item_id に存在しない品目が指定されています。`);
  if (line.section_id !== undefined && !refs.sectionIds.has(line.section_id))
    problems.push(`${at}.section_id に存在しない部門が指定されています。`);
  if (line.partner_id && !refs.partnerIds.has(line.partner_id))
    problems.push(`${at}.partner_id に存在しない取引先が指定されています。`);
  if (line.partner_code && !refs.usePartnerCode)
    problems.push(
      `${at}.partner_code は事業所の設定で取引先コードの利用が無効なため指定できません。`,
    );
  else if (line.partner_code && !refs.partnerByCode.has(line.partner_code))
    problems.push(`${at}.partner_code に存在しない取引先コードが指定されています。`);
  for (const tagId of line.tag_ids ?? [])
    if (!refs.tagIds.has(tagId))
      problems.push(`${at}.tag_ids に存在しないメモタグ（${tagId}）が指定されています。`);
  for (const n of segmentKeys) {
    const tagId = line[`segment_${n}_tag_id`];
    if (tagId === undefined) continue;
    if (n > refs.segmentsAvailable)
      problems.push(
        `${at}.segment_${n}_tag_id: セグメント${n}は現在のプランではご利用いただけません。`,
      );
    else if (refs.segmentOf.get(tagId) !== n)
      problems.push(`${at}.segment_${n}_tag_id に存在しないセグメントタグが指定されています。`);
  }
  return problems;
}

function lineProblems(
  at: string,
  line: DetailDraft,
  issueDate: string,
  refs: References,
): string[] {
  const problems = referenceProblems(at, line, refs);
  const account =
    line.account_item_id === undefined ? undefined : refs.accountItems.get(line.account_item_id);
  if (line.account_item_id === undefined && line.account_item_code === undefined)
    problems.push(`${at}.account_item_id は必須です。`);
  else if (line.account_item_id !== undefined && !account)
    problems.push(`${at}.account_item_id に存在しない勘定科目が指定されています。`);
  else if (account && !account.available)
    problems.push(`${at}.account_item_id に使用しない設定の勘定科目が指定されています。`);
  const tax = refs.taxes.get(line.tax_code);
  if (!tax) problems.push(`${at}.tax_code に存在しない税区分が指定されています。`);
  else if (
    (tax.displayCategory === 'tax_10' || tax.displayCategory === 'tax_r8') &&
    issueDate < newRatesFrom
  )
    problems.push(
      `${at}.tax_code: 2019-10-01より前の発生日には10%・軽減税率8%の税区分を指定できません。`,
    );
  if (tax && line.vat !== undefined && tax.ratePercent === 0 && line.vat !== 0)
    problems.push(`${at}.vat は税額が不要な税区分では指定できません。`);
  if (
    tax &&
    line.vat !== undefined &&
    tax.ratePercent > 0 &&
    (Math.abs(line.vat) > Math.abs(line.amount) || line.vat * line.amount < 0)
  )
    problems.push(`${at}.vat が金額に対して不正です。`);
  if (
    account?.categoryId === accountCategories.cash.id &&
    (line.tax_code !== taxCodeNonTaxable || (line.vat ?? 0) !== 0)
  ) {
    problems.push(
      `${at}: 現金・預金の勘定科目を使う行は、税区分を対象外、消費税額を0にしてください。`,
    );
  }
  return problems;
}

function normalLine(
  line: DetailDraft,
  draft: DealDraft,
  refs: References,
  taxFraction: number,
): NormalLine {
  const rate = refs.taxes.get(line.tax_code)?.ratePercent ?? 0;
  const linePartner = line.partner_code
    ? (refs.partnerByCode.get(line.partner_code) ?? null)
    : line.partner_id || null;
  return {
    id: line.id ?? null,
    accountItemId: line.account_item_id as number,
    taxCode: line.tax_code,
    amount: line.amount,
    vat: line.vat ?? includedVat(line.amount, rate, taxFraction),
    itemId: line.item_id ?? null,
    sectionId: line.section_id ?? null,
    partnerId: linePartner ?? dealPartner(draft, refs),
    tagIds: [...new Set(line.tag_ids ?? [])],
    segment1TagId: line.segment_1_tag_id ?? null,
    segment2TagId: line.segment_2_tag_id ?? null,
    segment3TagId: line.segment_3_tag_id ?? null,
    description: line.description ?? null,
    entrySide: draft.type === 'income' ? 'credit' : 'debit',
  };
}

function dealPartner(draft: DealDraft, refs: References): number | null {
  if (draft.partner_code) return refs.partnerByCode.get(draft.partner_code) ?? null;
  return draft.partner_id ?? null;
}

function dealProblems(
  draft: DealDraft,
  refs: References,
  years: readonly FiscalYearRow[],
): string[] {
  const problems: string[] = [];
  if (draft.partner_id !== undefined && draft.partner_code !== undefined)
    problems.push('partner_id と partner_code は同時に指定できません。');
  if (draft.partner_code !== undefined && !refs.usePartnerCode)
    problems.push('partner_code は事業所の設定で取引先コードの利用が無効なため指定できません。');
  else if (draft.partner_code !== undefined && !refs.partnerByCode.has(draft.partner_code))
    problems.push('partner_code に存在しない取引先コードが指定されています。');
  if (draft.partner_id !== undefined && !refs.partnerIds.has(draft.partner_id))
    problems.push('partner_id に存在しない取引先が指定されています。');
  const closed = closedPeriodProblem(years, 'issue_date', draft.issue_date);
  if (closed) problems.push(closed);
  return problems;
}

/** Sum rule of payments against the deal total, and the 現金・預金 rule (settled in full). */
export function settlementProblems(
  amount: number,
  paidYen: number,
  hasCashLine: boolean,
): string[] {
  const within =
    amount >= 0 ? paidYen >= 0 && paidYen <= amount : paidYen <= 0 && paidYen >= amount;
  if (!within) return [`支払金額の合計（${paidYen}円）が取引金額（${amount}円）を超えています。`];
  if (hasCashLine && paidYen !== amount)
    return [
      '現金・預金の勘定科目を使う取引は、未決済・一部決済にできません。支払行（payments）で全額を決済してください。',
    ];
  return [];
}

export function paymentProblems(
  payments: readonly PaymentLine[],
  refs: References,
  years: readonly FiscalYearRow[],
  prefix = 'payments',
): string[] {
  return payments.flatMap((p, i) => {
    const at = prefix === '' ? '' : `${prefix}[${i}].`;
    const problems: string[] = [];
    const known =
      p.from_walletable_type === 'private_account_item'
        ? refs.accountItems.has(p.from_walletable_id)
        : refs.walletableType.get(p.from_walletable_id) === p.from_walletable_type;
    if (!known) problems.push(`${at}from_walletable_id に存在しない口座が指定されています。`);
    const closed = closedPeriodProblem(years, `${at}date`, p.date);
    if (closed) problems.push(closed);
    return problems;
  });
}

export interface Checked {
  deal: NormalDeal;
  problems: string[];
  hasCashLine: boolean;
}

export function checkDeal(
  draft: DealDraft,
  refs: References,
  years: readonly FiscalYearRow[],
): Checked {
  const problems = [
    ...dealProblems(draft, refs, years),
    ...draft.details.flatMap((line, i) =>
      lineProblems(`details[${i}]`, line, draft.issue_date, refs),
    ),
  ];
  const taxFraction = taxFractionOn(years, draft.issue_date);
  const lines =
    problems.length > 0
      ? []
      : draft.details.map((line) => normalLine(line, draft, refs, taxFraction));
  const amount = lines.reduce((sum, l) => sum + l.amount, 0);
  if (!Number.isSafeInteger(amount)) problems.push('details の金額の合計が大きすぎます。');
  const hasCashLine = draft.details.some(
    (line) =>
      line.account_item_id !== undefined &&
      refs.accountItems.get(line.account_item_id)?.categoryId === accountCategories.cash.id,
  );
  return {
    deal: {
      type: draft.type,
      issueDate: draft.issue_date,
      dueDate: draft.due_date ?? null,
      partnerId: dealPartner(draft, refs),
      refNumber: draft.ref_number ?? null,
      amount,
      lines,
    },
    problems,
    hasCashLine,
  };
}
