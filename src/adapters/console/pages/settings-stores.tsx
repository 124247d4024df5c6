// 運用管理設定 > 店舗: list, create, edit (name, time zone, registers, printer).
import type { Context, Hono } from 'hono';
import { forbidden } from '../../../app/errors.js';
import type { PrinterSetting, Store } from '../../../app/tenancy/model.js';
import type { AppEnv } from '../../http/context.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import { consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';

interface StoreFormValues {
  code: string;
  name: string;
  timeZone: string;
  registers: string;
  printerKind: string;
  printerHost: string;
  printerPort: string;
}

const fromStore = (s: Store): StoreFormValues => ({
  code: s.code,
  name: s.name,
  timeZone: s.timeZone,
  registers: s.registers.join(','),
  printerKind: s.printer?.kind ?? '',
  printerHost: s.printer?.host ?? '',
  printerPort: s.printer ? String(s.printer.port) : '9100',
});

const empty: StoreFormValues = {
  code: '',
  name: '',
  timeZone: 'Asia/Tokyo',
  registers: '01',
  printerKind: '',
  printerHost: '',
  printerPort: '9100',
};

function StoreForm(props: {
  principal: StaffPrincipal;
  values: StoreFormValues;
  isNew: boolean;
  error?: string;
  fields?: Record<string, string>;
}) {
  const v = props.values;
  const fields = props.fields ?? {};
  return (
    <Layout title="店舗" principal={props.principal} section="admin">
      <h1>{props.isNew ? '店舗の追加' : `店舗の編集: ${v.code}`}</h1>
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      <form
        class="card"
        method="post"
        action={
          props.isNew
            ? '/admin/settings/stores'
            : `/admin/settings/stores/${encodeURIComponent(v.code)}`
        }
      >
        <CsrfField principal={props.principal} />
        <label for="code">店舗コード</label>
        <input id="code" name="code" value={v.code} readonly={!props.isNew} />
        <FieldErrorText errors={fields} path="code" />
        <label for="name">店舗名</label>
        <input id="name" name="name" value={v.name} />
        <FieldErrorText errors={fields} path="name" />
        <label for="timeZone">タイムゾーン</label>
        <input id="timeZone" name="timeZone" value={v.timeZone} />
        <FieldErrorText errors={fields} path="timeZone" />
        <label for="registers">端末コード(カンマ区切り)</label>
        <input id="registers" name="registers" value={v.registers} />
        <FieldErrorText errors={fields} path="registers" />
        <label for="printerKind">レシートプリンター</label>
        <select id="printerKind" name="printerKind">
          <option value="" selected={v.printerKind === ''}>
            なし
          </option>
          <option value="escpos" selected={v.printerKind === 'escpos'}>
            ESC/POS(エプソン互換)
          </option>
          <option value="starprnt" selected={v.printerKind === 'starprnt'}>
            StarPRNT(スター精密)
          </option>
        </select>
        <label for="printerHost">プリンターのIPアドレス</label>
        <input id="printerHost" name="printerHost" value={v.printerHost} />
        <label for="printerPort">ポート</label>
        <input id="printerPort" name="printerPort" value={v.printerPort} />
        <FieldErrorText errors={fields} path="printer" />
        <p>
          <button type="submit">保存</button>
        </p>
      </form>
    </Layout>
  );
}

function parsePrinter(form: Record<string, string>): PrinterSetting | null {
  const kind = form.printerKind;
  if (kind !== 'escpos' && kind !== 'starprnt') return null;
  return { kind, host: (form.printerHost ?? '').trim(), port: Number(form.printerPort ?? '9100') };
}

async function submit(c: Context<AppEnv>, isNew: boolean) {
  const principal = consoleStaff(c);
  if (!principal) return c.redirect('/login');
  const form = await readForm(c, principal);
  if (principal.staff.role === 'staff') throw forbidden();
  const values: StoreFormValues = {
    ...empty,
    ...form,
    code: isNew ? (form.code ?? '') : (c.req.param('code') ?? ''),
  };
  try {
    const existing = await c.get('app').tenancy.read.findStore(principal.companyId, values.code);
    if (isNew && existing) throw Object.assign(new Error('exists'), { duplicate: true });
    const registers = values.registers
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r.length > 0);
    await c.get('app').tenancy.saveStore(principal.companyId, {
      code: values.code,
      name: values.name,
      timeZone: values.timeZone,
      registers,
      printer: parsePrinter(form),
    });
    return c.redirect('/admin/settings/stores', 303);
  } catch (error) {
    if ((error as { duplicate?: boolean }).duplicate) {
      return c.html(
        <StoreForm
          principal={principal}
          values={values}
          isNew={isNew}
          error="その店舗コードは既に使われています。"
          fields={{ code: 'その店舗コードは既に使われています。' }}
        />,
        409,
      );
    }
    const shown = errorsByPath(error);
    if (!shown) throw error;
    return c.html(
      <StoreForm
        principal={principal}
        values={values}
        isNew={isNew}
        error={shown.message}
        fields={shown.fields}
      />,
      400,
    );
  }
}

export function settingsStoreRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/settings/stores', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const stores = await c.get('app').tenancy.read.listStores(principal.companyId);
    return c.html(
      <Layout title="店舗" principal={principal} section="admin">
        <h1>店舗</h1>
        <p>
          <a class="button" href="/admin/settings/stores/new">
            店舗を追加
          </a>
        </p>
        <table>
          <thead>
            <tr>
              <th>店舗コード</th>
              <th>店舗名</th>
              <th>タイムゾーン</th>
              <th>端末</th>
              <th>プリンター</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {stores.map((s) => (
              <tr>
                <td>{s.code}</td>
                <td>{s.name}</td>
                <td>{s.timeZone}</td>
                <td>{s.registers.join(', ')}</td>
                <td>
                  {s.printer ? `${s.printer.kind} ${s.printer.host}:${s.printer.port}` : 'なし'}
                </td>
                <td>
                  <a href={`/admin/settings/stores/${encodeURIComponent(s.code)}`}>編集</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    );
  });
  app.get('/admin/settings/stores/new', (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return c.html(<StoreForm principal={principal} values={empty} isNew />);
  });
  app.get('/admin/settings/stores/:code', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const store = await c
      .get('app')
      .tenancy.read.findStore(principal.companyId, c.req.param('code'));
    if (!store) return c.notFound();
    return c.html(<StoreForm principal={principal} values={fromStore(store)} isNew={false} />);
  });
  app.post('/admin/settings/stores', (c) => submit(c, true));
  app.post('/admin/settings/stores/:code', (c) => submit(c, false));
}
