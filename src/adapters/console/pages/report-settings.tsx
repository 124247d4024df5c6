// 日報の設定 per store (spec §3): タイトル; 1時間ごとの売上を印刷する + 開始・終了時間 (24〜29時 = 翌朝);
// 税率ごとの内訳【売上・税・純売上】/【支払い方法】. Admins and managers save; field errors are shown
// next to their field and nothing is written.
import type { Context, Hono } from 'hono';
import { endHourMax, startHourMax } from '../../../app/report/report-settings.js';
import { forbidden } from '../../../app/errors.js';
import type { ReportSettings } from '../../../domain/report/types.js';
import type { AppEnv } from '../../http/context.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import { consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';

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
        <label>
          <input
            type="checkbox"
            id="hourlyEnabled"
            name="hourlyEnabled"
            value="1"
            checked={v.hourlyEnabled}
            style="min-width:0"
          />{' '}
          1時間ごとの売上を印刷する
        </label>
        <FieldErrorText errors={fields} path="hourly.enabled" />
        <label for="startHour">開始時間</label>
        <select id="startHour" name="startHour">
          {hours(startHourMax).map((h) => (
            <option value={String(h)} selected={String(h) === v.startHour}>{`${h}時`}</option>
          ))}
        </select>
        <FieldErrorText errors={fields} path="hourly.startHour" />
        <label for="endHour">終了時間(24〜29時は翌朝)</label>
        <select id="endHour" name="endHour">
          {hours(endHourMax).map((h) => (
            <option value={String(h)} selected={String(h) === v.endHour}>{`${h}時`}</option>
          ))}
        </select>
        <FieldErrorText errors={fields} path="hourly.endHour" />
        <p>税率ごとの内訳を印刷する項目</p>
        <label>
          <input
            type="checkbox"
            id="taxSales"
            name="taxSales"
            value="1"
            checked={v.taxSales}
            style="min-width:0"
          />{' '}
          売上・税・純売上
        </label>
        <label>
          <input
            type="checkbox"
            id="taxPaymentMethods"
            name="taxPaymentMethods"
            value="1"
            checked={v.taxPaymentMethods}
            style="min-width:0"
          />{' '}
          支払い方法
        </label>
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
  return stores.find((s) => s.code === c.req.query('store')) ?? stores[0] ?? null;
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
