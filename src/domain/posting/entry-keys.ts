// Entry keys and ref_numbers (管理番号) of a store-day's deals.
//   key        method:<code>             the deal of payment method <code> (cash: also drawer and 過不足)
//              method:<code>#<n>         part n ≥ 2 of a deal split at 100 details (split-deal.ts)
//              <key>~a<n>                adjusting deal n ≥ 1 of an entry whose deal must not be
//                                        rewritten (diff.ts)
//   ref_number URG-<scope>-<yyyymmdd>-<key without "method:">, e.g. URG-demo.0001-20250110-credit~a1
//   scope      <company code>.<store code> (company and store codes have no "."), or the store code
//              alone for a store that posted before ref_numbers carried the company (legacy).
// The ref_number is unique per (Uriage company, store, business date, key) and maps back to the
// key, so that after an ambiguous failure the job recognises its deals among those freee lists for
// the date, and never adopts another company's deal in a shared 事業所 (issue #10 item 2).
// freee's schema gives no maxLength for a deal's ref_number (manual_journals: 20; the sandbox: 255);
// we keep ours within `refNumberLengthMax`.
import { PostingMappingError, RefNumberTooLongError } from './errors.js';

export const refNumberPrefix = 'URG';
export const refNumberLengthMax = 128;
const methodPrefix = 'method:';
const methodCodePattern = /^[A-Za-z0-9_.-]+$/;
const keyPattern = /^method:([A-Za-z0-9_.-]+)(?:#([2-9]|[1-9]\d+))?(?:~a([1-9]\d*))?$/;

export interface EntryKeyParts {
  methodCode: string;
  /** 1 for the first (or only) part. */
  part: number;
  /** 0 for the entry itself, n for its n-th adjusting deal. */
  adjustment: number;
}

export function assertMethodCode(code: string): string {
  if (!methodCodePattern.test(code)) {
    throw new PostingMappingError(
      `payment method code ${code} cannot be used in a ref_number (letters, digits, _ . - only)`,
      `支払い方法コード「${code}」は英数字と _ . - のみにしてください。`,
    );
  }
  return code;
}

export function entryKey(parts: EntryKeyParts): string {
  const part = parts.part > 1 ? `#${parts.part}` : '';
  const adjustment = parts.adjustment > 0 ? `~a${parts.adjustment}` : '';
  return `${methodPrefix}${assertMethodCode(parts.methodCode)}${part}${adjustment}`;
}

export function parseEntryKey(key: string): EntryKeyParts | null {
  const match = keyPattern.exec(key);
  if (match === null || match[1] === undefined) return null;
  return {
    methodCode: match[1],
    part: match[2] === undefined ? 1 : Number(match[2]),
    adjustment: match[3] === undefined ? 0 : Number(match[3]),
  };
}

/** The entry an adjusting deal belongs to (the key itself for a plain entry). */
export function familyKeyOf(key: string): string {
  const parts = parseEntryKey(key);
  return parts === null ? key : entryKey({ ...parts, adjustment: 0 });
}

/** The store's part of its ref_numbers: `<company>.<store>`, or `<store>` for a legacy store. */
export function refScopeOf(companyCode: string, storeCode: string, legacy: boolean): string {
  return legacy ? storeCode : `${companyCode}.${storeCode}`;
}

function refPrefixOf(refScope: string, businessDate: string): string {
  return `${refNumberPrefix}-${refScope}-${businessDate.replaceAll('-', '')}-`;
}

export function refNumberOf(refScope: string, businessDate: string, key: string): string {
  if (parseEntryKey(key) === null) throw new RangeError(`not an entry key: ${key}`);
  const refNumber = refPrefixOf(refScope, businessDate) + key.slice(methodPrefix.length);
  if (refNumber.length > refNumberLengthMax)
    throw new RefNumberTooLongError(refNumber, refNumberLengthMax);
  return refNumber;
}

/** The entry key of one of our ref_numbers for this store-day, or null when it is not ours. */
export function keyOfRefNumber(
  refScope: string,
  businessDate: string,
  refNumber: string | null | undefined,
): string | null {
  const prefix = refPrefixOf(refScope, businessDate);
  if (refNumber === null || refNumber === undefined || !refNumber.startsWith(prefix)) return null;
  const key = methodPrefix + refNumber.slice(prefix.length);
  return parseEntryKey(key) === null ? null : key;
}
