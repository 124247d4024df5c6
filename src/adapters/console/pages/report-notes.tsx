// 日報 (console): the day's state (閉局済 第n版 / 未閉局, when and by whom) and, when the payment-method
// totals and the tax-rate breakdown differ, the notes naming each cause and amount (domain/report).
import type { DayCloseRecord } from '../../../app/ledger/model.js';
import { breakdownNotes, methodDifferences } from '../../../domain/report/breakdown-notes.js';
import type { DailyReport } from '../../../domain/report/types.js';
import { instantCell } from '../dates.js';
import { yen } from './ledger-format.js';

export function DayState(props: {
  report: DailyReport;
  closes: readonly DayCloseRecord[];
  timeZone: string;
}) {
  const latest = props.closes[props.closes.length - 1];
  if (!latest)
    return (
      <p class="day-state" data-testid="day-state">
        <span class="badge badge-warn">未閉局</span>{' '}
        この営業日はまだ閉局していません。表示は現在までの会計から計算しています。
      </p>
    );
  const changed = latest.report.salesTotal !== props.report.salesTotal;
  return (
    <p class="day-state" data-testid="day-state">
      <span class="badge badge-ok">閉局済 第{latest.version}版</span>{' '}
      {instantCell(props.timeZone, latest.closedAt)} 閉局(担当 {latest.closedBy})。
      {changed
        ? ` 閉局後に会計が変わっています(第${latest.version}版の売上等 ${yen(latest.report.salesTotal)}、現在 ${yen(props.report.salesTotal)})。もう一度閉局すると新しい版になります。`
        : ` 表示中の日報は第${latest.version}版と同じ内容です。`}
    </p>
  );
}

export function BreakdownNotes(props: { report: DailyReport }) {
  const notes = breakdownNotes(props.report);
  if (notes.length === 0)
    return (
      <p data-testid="breakdown-notes">
        支払い方法別の売上と税率ごとの内訳は一致しています(売上外・金券等差額・金券等釣りなし)。
      </p>
    );
  const differences = methodDifferences(props.report);
  return (
    <div class="card" data-testid="breakdown-notes">
      <h3 style="margin-top:0">支払い方法別の売上と税率ごとの内訳が一致しない理由</h3>
      <ul>
        {notes.map((note) => (
          <li data-cause={note.cause}>
            <strong>
              {note.label} {yen(note.amount)}
            </strong>
            : {note.explanation}
          </li>
        ))}
      </ul>
      {differences.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>支払い方法</th>
              <th>支払い方法別の売上</th>
              <th>税率ごとの内訳(売上)</th>
              <th>差</th>
              <th>うち売上外</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => (
              <tr data-method={d.code}>
                <td>{d.name}</td>
                <td class="num">{yen(d.methodTotal)}</td>
                <td class="num">{yen(d.salesByTaxRate)}</td>
                <td class="num">{yen(d.difference)}</td>
                <td class="num">{yen(d.nonSales)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
