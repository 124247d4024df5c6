// 日報の設定 per store (spec §3): タイトル; 1時間ごとの売上を印刷する + 開始・終了時間 (24〜29時 = 翌朝);
// 税率ごとの内訳【売上・税・純売上】/【支払い方法】. Admins and managers save; field errors are shown
// next to their field and nothing is written.
import type { Context, Hono } from 'hono';
import { endHourMax, startHourMax } from '../../../app/report/report-settings.js';
import { forbidden } from '../../../app/errors.js';
import type { ReportSettings } from '../../../domain/report/types.js';
import type { AppEnv } from '../../http/context.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import {
  consoleStaff,
  errorsByPath,
  readForm,
  type StaffPrincipal,
  storeNamed,
} from '../session.js';

interface SettingsForm {
  title: string;
  hourlyEnabled: boolean;
  startHour: string;
  endHour: string;
  taxSales: boolean;
  taxPaymentMethods: boolean;
}

const formOf = (s: ReportSettings): SettingsForm => ({
  title: s.title,
  hourlyEnabled: s.hourly.enabled,
  startHour: String(s.hourly.startHour),
  endHour: String(s.hourly.endHour),
  taxSales: s.taxBreakdown.sales,
  taxPaymentMethods: s.taxBreakdown.paymentMethods,
});

const hourOf = (text: string): unknown => (/^\d{1,2}$/.test(text) ? Number(text) : text);
const hours = (max: number) => Array.from({ length: max + 1 }, (_, hour) => hour);

/** A checkbox (value 1) with its label after it; id and name are the same. */
function Checkbox(props: { name: string; checked: boolean; label: string }) {
  return (
    <label>
      <input
        type="checkbox"
        id={props.name}
        name={props.name}
        value="1"
        checked={props.checked}
        style="min-width:0"
      />{' '}
      {props.label}
    </label>
  );
}

/** An hour from 0 to max (24〜29 = the next morning); id and name are the same. */
function HourSelect(props: { name: string; max: number; selected: string }) {
  return (
    <select id={props.name} name={props.name}>
      {hours(props.max).map((h) => (
        <option value={String(h)} selected={String(h) === props.selected}>{`${h}時`}</option>
      ))}
    </select>
  );
}

function SettingsPage(props: {
  principal: StaffPrincipal;
  storeCode: string;
  storeName: string;
  values: SettingsForm;
  error?: string;
  fields?: Record<string, string>;
}) {
  const v = props.values;
  const fields = props.fields ?? {};
  return (
    <Layout title="日報の設定" principal={props.principal} section="report">
      <h1>
        日報の設定 — {props.storeName}({props.storeCode})
      </h1>
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      <form
        class="card"
        method="post"
        action={`/report/settings?store=${encodeURIComponent(props.storeCode)}`}
      >
        <CsrfField principal={props.principal} />
        <label for="title">タイトル</label>
        <input id="title" name="title" value={v.title} />
        <FieldErrorText errors={fields} path="title" />
        <Checkbox
          name="hourlyEnabled"
          checked={v.hourlyEnabled}
          label="1時間ごとの売上を印刷する"
        />
        <FieldErrorText errors={fields} path="hourly.enabled" />
        <label for="startHour">開始時間</label>
        <HourSelect name="startHour" max={startHourMax} selected={v.startHour} />
        <FieldErrorText errors={fields} path="hourly.startHour" />
        <label for="endHour">終了時間(24〜29時は翌朝)</label>
        <HourSelect name="endHour" max={endHourMax} selected={v.endHour} />
        <FieldErrorText errors={fields} path="hourly.endHour" />
        <p>税率ごとの内訳を印刷する項目</p>
        <Checkbox name="taxSales" checked={v.taxSales} label="売上・税・純売上" />
        <Checkbox name="taxPaymentMethods" checked={v.taxPaymentMethods} label="支払い方法" />
        <p>
          <button type="submit">保存</button>{' '}
          <a href={`/report?store=${encodeURIComponent(props.storeCode)}`}>日報へ戻る</a>
        </p>
      </form>
    </Layout>
  );
}

async function storeOf(c: Context<AppEnv>, principal: StaffPrincipal) {
  const stores = await c.get('app').tenancy.read.listStores(principal.companyId);
  return storeNamed(stores, c.req.query('store'), c.req.method === 'POST' ? 'write' : 'page');
}

export function reportSettingsRoutes(app: Hono<AppEnv>): void {
  app.get('/report/settings', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const store = await storeOf(c, principal);
    if (!store) return c.redirect('/report');
    const { settings } = await c
      .get('app')
      .report.getReportSettings(principal.companyId, store.code);
    return c.html(
      <SettingsPage
        principal={principal}
        storeCode={store.code}
        storeName={store.name}
        values={formOf(settings)}
      />,
    );
  });
  app.post('/report/settings', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    const store = await storeOf(c, principal);
    if (!store) return c.redirect('/report');
    const values: SettingsForm = {
      title: form.title ?? '',
      hourlyEnabled: form.hourlyEnabled === '1',
      startHour: form.startHour ?? '',
      endHour: form.endHour ?? '',
      taxSales: form.taxSales === '1',
      taxPaymentMethods: form.taxPaymentMethods === '1',
    };
    try {
      if (principal.staff.role === 'staff')
        throw forbidden('日報の設定を変更できるのは管理者・店長だけです。');
      await c.get('app').report.saveReportSettings(principal.companyId, store.code, {
        title: values.title,
        hourly: {
          enabled: values.hourlyEnabled,
          startHour: hourOf(values.startHour),
          endHour: hourOf(values.endHour),
        },
        taxBreakdown: { sales: values.taxSales, paymentMethods: values.taxPaymentMethods },
      });
      return c.redirect(`/report?store=${encodeURIComponent(store.code)}&saved=1`, 303);
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return c.html(
        <SettingsPage
          principal={principal}
          storeCode={store.code}
          storeName={store.name}
          values={values}
          error={shown.message}
          fields={shown.fields}
        />,
        400,
      );
    }
  });
}
