// Status, times and redo link of a checkout (decisions in docs/decisions/checkout-math.md):
// - completed, cancelled and redone checkouts were completed once: completedAt is required;
//   pending and aborted ones were never completed: completedAt must be null;
// - startedAt and completedAt are ISO 8601 instants WITH an offset (Z or ±hh:mm), and a checkout
//   cannot complete before it started;
// - businessDate is a real calendar date YYYY-MM-DD; `redoes` cannot name the checkout itself.
// Revisions may move the status only along pending → completed | aborted and
// completed → cancelled | redone (spec §1); keeping the same status is always allowed.
import { isBusinessDate } from '../calendar/business-date.js';
import { instantMs } from '../calendar/instant.js';
import { ruleError, type RuleError } from './rule-error.js';
import { checkoutStatuses, type Checkout, type CheckoutStatus } from './types.js';

export const wasCompletedStatuses: readonly CheckoutStatus[] = ['completed', 'cancelled', 'redone'];

function completedAtErrors(checkout: Checkout): RuleError[] {
  const startedMs = instantMs(checkout.startedAt);
  const errors: RuleError[] = [];
  if (startedMs === null) {
    errors.push(
      ruleError(
        'startedAt',
        'started_at_invalid',
        '開始日時はタイムゾーン付きのISO 8601形式で指定してください',
      ),
    );
  }
  if (!wasCompletedStatuses.includes(checkout.status)) {
    if (checkout.completedAt !== null) {
      errors.push(
        ruleError(
          'completedAt',
          'completed_at_not_allowed',
          '保留中・入力中断の会計には完了日時を指定できません',
        ),
      );
    }
    return errors;
  }
  if (checkout.completedAt === null) {
    return [
      ...errors,
      ruleError('completedAt', 'completed_at_required', '会計完了済みの会計には完了日時が必要です'),
    ];
  }
  const completedMs = instantMs(checkout.completedAt);
  if (completedMs === null) {
    errors.push(
      ruleError(
        'completedAt',
        'completed_at_invalid',
        '完了日時はタイムゾーン付きのISO 8601形式で指定してください',
      ),
    );
  } else if (startedMs !== null && completedMs < startedMs) {
    errors.push(
      ruleError(
        'completedAt',
        'completed_before_started',
        '完了日時が開始日時より前になっています',
      ),
    );
  }
  return errors;
}

export function statusErrors(checkout: Checkout): RuleError[] {
  if (!checkoutStatuses.includes(checkout.status)) {
    return [ruleError('status', 'status_unknown', '会計の状態が正しくありません')];
  }
  const errors = completedAtErrors(checkout);
  if (!isBusinessDate(checkout.businessDate)) {
    errors.push(
      ruleError(
        'businessDate',
        'business_date_invalid',
        '営業日はYYYY-MM-DD形式の日付で指定してください',
      ),
    );
  }
  if (checkout.redoes !== undefined && checkout.redoes === checkout.id) {
    errors.push(ruleError('redoes', 'redoes_self', 'やり直し元に自分自身の会計は指定できません'));
  }
  return errors;
}

const allowedNextStatuses: Record<CheckoutStatus, readonly CheckoutStatus[]> = {
  pending: ['pending', 'completed', 'aborted'],
  completed: ['completed', 'cancelled', 'redone'],
  cancelled: ['cancelled'],
  redone: ['redone'],
  aborted: ['aborted'],
};

const statusLabels: Record<CheckoutStatus, string> = {
  pending: '保留中',
  completed: '会計完了',
  cancelled: '取消',
  redone: 'やり直し',
  aborted: '入力中断',
};

/** The error for replacing a stored revision in status `previous` by one in `next`, or null. */
export function statusTransitionError(
  previous: CheckoutStatus,
  next: CheckoutStatus,
): RuleError | null {
  if (allowedNextStatuses[previous].includes(next)) return null;
  return ruleError(
    'status',
    'status_transition_not_allowed',
    `会計の状態を「${statusLabels[previous]}」から「${statusLabels[next]}」に変更することはできません`,
  );
}
