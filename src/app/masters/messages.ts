// Japanese reasons a run records and mails (seed 003 "定期実行が失敗するケース").
import type { MasterFailure } from './ports.js';

export const mastersMessages = {
  noConnection:
    'freee連携がないため、定期実行の対象外です。freee連携を設定してから、もう一度実行してください。',
  connectionGone:
    'freee連携が解除されているため、定期実行の対象外です。freee連携を設定し直してから、もう一度実行してください。',
  busy: '同じ会社のマスター同期が実行中のため、この実行はスキップしました。',
  maintenance:
    'freeeがメンテナンス中のため同期を停止しました。停止までに取り込んだ件数は成功件数に含まれます。次回の実行で続きから同期します。',
  disconnectedDuringRun:
    '同期の途中でfreee連携が解除されました。取り込み済みのデータはそのまま残ります。freee連携を設定し直してから、今すぐ同期を実行してください。',
  throttled:
    'freee APIの利用制限(403)が続いたため同期を中断しました。10分以上おいてから、今すぐ同期を実行してください。',
  auth: 'freeeの認証に失敗したため、同期は実行されませんでした。IP制限の設定を確認し、freee連携を設定し直してから、もう一度実行してください。',
  stale: '同期が完了しないまま時間が経過したため、中断として記録しました。',
} as const;

export function reasonFor(failure: MasterFailure): string {
  const detail = failure.message ? `(freee: ${failure.message})` : '';
  if (failure.kind === 'maintenance') return `${mastersMessages.maintenance}${detail}`;
  if (failure.kind === 'disconnected') return `${mastersMessages.disconnectedDuringRun}${detail}`;
  if (failure.kind === 'throttled') return `${mastersMessages.throttled}${detail}`;
  if (failure.kind === 'auth') return `${mastersMessages.auth}${detail}`;
  return failure.message;
}
