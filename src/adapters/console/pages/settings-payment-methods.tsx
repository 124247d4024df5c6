// 運用管理設定 > 支払い方法: list, create, edit. Exactly one cash method per company.
import type { Context, Hono } from 'hono';
import {
  paymentKinds,
  type PaymentKind,
  type PaymentMethod,
} from '../../../domain/ledger/types.js';
import { forbidden } from '../../../app/errors.js';
import type { AppEnv } from '../../http/context.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import { canAdmin, consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';

export const kindLabels: Record<PaymentKind, string> = {
  cash: '現金',
  card: 'クレジットカード',
  emoney: '電子マネー',
  qr: 'QR決済',
  voucher: '商品券・金券',
  receivable: '売掛',
  other: 'その他',
};

interface Values {
  code: string;
  name: string;
  kind: string;
  givesChange: string;
  settlement: string;
}
const empty: Values = {
  code: '',
  name: '',
  kind: 'card',
  givesChange: 'false',
  settlement: 'unsettled',
};
const fromMethod = (m: PaymentMethod): Values => ({
  code: m.code,
  name: m.name,
  kind: m.kind,
  givesChange: String(m.givesChange),
  settlement: m.settlement,
});

function MethodForm(props: {
  principal: StaffPrincipal;
  values: Values;
  isNew: boolean;
  error?: string;
  fields?: Record<string, string>;
}) {
  const v = props.values;
  const fields = props.fields ?? {};
  return (
    <Layout title="支払い方法" principal={props.principal} section="admin">
      <h1>{props.isNew ? '支払い方法の追加' : `支払い方法の編集: ${v.code}`}</h1>
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
            ? '/admin/settings/payment-methods'
            : `/admin/settings/payment-methods/${encodeURIComponent(v.code)}`
        }
      >
        <CsrfField principal={props.principal} />
        <label for="code">コード</label>
        <input id="code" name="code" value={v.code} readonly={!props.isNew} />
        <FieldErrorText errors={fields} path="code" />
        <label for="name">名前</label>
        <input id="name" name="name" value={v.name} />
        <FieldErrorText errors={fields} path="name" />
        <label for="kind">種類</label>
        <select id="kind" name="kind">
          {paymentKinds.map((k) => (
            <option value={k} selected={k === v.kind}>
              {kindLabels[k]}
            </option>
          ))}
        </select>
        <FieldErrorText errors={fields} path="kind" />
        <label for="givesChange">お釣り</label>
        <select id="givesChange" name="givesChange">
          <option value="true" selected={v.givesChange === 'true'}>
            お釣り有り
          </option>
          <option value="false" selected={v.givesChange !== 'true'}>
            お釣り無し
          </option>
        </select>
        <label for="settlement">決済</label>
        <select id="settlement" name="settlement">
          <option value="settled" selected={v.settlement === 'settled'}>
            決済済(現金)
          </option>
          <option value="unsettled" selected={v.settlement !== 'settled'}>
            未決済(後日入金)
          </option>
        </select>
        <FieldErrorText errors={fields} path="settlement" />
        <FieldErrorText errors={fields} path="paymentMethods" />
        <p>
          <button type="submit">保存</button>
        </p>
      </form>
    </Layout>
  );
}

async function submit(c: Context<AppEnv>, isNew: boolean) {
  const principal = consoleStaff(c);
  if (!principal) return c.redirect('/login');
  const form = await readForm(c, principal);
  if (!canAdmin(principal)) throw forbidden();
  const values: Values = {
    ...empty,
    ...form,
    code: isNew ? (form.code ?? '') : (c.req.param('code') ?? ''),
  };
  try {
    const existing = (await c.get('app').tenancy.read.listPaymentMethods(principal.companyId)).find(
      (m) => m.code === values.code,
    );
    if (isNew && existing) {
      return c.html(
        <MethodForm
          principal={principal}
          values={values}
          isNew
          error="そのコードは既に使われています。"
          fields={{ code: 'そのコードは既に使われています。' }}
        />,
        409,
      );
    }
    const method: PaymentMethod = {
      code: values.code,
      name: values.name,
      kind: values.kind as PaymentKind,
      givesChange: values.givesChange === 'true',
      settlement: values.settlement as PaymentMethod['settlement'],
    };
    await c.get('app').tenancy.savePaymentMethod(principal.companyId, method);
    return c.redirect('/admin/settings/payment-methods', 303);
  } catch (error) {
    const shown = errorsByPath(error);
    if (!shown) throw error;
    return c.html(
      <MethodForm
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

export function settingsPaymentMethodRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/settings/payment-methods', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const methods = await c.get('app').tenancy.read.listPaymentMethods(principal.companyId);
    return c.html(
      <Layout title="支払い方法" principal={principal} section="admin">
        <h1>支払い方法</h1>
        <p>
          <a class="button" href="/admin/settings/payment-methods/new">
            支払い方法を追加
          </a>
        </p>
        <table>
          <thead>
            <tr>
              <th>コード</th>
              <th>名前</th>
              <th>種類</th>
              <th>お釣り</th>
              <th>決済</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {methods.map((m) => (
              <tr>
                <td>{m.code}</td>
                <td>{m.name}</td>
                <td>{kindLabels[m.kind]}</td>
                <td>{m.givesChange ? '有り' : '無し'}</td>
                <td>{m.settlement === 'settled' ? '決済済' : '未決済'}</td>
                <td>
                  <a href={`/admin/settings/payment-methods/${encodeURIComponent(m.code)}`}>編集</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    );
  });
  app.get('/admin/settings/payment-methods/new', (c) => {
    const principal = consoleStaff(c);
    return principal
      ? c.html(<MethodForm principal={principal} values={empty} isNew />)
      : c.redirect('/login');
  });
  app.get('/admin/settings/payment-methods/:code', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const method = (await c.get('app').tenancy.read.listPaymentMethods(principal.companyId)).find(
      (m) => m.code === c.req.param('code'),
    );
    return method
      ? c.html(<MethodForm principal={principal} values={fromMethod(method)} isNew={false} />)
      : c.notFound();
  });
  app.post('/admin/settings/payment-methods', (c) => submit(c, true));
  app.post('/admin/settings/payment-methods/:code', (c) => submit(c, false));
}
