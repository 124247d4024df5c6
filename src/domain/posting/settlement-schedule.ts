// Settlement schedules (入金サイクル): when the money of an unsettled payment method arrives, i.e. the
// due date (期日) of its receivable. The vocabulary (documented in docs/posting-deals.md):
//
//   { kind: 'sameDay' }                      the business date itself
//   { kind: 'daysAfter', bankingDays: N }    the N-th banking day after the business date (N 0–366)
//   { kind: 'monthly', cutoffDay, paymentMonthOffset, paymentDay }
//                                            締め日 cutoffDay (1–31 or 'end'); paid on paymentDay of the
//                                            month `paymentMonthOffset` (0–3) months after the cut-off's
//   { kind: 'monthlyCycles', cycles: [...] } several cut-offs a month (e.g. 15日締め当月末払い +
//                                            月末締め翌月15日払い); each cycle as in 'monthly'
//   { kind: 'weekly', cutoffWeekday, paymentWeekday, weeksAfter }
//                                            cut-off on the first cutoffWeekday on or after the sale;
//                                            paid on the first paymentWeekday after the cut-off, plus
//                                            weeksAfter (0–8) weeks
//
// Cut-offs are calendar days (a sale ON the cut-off day belongs to that cut-off); a day past the end
// of a month means its last day (31 → 2/28). The computed payment date is then moved FORWARD to
// the next banking day when it is not one (翌営業日; calendar/banking-days.ts), the usual rule of Japanese
// acquirers; `daysAfter` counts banking days and so always lands on one.
import {
  addBankingDays,
  bankingDaysAfterMax,
  onOrAfterBankingDay,
} from '../calendar/banking-days.js';
import { datePartsOf, parseBusinessDate, type BusinessDate } from '../calendar/business-date.js';
import { addDays, addMonths, dateInMonth, weekdayOf } from '../calendar/day-arithmetic.js';
import { SettlementScheduleError } from './errors.js';

export type DayOfMonth = number | 'end';
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

export interface MonthlyCycle {
  cutoffDay: DayOfMonth;
  paymentMonthOffset: number;
  paymentDay: DayOfMonth;
}

export type SettlementSchedule =
  | { kind: 'sameDay' }
  | { kind: 'daysAfter'; bankingDays: number }
  | ({ kind: 'monthly' } & MonthlyCycle)
  | { kind: 'monthlyCycles'; cycles: readonly MonthlyCycle[] }
  | { kind: 'weekly'; cutoffWeekday: Weekday; paymentWeekday: Weekday; weeksAfter: number };

export const paymentMonthOffsetMax = 3;
export const weeksAfterMax = 8;
export const monthlyCyclesMax = 6;

function dayOfMonthProblem(label: string, day: DayOfMonth): string[] {
  return day === 'end' || (Number.isInteger(day) && day >= 1 && day <= 31)
    ? []
    : [`${label} must be 1–31 or 'end'`];
}

function dayRank(day: DayOfMonth): number {
  return day === 'end' ? 32 : day;
}

function cycleProblems(cycle: MonthlyCycle, at: string): string[] {
  const problems = [
    ...dayOfMonthProblem(`${at}cutoffDay`, cycle.cutoffDay),
    ...dayOfMonthProblem(`${at}paymentDay`, cycle.paymentDay),
  ];
  const offset = cycle.paymentMonthOffset;
  if (!Number.isInteger(offset) || offset < 0 || offset > paymentMonthOffsetMax) {
    problems.push(`${at}paymentMonthOffset must be 0–${paymentMonthOffsetMax}`);
  } else if (offset === 0 && dayRank(cycle.paymentDay) <= dayRank(cycle.cutoffDay)) {
    problems.push(`${at}paymentDay must come after the cut-off when paymentMonthOffset is 0`);
  }
  return problems;
}

/** Every problem of a schedule, empty when it is valid. */
export function settlementScheduleProblems(schedule: SettlementSchedule): string[] {
  switch (schedule.kind) {
    case 'sameDay':
      return [];
    case 'daysAfter':
      return Number.isInteger(schedule.bankingDays) &&
        schedule.bankingDays >= 0 &&
        schedule.bankingDays <= bankingDaysAfterMax
        ? []
        : [`bankingDays must be an integer 0–${bankingDaysAfterMax}`];
    case 'monthly':
      return cycleProblems(schedule, '');
    case 'monthlyCycles':
      if (schedule.cycles.length === 0 || schedule.cycles.length > monthlyCyclesMax)
        return [`cycles must hold 1–${monthlyCyclesMax} cycles`];
      return schedule.cycles.flatMap((cycle, index) => cycleProblems(cycle, `cycles[${index}].`));
    case 'weekly':
      return weekdays.includes(schedule.cutoffWeekday) &&
        weekdays.includes(schedule.paymentWeekday) &&
        Number.isInteger(schedule.weeksAfter) &&
        schedule.weeksAfter >= 0 &&
        schedule.weeksAfter <= weeksAfterMax
        ? []
        : [`weekly needs weekdays sun–sat and weeksAfter 0–${weeksAfterMax}`];
  }
}

/** The cycle's cut-off on or after `date` and the calendar payment date that goes with it. */
function cyclePayment(
  date: BusinessDate,
  cycle: MonthlyCycle,
): { cutoff: BusinessDate; payment: BusinessDate } {
  const { year, month } = datePartsOf(date);
  for (const offset of [0, 1]) {
    const cutoffMonth = addMonths(year, month, offset);
    const cutoff = dateInMonth(cutoffMonth.year, cutoffMonth.month, cycle.cutoffDay);
    if (cutoff < date) continue;
    const paymentMonth = addMonths(cutoffMonth.year, cutoffMonth.month, cycle.paymentMonthOffset);
    return {
      cutoff,
      payment: dateInMonth(paymentMonth.year, paymentMonth.month, cycle.paymentDay),
    };
  }
  throw new SettlementScheduleError(`no cut-off found after ${date}`);
}

function monthlyPayment(date: BusinessDate, cycles: readonly MonthlyCycle[]): BusinessDate {
  const candidates = cycles.map((cycle) => cyclePayment(date, cycle));
  candidates.sort((left, right) =>
    left.cutoff === right.cutoff
      ? left.payment.localeCompare(right.payment)
      : left.cutoff.localeCompare(right.cutoff),
  );
  const first = candidates[0];
  if (first === undefined) throw new SettlementScheduleError('monthlyCycles without cycles');
  return first.payment;
}

function nextWeekday(date: BusinessDate, weekday: Weekday, strictlyAfter: boolean): BusinessDate {
  const target = weekdays.indexOf(weekday);
  const ahead = (target - weekdayOf(date) + 7) % 7;
  return addDays(date, ahead === 0 && strictlyAfter ? 7 : ahead);
}

/** The due date (期日, YYYY-MM-DD, a banking day) of a sale on `businessDate` under `schedule`. */
export function dueDate(businessDateText: string, schedule: SettlementSchedule): BusinessDate {
  const businessDate = parseBusinessDate(businessDateText);
  const problems = settlementScheduleProblems(schedule);
  if (problems.length > 0)
    throw new SettlementScheduleError(`invalid settlement schedule: ${problems.join('; ')}`);
  switch (schedule.kind) {
    case 'sameDay':
      return onOrAfterBankingDay(businessDate);
    case 'daysAfter':
      return addBankingDays(businessDate, schedule.bankingDays);
    case 'monthly':
      return onOrAfterBankingDay(monthlyPayment(businessDate, [schedule]));
    case 'monthlyCycles':
      return onOrAfterBankingDay(monthlyPayment(businessDate, schedule.cycles));
    case 'weekly': {
      const cutoff = nextWeekday(businessDate, schedule.cutoffWeekday, false);
      const payment = addDays(
        nextWeekday(cutoff, schedule.paymentWeekday, true),
        7 * schedule.weeksAfter,
      );
      return onOrAfterBankingDay(payment);
    }
  }
}
