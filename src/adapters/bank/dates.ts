// Dates as statements write them: 和暦 YYMMDD (全銀: 令和, 平成 up to 31), and bank CSV forms
// (2025/1/6, 2025-01-06, 20250106, R7.1.6, 令和7年1月6日). Null when not a real date.
import { isBusinessDate, type BusinessDate } from '../../domain/calendar/business-date.js';

const reiwaStart = '2019-05-01';

function businessDate(year: number, month: number, day: number): BusinessDate | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isBusinessDate(text) ? text : null;
}

/** An era year to a calendar date: R (令和) from 2019-05-01, H (平成) until 2019-04-30. */
function eraDate(era: 'R' | 'H', year: number, month: number, day: number): BusinessDate | null {
  const date = businessDate((era === 'R' ? 2018 : 1988) + year, month, day);
  if (!date || year < 1) return null;
  if (era === 'R' && date < reiwaStart) return null;
  if (era === 'H' && date >= reiwaStart) return null;
  return date;
}

/** 全銀 和暦 YYMMDD: 令和 for 01–30 (平成31 for 31 up to 04-30). */
export function zenginDate(text: string): BusinessDate | null {
  if (!/^\d{6}$/.test(text)) return null;
  const [y, m, d] = [text.slice(0, 2), text.slice(2, 4), text.slice(4, 6)].map(Number) as [
    number,
    number,
    number,
  ];
  return y === 31 ? eraDate('H', y, m, d) : eraDate('R', y, m, d);
}

export function csvDate(raw: string): BusinessDate | null {
  const text = raw.trim().normalize('NFKC');
  let m = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(text);
  if (m) return businessDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return businessDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(R|H|令和|平成)(\d{1,2}|元)[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(text);
  if (m) {
    const era = m[1] === 'R' || m[1] === '令和' ? 'R' : 'H';
    return eraDate(era, m[2] === '元' ? 1 : Number(m[2]), Number(m[3]), Number(m[4]));
  }
  return null;
}
