// 日報 (console): pick a store and a business date; every row in Japanese in seed 002's order, the
// hourly bar chart, the tax-rate breakdowns, the printer-faithful preview (the receiptline SVG the
// printer's bytes come from) and 印刷 (a print job; its status, reason and 再印刷 are listed).
//   GET  /report?store=&date=[&printed=…]     the page
//   POST /report/print?store=&date=           queue a print job ({version} for 再印刷 of a close version)
//   GET  /report/settings?store=              日報の設定 (title, hourly, tax breakdowns)
//   POST /report/settings?store=              save them
import type { App } from '../../../app/app.js';
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { type ReportView } from '../../../app/report/daily-report.js';
import type { PrintJobRecord } from '../../../app/report/ports.js';
import { businessDateIn as calendarDateIn } from '../../../domain/calendar/store-zone.js';
import type { Store } from '../../../app/tenancy/model.js';
import type { AppEnv } from '../../http/context.js';
import { actorOf, reportActorOf } from '../../http/actors.js';
import type { DayCloseRecord } from '../../../app/ledger/model.js';
import { CsrfField, Layout } from '../layout.js';
import { dateHeading, eraHeading, instantCell } from '../dates.js';
import { BreakdownNotes, DayState } from './report-notes.js';
import {
  consoleStaff,
  errorsByPath,
  readForm,
  type StaffPrincipal,
  storeNamed,
} from '../session.js';
import { HourlyChart } from './report-chart.js';
import { reportSettingsRoutes } from './report-settings.js';
import { dailyReportCsvRows } from './report-csv.js';
import { csvEncodingOf, csvResponse } from '../csv.js';
import {
  HourlyTable,
  PrintJobsTable,
  ReportRows,
  TaxPaymentMethodsTable,
  TaxSalesTable,
} from './report-view.js';

const css = `
.report-grid{display:grid;grid-template-columns:minmax(0,1fr) 600px;gap:20px;align-items:start}
.report-rows th{width:60%}
.receipt-preview{background:#fff;border:1px solid #d6d9de;padding:8px;overflow:auto;max-height:1400px}
.receipt-preview svg{max-width:100%;height:auto}
.hourly-chart{background:#fff;border:1px solid #d6d9de;max-width:100%;height:auto}
.picker{display:flex;gap:16px;align-items:flex-end;flex-wrap:wrap}
.picker label{margin:0 0 4px}.picker input,.picker select{min-width:180px}
form.inline{display:inline}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-size:13px;font-weight:bold}
.badge-ok{background:#e3f1e6;color:#1d5e2c}.badge-warn{background:#fff1d6;color:#7a4b00}
tr.total th,tr.total td{font-weight:bold;background:#f3f5f8}
@media (max-width:1200px){.report-grid{grid-template-columns:1fr}}
`;

export const dayQuery = (storeCode: string, businessDate: string) =>
  `store=${encodeURIComponent(storeCode)}&date=${encodeURIComponent(businessDate)}`;

function Picker(props: { stores: Store[]; store: Store; businessDate: string }) {
  return (
    <form class="card picker" method="get" action="/report">
      <div>
        <label for="store">店舗</label>
        <select id="store" name="store">
          {props.stores.map((s) => (
            <option
              value={s.code}
              selected={s.code === props.store.code}
            >{`${s.name}(${s.code})`}</option>
          ))}
        </select>
      </div>
      <div>
        <label for="date">営業日</label>
        <input id="date" name="date" type="date" value={props.businessDate} />
      </div>
      <div>
        <button type="submit">表示</button>
      </div>
      <div>
        <a href={`/report/settings?store=${encodeURIComponent(props.store.code)}`}>日報の設定</a>
        {' ・ '}
        <a
          href={`/report/month?store=${encodeURIComponent(props.store.code)}&month=${props.businessDate.slice(0, 7)}`}
          id="month-link"
        >
          月報
        </a>
        {' ・ CSV: '}
        <a
          href={`/report?${dayQuery(props.store.code, props.businessDate)}&format=csv&encoding=utf8bom`}
          id="csv-utf8"
        >
          UTF-8(BOM付き)
        </a>{' '}
        <a
          href={`/report?${dayQuery(props.store.code, props.businessDate)}&format=csv&encoding=sjis`}
          id="csv-sjis"
        >
          Shift_JIS
        </a>
      </div>
    </form>
  );
}

function PrintCard(props: {
  principal: StaffPrincipal;
  store: Store;
  businessDate: string;
  jobs: PrintJobRecord[];
}) {
  const action = `/report/print?${dayQuery(props.store.code, props.businessDate)}`;
  const timeOf = (instant: Date) => instantCell(props.store.timeZone, instant);
  return (
    <div class="card">
      <h2 style="margin-top:0">印刷</h2>
      {props.store.printer ? (
        <p>
          プリンター: {props.store.printer.host}:{props.store.printer.port}(
          {props.store.printer.kind === 'escpos' ? 'ESC/POS' : 'StarPRNT'})
        </p>
      ) : (
        <p>この店舗にはレシートプリンターが設定されていません(運用管理設定 &gt; 店舗)。</p>
      )}
      <form method="post" action={action}>
        <CsrfField principal={props.principal} />
        <button type="submit" id="print-button">
          印刷
        </button>
      </form>
      <PrintJobsTable
        jobs={props.jobs}
        timeOf={timeOf}
        reprint={(job) => (
          <form class="inline" method="post" action={action}>
            <CsrfField principal={props.principal} />
            {job.closeVersion !== null ? (
              <input type="hidden" name="version" value={String(job.closeVersion)} />
            ) : null}
            <button type="submit" class="reprint">
              再印刷
            </button>
          </form>
        )}
      />
    </div>
  );
}

function ReportBody(props: { view: ReportView; previewSvg: string; closes: DayCloseRecord[] }) {
  const { report, settings } = props.view;
  return (
    <>
      <DayState report={report} closes={props.closes} timeZone={props.view.store.timeZone} />
      <div class="report-grid">
        <div>
          <ReportRows report={report} title={settings.title} />
        </div>
        <div>
          <h2 style="margin-top:0">印刷プレビュー</h2>
          <div
            class="receipt-preview"
            data-testid="receipt-preview"
            tabindex={0}
            role="region"
            aria-label="印刷プレビュー"
          >
            {raw(props.previewSvg)}
          </div>
        </div>
      </div>
      <h2>1時間ごとの売上</h2>
      {settings.hourly.enabled ? null : <p>(日報の設定で印刷はオフです)</p>}
      <HourlyChart hourly={report.hourly} />
      <HourlyTable report={report} settings={settings} />
      <h2>税率ごとの内訳【売上・純売上・税】</h2>
      {settings.taxBreakdown.sales ? null : <p>(日報の設定で印刷はオフです)</p>}
      <TaxSalesTable report={report} />
      <h2>税率ごとの内訳【支払い方法】</h2>
      {settings.taxBreakdown.paymentMethods ? null : <p>(日報の設定で印刷はオフです)</p>}
      <TaxPaymentMethodsTable report={report} />
      <BreakdownNotes report={report} />
    </>
  );
}

/** The receiptline SVG, without its Google Fonts @import: the console fetches nothing from outside
 *  (the SVG's font list falls back to the local Japanese monospace font). */
function previewOf(app: App, view: ReportView): string {
  return app.report.rendering
    .render(view.report, view.settings, 'svg')
    .bytes.toString('utf8')
    .replace(/<style type="text\/css"><!\[CDATA\[@import url\([^)]*\);\]\]><\/style>/, '');
}

async function dayOf(c: Context<AppEnv>, principal: StaffPrincipal) {
  const services = c.get('app');
  const stores = await services.tenancy.read.listStores(principal.companyId);
  const store = storeNamed(
    stores,
    c.req.query('store'),
    c.req.method === 'POST' ? 'write' : 'page',
  );
  const businessDate =
    c.req.query('date') || (store ? calendarDateIn(services.clock.now(), store.timeZone) : '');
  return { stores, store, businessDate };
}

async function renderPage(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  extra: {
    notice?: string | undefined;
    error?: string | undefined;
    status?: 200 | 400 | 409 | 503;
  },
) {
  const { stores, store, businessDate } = await dayOf(c, principal);
  if (!store)
    return c.html(
      <Layout title="日報" principal={principal} section="report">
        <h1>日報</h1>
        <p>店舗が登録されていません。</p>
      </Layout>,
    );
  const services = c.get('app');
  const actor = reportActorOf(principal);
  let view: ReportView | null = null;
  let jobs: PrintJobRecord[] = [];
  let closes: DayCloseRecord[] = [];
  let error = extra.error;
  try {
    view = await services.report.getDailyReport(actor, {
      storeCode: store.code,
      businessDate,
    });
    jobs = await services.report.listPrintJobs(actor, {
      storeCode: store.code,
      businessDate,
    });
    closes = await services.ledger.listCloses(actorOf(principal), {
      storeCode: store.code,
      businessDate,
    });
  } catch (caught) {
    const shown = errorsByPath(caught);
    if (!shown) throw caught;
    error ??= shown.message;
  }
  const previewSvg = view ? previewOf(c.get('app'), view) : '';
  return c.html(
    <Layout title="日報" principal={principal} section="report">
      <style>{css}</style>
      <h1>
        日報 — {store.name}({store.code}) {view ? dateHeading(businessDate) : businessDate}
      </h1>
      {view ? <p class="era">和暦: {eraHeading(businessDate)}</p> : null}
      {extra.notice ? (
        <div class="notice" role="status">
          {extra.notice}
        </div>
      ) : null}
      {error ? (
        <div class="alert" role="alert">
          {error}
        </div>
      ) : null}
      <Picker stores={stores} store={store} businessDate={businessDate} />
      <PrintCard principal={principal} store={store} businessDate={businessDate} jobs={jobs} />
      {view ? <ReportBody view={view} previewSvg={previewSvg} closes={closes} /> : null}
    </Layout>,
    extra.status ?? 200,
  );
}

/** The 日報 as CSV (UTF-8 with BOM or Shift_JIS), figures from the same getDailyReport. */
async function dayCsv(c: Context<AppEnv>, principal: StaffPrincipal) {
  const encoding = csvEncodingOf(c.req.query('encoding'));
  const { store, businessDate } = await dayOf(c, principal);
  if (!store) return c.redirect('/report');
  const view = await c.get('app').report.getDailyReport(reportActorOf(principal), {
    storeCode: store.code,
    businessDate,
  });
  return csvResponse(
    dailyReportCsvRows(view.report),
    encoding,
    `日報_${store.name}_${businessDate}.csv`,
    `daily-report-${store.code}-${businessDate}.csv`,
  );
}

export function reportPageRoutes(app: Hono<AppEnv>): void {
  app.get('/report', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    if (c.req.query('format') === 'csv') return dayCsv(c, principal);
    const notice =
      c.req.query('printed') === 'queued'
        ? '印刷を受け付けました。印刷の状態は下の一覧に表示されます。'
        : c.req.query('saved') === '1'
          ? '日報の設定を保存しました。'
          : undefined;
    return renderPage(c, principal, { notice });
  });
  app.post('/report/print', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    const { store, businessDate } = await dayOf(c, principal);
    const version =
      form.version && /^\d{1,9}$/.test(form.version) ? Number(form.version) : undefined;
    try {
      await c.get('app').report.requestPrint(reportActorOf(principal), {
        storeCode: store?.code ?? '',
        businessDate,
        version,
        source: 'console',
      });
      return c.redirect(`/report?${dayQuery(store?.code ?? '', businessDate)}&printed=queued`, 303);
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return renderPage(c, principal, { error: shown.message, status: 409 });
    }
  });
  reportSettingsRoutes(app);
}
