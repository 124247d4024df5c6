// The daily schedule per company (admin only): enabled or not, the hour (0–23 時, Asia/Tokyo), the
// freee connection it runs with and who enabled it (their mail address receives the results).
import { forbidden, validationError, type FieldError } from '../errors.js';
import type { MasterSchedule, MastersConnections, MastersStore } from './ports.js';

export interface ScheduleActor {
  companyId: string;
  staffId: string | null;
  role: 'admin' | 'manager' | 'staff';
  /** Who, for the record (e.g. the staff's name). */
  label: string;
}

export interface ScheduleInput {
  enabled: boolean;
  /** As typed (a form field): 0–23. */
  hour: string | number;
  connectionId: string;
  notifyEmail: string;
}

export const scheduleFieldLabels = {
  hour: '実行時刻',
  connectionId: 'freee連携',
  notifyEmail: '通知先メールアドレス',
} as const;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const emailLengthMax = 254;

export interface ScheduleDeps {
  store: MastersStore;
  connections: MastersConnections;
  clock: { now(): Date };
}

export async function getMasterSchedule(
  deps: Pick<ScheduleDeps, 'store'>,
  companyId: string,
): Promise<MasterSchedule | null> {
  return deps.store.readSchedule(companyId);
}

function parseHour(hour: string | number): number | null {
  const text = String(hour).trim();
  if (!/^\d{1,2}$/.test(text)) return null;
  const value = Number(text);
  return value >= 0 && value <= 23 ? value : null;
}

export async function saveMasterSchedule(
  deps: ScheduleDeps,
  actor: ScheduleActor,
  input: ScheduleInput,
): Promise<MasterSchedule> {
  if (actor.role !== 'admin') throw forbidden('マスター同期の定期実行は管理者だけが変更できます。');
  const fields: FieldError[] = [];
  const hour = parseHour(input.hour);
  if (hour === null)
    fields.push({
      path: 'hour',
      message: `${scheduleFieldLabels.hour}は0〜23時の中から選んでください。`,
    });
  const usable = await deps.connections.connectionsOf(actor.companyId);
  if (!usable.some((c) => c.id === input.connectionId))
    fields.push({
      path: 'connectionId',
      message: `${scheduleFieldLabels.connectionId}は連携済みのfreee事業所から選んでください。`,
    });
  const email = input.notifyEmail.trim();
  if (!emailPattern.test(email) || email.length > emailLengthMax)
    fields.push({
      path: 'notifyEmail',
      message: `${scheduleFieldLabels.notifyEmail}を正しい形式(例: owner@example.jp)で入力してください。`,
    });
  if (fields.length > 0 || hour === null) throw validationError(fields);
  const schedule: MasterSchedule = {
    companyId: actor.companyId,
    enabled: input.enabled,
    hour,
    connectionId: input.connectionId,
    enabledByStaffId: actor.staffId,
    enabledByLabel: actor.label,
    notifyEmail: email,
    updatedAt: deps.clock.now(),
  };
  await deps.store.saveSchedule(schedule);
  return schedule;
}
