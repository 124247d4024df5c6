// Whether freee accepts deals dated on a business date (posting.md "Guards"), from the 事業所's
// fiscal_years (GET /api/1/companies/{id}): the date must fall in a fiscal year that is not closed
// (年度締め) and after that year's 本締め日 (month_end_date). Checked before anything is sent, so a
// guarded day writes nothing:
//   no fiscal year holds the date               → outsideFiscalYear (当年会計期間外)
//   the year holding it is closed (年度締め)     → periodClosed (締め済み)
//   the date is on or before month_end_date     → periodClosed (締め済み)
// 仮締め (temp_month_end_date) does not block: freee still accepts deals there.
export interface FiscalYearFacts {
  start_date: string;
  end_date: string;
  is_closed?: boolean | null;
  month_end_date?: string | null;
}

export type FiscalGuard =
  | { kind: 'open' }
  | { kind: 'outsideFiscalYear'; messageJa: string }
  | { kind: 'periodClosed'; messageJa: string };

export function fiscalGuard(years: readonly FiscalYearFacts[], businessDate: string): FiscalGuard {
  const year = years.find(
    (each) => each.start_date <= businessDate && businessDate <= each.end_date,
  );
  if (year === undefined) {
    const spans = years.map((each) => `${each.start_date}〜${each.end_date}`).join('、') || 'なし';
    return {
      kind: 'outsideFiscalYear',
      messageJa: `営業日 ${businessDate} はfreeeの会計期間(${spans})に含まれないため送信しません(当年会計期間外)。freeeで会計年度を作成または変更してから再実行してください。`,
    };
  }
  if (year.is_closed === true) {
    return {
      kind: 'periodClosed',
      messageJa: `営業日 ${businessDate} を含む会計年度(${year.start_date}〜${year.end_date})はfreeeで年度締め済みのため送信しません。締めを解除してから再実行してください。`,
    };
  }
  if (year.month_end_date && businessDate <= year.month_end_date) {
    return {
      kind: 'periodClosed',
      messageJa: `営業日 ${businessDate} はfreeeで月締め済みの期間(〜${year.month_end_date})に含まれるため送信しません。締めを解除してから再実行してください。`,
    };
  }
  return { kind: 'open' };
}
