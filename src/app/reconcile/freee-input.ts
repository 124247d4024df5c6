// freee deals (未決済), partners and tolerances as JSON (the offline CLI's files, the sync's
// answers) → the engine's inputs. Each bad field is refused naming it; nothing is half read.
import { isBusinessDate, type BusinessDate } from '../../domain/calendar/business-date.js';
import { isYen, yen } from '../../domain/money/yen.js';
import { FeeRateError, parseFeeRate } from '../../domain/reconcile/fee-rate.js';
import type {
  Partner,
  PartnerTolerance,
  Receivable,
  Tolerances,
} from '../../domain/reconcile/model.js';
import { validationError, type FieldError } from '../errors.js';

type Json = Record<string, unknown>;

const idOf = (v: unknown): string | null =>
  typeof v === 'number' && Number.isSafeInteger(v)
    ? String(v)
    : typeof v === 'string' && v !== ''
      ? v
      : null;

function arrayOf(body: unknown, key: string, label: string): unknown[] {
  const list = Array.isArray(body) ? body : (body as Json | null)?.[key];
  if (!Array.isArray(list))
    throw validationError([{ path: label, message: `${key}の配列ではありません` }]);
  return list;
}

function dateOf(v: unknown, path: string, errors: FieldError[]): BusinessDate | null {
  if (v === null || v === undefined) return null;
  if (isBusinessDate(v)) return v;
  errors.push({ path, message: '日付（YYYY-MM-DD）ではありません' });
  return null;
}

function receivableOf(raw: unknown, i: number, errors: FieldError[]): Receivable | null {
  const d = (raw ?? {}) as Json;
  const at = (f: string) => `receivables[${i}].${f}`;
  const id = idOf(d.id);
  if (id === null) errors.push({ path: at('id'), message: 'idがありません' });
  const issue = dateOf(d.issue_date, at('issue_date'), errors);
  if (issue === null && !errors.some((e) => e.path === at('issue_date')))
    errors.push({ path: at('issue_date'), message: '発生日がありません' });
  const due = dateOf(d.due_date, at('due_date'), errors);
  for (const f of ['amount', 'due_amount'])
    if (!isYen(d[f]) || (d[f] as number) < 0)
      errors.push({ path: at(f), message: '円の整数ではありません' });
  if (id === null || issue === null || !isYen(d.amount) || !isYen(d.due_amount)) return null;
  return {
    id,
    partnerId: idOf(d.partner_id),
    issueDate: issue,
    dueDate: due,
    amountYen: yen(d.amount as number),
    dueAmountYen: yen(d.due_amount as number),
    refNumber: typeof d.ref_number === 'string' ? d.ref_number : null,
    sectionId: idOf(d.section_id ?? (d.details as Json[] | undefined)?.[0]?.section_id),
  };
}

/** freee deals (an array or `{deals:[…]}`); settled ones (due_amount 0) are kept out by the engine. */
export function receivablesFromFreee(body: unknown): Receivable[] {
  const errors: FieldError[] = [];
  const out = arrayOf(body, 'deals', 'receivables').map((d, i) => receivableOf(d, i, errors));
  if (errors.length > 0) throw validationError(errors.slice(0, 20));
  return out.filter((r): r is Receivable => r !== null);
}

/** freee partners (an array or `{partners:[…]}`), with learned payer names when given. */
export function partnersFromFreee(
  body: unknown,
  aliases: ReadonlyMap<string, string[]> = new Map(),
): Partner[] {
  const errors: FieldError[] = [];
  const out: Partner[] = [];
  arrayOf(body, 'partners', 'partners').forEach((raw, i) => {
    const p = (raw ?? {}) as Json;
    const id = idOf(p.id);
    if (id === null)
      return void errors.push({ path: `partners[${i}].id`, message: 'idがありません' });
    const names = ['name', 'long_name', 'name_kana', 'shortcut1', 'shortcut2']
      .map((f) => p[f])
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    out.push({ id, names: [...names, ...(aliases.get(id) ?? [])] });
  });
  if (errors.length > 0) throw validationError(errors.slice(0, 20));
  return out;
}

export const defaultTransferFeeMaxYen = 880;
export const defaultOverpaymentMaxYen = 5_000;

function toleranceOf(raw: unknown, path: string, errors: FieldError[]): PartnerTolerance | null {
  const t = (raw ?? {}) as Json;
  if (typeof t.feeRate === 'string') {
    try {
      return { kind: 'rate', rate: parseFeeRate(t.feeRate) };
    } catch (error) {
      if (!(error instanceof FeeRateError)) throw error;
    }
  } else if (isYen(t.feeMaxYen) && (t.feeMaxYen as number) >= 0)
    return { kind: 'fixed', feeMaxYen: yen(t.feeMaxYen as number) };
  errors.push({
    path,
    message: 'feeRate（"0.0324"のような小数の文字列）かfeeMaxYen（円の整数）が必要です',
  });
  return null;
}

/** `{"partners": {"<id>": {"feeRate": "0.0324"} | {"feeMaxYen": 660}}, "transferFeeMaxYen": 880}`. */
export function tolerancesFromJson(body: unknown): Tolerances {
  const t = (body ?? {}) as Json;
  const errors: FieldError[] = [];
  const partners = new Map<string, PartnerTolerance>();
  for (const [id, raw] of Object.entries((t.partners ?? {}) as Json)) {
    const tolerance = toleranceOf(raw, `tolerances.partners.${id}`, errors);
    if (tolerance) partners.set(id, tolerance);
  }
  const yenField = (f: string, fallback: number) => {
    if (t[f] === undefined) return yen(fallback);
    if (isYen(t[f]) && (t[f] as number) >= 0) return yen(t[f] as number);
    errors.push({ path: `tolerances.${f}`, message: '円の整数ではありません' });
    return yen(fallback);
  };
  const transferFeeMaxYen = yenField('transferFeeMaxYen', defaultTransferFeeMaxYen);
  const overpaymentMaxYen = yenField('overpaymentMaxYen', defaultOverpaymentMaxYen);
  if (errors.length > 0) throw validationError(errors);
  return { partners, transferFeeMaxYen, overpaymentMaxYen };
}
