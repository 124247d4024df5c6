// 連携 > 連携結果 (seed 000 §3–4, beyond it: range re-run): per store and business day the posting
// status (未送信 / 送信中 / 送信済 / 再送待ち / 失敗 / 当年会計期間外 / 締め済み / 期限切れ / エラー) with the
// reason and freee's messages, the deals the books hold (amount, 管理番号, a link to freee), 再実行
// for one day and for a date range, and a 品目 filter (`POS Reg`) like freee's deal list.
import type { Child } from 'hono/jsx';
import type { Context, Hono } from 'hono';
import { AppError, forbidden } from '../../../app/errors.js';
import { postingStatusLabels, postingStatuses } from '../../../app/posting/model.js';
import { type RequestedDay } from '../../../app/posting/requests.js';
import { parseStatus, type ResultDay } from '../../../app/posting/results.js';
import { businessDateIn as calendarDateIn } from '../../../domain/calendar/store-zone.js';
import type { AppEnv } from '../../http/context.js';
import { dateCell, instantCell } from '../dates.js';
import { CsrfField } from '../layout.js';
import { consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';

export const resultsDaysDefault = 14;
/** Readable from 1024 px: 状態 and 再実行 never wrap per character; long reasons and deals wrap. */
const resultsCss = `
#posting-days td.status,#posting-days td:first-child,#posting-days td:nth-child(2),#posting-days td:last-child{white-space:nowrap}
#posting-days td.status{font-weight:bold}
#posting-days tr[data-status=failed] td.status,#posting-days tr[data-status=error] td.status,#posting-days tr[data-status=expired] td.status{color:#8a1020}
#posting-days tr[data-status=posted] td.status{color:#1d5e2c}
#posting-days td.reason{min-width:12em;overflow-wrap:anywhere}
#posting-days button.rerun{white-space:nowrap;padding:6px 12px}
`;
const yen = (amount: number | null) =>
  amount === null ? '' : `¥${amount.toLocaleString('ja-JP')}`;
const timeText = (at: Date | null) => instantCell('Asia/Tokyo', at);

export interface ResultsFilter {
  store: string;
  from: string;
  to: string;
  status: string;
  item: string;
}

export function resultsFilterOf(c: Context<AppEnv>): ResultsFilter {
  const today = calendarDateIn(c.get('app').clock.now(), 'Asia/Tokyo');
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (resultsDaysDefault - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return {
    store: c.req.query('store') ?? '',
    from: c.req.query('from') || from,
    to: c.req.query('to') || today,
    status: c.req.query('status') ?? '',
    item: c.req.query('item') ?? '',
  };
}

function DealsCell(props: { day: ResultDay }) {
  if (props.day.deals.length === 0) return <span>—</span>;
  return (
    <ul style="margin:0;padding-left:16px">
      {props.day.deals.map((deal) => (
        <li data-ref={deal.refNumber}>
          {deal.url ? (
            <a href={deal.url} target="_blank" rel="noopener">
              {deal.refNumber}
            </a>
          ) : (
            deal.refNumber
          )}{' '}
          {deal.itemName} {deal.type === 'expense' ? '支出' : '収入'} {yen(deal.amountYen)}
          {deal.pending ? '(応答待ちの書き込みあり)' : ''}
        </li>
      ))}
    </ul>
  );
}

type StoreOption = { code: string; name: string };

/** The GET filter: store, date range, status and 品目. */
function ResultsFilterForm(props: { filter: ResultsFilter; stores: readonly StoreOption[] }) {
  const f = props.filter;
  return (
    <form method="get" action="/integrations" id="posting-filter">
      店舗{' '}
      <select name="store" style="min-width:0">
        <option value="">すべて</option>
        {props.stores.map((s) => (
          <option value={s.code} selected={s.code === f.store}>
            {s.code} {s.name}
          </option>
        ))}
      </select>{' '}
      期間 <input type="date" name="from" value={f.from} style="min-width:0" /> 〜{' '}
      <input type="date" name="to" value={f.to} style="min-width:0" /> 状態{' '}
      <select name="status" style="min-width:0">
        <option value="">すべて</option>
        {postingStatuses.map((s) => (
          <option value={s} selected={s === f.status}>
            {postingStatusLabels[s]}
          </option>
        ))}
      </select>{' '}
      品目 <input name="item" value={f.item} placeholder="POS Reg" style="min-width:0;width:9em" />{' '}
      <button type="submit">絞り込む</button>
    </form>
  );
}

/** 再実行 of one store's business day. */
function DayRerunForm(props: { principal: StaffPrincipal; day: ResultDay }) {
  const { day } = props;
  return (
    <form method="post" action="/integrations/posting/rerun" style="margin:0">
      <CsrfField principal={props.principal} />
      <input type="hidden" name="store" value={day.storeCode} />
      <input type="hidden" name="from" value={day.businessDate} />
      <input type="hidden" name="to" value={day.businessDate} />
      <button type="submit" class="rerun">
        再実行
      </button>
    </form>
  );
}

/** One store and business day: status, reason with freee's messages, deals, next attempt. */
function ResultDayRow(props: { principal: StaffPrincipal; day: ResultDay; canRun: boolean }) {
  const { day } = props;
  return (
    <tr data-store={day.storeCode} data-date={day.businessDate} data-status={day.status}>
      <td>
        {day.storeCode} {day.storeName}
      </td>
      <td>
        {dateCell(day.businessDate)}
        {day.closeVersion ? `(第${day.closeVersion}版)` : ''}
      </td>
      <td class="status">{day.statusLabel}</td>
      <td class="reason">
        {day.message ?? ''}
        {day.freeeMessages.length > 0 ? (
          <ul class="freee-messages" style="margin:4px 0;padding-left:16px">
            {day.freeeMessages.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        ) : null}
      </td>
      <td>
        <DealsCell day={day} />
      </td>
      <td>{day.status === 'retry_wait' ? timeText(day.nextAttemptAt) : ''}</td>
      <td>{props.canRun ? <DayRerunForm principal={props.principal} day={day} /> : null}</td>
    </tr>
  );
}

/** 再実行 of a store's date range, after a confirm dialog. */
function RangeRerunForm(props: {
  principal: StaffPrincipal;
  filter: ResultsFilter;
  stores: readonly StoreOption[];
}) {
  const f = props.filter;
  return (
    <form
      method="post"
      action="/integrations/posting/rerun"
      id="posting-rerun-range"
      style="margin-top:12px"
      data-confirm="期間の営業日をまとめて再送します。よろしいですか。"
    >
      <CsrfField principal={props.principal} />
      期間をまとめて再実行: 店舗{' '}
      <select name="store" style="min-width:0">
        {props.stores.map((s) => (
          <option value={s.code} selected={s.code === f.store}>
            {s.code} {s.name}
          </option>
        ))}
      </select>{' '}
      <input type="date" name="from" value={f.from} style="min-width:0" /> 〜{' '}
      <input type="date" name="to" value={f.to} style="min-width:0" />{' '}
      <button type="submit" id="posting-rerun-range-submit">
        まとめて再実行
      </button>
    </form>
  );
}

export function PostingResults(props: {
  principal: StaffPrincipal;
  filter: ResultsFilter;
  stores: readonly StoreOption[];
  days: readonly ResultDay[];
  notice?: Child;
  error?: string | undefined;
}) {
  const canRun = props.principal.staff.role !== 'staff';
  return (
    <div class="card" id="posting-results">
      <style>{resultsCss}</style>
      <h2>連携結果</h2>
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
      <ResultsFilterForm filter={props.filter} stores={props.stores} />
      <table id="posting-days" style="margin-top:10px">
        <thead>
          <tr>
            <th>店舗</th>
            <th>営業日</th>
            <th>状態</th>
            <th>理由</th>
            <th>登録した取引</th>
            <th>次回</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {props.days.map((day) => (
            <ResultDayRow principal={props.principal} day={day} canRun={canRun} />
          ))}
        </tbody>
      </table>
      {props.days.length === 0 ? <p>この条件の営業日はありません。</p> : null}
      {canRun ? (
        <RangeRerunForm principal={props.principal} filter={props.filter} stores={props.stores} />
      ) : null}
    </div>
  );
}

export async function loadResults(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  filter: ResultsFilter,
): Promise<{ days: ResultDay[]; error?: string }> {
  try {
    const days = await c.get('app').posting.listPostingResults({
      companyId: principal.companyId,
      storeCode: filter.store || null,
      from: filter.from,
      to: filter.to,
      status: parseStatus(filter.status),
      item: filter.item || null,
    });
    return { days };
  } catch (error) {
    if (error instanceof AppError)
      return { days: [], error: errorsByPath(error)?.message ?? error.userMessage };
    throw error;
  }
}

function summary(requested: readonly RequestedDay[]): string {
  const queued = requested.filter((r) => r.queued).length;
  const waiting = requested.filter((r) => r.reason === 'already_waiting').length;
  const unclosed = requested.filter((r) => r.reason === 'not_closed').length;
  return `再実行を受け付けました(${queued}日)。${waiting > 0 ? `${waiting}日は再送待ちのため予定どおり送信します。` : ''}${unclosed > 0 ? `${unclosed}日は閉局されていないため対象外です。` : ''}`;
}

export function postingRerunRoutes(app: Hono<AppEnv>): void {
  app.post('/integrations/posting/rerun', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    const back = (params: Record<string, string>) =>
      `/integrations?${new URLSearchParams({ store: form.store ?? '', from: form.from ?? '', to: form.to ?? '', ...params })}`;
    try {
      if (principal.staff.role === 'staff')
        throw forbidden('再実行できるのは管理者・店長だけです。');
      const requested = await c.get('app').posting.requestPosting({
        companyId: principal.companyId,
        storeCode: form.store ?? '',
        from: form.from ?? '',
        to: form.to ?? '',
      });
      return c.redirect(back({ notice: summary(requested) }), 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return c.redirect(back({ error: errorsByPath(error)?.message ?? error.userMessage }), 303);
    }
  });
}
