// The 入金サイクル fields of one payment method in 取引の送信設定 (kind, days, weekdays), showing what
// was typed on a refused save and the schedule in effect.
import { weekdays, type SettlementSchedule } from '../../../domain/posting/settlement-schedule.js';

const weekdayLabels: Record<string, string> = {
  sun: '日',
  mon: '月',
  tue: '火',
  wed: '水',
  thu: '木',
  fri: '金',
  sat: '土',
};
const scheduleKinds = [
  ['default', '既定'],
  ['sameDay', '当日'],
  ['daysAfter', 'N営業日後'],
  ['monthly', '月締め'],
  ['weekly', '週締め'],
  ['keep', '複数締め(APIで設定)'],
] as const;

type ScheduleKind = (typeof scheduleKinds)[number][0];

function scheduleText(schedule: SettlementSchedule | null): string {
  if (schedule === null) return '';
  const day = (d: number | 'end') => (d === 'end' ? '末' : `${d}日`);
  switch (schedule.kind) {
    case 'sameDay':
      return '当日';
    case 'daysAfter':
      return `${schedule.bankingDays}営業日後`;
    case 'monthly':
      return `${day(schedule.cutoffDay)}締め${schedule.paymentMonthOffset === 0 ? '当月' : `${schedule.paymentMonthOffset}か月後`}${day(schedule.paymentDay)}払い`;
    case 'monthlyCycles':
      return schedule.cycles
        .map((c) => `${day(c.cutoffDay)}締め${c.paymentMonthOffset}か月後${day(c.paymentDay)}払い`)
        .join(' / ');
    case 'weekly':
      return `${weekdayLabels[schedule.cutoffWeekday]}曜締め・翌${weekdayLabels[schedule.paymentWeekday]}曜払い(+${schedule.weeksAfter}週)`;
  }
}

/** The 入金サイクル kind; 複数締め is offered only when the stored schedule has several cycles. */
function ScheduleKindSelect(props: { name: string; kind: ScheduleKind; label: string }) {
  return (
    <select name={props.name} aria-label={props.label}>
      {scheduleKinds
        .filter(([value]) => value !== 'keep' || props.kind === 'keep')
        .map(([value, label]) => (
          <option value={value} selected={value === props.kind}>
            {label}
          </option>
        ))}
    </select>
  );
}

function WeekdaySelect(props: { name: string; selected: string | undefined; label: string }) {
  return (
    <select name={props.name} style="min-width:0" aria-label={props.label}>
      {weekdays.map((w) => (
        <option value={w} selected={props.selected === w}>
          {weekdayLabels[w]}
        </option>
      ))}
    </select>
  );
}

export function ScheduleFields(props: {
  code: string;
  schedule: SettlementSchedule | null;
  fallback: SettlementSchedule | null;
  typed: Record<string, string>;
  label: string;
}) {
  const s = props.schedule;
  const name = (field: string) => `m.${props.code}.${field}`;
  const shown = (field: string, stored: string) => props.typed[name(field)] ?? stored;
  const storedKind = s === null ? 'default' : s.kind === 'monthlyCycles' ? 'keep' : s.kind;
  const typedKind = scheduleKinds.find(([value]) => value === props.typed[name('kind')])?.[0];
  const kind = typedKind ?? storedKind;
  const monthly = s?.kind === 'monthly' ? s : null;
  const weekly = s?.kind === 'weekly' ? s : null;
  const small = (field: string, text: string, width: string, stored: string) => (
    <>
      <label for={name(field)} style="display:inline;margin:0">
        {text}
      </label>{' '}
      <input
        id={name(field)}
        name={name(field)}
        style={`min-width:0;width:${width}`}
        value={shown(field, stored)}
        aria-label={`${props.label}の${text}`}
      />{' '}
    </>
  );
  return (
    <span class="schedule">
      <ScheduleKindSelect name={name('kind')} kind={kind} label={`${props.label}の入金サイクル`} />{' '}
      {small('bankingDays', '営業日', '4em', s?.kind === 'daysAfter' ? String(s.bankingDays) : '')}
      {small('cutoffDay', '締め日', '4em', monthly ? String(monthly.cutoffDay) : '')}
      {small(
        'paymentMonthOffset',
        '何か月後',
        '3em',
        monthly ? String(monthly.paymentMonthOffset) : '',
      )}
      {small('paymentDay', '支払日', '4em', monthly ? String(monthly.paymentDay) : '')}
      締め曜日{' '}
      <WeekdaySelect
        name={name('cutoffWeekday')}
        selected={shown('cutoffWeekday', weekly?.cutoffWeekday ?? '')}
        label={`${props.label}の締め曜日`}
      />{' '}
      支払曜日{' '}
      <WeekdaySelect
        name={name('paymentWeekday')}
        selected={shown('paymentWeekday', weekly?.paymentWeekday ?? '')}
        label={`${props.label}の支払曜日`}
      />{' '}
      {small('weeksAfter', '+週', '3em', weekly ? String(weekly.weeksAfter) : '')}
      <br />
      <small>
        現在: {scheduleText(s ?? props.fallback)}
        {s === null ? '(既定)' : ''}
      </small>
    </span>
  );
}
