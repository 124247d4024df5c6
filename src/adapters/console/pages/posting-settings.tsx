// 運用管理 > freee連携 > 取引の送信設定: the company's posting mappings (posting.md "Mappings"):
// account items and tax codes by role, per payment method the 品目, the settlement partner (取引先)
// and the settlement schedule (入金サイクル), per store the 部門 and the cash 口座. Every value is a
// freee name resolved when a day is sent; empty = the default. Admins and managers save; field errors
// are shown next to their field and nothing is written.
import type { Context, Hono } from 'hono';
import { forbidden } from '../../../app/errors.js';
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
import type { AppEnv } from '../../http/context.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import { consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';

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
      <select name={name('kind')} aria-label="入金サイクル">
        {scheduleKinds
          .filter(([value]) => value !== 'keep' || kind === 'keep')
          .map(([value, label]) => (
            <option value={value} selected={value === kind}>
              {label}
            </option>
          ))}
      </select>{' '}
      営業日{' '}
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
      締め曜日{' '}
      <select name={name('cutoffWeekday')} style="min-width:0">
        {weekdays.map((w) => (
          <option value={w} selected={weekly?.cutoffWeekday === w}>
            {weekdayLabels[w]}
          </option>
        ))}
      </select>{' '}
      支払曜日{' '}
      <select name={name('paymentWeekday')} style="min-width:0">
        {weekdays.map((w) => (
          <option value={w} selected={weekly?.paymentWeekday === w}>
            {weekdayLabels[w]}
          </option>
        ))}
      </select>{' '}
      +週{' '}
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

interface PageProps {
  principal: StaffPrincipal;
  settings: PostingSettingsDocument;
  methods: readonly PaymentMethod[];
  stores: readonly { code: string; name: string }[];
  notice?: string | undefined;
  error?: string | undefined;
  fields?: Record<string, string>;
}

function SettingsPage(props: PageProps) {
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
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
          <ul id="posting-settings-errors">
            {Object.entries(fields).map(([path, message]) => (
              <li data-path={path}>
                {path}: {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form class="card" method="post" action={postingSettingsPath} id="posting-settings">
        <CsrfField principal={props.principal} />
        <p>
          名前はfreeeの勘定科目・税区分・品目・取引先・部門・口座の名前です。送信時にfreeeで探します(品目・取引先は無ければ作成します)。
        </p>
        <h2>勘定科目</h2>
        <table>
          <tbody>
            {accountRoles.map((role) => (
              <tr>
                <th>
                  <label for={`a.${role}`}>{accountLabels[role]}</label>
                </th>
                <td>
                  <input id={`a.${role}`} name={`a.${role}`} value={s.accountNames[role]} />
                  <FieldErrorText errors={fields} path={`accountNames.${role}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <FieldErrorText errors={fields} path="accountNames.sales" />
        <h2>税区分</h2>
        <table>
          <tbody>
            {taxRoles.map((role) => (
              <tr>
                <th>
                  <label for={`t.${role}`}>{taxLabels[role]}</label>
                </th>
                <td>
                  <input id={`t.${role}`} name={`t.${role}`} value={s.taxCodeNames[role]} />
                  <FieldErrorText errors={fields} path={`taxCodeNames.${role}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <FieldErrorText errors={fields} path="taxCodeNames" />
        <h2>支払い方法</h2>
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
            {s.methods.map((row, index) => {
              const method = props.methods.find((m) => m.code === row.code);
              if (!method) return null;
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
            })}
          </tbody>
        </table>
        <h2>店舗</h2>
        <table>
          <thead>
            <tr>
              <th>店舗</th>
              <th>部門(空欄 = 部門なし)</th>
              <th>現金の口座</th>
            </tr>
          </thead>
          <tbody>
            {s.stores.map((row, index) => (
              <tr data-store={row.storeCode}>
                <td>
                  {row.storeCode} {props.stores.find((st) => st.code === row.storeCode)?.name ?? ''}
                </td>
                <td>
                  <input name={`s.${row.storeCode}.sectionName`} value={row.sectionName ?? ''} />
                  <FieldErrorText errors={fields} path={`stores[${index}].sectionName`} />
                </td>
                <td>
                  <input
                    name={`s.${row.storeCode}.cashWalletableName`}
                    value={row.cashWalletableName}
                  />
                  <FieldErrorText errors={fields} path={`stores[${index}].cashWalletableName`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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

const nullIfEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? null : value.trim();
const dayOf = (value: string | undefined): unknown =>
  value?.trim() === 'end' || value?.trim() === '末' ? 'end' : numberOf(value);
const numberOf = (value: string | undefined): unknown =>
  value !== undefined && /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : value;

function scheduleOf(
  form: Record<string, string>,
  code: string,
  stored: SettlementSchedule | null,
): unknown {
  const field = (name: string) => form[`m.${code}.${name}`];
  switch (field('kind')) {
    case 'sameDay':
      return { kind: 'sameDay' };
    case 'daysAfter':
      return { kind: 'daysAfter', bankingDays: numberOf(field('bankingDays')) };
    case 'monthly':
      return {
        kind: 'monthly',
        cutoffDay: dayOf(field('cutoffDay')),
        paymentMonthOffset: numberOf(field('paymentMonthOffset')),
        paymentDay: dayOf(field('paymentDay')),
      };
    case 'weekly':
      return {
        kind: 'weekly',
        cutoffWeekday: field('cutoffWeekday'),
        paymentWeekday: field('paymentWeekday'),
        weeksAfter: numberOf(field('weeksAfter') || '0'),
      };
    case 'keep':
      return stored;
    default:
      return null;
  }
}

/** The form → the document (validated by savePostingSettings). */
export function documentOf(
  form: Record<string, string>,
  current: PostingSettingsDocument,
  methods: readonly PaymentMethod[],
): unknown {
  return {
    accountNames: Object.fromEntries(accountRoles.map((role) => [role, form[`a.${role}`] ?? ''])),
    taxCodeNames: Object.fromEntries(taxRoles.map((role) => [role, form[`t.${role}`] ?? ''])),
    methods: current.methods.map((row) => {
      const cash = methods.find((m) => m.code === row.code)?.kind === 'cash';
      return {
        code: row.code,
        itemName: nullIfEmpty(form[`m.${row.code}.itemName`]),
        partnerName: cash ? null : nullIfEmpty(form[`m.${row.code}.partnerName`]),
        schedule: cash ? null : scheduleOf(form, row.code, row.schedule),
      };
    }),
    stores: current.stores.map((row) => ({
      storeCode: row.storeCode,
      sectionName: nullIfEmpty(form[`s.${row.storeCode}.sectionName`]),
      cashWalletableName: form[`s.${row.storeCode}.cashWalletableName`]?.trim() ?? '',
    })),
  };
}

async function render(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  extra: {
    settings?: PostingSettingsDocument;
    notice?: string;
    error?: string;
    fields?: Record<string, string>;
  } = {},
  status: 200 | 400 | 403 = 200,
) {
  const services = c.get('app');
  const sources = services.posting.queries;
  const settings =
    extra.settings ?? (await services.posting.getPostingSettings(principal.companyId)).settings;
  const [methods, stores] = await Promise.all([
    sources.paymentMethods(principal.companyId),
    sources.listStores(principal.companyId),
  ]);
  return c.html(
    <SettingsPage
      principal={principal}
      settings={settings}
      methods={methods}
      stores={stores}
      notice={extra.notice}
      error={extra.error}
      fields={extra.fields ?? {}}
    />,
    status,
  );
}

export function postingSettingsRoutes(app: Hono<AppEnv>): void {
  app.get(postingSettingsPath, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return render(c, principal, c.req.query('saved') ? { notice: '保存しました。' } : {});
  });
  app.post(postingSettingsPath, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    const services = c.get('app');
    const current = (await services.posting.getPostingSettings(principal.companyId)).settings;
    const methods = await services.posting.queries.paymentMethods(principal.companyId);
    try {
      if (principal.staff.role === 'staff')
        throw forbidden('freee連携の設定は管理者または店長が行ってください。');
      await services.posting.savePostingSettings(
        principal.companyId,
        documentOf(form, current, methods),
        `staff:${principal.staff.code}`,
      );
      return c.redirect(`${postingSettingsPath}?saved=1`, 303);
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return render(
        c,
        principal,
        { error: shown.message, fields: shown.fields },
        principal.staff.role === 'staff' ? 403 : 400,
      );
    }
  });
}
