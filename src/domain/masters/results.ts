// A run's outcome per master (seed 003 通知: 対象件数, 成功件数, 失敗件数 and each failure's reason)
// and the run's status, with the Japanese texts of the mail and the console.
import { masterLabels, type MasterName, type SyncMode } from './kinds.js';

export interface MasterResult {
  master: MasterName;
  mode: SyncMode;
  /** Records freee returned (or would have: the walk stopped early). */
  target: number;
  succeeded: number;
  failed: number;
  /** Records archived by a full run. */
  archived: number;
  /** Japanese reasons, one per failure (a failed call, a record that could not be stored). */
  failures: string[];
}

/** running → succeeded | failed (a master failed) | stopped (maintenance: the next run continues);
 * skipped (対象外: no connection, or another run was running); not_run (auth / IP: nothing called). */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'stopped' | 'skipped' | 'not_run';

export const runStatusLabels: Record<RunStatus, string> = {
  running: '実行中',
  succeeded: '成功',
  failed: '失敗あり',
  stopped: '停止(メンテナンス)',
  skipped: '対象外',
  not_run: '未実行(エラー)',
};

export type RunTrigger = 'schedule' | 'manual';

export const runTriggerLabels: Record<RunTrigger, string> = {
  schedule: '定期実行',
  manual: '今すぐ同期',
};

export interface RunSummary {
  status: RunStatus;
  trigger: RunTrigger;
  reason: string | null;
  startedAt: string;
  results: readonly MasterResult[];
}

export function statusOf(results: readonly MasterResult[], stopped: boolean): RunStatus {
  if (stopped) return 'stopped';
  return results.some((r) => r.failed > 0 || r.failures.length > 0) ? 'failed' : 'succeeded';
}

export function resultLine(r: MasterResult): string {
  const mode = r.mode === 'full' ? '全件' : '差分';
  const archived = r.archived > 0 ? ` アーカイブ ${r.archived}件` : '';
  return `${masterLabels[r.master]}(${mode}): 対象件数 ${r.target}件 成功件数 ${r.succeeded}件 失敗件数 ${r.failed}件${archived}`;
}

/** The notification mail (seed 003 "定期実行の結果を確認する"). */
export function resultMail(
  companyName: string,
  run: RunSummary,
): { subject: string; text: string } {
  const subject = `【Uriage】マスター同期の結果: ${runStatusLabels[run.status]}(${companyName})`;
  const lines = [
    `${companyName} のfreeeマスター同期(${runTriggerLabels[run.trigger]})の結果です。`,
    `開始: ${run.startedAt}`,
    `結果: ${runStatusLabels[run.status]}`,
  ];
  if (run.reason) lines.push(`理由: ${run.reason}`);
  lines.push('');
  for (const r of run.results) {
    lines.push(resultLine(r));
    for (const reason of r.failures) lines.push(`  失敗の理由: ${reason}`);
  }
  if (run.status !== 'succeeded')
    lines.push('', '失敗した場合は、管理画面の「マスター同期」から今すぐ同期を実行してください。');
  return { subject, text: lines.join('\n') };
}
