// Fiscal years of a new sandbox 事業所: the one holding today (JST) and the one before it.
export interface FiscalRange {
  startDate: string;
  endDate: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** startMonth 1–12 (4 = April–March, the usual 法人 year). */
export function fiscalYearsAround(
  today: string,
  startMonth: number,
): { current: FiscalRange; previous: FiscalRange } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  const start = (y: number) => `${y}-${pad(startMonth)}-01`;
  return {
    current: { startDate: start(startYear), endDate: dayBefore(start(startYear + 1)) },
    previous: { startDate: start(startYear - 1), endDate: dayBefore(start(startYear)) },
  };
}
