// The view of 取引の送信設定 (posting-settings.tsx): account items and tax codes by role, per payment
// method the 品目, the settlement partner and the settlement schedule, per store the 部門 and the cash
// 口座, each field with its error next to it. freee names are picked from the synced masters (a
// select list showing code and name, with a search box filtered by /static/master-select.js); before
// any sync (or past selectOptionsMax records) they are typed. A refused form shows what was typed.
import { defaultScheduleFor, type PostingSettingsDocument } from '../../../app/posting/settings.js';
import {
  accountRoles,
  itemNameFor,
  taxRoles,
  type AccountRole,
  type TaxRole,
} from '../../../domain/posting/mappings.js';
import type { PaymentMethod } from '../../../domain/ledger/types.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import type { StaffPrincipal } from '../session.js';
import {
  NameField,
  NotSynced,
  PushMasters,
  type MasterOption,
  type MasterOptions,
} from './posting-settings-names.js';
import { ScheduleFields } from './posting-settings-schedule.js';

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
type FieldErrors = Record<string, string>;
/** What was submitted (a refused save shows it as typed); empty on a fresh page. */
type Typed = Record<string, string>;
type MethodRow = PostingSettingsDocument['methods'][number];
type StoreRow = PostingSettingsDocument['stores'][number];

interface Names {
  methods: readonly PaymentMethod[];
  stores: readonly { code: string; name: string }[];
}

/** The field a path names, in Japanese (never the document path itself). */
export function fieldLabel(path: string, settings: PostingSettingsDocument, names: Names): string {
  const account = /^accountNames\.(\w+)/.exec(path)?.[1];
  if (account !== undefined)
    return `勘定科目「${accountLabels[account as AccountRole] ?? account}」`;
  const tax = /^taxCodeNames(?:\.(\w+))?/.exec(path);
  if (tax) return tax[1] ? `税区分「${taxLabels[tax[1] as TaxRole] ?? tax[1]}」` : '税区分';
  const method = /^methods\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (method) {
    const row = settings.methods[Number(method[1])];
    const name = names.methods.find((m) => m.code === row?.code)?.name ?? row?.code ?? '';
    const part =
      { itemName: '品目', partnerName: '取引先', schedule: '入金サイクル', code: 'コード' }[
        method[2] ?? ''
      ] ?? '設定';
    return `支払い方法「${name}」の${part}`;
  }
  const store = /^stores\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (store) {
    const row = settings.stores[Number(store[1])];
    const name = names.stores.find((st) => st.code === row?.storeCode)?.name ?? '';
    const part =
      { sectionName: '部門', cashWalletableName: '現金の口座', storeCode: 'コード' }[
        store[2] ?? ''
      ] ?? '設定';
    return `店舗「${row?.storeCode ?? ''} ${name}」の${part}`;
  }
  return '入力内容';
}

/** The alert with the message and every field error, each named by its Japanese label. */
function SaveErrors(props: {
  error: string;
  fields: FieldErrors;
  settings: PostingSettingsDocument;
  names: Names;
}) {
  return (
    <div class="alert" role="alert">
      {Object.keys(props.fields).length === 0
        ? props.error
        : '保存できませんでした。次の項目を直してください(入力した内容はそのまま残っています)。'}
      <ul id="posting-settings-errors">
        {Object.entries(props.fields).map(([path, message]) => (
          <li data-path={path}>
            {fieldLabel(path, props.settings, props.names)}: {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

const shownValue = (typed: Typed, name: string, stored: string) => typed[name] ?? stored;

/** 勘定科目 by role. */
function AccountNamesTable(props: {
  settings: PostingSettingsDocument;
  fields: FieldErrors;
  typed: Typed;
  options: MasterOption[] | null;
}) {
  return (
    <table>
      <tbody>
        {accountRoles.map((role) => (
          <tr>
            <th>
              <label for={`a.${role}`}>{accountLabels[role]}</label>
            </th>
            <td>
              <NameField
                id={`a.${role}`}
                label={`勘定科目「${accountLabels[role]}」`}
                value={shownValue(props.typed, `a.${role}`, props.settings.accountNames[role])}
                options={props.options}
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
function TaxCodeNamesTable(props: {
  settings: PostingSettingsDocument;
  fields: FieldErrors;
  typed: Typed;
  options: MasterOption[] | null;
}) {
  return (
    <table>
      <tbody>
        {taxRoles.map((role) => (
          <tr>
            <th>
              <label for={`t.${role}`}>{taxLabels[role]}</label>
            </th>
            <td>
              <NameField
                id={`t.${role}`}
                label={`税区分「${taxLabels[role]}」`}
                value={shownValue(props.typed, `t.${role}`, props.settings.taxCodeNames[role])}
                options={props.options}
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
  typed: Typed;
  options: MasterOptions;
}) {
  const { row, index, method, fields, typed } = props;
  const cash = method.kind === 'cash';
  const itemDefault = itemNameFor(method);
  return (
    <tr data-method={row.code}>
      <td>
        {method.name}({row.code}){cash ? ' 決済済(現金の口座)' : ' 未決済'}
      </td>
      <td>
        <NameField
          id={`m.${row.code}.itemName`}
          label={`支払い方法「${method.name}」の品目`}
          value={shownValue(typed, `m.${row.code}.itemName`, row.itemName ?? '')}
          options={props.options?.items ?? null}
          empty={`既定: ${itemDefault}(無ければ作成)`}
          placeholder={itemDefault}
        />
        <FieldErrorText errors={fields} path={`methods[${index}].itemName`} />
      </td>
      <td>
        {cash ? (
          '—'
        ) : (
          <NameField
            id={`m.${row.code}.partnerName`}
            label={`支払い方法「${method.name}」の取引先`}
            value={shownValue(typed, `m.${row.code}.partnerName`, row.partnerName ?? '')}
            options={props.options?.partners ?? null}
            empty={`既定: ${method.name}(無ければ作成)`}
            placeholder={method.name}
          />
        )}
        <FieldErrorText errors={fields} path={`methods[${index}].partnerName`} />
      </td>
      <td>
        {cash ? (
          '—'
        ) : (
          <ScheduleFields
            code={row.code}
            schedule={row.schedule}
            fallback={defaultScheduleFor(method.kind)}
            typed={typed}
            label={`支払い方法「${method.name}」`}
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
  typed: Typed;
  options: MasterOptions;
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
            <MethodSettingsRow
              row={row}
              index={index}
              method={method}
              fields={props.fields}
              typed={props.typed}
              options={props.options}
            />
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
  typed: Typed;
  options: MasterOptions;
}) {
  const { row, index, fields, typed } = props;
  const section = `s.${row.storeCode}.sectionName`;
  const wallet = `s.${row.storeCode}.cashWalletableName`;
  return (
    <tr data-store={row.storeCode}>
      <td>
        {row.storeCode} {props.storeName}
      </td>
      <td>
        <NameField
          id={section}
          label={`店舗「${props.storeName}」の部門`}
          value={shownValue(typed, section, row.sectionName ?? '')}
          options={props.options?.sections ?? null}
          empty="部門なし"
        />
        <FieldErrorText errors={fields} path={`stores[${index}].sectionName`} />
      </td>
      <td>
        <input
          id={wallet}
          name={wallet}
          aria-label={`店舗「${props.storeName}」の現金の口座`}
          value={shownValue(typed, wallet, row.cashWalletableName)}
        />
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
  typed: Typed;
  options: MasterOptions;
}) {
  return (
    <table>
      <thead>
        <tr>
          <th>店舗</th>
          <th>部門</th>
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
            typed={props.typed}
            options={props.options}
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
  options: MasterOptions;
  notice?: string | undefined;
  error?: string | undefined;
  fields?: Record<string, string>;
  typed?: Typed;
}

export function SettingsPage(props: PageProps) {
  const s = props.settings;
  const fields = props.fields ?? {};
  const typed = props.typed ?? {};
  const names = { methods: props.methods, stores: props.stores };
  return (
    <Layout title="取引の送信設定" principal={props.principal} section="admin">
      <script src="/static/master-select.js" defer></script>
      <h1>freee連携 — 取引の送信設定</h1>
      {props.notice ? (
        <div class="notice" role="status">
          {props.notice}
        </div>
      ) : null}
      {props.error ? (
        <SaveErrors error={props.error} fields={fields} settings={s} names={names} />
      ) : null}
      {props.options === null ? <NotSynced principal={props.principal} /> : null}
      <form class="card" method="post" action={postingSettingsPath} id="posting-settings">
        <CsrfField principal={props.principal} />
        <p>
          {props.options === null
            ? '名前はfreeeの勘定科目・税区分・品目・取引先・部門・口座の名前です。送信時にfreeeで探します(品目・取引先は既定のものを無ければ作成します)。'
            : 'freeeから同期したマスターから選びます(コード 名前)。検索欄に入力すると一覧を絞り込めます。保存時に、freeeに無い・削除された名前はその項目のエラーになります。'}{' '}
          <a href="/admin/settings/masters">マスター同期</a>
        </p>
        <h2>勘定科目</h2>
        <AccountNamesTable
          settings={s}
          fields={fields}
          typed={typed}
          options={props.options?.accountItems ?? null}
        />
        <h2>税区分</h2>
        <TaxCodeNamesTable
          settings={s}
          fields={fields}
          typed={typed}
          options={props.options?.taxes ?? null}
        />
        <FieldErrorText errors={fields} path="taxCodeNames" />
        <h2>支払い方法</h2>
        <div style="overflow-x:auto">
          <MethodsTable
            settings={s}
            methods={props.methods}
            fields={fields}
            typed={typed}
            options={props.options}
          />
        </div>
        <h2>店舗</h2>
        <StoresTable
          settings={s}
          stores={props.stores}
          fields={fields}
          typed={typed}
          options={props.options}
        />
        <p>
          <button type="submit" id="posting-settings-save">
            保存
          </button>{' '}
          <a href="/integrations">連携結果へ</a>
        </p>
      </form>
      <PushMasters principal={props.principal} action={`${postingSettingsPath}/push`} />
    </Layout>
  );
}
