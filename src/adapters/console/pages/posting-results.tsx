// 連携 > 連携結果 (seed 000 §3–4, beyond it: range re-run): per store and business day the posting
// status (未送信 / 送信中 / 送信済 / 再送待ち / 失敗 / 当年会計期間外 / 締め済み / 期限切れ / エラー) with the
// reason and freee's messages, the deals the books hold (amount, 管理番号, a link to freee), 再実行
// for one day and for a date range, and a 品目 filter (`POS Reg`) like freee's deal list.
import type { Child } from 'hono/jsx';
import type { Context, Hono } from 'hono';
import { AppError, forbidden } from '../../../app/errors.js';
import { postingStatusLabels, postingStatuses } from '../../../app/posting/model.js';
import { type RequestedDay } from '../../../app/posting/requests.js';
import {
  parseStatus,
  type MethodComparison,
  type ResultDay,
} from '../../../app/posting/results.js';
import { businessDateIn as calendarDateIn } from '../../../domain/calendar/store-zone.js';
import type { AppEnv } from '../../http/context.js';
import { dateCell, instantCell } from '../dates.js';
import { CsrfField } from '../layout.js';
import { consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';

export const resultsDaysDefault = 14;
/**
 * Readable from 1024 px: one summary row per store-day (状態 as a badge, 送信日時, 日報 and sent
 * totals, 再実行) that never wraps per character, then a detail row (<details>) with the per-method
 * comparison, the deals with their links, the reason and freee's messages.
 */
const resultsCss = `
#posting-days{table-layout:auto;width:100%}
#posting-days th,#posting-days td.nowrap{white-space:nowrap}
#posting-days td.num{white-space:nowrap}
.badge{display:inline-block;white-space:nowrap;padding:2px 10px;border-radius:12px;font-size:0.9em;font-weight:bold;background:#e9ecef;color:#222;border:1px solid #adb5bd}
.badge[data-status=posted]{background:#e3f1e6;color:#14532d;border-color:#7fbf8f}
.badge[data-status=failed],.badge[data-status=error],.badge[data-status=expired]{background:#fdecee;color:#7a0d1b;border-color:#e39aa5}
.badge[data-status=retry_wait],.badge[data-status=sending]{background:#fff4d6;color:#5c4300;border-color:#d9b650}
#posting-days tr.detail td{background:#fafbfc;padding:6px 12px 12px}
#posting-days tr.detail summary{cursor:pointer}
#posting-days .reason{overflow-wrap:anywhere}
#posting-days table.methods{width:auto;margin:6px 0}
#posting-days ul.deals{margin:4px 0;padding-left:18px}
#posting-days ul.deals li{overflow-wrap:anywhere}
#posting-days button.rerun{white-space:nowrap;padding:6px 12px}
.diff-bad{color:#7a0d1b;font-weight:bold}
#posting-filter label,#posting-rerun-range label{display:inline-block;margin:0 8px 6px 0}
`;
const yen = (amount: number | null) =>
  amount === null ? '' : `¥${amount.toLocaleString('ja-JP')}`;
const timeText = (at: Date | null) => instantCell('Asia/Tokyo', at);
const sumOf = (values: readonly (number | null)[]) =>
  values.some((v) => v !== null) ? values.reduce<number>((sum, v) => sum + (v ?? 0), 0) : null;

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

function DealsList(props: { day: ResultDay }) {
  if (props.day.deals.length === 0) return <p style="margin:4px 0">登録した取引はありません。</p>;
  return (
    <ul class="deals">
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

/** 日報 total vs the books per payment method, with the difference. */
function MethodTable(props: { methods: readonly MethodComparison[] }) {
  const shown = props.methods.filter((m) => !(m.reportYen === 0 && m.sentYen === null));
  if (shown.length === 0) return null;
  const report = sumOf(props.methods.map((m) => m.reportYen));
  const sent = sumOf(props.methods.map((m) => m.sentYen));
  const diff = (m: { reportYen: number | null; sentYen: number | null }) =>
    m.reportYen === null || m.sentYen === null ? null : m.sentYen - m.reportYen;
  return (
    <table class="methods">
      <thead>
        <tr>
          <th scope="col">支払方法</th>
          <th scope="col">日報</th>
          <th scope="col">送信済の取引</th>
          <th scope="col">差</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((m) => (
          <tr data-method={m.code}>
            <td>{m.name}</td>
            <td class="num">{m.reportYen === null ? '—' : yen(m.reportYen)}</td>
            <td class="num">{m.sentYen === null ? '未送信' : yen(m.sentYen)}</td>
            <td class={diff(m) ? 'num diff-bad' : 'num'}>{yen(diff(m))}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-method="total">
          <th scope="row">合計</th>
          <td class="num">{yen(report)}</td>
          <td class="num">{yen(sent)}</td>
          <td class="num">{yen(diff({ reportYen: report, sentYen: sent }))}</td>
        </tr>
      </tfoot>
    </table>
  );
}

type StoreOption = { code: string; name: string };

/** The GET filter: store, date range, status and 品目. */
function ResultsFilterForm(props: { filter: ResultsFilter; stores: readonly StoreOption[] }) {
  const f = props.filter;
  return (
    <form method="get" action="/integrations" id="posting-filter">
      <label>
        店舗{' '}
        <select name="store" style="min-width:0">
          <option value="">すべて</option>
          {props.stores.map((s) => (
            <option value={s.code} selected={s.code === f.store}>
              {s.code} {s.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        期間 <input type="date" name="from" value={f.from} style="min-width:0" />
      </label>{' '}
      <label>
        〜{' '}
        <input type="date" name="to" value={f.to} style="min-width:0" aria-label="期間の終わり" />
      </label>{' '}
      <label>
        状態{' '}
        <select name="status" style="min-width:0">
          <option value="">すべて</option>
          {postingStatuses.map((s) => (
            <option value={s} selected={s === f.status}>
              {postingStatusLabels[s]}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        品目{' '}
        <input name="item" value={f.item} placeholder="POS Reg" style="min-width:0;width:9em" />
      </label>{' '}
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

/** One store and business day: a summary row, then its detail row. */
function ResultDayRows(props: {
  principal: StaffPrincipal;
  day: ResultDay;
  methods: readonly MethodComparison[] | undefined;
  canRun: boolean;
}) {
  const { day } = props;
  const methods = props.methods ?? [];
  const id = `day-${day.storeCode}-${day.businessDate}`;
  const sentAt = day.status === 'posted' ? day.finishedAt : null;
  const openByDefault = ['failed', 'error', 'expired'].includes(day.status);
  return (
    <>
      <tr
        data-store={day.storeCode}
        data-date={day.businessDate}
        data-status={day.status}
        class="summary"
      >
        <td class="nowrap">
          {day.storeCode} {day.storeName}
        </td>
        <td class="nowrap">
          {dateCell(day.businessDate)}
          {day.closeVersion ? `(第${day.closeVersion}版)` : ''}
        </td>
        <td class="status nowrap">
          <span class="badge" data-status={day.status}>
            {day.statusLabel}
          </span>
        </td>
        <td class="nowrap sent-at">{sentAt ? timeText(sentAt) : '—'}</td>
        <td class="num report-total">{yen(sumOf(methods.map((m) => m.reportYen)))}</td>
        <td class="num sent-total">{yen(sumOf(methods.map((m) => m.sentYen)))}</td>
        <td class="nowrap">
          {day.status === 'retry_wait' ? `次回 ${timeText(day.nextAttemptAt)}` : ''}
          {props.canRun ? <DayRerunForm principal={props.principal} day={day} /> : null}
        </td>
      </tr>
      <tr class="detail" data-detail-of={id}>
        <td colspan={7}>
          <details id={id} open={openByDefault}>
            <summary>
              内訳と取引({day.deals.length}件)
              {day.message ? <span class="reason">: {day.message}</span> : null}
            </summary>
            {day.freeeMessages.length > 0 ? (
              <ul class="freee-messages" style="margin:4px 0;padding-left:16px">
                {day.freeeMessages.map((m) => (
                  <li>{m}</li>
                ))}
              </ul>
            ) : null}
            <MethodTable methods={methods} />
            <DealsList day={day} />
          </details>
        </td>
      </tr>
    </>
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
      期間をまとめて再実行:{' '}
      <label>
        店舗{' '}
        <select name="store" style="min-width:0">
          {props.stores.map((s) => (
            <option value={s.code} selected={s.code === f.store}>
              {s.code} {s.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        期間 <input type="date" name="from" value={f.from} style="min-width:0" />
      </label>{' '}
      <label>
        〜{' '}
        <input type="date" name="to" value={f.to} style="min-width:0" aria-label="期間の終わり" />
      </label>{' '}
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
  methods: ReadonlyMap<string, readonly MethodComparison[]>;
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
            <th scope="col">店舗</th>
            <th scope="col">営業日</th>
            <th scope="col">状態</th>
            <th scope="col">送信日時</th>
            <th scope="col">日報の合計</th>
            <th scope="col">送信した合計</th>
            <th scope="col">再実行</th>
          </tr>
        </thead>
        <tbody>
          {props.days.map((day) => (
            <ResultDayRows
              principal={props.principal}
              day={day}
              methods={props.methods.get(`${day.storeCode}|${day.businessDate}`)}
              canRun={canRun}
            />
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
): Promise<{
  days: ResultDay[];
  methods: Map<string, MethodComparison[]>;
  error?: string;
}> {
  try {
    const days = await c.get('app').posting.listPostingResults({
      companyId: principal.companyId,
      storeCode: filter.store || null,
      from: filter.from,
      to: filter.to,
      status: parseStatus(filter.status),
      item: filter.item || null,
    });
    const methods = await c.get('app').posting.compareWithReports(principal.companyId, days);
    return { days, methods };
  } catch (error) {
    if (error instanceof AppError)
      return {
        days: [],
        methods: new Map(),
        error: errorsByPath(error)?.message ?? error.userMessage,
      };
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
