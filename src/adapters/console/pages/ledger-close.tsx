// 閉局: enter the float (釣銭準備金) and the counted cash (実際のレジ内現金), see the expected cash and
// the difference BEFORE confirming, then 閉局 records a new version (history below the form).
//   GET  /days/close?store=&date=           form + versions
//   POST /days/close/preview                 expected cash and difference, confirm button
//   POST /days/close                         closeDay, then back to the form with a notice
import type { Context, Hono } from 'hono';
import type { ClosePreview } from '../../../app/ledger/close-day.js';
import type { DayCloseRecord } from '../../../app/ledger/model.js';
import type { Store } from '../../../app/tenancy/model.js';
import type { AppError } from '../../../app/errors.js';
import { validationError } from '../../../app/errors.js';
import type { AppEnv } from '../../http/context.js';
import { parseYenFields } from '../form-parsing.js';
import { actorOf } from '../../http/actors.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import { dateHeading } from '../dates.js';
import {
  consoleStaff,
  errorsByPath,
  readForm,
  type StaffPrincipal,
  storeNamed,
} from '../session.js';
import { dayQuery, DayPicker, timeIn, todayIn, yen } from './ledger-format.js';

interface CloseForm {
  float: string;
  countedCash: string;
}

const closeFieldLabels = { float: '釣銭準備金', countedCash: '実際のレジ内現金' };

function Versions(props: { closes: DayCloseRecord[]; store: Store }) {
  if (props.closes.length === 0) return <p>この営業日はまだ閉局していません。</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>版</th>
          <th>閉局日時</th>
          <th>釣銭準備金</th>
          <th>予定現金</th>
          <th>実際の現金</th>
          <th>差異</th>
          <th>売上等</th>
          <th>担当</th>
        </tr>
      </thead>
      <tbody>
        {props.closes.map((close) => (
          <tr data-version={close.version}>
            <td class="num">第{close.version}版</td>
            <td>{timeIn(props.store.timeZone, close.closedAt)}</td>
            <td class="num">{yen(close.floatYen)}</td>
            <td class="num">{yen(close.expectedCashYen)}</td>
            <td class="num">{yen(close.countedCashYen)}</td>
            <td class="num">{yen(close.differenceYen)}</td>
            <td class="num">{yen(close.report.salesTotal)}</td>
            <td>{close.closedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ClosePage(props: {
  principal: StaffPrincipal;
  stores: Store[];
  store: Store;
  businessDate: string;
  closes: DayCloseRecord[];
  values: CloseForm;
  notice?: string;
  error?: string;
  fields?: Record<string, string>;
}) {
  const fields = props.fields ?? {};
  return (
    <Layout title="閉局" principal={props.principal} section="top">
      <h1>
        閉局 — {props.store.name}({props.store.code}) {dateHeading(props.businessDate)}
      </h1>
      {props.notice ? (
        <div class="notice" role="status">
          {props.notice}
        </div>
      ) : null}
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      <DayPicker
        action="/days/close"
        stores={props.stores}
        storeCode={props.store.code}
        businessDate={props.businessDate}
      />
      <form
        class="card"
        method="post"
        action={`/days/close/preview?${dayQuery(props.store.code, props.businessDate)}`}
      >
        <CsrfField principal={props.principal} />
        <label for="float">釣銭準備金(円)</label>
        <input id="float" name="float" inputmode="numeric" value={props.values.float} />
        <FieldErrorText errors={fields} path="float" />
        <label for="countedCash">実際のレジ内現金(円)</label>
        <input
          id="countedCash"
          name="countedCash"
          inputmode="numeric"
          value={props.values.countedCash}
        />
        <FieldErrorText errors={fields} path="countedCash" />
        <p>
          <button type="submit">確認する</button>{' '}
          <a href={`/days/checkouts?${dayQuery(props.store.code, props.businessDate)}`}>
            会計一覧へ
          </a>
        </p>
      </form>
      <h2>閉局の履歴</h2>
      <Versions closes={props.closes} store={props.store} />
    </Layout>
  );
}

type PreviewReport = ClosePreview['report'];

/** The figures of the day to be closed: sales, the cash movements, the expected and the counted cash. */
function CloseFigures(props: { report: PreviewReport; cash: NonNullable<PreviewReport['cash']> }) {
  const { report, cash } = props;
  const cashSales = cash.expected - cash.float - report.cashIn.amount + report.cashOut.amount;
  const differenceLabel =
    cash.difference === 0 ? '過不足なし' : cash.difference > 0 ? '過剰' : '不足';
  return (
    <div class="card">
      <table>
        <tbody>
          <tr>
            <th>売上等</th>
            <td class="num">{yen(report.salesTotal)}</td>
          </tr>
          <tr>
            <th>会計数</th>
            <td class="num">{report.checkoutCount}</td>
          </tr>
          <tr>
            <th>釣銭準備金</th>
            <td class="num" data-testid="float">
              {yen(cash.float)}
            </td>
          </tr>
          <tr>
            <th>現金売上</th>
            <td class="num">{yen(cashSales)}</td>
          </tr>
          <tr>
            <th>レジ入金</th>
            <td class="num">{yen(report.cashIn.amount)}</td>
          </tr>
          <tr>
            <th>レジ出金</th>
            <td class="num">{yen(report.cashOut.amount)}</td>
          </tr>
          <tr>
            <th>予定現金</th>
            <td class="num" data-testid="expected">
              {yen(cash.expected)}
            </td>
          </tr>
          <tr>
            <th>実際の現金</th>
            <td class="num" data-testid="counted">
              {yen(cash.counted)}
            </td>
          </tr>
          <tr>
            <th>現金差異</th>
            <td class="num" data-testid="difference">
              {yen(cash.difference)}({differenceLabel})
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** What closing now does to the versions: nothing new (same as the latest) or a next version. */
function NextVersionNotice(props: { preview: ClosePreview }) {
  const { latest, sameAsLatest } = props.preview;
  return sameAsLatest && latest ? (
    <div class="notice">
      最新の第{latest.version}版と同じ内容です。閉局しても新しい版は作られません。
    </div>
  ) : latest ? (
    <div class="notice">
      第{latest.version}版の閉局があります。閉局すると第{latest.version + 1}
      版として記録し、以前の版も残ります。
    </div>
  ) : null;
}

function ConfirmPage(props: {
  principal: StaffPrincipal;
  store: Store;
  businessDate: string;
  preview: ClosePreview;
  values: { float: number; countedCash: number };
}) {
  const { report } = props.preview;
  const cash = report.cash;
  if (!cash) throw new Error('a preview has cash figures');
  return (
    <Layout title="閉局の確認" principal={props.principal} section="top">
      <h1>
        閉局の確認 — {props.store.name}({props.store.code}) {dateHeading(props.businessDate)}
      </h1>
      <CloseFigures report={report} cash={cash} />
      <NextVersionNotice preview={props.preview} />
      <form
        class="card"
        method="post"
        action={`/days/close?${dayQuery(props.store.code, props.businessDate)}`}
      >
        <CsrfField principal={props.principal} />
        <input type="hidden" name="float" value={String(props.values.float)} />
        <input type="hidden" name="countedCash" value={String(props.values.countedCash)} />
        <p>
          <button type="submit">閉局する</button>{' '}
          <a
            href={`/days/close?${dayQuery(props.store.code, props.businessDate)}&float=${props.values.float}&countedCash=${props.values.countedCash}`}
          >
            修正する
          </a>
        </p>
      </form>
    </Layout>
  );
}

async function dayOf(c: Context<AppEnv>, principal: StaffPrincipal) {
  const services = c.get('app');
  const stores = await services.tenancy.read.listStores(principal.companyId);
  const use = c.req.method === 'POST' ? 'write' : 'page';
  const store = storeNamed(stores, c.req.query('store'), use);
  const businessDate =
    c.req.query('date') || (store ? todayIn(store.timeZone, services.clock.now()) : '');
  return { stores, store, businessDate };
}

async function renderForm(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  extra: {
    values?: CloseForm;
    notice?: string;
    error?: string;
    fields?: Record<string, string>;
    status?: 200 | 400 | 409;
  },
) {
  const { stores, store, businessDate } = await dayOf(c, principal);
  if (!store)
    return c.html(
      <Layout title="閉局" principal={principal} section="top">
        <h1>閉局</h1>
        <p>店舗が登録されていません。</p>
      </Layout>,
    );
  let closes: DayCloseRecord[] = [];
  let error = extra.error;
  try {
    closes = await c.get('app').ledger.listCloses(actorOf(principal), {
      storeCode: store.code,
      businessDate,
    });
  } catch (caught) {
    const shown = errorsByPath(caught);
    if (!shown) throw caught;
    error ??= shown.message;
  }
  const latest = closes[closes.length - 1];
  const values = extra.values ?? {
    float: c.req.query('float') ?? String(latest?.floatYen ?? ''),
    countedCash: c.req.query('countedCash') ?? '',
  };
  return c.html(
    <ClosePage
      principal={principal}
      stores={stores}
      store={store}
      businessDate={businessDate}
      closes={closes}
      values={values}
      notice={extra.notice}
      error={error}
      fields={extra.fields}
    />,
    extra.status ?? 200,
  );
}

/** The form's amounts again, for the page shown after a refusal. */
async function closeForm(c: Context<AppEnv>, principal: StaffPrincipal) {
  const form = await readForm(c, principal);
  const values = { float: form.float ?? '', countedCash: form.countedCash ?? '' };
  const { store, businessDate } = await dayOf(c, principal);
  const parsed = parseYenFields(values, closeFieldLabels);
  const request = {
    storeCode: store?.code ?? '',
    businessDate,
    float: parsed.values.float,
    countedCash: parsed.values.countedCash,
  };
  return { values, store, businessDate, request, fieldErrors: parsed.errors };
}

/** Amounts the form could not read: the form again with each field's message, nothing recorded. */
function unreadable(fields: Record<string, string>): AppError | null {
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  return validationError(
    entries.map(([path, message]) => ({ path, message })),
    entries.map(([, message]) => message).join(' '),
  );
}

/** A refusal the page can show (field errors, Japanese message) → the form again with 400. */
function refused(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  values: { float: string; countedCash: string },
  error: unknown,
) {
  const shown = errorsByPath(error);
  if (!shown) throw error;
  return renderForm(c, principal, {
    values,
    error: shown.message,
    fields: shown.fields,
    status: 400,
  });
}

async function previewPage(c: Context<AppEnv>, principal: StaffPrincipal) {
  const { values, store, businessDate, request, fieldErrors } = await closeForm(c, principal);
  try {
    const problem = unreadable(fieldErrors);
    if (problem) throw problem;
    const preview = await c.get('app').ledger.previewClose(actorOf(principal), request);
    if (!store) throw new Error('previewClose found the store');
    return c.html(
      <ConfirmPage
        principal={principal}
        store={store}
        businessDate={businessDate}
        preview={preview}
        values={{ float: request.float ?? 0, countedCash: request.countedCash ?? 0 }}
      />,
    );
  } catch (error) {
    return refused(c, principal, values, error);
  }
}

async function closeAndRedirect(c: Context<AppEnv>, principal: StaffPrincipal) {
  const { values, store, businessDate, request, fieldErrors } = await closeForm(c, principal);
  try {
    const problem = unreadable(fieldErrors);
    if (problem) throw problem;
    const { close, created } = await c.get('app').ledger.closeDay(actorOf(principal), request);
    return c.redirect(
      `/days/close?${dayQuery(store?.code ?? '', businessDate)}&closed=${close.version}&created=${created ? 1 : 0}`,
      303,
    );
  } catch (error) {
    return refused(c, principal, values, error);
  }
}

export function ledgerCloseRoutes(app: Hono<AppEnv>): void {
  app.get('/days/close', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const version = c.req.query('closed');
    const notice = version
      ? c.req.query('created') === '1'
        ? `第${version}版として閉局しました。`
        : `最新の第${version}版と同じ内容のため、新しい版は作りませんでした。`
      : undefined;
    return renderForm(c, principal, notice ? { notice } : {});
  });
  app.post('/days/close/preview', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return previewPage(c, principal);
  });
  app.post('/days/close', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return closeAndRedirect(c, principal);
  });
}
