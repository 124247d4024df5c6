// Posting closed days to freee as use cases see it (docs/posting.md): the status of a store-day,
// our record of the deals we keep in freee (with the intent of the write in flight), the outcome of a
// run, and the Japanese texts users see on 連携結果.
import type { DealContent } from '../../domain/posting/deal-types.js';

export const postingStatuses = [
  'queued',
  'sending',
  'posted',
  'retry_wait',
  'failed',
  'outside_fiscal_year',
  'period_closed',
  'expired',
  'error',
] as const;
export type PostingStatus = (typeof postingStatuses)[number];

/** What 連携結果 shows. A store-day never posted shows 未送信 too. */
export const postingStatusLabels: Record<PostingStatus, string> = {
  queued: '未送信',
  sending: '送信中',
  posted: '送信済',
  retry_wait: '再送待ち',
  failed: '失敗',
  outside_fiscal_year: '当年会計期間外',
  period_closed: '締め済み',
  expired: '期限切れ',
  error: 'エラー',
};

/** Statuses after which nothing happens until someone acts (re-run, reconnect, fix the mapping). */
export const finalStatuses: readonly PostingStatus[] = [
  'posted',
  'failed',
  'outside_fiscal_year',
  'period_closed',
  'expired',
  'error',
];

export type IntentOp = 'create' | 'update' | 'delete';

/** One entry of a store-day in our record (posted_deals). */
export interface EntryRecord {
  key: string;
  methodCode: string;
  itemName: string;
  refNumber: string;
  /** freee's deal id; null while nothing is known to be in freee. */
  dealId: number | null;
  /** What freee holds per our record. */
  content: DealContent | null;
  hasPayments: boolean;
  /** The write in flight (its answer not recorded yet). */
  intent: { op: IntentOp; content: DealContent | null; at: Date } | null;
}

export interface PostingDayRecord {
  companyId: string;
  storeId: string;
  storeCode: string;
  businessDate: string;
  status: PostingStatus;
  reasonCode: string | null;
  message: string | null;
  freeeMessages: string[];
  closeVersion: number | null;
  postedVersion: number | null;
  autoRetries: number;
  nextAttemptAt: Date | null;
  lastCalls: number;
  lastWrites: number;
  leaseUntil: Date | null;
  requestedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

/** How a run ended. `retryAt`: the job queue should run the store-day again then. */
export interface PostingOutcome {
  /** `unsent`: nothing to do yet (not closed, store not connected); `busy`: another run holds the day. */
  status: PostingStatus | 'busy' | 'unsent';
  reasonCode: string | null;
  message: string | null;
  freeeMessages: string[];
  retryAt: Date | null;
  /** freee calls made by this run (reads + writes) and writes among them. */
  calls: number;
  writes: number;
  closeVersion: number | null;
}

export const postingMessages = {
  notClosed: 'この営業日はまだ閉局されていません。閉局すると送信されます。',
  notConnected: 'この店舗はfreeeと連携されていません。運用管理 > freee連携 で連携してください。',
  tokenExpired:
    'アクセストークンの取得に失敗しました。連携解除をしたのち、もう一度連携設定を行ってから再実行してください。',
  throttled: 'freeeのAPI利用制限に達しました。10分以上待ってから自動で再送します。',
  maintenance: 'freeeがメンテナンス中です。時間をおいて自動で再送します。',
  unreachable: 'freeeに接続できませんでした。時間をおいて自動で再送します。',
  ambiguous:
    'freeeからの応答が途切れました。freeeに登録されたかを確認してから自動で再送します(二重登録はしません)。',
  busy: '同じ店舗・営業日を別の処理が送信中です。終わってから送信します。',
  validation:
    'freeeが取引を受け付けませんでした。freeeのメッセージを確認し、連携設定を直してから再実行してください。',
  retriesExhausted: '自動再送の上限に達しました。状況を確認してから再実行してください。',
  duplicate:
    'freeeに同じ管理番号の取引が複数あります。freeeで重複を確認・削除してから再実行してください。',
  unexpected: 'freeeへの送信中に予期しないエラーが発生しました。再実行してください。',
} as const;
