// 会計一覧 > one checkout: its lines (値引き), the order discount, sales and tax per rate, the tenders,
// the change handed out (お釣り, 金券等釣り, 金券等差額), its status and revision, and its receipt once
// receipts exist. The figures are the domain's (spec §2) over the stored latest revision.
//   GET /days/checkouts/:id?store=&date=
import type { Context, Hono } from 'hono';
import type { StoredCheckout } from '../../../app/ledger/model.js';
import type { Store } from '../../../app/tenancy/model.js';
import { computeCheckoutMath, type CheckoutMath } from '../../../domain/ledger/checkout-math.js';
import { indexPaymentMethods } from '../../../domain/ledger/payment-methods.js';
import { salesTaxCategories, type Checkout } from '../../../domain/ledger/types.js';
import type { AppEnv } from '../../http/context.js';
import { actorOf } from '../../http/actors.js';
import { dateHeading } from '../dates.js';
import { Layout } from '../layout.js';
import { consoleStaff, errorsByPath, type StaffPrincipal } from '../session.js';
import { taxCategoryLabels } from './report-view.js';
import { consoleNotFound } from './not-found.js';
import { dayQuery, statusLabels, timeIn, yen } from './ledger-format.js';
import {
  consoleReceiptActor,
  ReceiptSection,
  type ReceiptSectionProps,
} from './register/receipt-issues.js';

const detailPagesMax = 50;

function Lines(props: { checkout: Checkout; math: CheckoutMath | null }) {
  const { checkout, math } = props;
  return (
    <table data-testid="checkout-lines">
      <thead>
        <tr>
          <th>商品</th>
          <th>税区分</th>
          <th>数量</th>
          <th>単価</th>
          <th>値引き</th>
          <th>金額</th>
        </tr>
      </thead>
      <tbody>
        {checkout.lines.map((line, index) => (
          <tr>
            <td>{line.name}</td>
            <td>{taxCategoryLabels[line.taxCategory]}</td>
            <td class="num">{line.quantity}</td>
            <td class="num">{yen(line.unitPrice)}</td>
            <td class="num">{line.discount ? yen(line.discount) : ''}</td>
            <td class="num">{yen(math?.totals.lineAmountsYen[index] ?? 0)}</td>
          </tr>
        ))}
        {checkout.orderDiscount ? (
          <tr>
            <td colspan={5}>全体割引</td>
            <td class="num">{yen(-checkout.orderDiscount)}</td>
          </tr>
        ) : null}
        {math ? (
          <tr class="total" data-row="total">
            <th colspan={5}>合計</th>
            <td class="num">{yen(math.totals.totalYen)}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

function TaxRows(props: { math: CheckoutMath }) {
  const t = props.math.totals;
  return (
    <table data-testid="checkout-tax">
      <thead>
        <tr>
          <th>税率</th>
          <th>売上</th>
          <th>うち税</th>
        </tr>
      </thead>
      <tbody>
        {salesTaxCategories
          .filter((c) => t.salesYen[c] !== 0)
          .map((c) => (
            <tr>
              <td>{taxCategoryLabels[c]}</td>
              <td class="num">{yen(t.salesYen[c])}</td>
              <td class="num">{yen(t.taxYen[c])}</td>
            </tr>
          ))}
        {t.nonSalesYen !== 0 ? (
          <tr>
            <td>{taxCategoryLabels.nonSales}</td>
            <td class="num">{yen(t.nonSalesYen)}</td>
            <td class="num"></td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

function Tenders(props: {
  checkout: Checkout;
  math: CheckoutMath | null;
  names: ReadonlyMap<string, string>;
}) {
  const tenders = props.math?.tenders;
  return (
    <table data-testid="checkout-tenders">
      <tbody>
        {props.checkout.payments.map((p) => (
          <tr>
            <th>{props.names.get(p.method) ?? p.method}</th>
            <td class="num">{yen(p.amount)}</td>
          </tr>
        ))}
        {tenders ? (
          <>
            <tr data-row="cashChange">
              <th>お釣り(現金)</th>
              <td class="num">{yen(tenders.cashChangeYen)}</td>
            </tr>
            {tenders.voucherChangeYen !== 0 ? (
              <tr data-row="voucherChange">
                <th>金券等釣り</th>
                <td class="num">{yen(tenders.voucherChangeYen)}</td>
              </tr>
            ) : null}
            {tenders.shortYen !== 0 ? (
              <tr data-row="voucherShortfall">
                <th>金券等差額</th>
                <td class="num">{yen(tenders.shortYen)}</td>
              </tr>
            ) : null}
          </>
        ) : null}
      </tbody>
    </table>
  );
}

function DetailPage(props: {
  principal: StaffPrincipal;
  store: Store;
  item: StoredCheckout;
  math: CheckoutMath | null;
  names: ReadonlyMap<string, string>;
  back: string;
  receipts: ReceiptSectionProps;
}) {
  const checkout = props.item.document as Checkout;
  const zone = props.store.timeZone;
  return (
    <Layout title="会計の詳細" principal={props.principal} section="top">
      <h1>
        会計 {props.item.checkoutId} — {props.store.name} {dateHeading(props.item.businessDate)}
      </h1>
      <p>
        <a href={props.back}>会計一覧に戻る</a>
      </p>
      <table data-testid="checkout-summary">
        <tbody>
          <tr>
            <th>状態</th>
            <td>
              {statusLabels[props.item.status]}
              {checkout.redoes ? `(${checkout.redoes} のやり直し)` : ''}(第{props.item.revision}
              版、受信 {timeIn(zone, props.item.receivedAt)})
            </td>
          </tr>
          <tr>
            <th>端末</th>
            <td>{props.item.registerCode}</td>
          </tr>
          <tr>
            <th>開始 / 完了</th>
            <td>
              {timeIn(zone, new Date(checkout.startedAt))} /{' '}
              {timeIn(zone, props.item.completedAt) || '—'}
            </td>
          </tr>
          <tr>
            <th>客数</th>
            <td>{checkout.customerCount}</td>
          </tr>
        </tbody>
      </table>
      <h2>明細</h2>
      <Lines checkout={checkout} math={props.math} />
      {props.math ? <TaxRows math={props.math} /> : null}
      <h2>支払い</h2>
      <Tenders checkout={checkout} math={props.math} names={props.names} />
      <h2>レシート</h2>
      <ReceiptSection {...props.receipts} />
    </Layout>
  );
}

async function findCheckout(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  query: { storeCode: string; businessDate: string; checkoutId: string },
): Promise<StoredCheckout | null> {
  let afterId: string | undefined;
  for (let pageNo = 0; pageNo < detailPagesMax; pageNo += 1) {
    const page = await c
      .get('app')
      .ledger.listDayCheckouts(actorOf(principal), { ...query, afterId });
    const found = page.items.find((item) => item.checkoutId === query.checkoutId);
    if (found) return found;
    if (!page.nextAfterId) return null;
    afterId = page.nextAfterId;
  }
  return null;
}

export function ledgerCheckoutDetailRoutes(app: Hono<AppEnv>): void {
  app.get('/days/checkouts/:id', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const services = c.get('app');
    const stores = await services.tenancy.read.listStores(principal.companyId);
    const store = stores.find((s) => s.code === c.req.query('store'));
    const businessDate = c.req.query('date') ?? '';
    if (!store) return consoleNotFound(c);
    let item: StoredCheckout | null;
    try {
      item = await findCheckout(c, principal, {
        storeCode: store.code,
        businessDate,
        checkoutId: c.req.param('id'),
      });
    } catch (error) {
      if (!errorsByPath(error)) throw error;
      return consoleNotFound(c);
    }
    if (!item) return consoleNotFound(c);
    const methods = await services.tenancy.read.listPaymentMethods(principal.companyId);
    const company = await services.tenancy.read.findCompanyById(principal.companyId);
    let math: CheckoutMath | null;
    try {
      math = computeCheckoutMath(
        item.document as Checkout,
        indexPaymentMethods(methods),
        company?.roundingMode ?? 'floor',
      );
    } catch {
      math = null;
    }
    const back = `/days/checkouts?${dayQuery(store.code, businessDate)}${c.req.query('status') ? `&status=${encodeURIComponent(c.req.query('status') ?? '')}` : ''}`;
    const names = new Map(methods.map((m) => [m.code, m.name]));
    const receipts: ReceiptSectionProps = {
      principal,
      checkoutId: item.checkoutId,
      storeCode: store.code,
      businessDate,
      timeZone: store.timeZone,
      issues: await services.register.receiptIssues(
        consoleReceiptActor(principal),
        item.checkoutId,
      ),
      printable:
        item.completedAt !== null && ['completed', 'cancelled', 'redone'].includes(item.status),
      refusal: c.req.query('receiptError'),
    };
    return c.html(
      <DetailPage
        principal={principal}
        store={store}
        item={item}
        math={math}
        names={names}
        back={back}
        receipts={receipts}
      />,
    );
  });
}
