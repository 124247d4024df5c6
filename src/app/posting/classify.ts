// freee's failures → how a posting run ends (posting.md "Guards and errors"):
//   refresh rejected (invalid_grant)       → 期限切れ (reconnect), not retried
//   401 expired_access_token after renewal → 再送待ち (the connection is not dead)
//   user_do_not_have_permission           → エラー with the 管理者 hint, not retried
//   throttled (403 lock-out)              → 再送待ち, ≥ 10 minutes later
//   maintenance (503), 429                → 再送待ち
//   network / 5xx on a read               → 再送待ち with back-off (doubling, capped)
//   network / 5xx on a write (ambiguous)  → 再送待ち after the settle time; the intent stays open and the
//                                           next run looks the deal up before writing again
//   400 and anything else                 → 失敗 with freee's messages, re-runnable
import { freeeMessages } from '../freee/model.js';
import type { PostingOutcome } from './model.js';
import { postingMessages } from './model.js';
import type { FreeeCallFailure } from './ports.js';
import type { PostingTimings } from './timings.js';

export interface RunCounts {
  calls: number;
  writes: number;
  closeVersion: number | null;
}

export function outcome(
  status: PostingOutcome['status'],
  reasonCode: string | null,
  message: string | null,
  counts: RunCounts,
  extra: Partial<Pick<PostingOutcome, 'freeeMessages' | 'retryAt'>> = {},
): PostingOutcome {
  return {
    status,
    reasonCode,
    message,
    freeeMessages: extra.freeeMessages ?? [],
    retryAt: extra.retryAt ?? null,
    calls: counts.calls,
    writes: counts.writes,
    closeVersion: counts.closeVersion,
  };
}

export function retryWaitMs(timings: PostingTimings, autoRetries: number): number {
  return Math.min(timings.retryWaitMaxMs, timings.retryWaitMs * 2 ** Math.min(autoRetries, 16));
}

export interface ClassifyInput {
  failure: FreeeCallFailure;
  /** A write that may have landed (no answer, or a 5xx). */
  ambiguousWrite: boolean;
  now: Date;
  timings: PostingTimings;
  autoRetries: number;
  counts: RunCounts;
}

const retryable = (
  input: ClassifyInput,
  reason: string,
  message: string,
  waitMs: number,
): PostingOutcome =>
  outcome('retry_wait', reason, message, input.counts, {
    retryAt: new Date(input.now.getTime() + waitMs),
    freeeMessages: input.failure.messages,
  });

export function classifyFailure(input: ClassifyInput): PostingOutcome {
  const { failure, timings, counts } = input;
  switch (failure.kind) {
    case 'invalid_grant':
      return outcome('expired', failure.kind, postingMessages.tokenExpired, counts, {
        freeeMessages: failure.messages,
      });
    case 'expired_access_token':
      // The client already renewed the token once for this call: a second 401 is freee's hiccup, not a dead
      // connection (a dead refresh token surfaces as invalid_grant / connection_unusable).
      return retryable(
        input,
        'token_rejected',
        postingMessages.unreachable,
        retryWaitMs(timings, input.autoRetries),
      );
    case 'user_do_not_have_permission':
      return outcome('error', failure.kind, freeeMessages.userLacksPermission, counts, {
        freeeMessages: failure.messages,
      });
    case 'connection_unusable':
      return failure.code === 'freee_connection_expired'
        ? outcome('expired', failure.code, postingMessages.tokenExpired, counts)
        : outcome(
            'error',
            failure.code ?? failure.kind,
            failure.messages[0] ?? 'freee連携でエラーが発生しています。',
            counts,
          );
    case 'throttled':
      return retryable(input, 'throttled', postingMessages.throttled, timings.throttleWaitMs);
    case 'maintenance':
      return retryable(
        input,
        'maintenance',
        postingMessages.maintenance,
        timings.maintenanceWaitMs,
      );
    case 'rate_limited':
      return retryable(
        input,
        'rate_limited',
        postingMessages.throttled,
        Math.max(failure.retryAfterMs ?? 0, retryWaitMs(timings, input.autoRetries)),
      );
    case 'network':
    case 'server':
      if (input.ambiguousWrite)
        return retryable(input, 'ambiguous_write', postingMessages.ambiguous, timings.settleMs);
      return retryable(
        input,
        failure.kind,
        postingMessages.unreachable,
        retryWaitMs(timings, input.autoRetries),
      );
    case 'validation':
      return outcome('failed', 'validation', postingMessages.validation, counts, {
        freeeMessages: failure.messages,
      });
    default:
      return outcome('failed', failure.kind, postingMessages.unexpected, counts, {
        freeeMessages: failure.messages,
      });
  }
}

/** A failure after which nothing can have been written (the write may be repeated after a fix). */
export function isAmbiguous(failure: FreeeCallFailure): boolean {
  return failure.kind === 'network' || failure.kind === 'server';
}
