// The 日報 on screen: every row in Japanese in the order of seed 002 (shared/seeds/002_…txt), the
// tax-rate breakdowns and the print jobs. Figures come from the DailyReport as the JSON gives them.
import type { Child } from 'hono/jsx';
import type { PrintJobRecord, PrintJobStatus } from '../../../app/report/ports.js';
import type { CountAmount, DailyReport, ReportSettings } from '../../../domain/report/types.js';
import type { TaxCategory } from '../../../domain/ledger/types.js';
import { dateHeading, wallClockCell } from '../dates.js';

export function yen(amount: number): string {
  return `${amount < 0 ? '-' : ''}¥${Math.abs(amount).toLocaleString('en-US')}`;
}

const count = (value: number): string => value.toLocaleString('en-US');

export const taxCategoryLabels: Record<TaxCategory, string> = {
  standard10: '10%対象',
  reduced8: '8%対象(軽減税率)',
  exempt: '非課税',
  nonSales: '売上外',
};

function Row(props: { id: string; label: string; value: string; level?: number }) {
  return (
    <tr data-row={props.id}>
      <th
        style={
          props.level ? `padding-left:${10 + 18 * props.level}px;font-weight:normal` : undefined
        }
      >
        {props.label}
      </th>
      <td class="num">{props.value}</td>
    </tr>
  );
}

function CountThenAmount(props: { id: string; label: string; figure: CountAmount }) {
  return (
    <>
      <Row id={props.id} label={props.label} value={count(props.figure.count)} />
      <Row id={`${props.id}.amount`} label="金額" value={yen(props.figure.amount)} level={1} />
    </>
  );
}

function Section(props: { title: string; children?: Child }) {
  return (
    <>
      <tr class="section">
        <th colspan={2} style="background:#dde4ec">
          {props.title}
        </th>
      </tr>
      {props.children}
    </>
  );
}

/** 支払い方法別の回数 and 支払い方法別の売上, one row per payment method in each. */
function PaymentMethodSections(props: { report: DailyReport }) {
  const r = props.report;
  return (
    <>
      <Section title="支払い方法別の回数">
        {r.paymentMethods.map((m) => (
          <Row id={`paymentCount.${m.code}`} label={m.name} value={count(m.count)} level={1} />
        ))}
        <Row
          id="paymentCount.total"
          label="合計"
          value={count(r.paymentMethods.reduce((sum, m) => sum + m.count, 0))}
          level={1}
        />
      </Section>
      <Section title="支払い方法別の売上">
        {r.paymentMethods.map((m) => (
          <Row id={`paymentAmount.${m.code}`} label={m.name} value={yen(m.amount)} level={1} />
        ))}
        <Row
          id="paymentAmount.total"
          label="合計"
          value={yen(r.paymentMethods.reduce((sum, m) => sum + m.amount, 0))}
          level={1}
        />
      </Section>
    </>
  );
}

/** 返品 and 返金: the checkouts containing them, their counts and their amounts. */
function ReturnAndRefundRows(props: { report: DailyReport }) {
  const r = props.report;
  return (
    <>
      <Row
        id="returns.checkoutCount"
        label="返品を含む会計"
        value={count(r.returns.checkoutCount)}
      />
      <Row id="returns.itemCount" label="返品された商品数" value={count(r.returns.itemCount)} />
      <Row id="returns.amount" label="金額" value={yen(r.returns.amount)} level={1} />
      <Row
        id="refunds.checkoutCount"
        label="返金を含む会計"
        value={count(r.refunds.checkoutCount)}
      />
      <Row id="refunds.paymentCount" label="返金の件数" value={count(r.refunds.paymentCount)} />
      <Row id="refunds.amount" label="金額" value={yen(r.refunds.amount)} level={1} />
    </>
  );
}

/** 現金差異: 釣銭準備金, the expected and the counted cash in the register, and the difference. */
function CashDifferenceSection(props: { cash: NonNullable<DailyReport['cash']> }) {
  const cash = props.cash;
  return (
    <Section title="現金差異">
      <Row id="cash.float" label="釣銭準備金" value={yen(cash.float)} level={1} />
      <Row id="cash.expected" label="理論上のレジ内現金" value={yen(cash.expected)} level={1} />
      <Row id="cash.counted" label="実際のレジ内現金" value={yen(cash.counted)} level={1} />
      <Row id="cash.difference" label="差異" value={yen(cash.difference)} level={1} />
    </Section>
  );
}

export function ReportRows(props: { report: DailyReport; title: string }) {
  const r = props.report;
  return (
    <table class="report-rows" data-testid="report-rows">
      <tbody>
        <Row id="printedAt" label="印刷日時" value={wallClockCell(r.printedAt)} />
        <Row id="title" label="タイトル" value={props.title} />
        <Row id="storeName" label="店舗名" value={r.storeName} />
        <Row id="businessDate" label="日付" value={dateHeading(r.businessDate)} />
        <Row id="salesTotal" label="売上等" value={yen(r.salesTotal)} />
        <Row id="sales" label="売上" value={yen(r.sales)} />
        <Row id="netSales" label="純売上" value={yen(r.netSales)} />
        <Row id="tax" label="税" value={yen(r.tax)} />
        <Row id="nonSalesIncome" label="売上でない入金(売上外)" value={yen(r.nonSalesIncome)} />
        <Row
          id="cashIn"
          label="レジ入金"
          value={`${count(r.cashIn.count)}回 ${yen(r.cashIn.amount)}`}
        />
        <Row
          id="cashOut"
          label="レジ出金"
          value={`${count(r.cashOut.count)}回 ${yen(r.cashOut.amount)}`}
        />
        <Row id="checkoutCount" label="会計数" value={count(r.checkoutCount)} />
        <Row id="customerCount" label="客数" value={count(r.customerCount)} />
        <Row id="itemCount" label="商品数" value={count(r.itemCount)} />
        <PaymentMethodSections report={r} />
        <CountThenAmount id="voucherShortfall" label="金券等差額" figure={r.voucherShortfall} />
        <CountThenAmount id="voucherChange" label="金券等釣り" figure={r.voucherChange} />
        <CountThenAmount id="lineDiscounts" label="値引き" figure={r.lineDiscounts} />
        <CountThenAmount id="orderDiscounts" label="全体割引" figure={r.orderDiscounts} />
        <CountThenAmount id="cancelled" label="取り消された会計" figure={r.cancelled} />
        <CountThenAmount id="redone" label="やり直した会計" figure={r.redone} />
        <CountThenAmount id="aborted" label="入力中断した会計" figure={r.aborted} />
        <ReturnAndRefundRows report={r} />
        <Row id="lastCheckoutAt" label="最終会計時刻" value={wallClockCell(r.lastCheckoutAt)} />
        {r.cash ? <CashDifferenceSection cash={r.cash} /> : null}
      </tbody>
    </table>
  );
}

type HourlyRowOrGap =
  { kind: 'hour'; row: DailyReport['hourly'][number] } | { kind: 'gap'; from: number; to: number };

/** Hours with a sale one per row; each run of empty hours folded into one row. */
function foldedHours(hourly: DailyReport['hourly']): HourlyRowOrGap[] {
  const out: HourlyRowOrGap[] = [];
  for (const row of hourly) {
    const last = out[out.length - 1];
    if (row.checkoutCount > 0) out.push({ kind: 'hour', row });
    else if (last?.kind === 'gap' && last.to === row.hour - 1) last.to = row.hour;
    else out.push({ kind: 'gap', from: row.hour, to: row.hour });
  }
  return out;
}

export function HourlyTable(props: { report: DailyReport; settings: ReportSettings }) {
  const { startHour, endHour } = props.settings.hourly;
  const hourly = props.report.hourly;
  const printed = hourly.filter((h) => h.hour >= startHour && h.hour <= endHour);
  const printedTotal = printed.reduce((sum, h) => sum + h.salesTotal, 0);
  const sum = (pick: (h: DailyReport['hourly'][number]) => number) =>
    hourly.reduce((total, h) => total + pick(h), 0);
  return (
    <>
      <p data-testid="hourly-range">
        印刷する時間帯: {startHour}時〜{endHour}時{endHour >= 24 ? '(24時以降は翌朝)' : ''}
        。印刷される時間の売上等の合計 {yen(printedTotal)}
        {printedTotal === props.report.salesTotal
          ? '(売上等と一致)'
          : `(売上等 ${yen(props.report.salesTotal)} のうち ${yen(props.report.salesTotal - printedTotal)} は印刷される時間帯の外です。日報の設定で時間帯を広げてください)`}
      </p>
      <table data-testid="hourly-table">
        <thead>
          <tr>
            <th>時間</th>
            <th>売上等</th>
            <th>会計数</th>
            <th>客数</th>
            <th>商品数</th>
          </tr>
        </thead>
        <tbody>
          {foldedHours(hourly).map((item) =>
            item.kind === 'hour' ? (
              <tr data-hour={item.row.hour}>
                <td>{`${item.row.hour}時`}</td>
                <td class="num">{yen(item.row.salesTotal)}</td>
                <td class="num">{count(item.row.checkoutCount)}</td>
                <td class="num">{count(item.row.customerCount)}</td>
                <td class="num">{count(item.row.itemCount)}</td>
              </tr>
            ) : (
              <tr class="folded" data-hours={`${item.from}-${item.to}`}>
                <td colspan={5} style="color:#555">
                  {item.from === item.to ? `${item.from}時` : `${item.from}時〜${item.to}時`}{' '}
                  売上なし
                </td>
              </tr>
            ),
          )}
          <tr class="total" data-row="hourly.total">
            <th>合計</th>
            <td class="num">{yen(sum((h) => h.salesTotal))}</td>
            <td class="num">{count(sum((h) => h.checkoutCount))}</td>
            <td class="num">{count(sum((h) => h.customerCount))}</td>
            <td class="num">{count(sum((h) => h.itemCount))}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

export function TaxSalesTable(props: { report: DailyReport }) {
  return (
    <table data-testid="tax-sales">
      <thead>
        <tr>
          <th>税率</th>
          <th>売上</th>
          <th>純売上</th>
          <th>税</th>
        </tr>
      </thead>
      <tbody>
        {props.report.byTaxRate.sales.map((row) => (
          <tr data-category={row.taxCategory}>
            <td>{taxCategoryLabels[row.taxCategory]}</td>
            <td class="num">{yen(row.sales)}</td>
            <td class="num">{yen(row.netSales)}</td>
            <td class="num">{yen(row.tax)}</td>
          </tr>
        ))}
        <tr class="total" data-category="total">
          <th>合計</th>
          <td class="num">{yen(props.report.sales)}</td>
          <td class="num">{yen(props.report.netSales)}</td>
          <td class="num">{yen(props.report.tax)}</td>
        </tr>
      </tbody>
    </table>
  );
}

const categories: TaxCategory[] = ['standard10', 'reduced8', 'exempt', 'nonSales'];

export function TaxPaymentMethodsTable(props: { report: DailyReport }) {
  const names = new Map(props.report.paymentMethods.map((m) => [m.code, m.name]));
  const rows = props.report.byTaxRate.paymentMethods;
  return (
    <table data-testid="tax-payment-methods">
      <thead>
        <tr>
          <th>支払い方法</th>
          {categories.map((c) => (
            <th>{taxCategoryLabels[c]}</th>
          ))}
          <th>合計</th>
        </tr>
      </thead>
      <tbody>
        {props.report.byTaxRate.paymentMethods.map((row) => (
          <tr data-method={row.code}>
            <td>{names.get(row.code) ?? row.code}</td>
            {categories.map((c) => (
              <td class="num" data-category={c}>
                {yen(row.byTaxCategory[c])}
              </td>
            ))}
            <td class="num" data-category="total">
              {yen(categories.reduce((sum, c) => sum + row.byTaxCategory[c], 0))}
            </td>
          </tr>
        ))}
        <tr class="total" data-method="total">
          <th>合計</th>
          {categories.map((c) => (
            <td class="num" data-category={c}>
              {yen(rows.reduce((sum, row) => sum + row.byTaxCategory[c], 0))}
            </td>
          ))}
          <td class="num" data-category="total">
            {yen(
              rows.reduce(
                (sum, row) => sum + categories.reduce((t, c) => t + row.byTaxCategory[c], 0),
                0,
              ),
            )}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export const printStatusLabels: Record<PrintJobStatus, string> = {
  queued: '印刷待ち',
  printing: '印刷中',
  retrying: '再試行待ち',
  printed: '印刷済み',
  failed: '印刷できませんでした',
};

export function PrintJobsTable(props: {
  jobs: PrintJobRecord[];
  timeOf: (instant: Date) => string;
  reprint: (job: PrintJobRecord) => Child;
}) {
  if (props.jobs.length === 0) return <p>この営業日の印刷の記録はありません。</p>;
  return (
    <table data-testid="print-jobs">
      <thead>
        <tr>
          <th>受付</th>
          <th>内容</th>
          <th>状態</th>
          <th>試行</th>
          <th>理由</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        {props.jobs.map((job) => (
          <tr data-status={job.status}>
            <td>{props.timeOf(job.createdAt)}</td>
            <td>{job.closeVersion === null ? '現在の日報' : `閉局 第${job.closeVersion}版`}</td>
            <td class="print-status">{printStatusLabels[job.status]}</td>
            <td class="num">{`${job.attempts}/${job.attemptsMax}`}</td>
            <td class="print-reason">{job.reason ?? ''}</td>
            <td>{job.status === 'failed' ? props.reprint(job) : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
