// 運用管理設定 > 担当者: list, create, edit (role, active, new password).
import { getCookie } from 'hono/cookie';
import { sessionCookieName } from '../../http/auth-middleware.js';
import type { Context, Hono } from 'hono';
import { forbidden } from '../../../app/errors.js';
import { staffRoles, type StaffMember, type StaffRole } from '../../../app/tenancy/model.js';
import type { AppEnv } from '../../http/context.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import { canAdmin, consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';

export const roleLabels: Record<StaffRole, string> = {
  admin: '管理者',
  manager: '店長',
  staff: 'スタッフ',
};

interface Values {
  code: string;
  name: string;
  role: string;
  active: string;
  password: string;
}
const empty: Values = { code: '', name: '', role: 'staff', active: 'true', password: '' };
const fromStaff = (s: StaffMember): Values => ({
  code: s.code,
  name: s.name,
  role: s.role,
  active: String(s.active),
  password: '',
});

/** 仮のパスワードを発行 (pages/account.tsx answers it). */
function ResetPasswordForm(props: { principal: StaffPrincipal; code: string }) {
  return (
    <form
      class="card"
      method="post"
      action={`/admin/settings/staff/${encodeURIComponent(props.code)}/reset-password`}
      id="reset-password"
      data-confirm="仮のパスワードを発行し、この担当者のログインをすべて終了します。よろしいですか。"
    >
      <CsrfField principal={props.principal} />
      <p>
        パスワードを忘れた担当者には、仮のパスワードを発行できます(次のログインで本人が変更します)。
      </p>
      <button type="submit">仮のパスワードを発行</button>
    </form>
  );
}

function StaffForm(props: {
  principal: StaffPrincipal;
  values: Values;
  isNew: boolean;
  error?: string;
  fields?: Record<string, string>;
}) {
  const v = props.values;
  const fields = props.fields ?? {};
  return (
    <Layout title="担当者" principal={props.principal} section="admin">
      <h1>{props.isNew ? '担当者の追加' : `担当者の編集: ${v.code}`}</h1>
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
            ? '/admin/settings/staff'
            : `/admin/settings/staff/${encodeURIComponent(v.code)}`
        }
      >
        <CsrfField principal={props.principal} />
        <label for="code">担当者コード</label>
        <input id="code" name="code" value={v.code} readonly={!props.isNew} />
        <FieldErrorText errors={fields} path="code" />
        <label for="name">担当者名</label>
        <input id="name" name="name" value={v.name} />
        <FieldErrorText errors={fields} path="name" />
        <label for="role">権限</label>
        <select id="role" name="role">
          {staffRoles.map((r) => (
            <option value={r} selected={r === v.role}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
        {props.isNew ? null : (
          <>
            <label for="active">状態</label>
            <select id="active" name="active">
              <option value="true" selected={v.active === 'true'}>
                有効
              </option>
              <option value="false" selected={v.active !== 'true'}>
                無効
              </option>
            </select>
          </>
        )}
        <label for="password">
          {props.isNew ? 'パスワード' : '新しいパスワード(変更する場合のみ)'}
        </label>
        <input id="password" name="password" type="password" autocomplete="new-password" />
        <FieldErrorText errors={fields} path="password" />
        <p>
          <button type="submit">保存</button>
        </p>
      </form>
      {props.isNew ? null : <ResetPasswordForm principal={props.principal} code={v.code} />}
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
    const role = values.role as StaffRole;
    if (isNew)
      await c.get('app').tenancy.createStaff(principal.companyId, {
        code: values.code,
        name: values.name,
        role,
        password: values.password,
      });
    else
      await c.get('app').tenancy.updateStaff(
        principal.companyId,
        values.code,
        {
          name: values.name,
          role,
          active: values.active === 'true',
          password: values.password || undefined,
        },
        getCookie(c, sessionCookieName),
      );
    return c.redirect('/admin/settings/staff', 303);
  } catch (error) {
    const shown = errorsByPath(error);
    if (!shown) throw error;
    return c.html(
      <StaffForm
        principal={principal}
        values={{ ...values, password: '' }}
        isNew={isNew}
        error={shown.message}
        fields={shown.fields}
      />,
      400,
    );
  }
}

export function settingsStaffRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/settings/staff', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const members = await c.get('app').tenancy.read.listStaff(principal.companyId);
    return c.html(
      <Layout title="担当者" principal={principal} section="admin">
        <h1>担当者</h1>
        <p>
          <a class="button" href="/admin/settings/staff/new">
            担当者を追加
          </a>
        </p>
        <table>
          <thead>
            <tr>
              <th>担当者コード</th>
              <th>担当者名</th>
              <th>権限</th>
              <th>状態</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr>
                <td>{m.code}</td>
                <td>{m.name}</td>
                <td>{roleLabels[m.role]}</td>
                <td>{m.active ? '有効' : '無効'}</td>
                <td>
                  <a href={`/admin/settings/staff/${encodeURIComponent(m.code)}`}>編集</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    );
  });
  app.get('/admin/settings/staff/new', (c) => {
    const principal = consoleStaff(c);
    return principal
      ? c.html(<StaffForm principal={principal} values={empty} isNew />)
      : c.redirect('/login');
  });
  app.get('/admin/settings/staff/:code', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const member = (await c.get('app').tenancy.read.listStaff(principal.companyId)).find(
      (m) => m.code === c.req.param('code'),
    );
    return member
      ? c.html(<StaffForm principal={principal} values={fromStaff(member)} isNew={false} />)
      : c.notFound();
  });
  app.post('/admin/settings/staff', (c) => submit(c, true));
  app.post('/admin/settings/staff/:code', (c) => submit(c, false));
}
