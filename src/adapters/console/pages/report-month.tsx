// 月報 (console): a store's month from its 日報 — per business day 売上等 / 売上 / 純売上 / 税 /
// 会計数 / 客数 / 商品数 with a link to that day's 日報, a totals row, and the month per payment
// method and per tax rate; CSV in UTF-8 (BOM) or Shift_JIS.
//   GET /report/month?store=&month=YYYY-MM[&format=csv&encoding=utf8bom|sjis]
import type { Context, Hono } from 'hono';
import type { MonthlyReport } from '../../../domain/report/monthly-report.js';
import { businessDateIn as calendarDateIn } from '../../../domain/calendar/store-zone.js';
import { addMonths } from '../../../domain/calendar/day-arithmetic.js';
import type { Store } from '../../../app/tenancy/model.js';
import type { AppEnv } from '../../http/context.js';
import { reportActorOf } from '../../http/actors.js';
import { Layout } from '../layout.js';
import { dayCell, monthHeading } from '../dates.js';
import { csvEncodingOf, csvResponse } from '../csv.js';
import { consoleStaff, errorsByPath, type StaffPrincipal, storeNamed } from '../session.js';
import { monthlyReportCsvRows } from './report-csv.js';
import { dayQuery } from './report.js';
import { taxCategoryLabels } from './report-view.js';

const css = `
#month-days td,#month-days th{white-space:nowrap}
.month-tables{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:20px;align-items:start}
tr.total th,tr.total td{font-weight:bold;background:#f3f5f8}
.picker{display:flex;gap:16px;align-items:flex-end;flex-wrap:wrap}
.picker label{margin:0 0 4px}
.downloads a{margin-right:12px}
`;
const yen = (amount: number) =>
  `${amount < 0 ? '-' : ''}¥${Math.abs(amount).toLocaleString('ja-JP')}`;
const count = (value: number) => value.toLocaleString('ja-JP');

export const monthQuery = (storeCode: string, month: string) =>
  `store=${encodeURIComponent(storeCode)}&month=${encodeURIComponent(month)}`;

function shiftMonth(month: string, by: number): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const next = addMonths(Number(match[1]), Number(match[2]), by);
  return `${next.year}-${String(next.month).padStart(2, '0')}`;
}

function Picker(props: { stores: Store[]; store: Store; month: string }) {
  const q = (month: string) => `/report/month?${monthQuery(props.store.code, month)}`;
  return (
    <form class="card picker" method="get" action="/report/month">
      <div>
        <label for="store">店舗</label>
        <select id="store" name="store">
          {props.stores.map((s) => (
            <option value={s.code} selected={s.code === props.store.code}>
              {`${s.name}(${s.code})`}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="month">月</label>
        <input id="month" name="month" type="month" value={props.month} />
      </div>
      <div>
        <button type="submit">表示</button>
      </div>
      <div>
        <a href={q(shiftMonth(props.month, -1))} id="prev-month">
          前月
        </a>{' '}
        ・{' '}
        <a href={q(shiftMonth(props.month, 1))} id="next-month">
          翌月
        </a>
      </div>
    </form>
  );
}

function DaysTable(props: { report: MonthlyReport }) {
  const r = props.report;
  const cells = (row: MonthlyReport['totals']) => (
    <>
      <td class="num">{yen(row.salesTotal)}</td>
      <td class="num">{yen(row.sales)}</td>
      <td class="num">{yen(row.netSales)}</td>
      <td class="num">{yen(row.tax)}</td>
      <td class="num">{count(row.checkoutCount)}</td>
      <td class="num">{count(row.customerCount)}</td>
      <td class="num">{count(row.itemCount)}</td>
    </>
  );
  return (
    <table id="month-days">
      <thead>
        <tr>
          <th scope="col">営業日</th>
          <th scope="col">売上等</th>
          <th scope="col">売上</th>
          <th scope="col">純売上</th>
          <th scope="col">税</th>
          <th scope="col">会計数</th>
          <th scope="col">客数</th>
          <th scope="col">商品数</th>
        </tr>
      </thead>
      <tbody>
        {r.days.map((d) => (
          <tr data-date={d.businessDate}>
            <td>
              <a href={`/report?${dayQuery(r.storeCode, d.businessDate)}`}>
                {dayCell(d.businessDate)}
              </a>
            </td>
            {cells(d)}
          </tr>
        ))}
        <tr class="total" data-row="total">
          <th scope="row">合計</th>
          {cells(r.totals)}
        </tr>
      </tbody>
    </table>
  );
}

function BreakdownTables(props: { report: MonthlyReport }) {
  const r = props.report;
  const sum = <T,>(rows: readonly T[], pick: (row: T) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  return (
    <div class="month-tables">
      <div>
        <h2>支払方法ごと</h2>
        <table id="month-methods">
          <thead>
            <tr>
              <th scope="col">支払方法</th>
              <th scope="col">件数</th>
              <th scope="col">金額</th>
            </tr>
          </thead>
          <tbody>
            {r.paymentMethods.map((m) => (
              <tr data-method={m.code}>
                <td>{m.name}</td>
                <td class="num">{count(m.count)}</td>
                <td class="num">{yen(m.amount)}</td>
              </tr>
            ))}
            <tr class="total" data-row="total">
              <th scope="row">合計</th>
              <td class="num">{count(sum(r.paymentMethods, (m) => m.count))}</td>
              <td class="num">{yen(sum(r.paymentMethods, (m) => m.amount))}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div>
        <h2>税率ごと</h2>
        <table id="month-tax-rates">
          <thead>
            <tr>
              <th scope="col">税率</th>
              <th scope="col">売上</th>
              <th scope="col">税</th>
              <th scope="col">純売上</th>
            </tr>
          </thead>
          <tbody>
            {r.taxRates.map((t) => (
              <tr data-tax={t.taxCategory}>
                <td>{taxCategoryLabels[t.taxCategory]}</td>
                <td class="num">{yen(t.sales)}</td>
                <td class="num">{yen(t.tax)}</td>
                <td class="num">{yen(t.netSales)}</td>
              </tr>
            ))}
            <tr class="total" data-row="total">
              <th scope="row">合計</th>
              <td class="num">{yen(sum(r.taxRates, (t) => t.sales))}</td>
              <td class="num">{yen(sum(r.taxRates, (t) => t.tax))}</td>
              <td class="num">{yen(sum(r.taxRates, (t) => t.netSales))}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}

async function monthPage(c: Context<AppEnv>, principal: StaffPrincipal) {
  const services = c.get('app');
  const stores = await services.tenancy.read.listStores(principal.companyId);
  const store = storeNamed(stores, c.req.query('store'));
  if (!store)
    return c.html(
      <Layout title="月報" principal={principal} section="report">
        <h1>月報</h1>
        <p>店舗が登録されていません。</p>
      </Layout>,
    );
  const month =
    c.req.query('month') || calendarDateIn(services.clock.now(), store.timeZone).slice(0, 7);
  let report: MonthlyReport | null = null;
  let error: string | undefined;
  try {
    report = (
      await services.report.getMonthlyReport(reportActorOf(principal), {
        storeCode: store.code,
        month,
      })
    ).report;
  } catch (caught) {
    const shown = errorsByPath(caught);
    if (!shown) throw caught;
    error = shown.message;
  }
  if (report && c.req.query('format') === 'csv') {
    const encoding = csvEncodingOf(c.req.query('encoding'));
    return csvResponse(
      monthlyReportCsvRows(report),
      encoding,
      `月報_${store.name}_${month}.csv`,
      `monthly-report-${store.code}-${month}.csv`,
    );
  }
  const download = (encoding: string) =>
    `/report/month?${monthQuery(store.code, month)}&format=csv&encoding=${encoding}`;
  return c.html(
    <Layout title="月報" principal={principal} section="report">
      <style>{css}</style>
      <h1>
        月報 — {store.name}({store.code}) {monthHeading(month)}
      </h1>
      {error ? (
        <div class="alert" role="alert">
          {error}
        </div>
      ) : null}
      <Picker stores={stores} store={store} month={month} />
      {report ? (
        <div class="card">
          <p class="downloads">
            CSVダウンロード(Excel向け):{' '}
            <a href={download('utf8bom')} id="csv-utf8">
              UTF-8(BOM付き)
            </a>
            <a href={download('sjis')} id="csv-sjis">
              Shift_JIS
            </a>
            <a href={`/report?store=${encodeURIComponent(store.code)}`}>日報へ</a>
          </p>
          <DaysTable report={report} />
          <BreakdownTables report={report} />
        </div>
      ) : null}
    </Layout>,
    error ? 400 : 200,
  );
}

export function reportMonthRoutes(app: Hono<AppEnv>): void {
  app.get('/report/month', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return monthPage(c, principal);
  });
}
