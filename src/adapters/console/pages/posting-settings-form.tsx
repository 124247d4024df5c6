// The view of 取引の送信設定 (posting-settings.tsx): account items and tax codes by role, per payment
// method the 品目, the settlement partner and the settlement schedule, per store the 部門 and the cash
// 口座, each field with its error next to it.
import { defaultScheduleFor, type PostingSettingsDocument } from '../../../app/posting/settings.js';
import {
  accountRoles,
  itemNameFor,
  taxRoles,
  type AccountRole,
  type TaxRole,
} from '../../../domain/posting/mappings.js';
import { weekdays, type SettlementSchedule } from '../../../domain/posting/settlement-schedule.js';
import type { PaymentMethod } from '../../../domain/ledger/types.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import type { StaffPrincipal } from '../session.js';

export const postingSettingsPath = '/admin/settings/integrations/freee/posting';

const accountLabels: Record<AccountRole, string> = {
  sales: '売上',
  receivable: '売掛金(表示のみ)',
  nonSales: '売上外入金',
  cashOver: '現金過不足(過剰)',
  cashShort: '現金過不足(不足)',
  voucherShortfall: '金券等差額',
  voucherChange: '金券等釣り(相殺用)',
  drawerIn: 'レジ入金',
  drawerOut: 'レジ出金',
};
const taxLabels: Record<TaxRole, string> = {
  standard10: '10%',
  reduced8: '8%(軽減)',
  exempt: '非課税',
  outOfScope: '対象外',
};
const weekdayLabels: Record<string, string> = {
  sun: '日',
  mon: '月',
  tue: '火',
  wed: '水',
  thu: '木',
  fri: '金',
  sat: '土',
};
const scheduleKinds = [
  ['default', '既定'],
  ['sameDay', '当日'],
  ['daysAfter', 'N営業日後'],
  ['monthly', '月締め'],
  ['weekly', '週締め'],
  ['keep', '複数締め(APIで設定)'],
] as const;

type ScheduleKind = (typeof scheduleKinds)[number][0];
type FieldErrors = Record<string, string>;
type MethodRow = PostingSettingsDocument['methods'][number];
type StoreRow = PostingSettingsDocument['stores'][number];

function scheduleText(schedule: SettlementSchedule | null): string {
  if (schedule === null) return '';
  const day = (d: number | 'end') => (d === 'end' ? '末' : `${d}日`);
  switch (schedule.kind) {
    case 'sameDay':
      return '当日';
    case 'daysAfter':
      return `${schedule.bankingDays}営業日後`;
    case 'monthly':
      return `${day(schedule.cutoffDay)}締め${schedule.paymentMonthOffset === 0 ? '当月' : `${schedule.paymentMonthOffset}か月後`}${day(schedule.paymentDay)}払い`;
    case 'monthlyCycles':
      return schedule.cycles
        .map((c) => `${day(c.cutoffDay)}締め${c.paymentMonthOffset}か月後${day(c.paymentDay)}払い`)
        .join(' / ');
    case 'weekly':
      return `${weekdayLabels[schedule.cutoffWeekday]}曜締め・翌${weekdayLabels[schedule.paymentWeekday]}曜払い(+${schedule.weeksAfter}週)`;
  }
}

/** The 入金サイクル kind; 複数締め is offered only when the stored schedule has several cycles. */
function ScheduleKindSelect(props: { name: string; kind: ScheduleKind }) {
  return (
    <select name={props.name} aria-label="入金サイクル">
      {scheduleKinds
        .filter(([value]) => value !== 'keep' || props.kind === 'keep')
        .map(([value, label]) => (
          <option value={value} selected={value === props.kind}>
            {label}
          </option>
        ))}
    </select>
  );
}

function WeekdaySelect(props: { name: string; selected: string | undefined }) {
  return (
    <select name={props.name} style="min-width:0">
      {weekdays.map((w) => (
        <option value={w} selected={props.selected === w}>
          {weekdayLabels[w]}
        </option>
      ))}
    </select>
  );
}

function ScheduleFields(props: {
  code: string;
  schedule: SettlementSchedule | null;
  fallback: SettlementSchedule | null;
}) {
  const s = props.schedule;
  const name = (field: string) => `m.${props.code}.${field}`;
  const kind = s === null ? 'default' : s.kind === 'monthlyCycles' ? 'keep' : s.kind;
  const monthly = s?.kind === 'monthly' ? s : null;
  const weekly = s?.kind === 'weekly' ? s : null;
  return (
    <span class="schedule">
      <ScheduleKindSelect name={name('kind')} kind={kind} /> 営業日{' '}
      <input
        name={name('bankingDays')}
        size={3}
        style="min-width:0;width:4em"
        value={s?.kind === 'daysAfter' ? String(s.bankingDays) : ''}
      />{' '}
      締め日{' '}
      <input
        name={name('cutoffDay')}
        style="min-width:0;width:4em"
        value={monthly ? String(monthly.cutoffDay) : ''}
        placeholder="end"
      />{' '}
      何か月後{' '}
      <input
        name={name('paymentMonthOffset')}
        style="min-width:0;width:3em"
        value={monthly ? String(monthly.paymentMonthOffset) : ''}
      />{' '}
      支払日{' '}
      <input
        name={name('paymentDay')}
        style="min-width:0;width:4em"
        value={monthly ? String(monthly.paymentDay) : ''}
        placeholder="end"
      />{' '}
      締め曜日 <WeekdaySelect name={name('cutoffWeekday')} selected={weekly?.cutoffWeekday} />{' '}
      支払曜日 <WeekdaySelect name={name('paymentWeekday')} selected={weekly?.paymentWeekday} /> +週{' '}
      <input
        name={name('weeksAfter')}
        style="min-width:0;width:3em"
        value={weekly ? String(weekly.weeksAfter) : ''}
      />
      <br />
      <small>
        現在: {scheduleText(s ?? props.fallback)}
        {s === null ? '(既定)' : ''}
      </small>
    </span>
  );
}

/** The alert with the message and every field error by path. */
function SaveErrors(props: { error: string; fields: FieldErrors }) {
  return (
    <div class="alert" role="alert">
      {props.error}
      <ul id="posting-settings-errors">
        {Object.entries(props.fields).map(([path, message]) => (
          <li data-path={path}>
            {path}: {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 勘定科目 by role. */
function AccountNamesTable(props: { settings: PostingSettingsDocument; fields: FieldErrors }) {
  return (
    <table>
      <tbody>
        {accountRoles.map((role) => (
          <tr>
            <th>
              <label for={`a.${role}`}>{accountLabels[role]}</label>
            </th>
            <td>
              <input
                id={`a.${role}`}
                name={`a.${role}`}
                value={props.settings.accountNames[role]}
              />
              <FieldErrorText errors={props.fields} path={`accountNames.${role}`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 税区分 by role. */
function TaxCodeNamesTable(props: { settings: PostingSettingsDocument; fields: FieldErrors }) {
  return (
    <table>
      <tbody>
        {taxRoles.map((role) => (
          <tr>
            <th>
              <label for={`t.${role}`}>{taxLabels[role]}</label>
            </th>
            <td>
              <input
                id={`t.${role}`}
                name={`t.${role}`}
                value={props.settings.taxCodeNames[role]}
              />
              <FieldErrorText errors={props.fields} path={`taxCodeNames.${role}`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One payment method: 品目, and unless it is cash (settled at once) the 取引先 and 入金サイクル. */
function MethodSettingsRow(props: {
  row: MethodRow;
  index: number;
  method: PaymentMethod;
  fields: FieldErrors;
}) {
  const { row, index, method, fields } = props;
  const cash = method.kind === 'cash';
  return (
    <tr data-method={row.code}>
      <td>
        {method.name}({row.code}){cash ? ' 決済済(現金の口座)' : ' 未決済'}
      </td>
      <td>
        <input
          name={`m.${row.code}.itemName`}
          value={row.itemName ?? ''}
          placeholder={itemNameFor(method)}
          style="min-width:180px"
        />
        <FieldErrorText errors={fields} path={`methods[${index}].itemName`} />
      </td>
      <td>
        {cash ? (
          '—'
        ) : (
          <input
            name={`m.${row.code}.partnerName`}
            value={row.partnerName ?? ''}
            placeholder={method.name}
            style="min-width:140px"
          />
        )}
      </td>
      <td>
        {cash ? (
          '—'
        ) : (
          <ScheduleFields
            code={row.code}
            schedule={row.schedule}
            fallback={defaultScheduleFor(method.kind)}
          />
        )}
        <FieldErrorText errors={fields} path={`methods[${index}].schedule`} />
      </td>
    </tr>
  );
}

/** 支払い方法: one row per configured method the company still has. */
function MethodsTable(props: {
  settings: PostingSettingsDocument;
  methods: readonly PaymentMethod[];
  fields: FieldErrors;
}) {
  return (
    <table>
      <thead>
        <tr>
          <th>支払い方法</th>
          <th>品目</th>
          <th>取引先(入金元)</th>
          <th>入金サイクル</th>
        </tr>
      </thead>
      <tbody>
        {props.settings.methods.map((row, index) => {
          const method = props.methods.find((m) => m.code === row.code);
          if (!method) return null;
          return (
            <MethodSettingsRow row={row} index={index} method={method} fields={props.fields} />
          );
        })}
      </tbody>
    </table>
  );
}

/** One store: its 部門 and its cash 口座. */
function StoreSettingsRow(props: {
  row: StoreRow;
  index: number;
  storeName: string;
  fields: FieldErrors;
}) {
  const { row, index, fields } = props;
  return (
    <tr data-store={row.storeCode}>
      <td>
        {row.storeCode} {props.storeName}
      </td>
      <td>
        <input name={`s.${row.storeCode}.sectionName`} value={row.sectionName ?? ''} />
        <FieldErrorText errors={fields} path={`stores[${index}].sectionName`} />
      </td>
      <td>
        <input name={`s.${row.storeCode}.cashWalletableName`} value={row.cashWalletableName} />
        <FieldErrorText errors={fields} path={`stores[${index}].cashWalletableName`} />
      </td>
    </tr>
  );
}

/** 店舗: one row per store in the settings. */
function StoresTable(props: {
  settings: PostingSettingsDocument;
  stores: readonly { code: string; name: string }[];
  fields: FieldErrors;
}) {
  return (
    <table>
      <thead>
        <tr>
          <th>店舗</th>
          <th>部門(空欄 = 部門なし)</th>
          <th>現金の口座</th>
        </tr>
      </thead>
      <tbody>
        {props.settings.stores.map((row, index) => (
          <StoreSettingsRow
            row={row}
            index={index}
            storeName={props.stores.find((st) => st.code === row.storeCode)?.name ?? ''}
            fields={props.fields}
          />
        ))}
      </tbody>
    </table>
  );
}

interface PageProps {
  principal: StaffPrincipal;
  settings: PostingSettingsDocument;
  methods: readonly PaymentMethod[];
  stores: readonly { code: string; name: string }[];
  notice?: string | undefined;
  error?: string | undefined;
  fields?: Record<string, string>;
}

export function SettingsPage(props: PageProps) {
  const s = props.settings;
  const fields = props.fields ?? {};
  return (
    <Layout title="取引の送信設定" principal={props.principal} section="admin">
      <h1>freee連携 — 取引の送信設定</h1>
      {props.notice ? (
        <div class="notice" role="status">
          {props.notice}
        </div>
      ) : null}
      {props.error ? <SaveErrors error={props.error} fields={fields} /> : null}
      <form class="card" method="post" action={postingSettingsPath} id="posting-settings">
        <CsrfField principal={props.principal} />
        <p>
          名前はfreeeの勘定科目・税区分・品目・取引先・部門・口座の名前です。送信時にfreeeで探します(品目・取引先は無ければ作成します)。
        </p>
        <h2>勘定科目</h2>
        <AccountNamesTable settings={s} fields={fields} />
        <FieldErrorText errors={fields} path="accountNames.sales" />
        <h2>税区分</h2>
        <TaxCodeNamesTable settings={s} fields={fields} />
        <FieldErrorText errors={fields} path="taxCodeNames" />
        <h2>支払い方法</h2>
        <MethodsTable settings={s} methods={props.methods} fields={fields} />
        <h2>店舗</h2>
        <StoresTable settings={s} stores={props.stores} fields={fields} />
        <p>
          <button type="submit" id="posting-settings-save">
            保存
          </button>{' '}
          <a href="/integrations">連携結果へ</a>
        </p>
      </form>
    </Layout>
  );
}
