// アカウント: the user's own password change (current password required; the other sessions end)
// and mail address for reset links; パスワードを忘れた場合 (a mailed, single-use, 30-minute link when
// SMTP is configured); the reset form the link opens; an admin's reset of a staff member's password
// (a temporary password shown once, to be changed at the next login). While a temporary password is
// in force every console page leads to the change form.
//   GET/POST /account/password · POST /account/email · GET/POST /password/forgot
//   GET/POST /password/reset?token= · POST /admin/settings/staff/:code/reset-password
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/context.js';
import { sessionCookieName } from '../../http/auth-middleware.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import { canAdmin, consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';
import { forbidden } from '../../../app/errors.js';

/** Paths a staff member with a temporary password may still open. */
const openWhileTemporary = /^\/(account\/|logout$|login$|password\/|static\/|api\/|sandbox\/)/;

function PasswordPage(props: {
  principal: StaffPrincipal;
  email: string;
  mustChange: boolean;
  notice?: string | undefined;
  error?: string | undefined;
  fields?: Record<string, string>;
}) {
  const fields = props.fields ?? {};
  return (
    <Layout title="パスワードの変更" principal={props.principal} section="none">
      <h1>アカウント: パスワードの変更</h1>
      {props.mustChange ? (
        <div class="alert" role="alert" id="must-change">
          仮のパスワードでログインしています。新しいパスワードを設定するまで、ほかの画面は使えません。
        </div>
      ) : null}
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
      <form class="card" method="post" action="/account/password" id="password-form">
        <CsrfField principal={props.principal} />
        <label for="currentPassword">現在のパスワード</label>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autocomplete="current-password"
        />
        <FieldErrorText errors={fields} path="currentPassword" />
        <label for="newPassword">新しいパスワード(8文字以上)</label>
        <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" />
        <FieldErrorText errors={fields} path="newPassword" />
        <p>変更すると、ほかの端末・ブラウザーのログインは終了します。</p>
        <p>
          <button type="submit">パスワードを変更</button>
        </p>
      </form>
      <form class="card" method="post" action="/account/email" id="email-form">
        <CsrfField principal={props.principal} />
        <label for="email">メールアドレス(パスワード再設定のリンクの送り先)</label>
        <input id="email" name="email" type="email" value={props.email} autocomplete="email" />
        <FieldErrorText errors={fields} path="email" />
        <p>
          <button type="submit">メールアドレスを保存</button>
        </p>
      </form>
    </Layout>
  );
}

async function passwordPage(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  extra: {
    notice?: string;
    error?: string;
    fields?: Record<string, string>;
    email?: string;
    status?: 200 | 400;
  } = {},
) {
  const account = await c.get('app').accounts.accountOf(principal.staff.id);
  return c.html(
    <PasswordPage
      principal={principal}
      email={extra.email ?? account.email ?? ''}
      mustChange={account.mustChangePassword}
      notice={extra.notice}
      error={extra.error}
      fields={extra.fields ?? {}}
    />,
    extra.status ?? 200,
  );
}

function PublicPage(props: { title: string; children?: unknown }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      {props.children as never}
    </Layout>
  );
}

function ForgotForm(props: {
  companyCode?: string;
  staffCode?: string;
  message?: string;
  error?: string;
}) {
  return (
    <PublicPage title="パスワードの再設定">
      {props.message ? (
        <div class="notice" role="status" id="forgot-sent">
          {props.message}
        </div>
      ) : null}
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      <form class="card" method="post" action="/password/forgot">
        <p>
          登録されたメールアドレスに、パスワードを再設定するリンク(30分有効・1回限り)を送ります。
        </p>
        <label for="companyCode">企業コード</label>
        <input id="companyCode" name="companyCode" value={props.companyCode ?? ''} required />
        <label for="staffCode">担当者コード</label>
        <input id="staffCode" name="staffCode" value={props.staffCode ?? ''} required />
        <p>
          <button type="submit">リンクを送る</button>
        </p>
        <p>
          <a href="/login">ログインへ戻る</a>
        </p>
      </form>
    </PublicPage>
  );
}

function ResetForm(props: { token: string; error?: string; fields?: Record<string, string> }) {
  return (
    <PublicPage title="新しいパスワードの設定">
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      <form class="card" method="post" action="/password/reset">
        <input type="hidden" name="token" value={props.token} />
        <label for="newPassword">新しいパスワード(8文字以上)</label>
        <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" />
        <FieldErrorText errors={props.fields ?? {}} path="newPassword" />
        <p>
          <button type="submit">設定する</button>
        </p>
      </form>
    </PublicPage>
  );
}

async function plainForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const form: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') form[key] = value;
  return form;
}

function ownRoutes(app: Hono<AppEnv>): void {
  app.get('/account/password', (c) => {
    const principal = consoleStaff(c);
    return principal ? passwordPage(c, principal) : c.redirect('/login');
  });
  app.post('/account/password', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    try {
      await c.get('app').accounts.changeOwnPassword({
        companyId: principal.companyId,
        staffCode: principal.staff.code,
        currentPassword: form.currentPassword ?? '',
        newPassword: form.newPassword ?? '',
        keepSession: getCookie(c, sessionCookieName) ?? null,
      });
      return passwordPage(c, principal, {
        notice: 'パスワードを変更しました。ほかの端末のログインは終了しました。',
      });
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return passwordPage(c, principal, { ...shown, error: shown.message, status: 400 });
    }
  });
  app.post('/account/email', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    try {
      await c.get('app').accounts.saveOwnEmail(principal.staff.id, form.email ?? '');
      return passwordPage(c, principal, { notice: 'メールアドレスを保存しました。' });
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return passwordPage(c, principal, {
        error: shown.message,
        fields: shown.fields,
        email: form.email ?? '',
        status: 400,
      });
    }
  });
}

function mailRoutes(app: Hono<AppEnv>): void {
  app.get('/password/forgot', (c) => c.html(<ForgotForm />));
  app.post('/password/forgot', async (c) => {
    const form = await plainForm(c);
    const input = { companyCode: form.companyCode ?? '', staffCode: form.staffCode ?? '' };
    try {
      await c.get('app').accounts.requestResetMail(input);
      return c.html(
        <ForgotForm
          {...input}
          message="登録されたメールアドレスがあれば、再設定のリンクを送りました。メールを確認してください。"
        />,
      );
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return c.html(<ForgotForm {...input} error={shown.message} />, 503);
    }
  });
  app.get('/password/reset', async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const token = c.req.query('token') ?? '';
    if (!(await c.get('app').accounts.resetTokenUsable(token)))
      return c.html(
        <ForgotForm error="このリンクは使えません(使用済みか30分の期限切れです)。もう一度リンクを送ってください。" />,
        400,
      );
    return c.html(<ResetForm token={token} />);
  });
  app.post('/password/reset', async (c) => {
    c.header('Cache-Control', 'no-store');
    const form = await plainForm(c);
    const token = form.token ?? '';
    try {
      await c.get('app').accounts.resetWithToken({ token, newPassword: form.newPassword ?? '' });
      return c.html(
        <PublicPage title="新しいパスワードの設定">
          <div class="notice" role="status" id="reset-done">
            パスワードを設定しました。<a href="/login">ログイン</a>してください。
          </div>
        </PublicPage>,
      );
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return c.html(<ResetForm token={token} error={shown.message} fields={shown.fields} />, 400);
    }
  });
}

function adminResetRoute(app: Hono<AppEnv>): void {
  app.post('/admin/settings/staff/:code/reset-password', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    await readForm(c, principal);
    if (!canAdmin(principal)) throw forbidden();
    const code = c.req.param('code');
    const temporary = await c
      .get('app')
      .accounts.resetPasswordByAdmin(
        { companyId: principal.companyId, role: principal.staff.role },
        code,
      );
    c.header('Cache-Control', 'no-store');
    return c.html(
      <Layout title="パスワードのリセット" principal={principal} section="admin">
        <h1>パスワードのリセット: {code}</h1>
        <div class="card">
          <p>
            仮のパスワードを発行しました。この画面を閉じると二度と表示されません。本人に伝えてください。
          </p>
          <p>
            仮のパスワード: <code id="temporary-password">{temporary}</code>
          </p>
          <p>
            本人は次のログインで新しいパスワードを設定します。この担当者のログインはすべて終了しました。
          </p>
          <p>
            <a href="/admin/settings/staff">担当者の一覧へ</a>
          </p>
        </div>
      </Layout>,
    );
  });
}

/** Registered first: a staff member with a temporary password is led to the change form. */
export function accountRoutes(app: Hono<AppEnv>): void {
  app.use('*', async (c, next) => {
    const principal = consoleStaff(c);
    if (
      principal &&
      c.req.method === 'GET' &&
      !openWhileTemporary.test(c.req.path) &&
      (await c.get('app').accounts.mustChangePassword(principal.staff.id))
    )
      return c.redirect('/account/password', 303);
    return next();
  });
  ownRoutes(app);
  mailRoutes(app);
  adminResetRoute(app);
}
