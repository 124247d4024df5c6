// The master-sync schedule per company (one row; hour 0–23 Asia/Tokyo).
import type { MasterSchedule, MastersStore } from '../../app/masters/ports.js';
import type { Pool } from './pool.js';

interface ScheduleRow {
  company_id: string;
  enabled: boolean;
  hour: number;
  connection_id: string;
  enabled_by_staff_id: string | null;
  enabled_by_label: string;
  notify_email: string;
  updated_at: Date;
}

function scheduleOf(row: ScheduleRow): MasterSchedule {
  return {
    companyId: row.company_id,
    enabled: row.enabled,
    hour: row.hour,
    connectionId: row.connection_id,
    enabledByStaffId: row.enabled_by_staff_id,
    enabledByLabel: row.enabled_by_label,
    notifyEmail: row.notify_email,
    updatedAt: row.updated_at,
  };
}

export function masterSchedulesOver(
  pool: Pool,
): Pick<MastersStore, 'readSchedule' | 'saveSchedule' | 'enabledSchedulesAt'> {
  return {
    readSchedule: async (companyId) => {
      const rows = await pool.query<ScheduleRow>(
        'select * from master_sync_schedules where company_id = $1',
        [companyId],
      );
      return rows.rows[0] ? scheduleOf(rows.rows[0]) : null;
    },
    saveSchedule: async (s) => {
      await pool.query(
        `insert into master_sync_schedules (company_id, enabled, hour, connection_id,
           enabled_by_staff_id, enabled_by_label, notify_email, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (company_id) do update set enabled = excluded.enabled, hour = excluded.hour,
           connection_id = excluded.connection_id, enabled_by_staff_id = excluded.enabled_by_staff_id,
           enabled_by_label = excluded.enabled_by_label, notify_email = excluded.notify_email,
           updated_at = excluded.updated_at`,
        [
          s.companyId,
          s.enabled,
          s.hour,
          s.connectionId,
          s.enabledByStaffId,
          s.enabledByLabel,
          s.notifyEmail,
          s.updatedAt,
        ],
      );
    },
    enabledSchedulesAt: async (hour) => {
      const rows = await pool.query<ScheduleRow>(
        'select * from master_sync_schedules where enabled and hour = $1 order by company_id',
        [hour],
      );
      return rows.rows.map(scheduleOf);
    },
  };
}
