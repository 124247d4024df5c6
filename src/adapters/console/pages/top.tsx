// TOP: today's sales per store so far (売上等, 会計数, 客数, against the same weekday last week), the
// days that need someone (未閉局 past days, freee 失敗 / 期限切れ / エラー, registers' 未送信), each
// linking where it is fixed, and 30 days of sales as a server-rendered SVG chart.
import type { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { reportActorOf } from '../../http/actors.js';
import { dateCell, dateHeading } from '../dates.js';
import { Layout } from '../layout.js';
import { consoleStaff } from '../session.js';
import { dayQuery, yen } from './ledger-format.js';
import { SalesChart } from './top-chart.js';
import { chartDays, loadTopData, type StoreToday, type TopData } from './top-data.js';

function versus(today: number, lastWeek: number | undefined): string {
  if (lastWeek === undefined) return '—';
  const difference = today - lastWeek;
  const percent = lastWeek === 0 ? '' : `(${Math.round((today / lastWeek) * 100)}%)`;
  return `${difference >= 0 ? '+' : ''}${yen(difference)}${percent}`;
}

function TodayTable(props: { rows: readonly StoreToday[] }) {
  return (
    <table data-testid="today-sales">
      <thead>
        <tr>
          <th>店舗</th>
          <th>営業日</th>
          <th>売上等</th>
          <th>会計数</th>
          <th>客数</th>
          <th>先週の同じ曜日</th>
          <th>先週比</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ store, today, report, lastWeek, error }) => (
          <tr data-store={store.code}>
            <td>
              <a href={`/report?${dayQuery(store.code, today)}`}>
                {store.name}({store.code})
              </a>{' '}
              <a
                href={`/report/month?store=${encodeURIComponent(store.code)}&month=${today.slice(0, 7)}`}
                class="month-link"
              >
                月報
              </a>
            </td>
            <td>{dateCell(today)}</td>
            {report ? (
              <>
                <td class="num">{yen(report.salesTotal)}</td>
                <td class="num">{report.checkoutCount}</td>
                <td class="num">{report.customerCount}</td>
                <td class="num">{lastWeek ? yen(lastWeek.salesTotal) : '—'}</td>
                <td class="num">{versus(report.salesTotal, lastWeek?.salesTotal)}</td>
              </>
            ) : (
              <td colspan={5}>{error ?? '—'}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Attention(props: { data: TopData }) {
  const items = [
    ...props.data.stores.flatMap((s) =>
      s.unclosed.map((date) => (
        <li data-kind="unclosed">
          <span class="badge badge-warn">未閉局</span> {s.store.name} {dateHeading(date)}:
          会計がありますが閉局されていません。{' '}
          <a href={`/days/close?${dayQuery(s.store.code, date)}`}>閉局する</a>
        </li>
      )),
    ),
    ...props.data.postingProblems.map((day) => (
      <li data-kind="posting" data-status={day.status}>
        <span class="badge badge-bad">{day.statusLabel}</span> {day.storeName}{' '}
        {dateHeading(day.businessDate)}: {day.message ?? 'freee への送信ができていません。'}{' '}
        <a
          href={`/integrations?${new URLSearchParams({ store: day.storeCode, from: day.businessDate, to: day.businessDate })}`}
        >
          連携結果を見る
        </a>
      </li>
    )),
    ...props.data.stores
      .filter((s) => s.unsentCount > 0)
      .map((s) => (
        <li data-kind="unsent">
          <span class="badge badge-warn">未送信</span> {s.store.name}: レジに未送信の会計が
          {s.unsentCount}件あります。レジを通信できる状態にしてください。{' '}
          <a href={`/report?${dayQuery(s.store.code, s.today)}`}>日報を見る</a>
        </li>
      )),
  ];
  if (items.length === 0)
    return <p data-testid="attention">対応が必要な営業日はありません(直近{chartDays}日)。</p>;
  return (
    <ul class="attention" data-testid="attention">
      {items}
    </ul>
  );
}

const css = `
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:bold}
.badge-warn{background:#fff1d6;color:#7a4b00}.badge-bad{background:#fdecee;color:#8a1020}
ul.attention{padding-left:18px} ul.attention li{margin:6px 0}
.sales-chart{max-width:100%;height:auto;background:#fff;border:1px solid #d6d9de}
`;

export function topRoutes(app: Hono<AppEnv>): void {
  app.get('/', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const services = c.get('app');
    const company = await services.tenancy.read.findCompanyById(principal.companyId);
    const stores = await services.tenancy.read.listStores(principal.companyId);
    const data = await loadTopData(services, reportActorOf(principal), stores);
    return c.html(
      <Layout title="TOP" principal={principal} section="top">
        <style>{css}</style>
        <h1>
          TOP — {company?.name}({company?.code})
        </h1>
        <h2>今日の売上(ここまで)</h2>
        {stores.length === 0 ? (
          <p>
            店舗が登録されていません。<a href="/admin/settings">運用管理設定</a>
            で店舗を登録してください。
          </p>
        ) : (
          <TodayTable rows={data.stores} />
        )}
        <h2>対応が必要なこと</h2>
        <Attention data={data} />
        <h2>直近{chartDays}日の売上等(全店舗)</h2>
        <SalesChart days={data.chart} />
        <h2>メニュー</h2>
        <ul class="menu">
          <li>
            <a href="/days/checkouts">会計一覧</a>
          </li>
          <li>
            <a href="/days/close">閉局(レジ締め)</a>
          </li>
          <li>
            <a href="/report">日報を見る</a>
          </li>
          <li>
            <a href="/report/month">月報を見る</a>
          </li>
          <li>
            <a href="/integrations">freee連携の結果を見る</a>
          </li>
          <li>
            <a href="/admin/settings">運用管理設定</a>
          </li>
        </ul>
      </Layout>,
    );
  });
  app.get('/admin', (c) => c.redirect('/admin/settings'));
}
