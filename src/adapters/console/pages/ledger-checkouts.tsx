// 会計一覧: the checkouts of a store's business date (latest revisions) with status, total and
// payments; filter by status; 1,000 per page.
import type { Hono } from 'hono';
import {
  checkoutStatuses,
  type Checkout,
  type CheckoutStatus,
} from '../../../domain/ledger/types.js';
import type { AppEnv } from '../../http/context.js';
import { actorOf } from '../../http/actors.js';
import { Layout } from '../layout.js';
import { consoleStaff, errorsByPath } from '../session.js';
import { dayQuery, DayPicker, statusLabels, timeIn, todayIn, yen } from './ledger-format.js';

/** Rows show in the order the checkouts started (the API pages by id). */
const startedMs = (document: unknown) => Date.parse((document as Checkout).startedAt);

export function ledgerCheckoutRoutes(app: Hono<AppEnv>): void {
  app.get('/days', (c) => c.redirect('/days/checkouts'));
  app.get('/days/checkouts', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const services = c.get('app');
    const stores = await services.tenancy.read.listStores(principal.companyId);
    const store = stores.find((s) => s.code === c.req.query('store')) ?? stores[0];
    const status = c.req.query('status') ?? '';
    if (!store) {
      return c.html(
        <Layout title="会計一覧" principal={principal} section="top">
          <h1>会計一覧</h1>
          <p>店舗が登録されていません。</p>
        </Layout>,
      );
    }
    const businessDate = c.req.query('date') || todayIn(store.timeZone, services.clock.now());
    const methodNames = new Map(
      (await services.tenancy.read.listPaymentMethods(principal.companyId)).map((m) => [
        m.code,
        m.name,
      ]),
    );
    let page;
    try {
      page = await c.get('app').ledger.listDayCheckouts(actorOf(principal), {
        storeCode: store.code,
        businessDate,
        status: status || undefined,
        afterId: c.req.query('after'),
      });
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return c.html(
        <Layout title="会計一覧" principal={principal} section="top">
          <h1>会計一覧</h1>
          <div class="alert" role="alert">
            {shown.message}
          </div>
          <DayPicker
            action="/days/checkouts"
            stores={stores}
            storeCode={store.code}
            businessDate={businessDate}
            status={status}
          />
        </Layout>,
        400,
      );
    }
    const counts = new Map<CheckoutStatus, number>();
    for (const item of page.items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
    return c.html(
      <Layout title="会計一覧" principal={principal} section="top">
        <h1>
          会計一覧 — {store.name}({store.code}) {businessDate}
        </h1>
        <DayPicker
          action="/days/checkouts"
          stores={stores}
          storeCode={store.code}
          businessDate={businessDate}
          status={status}
        />
        <p>
          <a class="button" href={`/days/close?${dayQuery(store.code, businessDate)}`}>
            この営業日を閉局する
          </a>
        </p>
        <p>
          表示中 {page.items.length} 件
          {checkoutStatuses
            .filter((s) => counts.has(s))
            .map((s) => ` / ${statusLabels[s]} ${counts.get(s)}件`)
            .join('')}
        </p>
        <table>
          <thead>
            <tr>
              <th>会計ID</th>
              <th>端末</th>
              <th>状態</th>
              <th>完了日時</th>
              <th>客数</th>
              <th>合計</th>
              <th>支払い</th>
              <th>版</th>
            </tr>
          </thead>
          <tbody>
            {[...page.items]
              .sort((a, b) => startedMs(a.document) - startedMs(b.document))
              .map((item) => {
                const checkout = item.document as Checkout;
                return (
                  <tr data-status={item.status}>
                    <td>{item.checkoutId}</td>
                    <td>{item.registerCode}</td>
                    <td>
                      {statusLabels[item.status]}
                      {checkout.redoes ? `(${checkout.redoes} のやり直し)` : ''}
                    </td>
                    <td>{timeIn(store.timeZone, item.completedAt)}</td>
                    <td class="num">{checkout.customerCount}</td>
                    <td class="num">{yen(item.totalYen)}</td>
                    <td>
                      {checkout.payments
                        .map((p) => `${methodNames.get(p.method) ?? p.method} ${yen(p.amount)}`)
                        .join(' / ')}
                    </td>
                    <td class="num">{item.revision}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
        {page.items.length === 0 ? <p>該当する会計はありません。</p> : null}
        {page.nextAfterId ? (
          <p>
            <a
              href={`/days/checkouts?${dayQuery(store.code, businessDate)}&status=${encodeURIComponent(status)}&after=${encodeURIComponent(page.nextAfterId)}`}
            >
              次のページ
            </a>
          </p>
        ) : null}
      </Layout>,
    );
  });
}
