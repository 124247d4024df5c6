// Errors of deal building (the mapping or the 日報 cannot be posted as they are) → a failed run with
// the Japanese reason. Anything else is not ours to name: the caller rethrows it.
import {
  BankingDaySearchError,
  HolidayDataRangeError,
} from '../../domain/calendar/banking-days.js';
import { BusinessDateError } from '../../domain/calendar/business-date.js';
import {
  PostingInputError,
  PostingMappingError,
  RefNumberTooLongError,
  SettlementScheduleError,
  VatAllocationError,
} from '../../domain/posting/errors.js';
import { outcome, type RunCounts } from './classify.js';
import type { PostingOutcome } from './model.js';

export function domainFailure(error: unknown, counts: RunCounts): PostingOutcome | null {
  if (error instanceof PostingMappingError)
    return outcome('failed', 'mapping', error.messageJa, counts);
  if (error instanceof PostingInputError)
    return outcome('failed', 'report', error.messageJa, counts);
  if (error instanceof SettlementScheduleError)
    return outcome(
      'failed',
      'schedule',
      `入金サイクルの設定が正しくありません(${error.message})。連携設定を直してください。`,
      counts,
    );
  if (
    error instanceof HolidayDataRangeError ||
    error instanceof BankingDaySearchError ||
    error instanceof BusinessDateError
  ) {
    return outcome('failed', 'due_date', `期日を計算できませんでした(${error.message})。`, counts);
  }
  if (error instanceof RefNumberTooLongError)
    return outcome(
      'failed',
      'ref_number',
      '店舗コードまたは支払い方法コードが長すぎて管理番号を作れません。コードを短くしてください。',
      counts,
    );
  if (error instanceof VatAllocationError)
    return outcome(
      'failed',
      'vat',
      `税額を取引行に配分できませんでした(${error.message})。`,
      counts,
    );
  return null;
}
