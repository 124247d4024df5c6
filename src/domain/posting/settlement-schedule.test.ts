// Goal: due dates on banking days (weekends, 祝日 and 振替休日 from @holiday-jp/holiday_jp, and the
// year-end bank holidays 12/31–1/3) for every schedule kind, moved forward (翌営業日).
// Method: table tests with calendar facts checked by hand: Golden Week 2026 (4/29 昭和の日, 5/3–5/6),
// Silver Week 2026 (9/21 敬老の日, 9/22 国民の休日, 9/23 秋分の日), 2026-11-23 勤労感謝の日 (Mon),
// year ends 2025/26 and 2026/27, month ends on weekends, February clamping.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettlementScheduleError } from './errors.js';
import {
  dueDate,
  settlementScheduleProblems,
  type SettlementSchedule,
} from './settlement-schedule.js';

describe('dueDate', () => {
  const card: SettlementSchedule = {
    kind: 'monthly',
    cutoffDay: 'end',
    paymentMonthOffset: 1,
    paymentDay: 15,
  };
  const endEnd: SettlementSchedule = {
    kind: 'monthly',
    cutoffDay: 'end',
    paymentMonthOffset: 1,
    paymentDay: 'end',
  };
  const twice: SettlementSchedule = {
    kind: 'monthlyCycles',
    cycles: [
      { cutoffDay: 15, paymentMonthOffset: 0, paymentDay: 'end' },
      { cutoffDay: 'end', paymentMonthOffset: 1, paymentDay: 15 },
    ],
  };
  const weekly: SettlementSchedule = {
    kind: 'weekly',
    cutoffWeekday: 'sun',
    paymentWeekday: 'wed',
    weeksAfter: 0,
  };
  const table: [string, SettlementSchedule, string, string][] = [
    [
      '2026-04-30',
      { kind: 'sameDay' },
      '2026-04-30',
      'same day, a Thursday: already a banking day',
    ],
    ['2026-05-03', { kind: 'sameDay' }, '2026-05-07', 'same day on a Golden Week Sunday → 5/7'],
    ['2026-04-30', { kind: 'daysAfter', bankingDays: 1 }, '2026-05-01', '翌営業日 is Fri 5/1'],
    ['2026-05-01', { kind: 'daysAfter', bankingDays: 1 }, '2026-05-07', 'over Golden Week'],
    [
      '2026-05-01',
      { kind: 'daysAfter', bankingDays: 0 },
      '2026-05-01',
      '0 banking days: the day itself',
    ],
    [
      '2025-12-29',
      { kind: 'daysAfter', bankingDays: 2 },
      '2026-01-05',
      '12/30, then 1/5 after the year end',
    ],
    [
      '2026-11-20',
      { kind: 'daysAfter', bankingDays: 1 },
      '2026-11-24',
      'over 勤労感謝の日 2026-11-23',
    ],
    ['2025-01-10', card, '2025-02-17', '1/31 cut-off, 2/15 is a Saturday → Mon 2/17'],
    ['2026-01-31', card, '2026-02-16', 'sale on the cut-off day belongs to it; 2/15 Sun → 2/16'],
    ['2026-02-01', card, '2026-03-16', 'first day of the next period; 3/15 Sun → 3/16'],
    ['2026-04-15', endEnd, '2026-06-01', '4/30 cut-off, paid 5/31 (Sun) → Mon 6/1'],
    [
      '2026-11-10',
      { kind: 'monthly', cutoffDay: 20, paymentMonthOffset: 0, paymentDay: 23 },
      '2026-11-24',
      '11/23 holiday → 11/24',
    ],
    [
      '2026-11-25',
      { kind: 'monthly', cutoffDay: 20, paymentMonthOffset: 1, paymentDay: 10 },
      '2027-01-12',
      '12/20 cut-off → 1/10 Sun, 1/11 成人の日 → 1/12',
    ],
    [
      '2026-02-10',
      { kind: 'monthly', cutoffDay: 31, paymentMonthOffset: 2, paymentDay: 31 },
      '2026-04-30',
      'cut-off 31 = 2/28; paid 4/30 (4 has 30 days)',
    ],
    [
      '2026-11-30',
      { kind: 'monthly', cutoffDay: 'end', paymentMonthOffset: 1, paymentDay: 'end' },
      '2027-01-04',
      '12/31 bank holiday, 1/1–1/3 → 1/4',
    ],
    ['2026-04-10', twice, '2026-04-30', 'first half: 4/15 cut-off, paid 4/30 (Thu)'],
    ['2026-04-20', twice, '2026-05-15', 'second half: 4/30 cut-off, paid 5/15 (Fri)'],
    ['2026-04-15', twice, '2026-04-30', 'on the 15th cut-off'],
    ['2026-04-29', weekly, '2026-05-07', 'cut-off Sun 5/3, next Wed 5/6 振替休日 → 5/7'],
    ['2026-05-03', weekly, '2026-05-07', 'sale on the cut-off Sunday itself'],
    [
      '2026-11-16',
      { ...weekly, paymentWeekday: 'mon', weeksAfter: 0 },
      '2026-11-24',
      'cut-off 11/22, Mon 11/23 holiday → 11/24',
    ],
    [
      '2026-11-16',
      { ...weekly, weeksAfter: 1 },
      '2026-12-02',
      'a week later: cut-off 11/22, Wed 11/25 + 7',
    ],
  ];
  for (const [date, schedule, expected, why] of table) {
    it(`${date} ${schedule.kind} → ${expected} (${why})`, () =>
      assert.equal(dueDate(date, schedule), expected));
  }

  it('refuses schedules outside the vocabulary with SettlementScheduleError', () => {
    const bad: SettlementSchedule[] = [
      { kind: 'monthly', cutoffDay: 0, paymentMonthOffset: 1, paymentDay: 10 },
      { kind: 'monthly', cutoffDay: 20, paymentMonthOffset: 0, paymentDay: 10 },
      { kind: 'monthly', cutoffDay: 'end', paymentMonthOffset: 4, paymentDay: 10 },
      { kind: 'daysAfter', bankingDays: -1 },
      { kind: 'daysAfter', bankingDays: 1.5 },
      { kind: 'monthlyCycles', cycles: [] },
      { kind: 'weekly', cutoffWeekday: 'sun', paymentWeekday: 'wed', weeksAfter: 9 },
    ];
    for (const schedule of bad) {
      assert.notDeepEqual(settlementScheduleProblems(schedule), [], JSON.stringify(schedule));
      assert.throws(() => dueDate('2026-04-01', schedule), SettlementScheduleError);
    }
  });
});
