// 会計一覧: the checkouts of a store's business date (latest revisions) with status, total and
// payments; filter by status; 1,000 per page.
import type { Context, Hono } from 'hono';
import type { App } from '../../../app/app.js';
import type { Store } from '../../../app/tenancy/model.js';
import {
  checkoutStatuses,
  type Checkout,
  type CheckoutStatus,
} from '../../../domain/ledger/types.js';
import type { AppEnv } from '../../http/context.js';
import { actorOf } from '../../http/actors.js';
import { Layout } from '../layout.js';
import { dateHeading } from '../dates.js';
import { consoleStaff, errorsByPath, type StaffPrincipal, storeNamed } from '../session.js';
import { dayQuery, DayPicker, statusLabels, timeIn, todayIn, yen } from './ledger-format.js';

/** Rows show in the order the checkouts started (the API pages by id). */
const startedMs = (document: unknown) => Date.parse((document as Checkout).startedAt);

type DayCheckoutsPage = Awaited<ReturnType<App['ledger']['listDayCheckouts']>>;

interface ListView {
  principal: StaffPrincipal;
  stores: Store[];
  store: Store;
  businessDate: string;
  status: string;
}

function CheckoutRows(props: {
  store: Store;
  businessDate: string;
  status: string;
  page: DayCheckoutsPage;
  methodNames: ReadonlyMap<string, string>;
}) {
  const detail = (id: string) =>
    `/days/checkouts/${encodeURIComponent(id)}?${dayQuery(props.store.code, props.businessDate)}${props.status ? `&status=${encodeURIComponent(props.status)}` : ''}`;
  const completed = props.page.items.filter((item) => item.status === 'completed');
  return (
    <tbody>
      {[...props.page.items]
        .sort((a, b) => startedMs(a.document) - startedMs(b.document))
        .map((item) => {
          const checkout = item.document as Checkout;
          return (
            <tr data-status={item.status}>
              <td>
                <a href={detail(item.checkoutId)}>{item.checkoutId}</a>
              </td>
              <td>{item.registerCode}</td>
              <td>
                {statusLabels[item.status]}
                {checkout.redoes ? `(${checkout.redoes} のやり直し)` : ''}
              </td>
              <td>{timeIn(props.store.timeZone, item.completedAt)}</td>
              <td class="num">{checkout.customerCount}</td>
              <td class="num">{yen(item.totalYen)}</td>
              <td>
                {checkout.payments
                  .map((p) => `${props.methodNames.get(p.method) ?? p.method} ${yen(p.amount)}`)
                  .join(' / ')}
              </td>
              <td class="num">{item.revision}</td>
            </tr>
          );
        })}
      <tr class="total" data-row="total">
        <th colspan={4}>合計(会計完了 {completed.length}件)</th>
        <td class="num">
          {completed.reduce((sum, item) => sum + (item.document as Checkout).customerCount, 0)}
        </td>
        <td class="num">{yen(completed.reduce((sum, item) => sum + item.totalYen, 0))}</td>
        <td colspan={2}></td>
      </tr>
    </tbody>
  );
}

function CheckoutsPage(
  props: ListView & { page: DayCheckoutsPage; methodNames: ReadonlyMap<string, string> },
) {
  const { store, businessDate, status, page } = props;
  const counts = new Map<CheckoutStatus, number>();
  for (const item of page.items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  return (
    <Layout title="会計一覧" principal={props.principal} section="top">
      <h1>
        会計一覧 — {store.name}({store.code}) {dateHeading(businessDate)}
      </h1>
      <DayPicker
        action="/days/checkouts"
        stores={props.stores}
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
        <CheckoutRows
          store={store}
          businessDate={businessDate}
          status={status}
          page={page}
          methodNames={props.methodNames}
        />
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
    </Layout>
  );
}

function RefusedPage(props: ListView & { message: string }) {
  return (
    <Layout title="会計一覧" principal={props.principal} section="top">
      <h1>会計一覧</h1>
      <div class="alert" role="alert">
        {props.message}
      </div>
      <DayPicker
        action="/days/checkouts"
        stores={props.stores}
        storeCode={props.store.code}
        businessDate={props.businessDate}
        status={props.status}
      />
    </Layout>
  );
}

async function checkoutsPage(c: Context<AppEnv>, principal: StaffPrincipal) {
  const app = c.get('app');
  const stores = await app.tenancy.read.listStores(principal.companyId);
  const store = storeNamed(stores, c.req.query('store'));
  const status = c.req.query('status') ?? '';
  if (!store) {
    return c.html(
      <Layout title="会計一覧" principal={principal} section="top">
        <h1>会計一覧</h1>
        <p>店舗が登録されていません。</p>
      </Layout>,
    );
  }
  const businessDate = c.req.query('date') || todayIn(store.timeZone, app.clock.now());
  const view: ListView = { principal, stores, store, businessDate, status };
  const methodNames = new Map(
    (await app.tenancy.read.listPaymentMethods(principal.companyId)).map((m) => [m.code, m.name]),
  );
  let page;
  try {
    page = await app.ledger.listDayCheckouts(actorOf(principal), {
      storeCode: store.code,
      businessDate,
      status: status || undefined,
      afterId: c.req.query('after'),
    });
  } catch (error) {
    const shown = errorsByPath(error);
    if (!shown) throw error;
    return c.html(<RefusedPage {...view} message={shown.message} />, 400);
  }
  return c.html(<CheckoutsPage {...view} page={page} methodNames={methodNames} />);
}

export function ledgerCheckoutRoutes(app: Hono<AppEnv>): void {
  app.get('/days', (c) => c.redirect('/days/checkouts'));
  app.get('/days/checkouts', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return checkoutsPage(c, principal);
  });
}
