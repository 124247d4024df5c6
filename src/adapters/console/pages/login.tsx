// ログイン: 企業コード + 担当者コード + パスワード.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionLifetimeMs } from '../../../app/auth/login.js';
import { sessionCookieName } from '../../http/auth-middleware.js';
import type { AppEnv } from '../../http/context.js';
import { Layout } from '../layout.js';
import { consoleStaff, errorsByPath, readForm } from '../session.js';

function LoginPage(props: { error?: string; companyCode?: string; staffCode?: string }) {
  return (
    <Layout title="ログイン" section="none">
      <h1>ログイン</h1>
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      <form class="card" method="post" action="/login">
        <label for="companyCode">企業コード</label>
        <input
          id="companyCode"
          name="companyCode"
          value={props.companyCode ?? ''}
          required
          autocomplete="organization"
        />
        <label for="staffCode">担当者コード</label>
        <input
          id="staffCode"
          name="staffCode"
          value={props.staffCode ?? ''}
          required
          autocomplete="username"
        />
        <label for="password">パスワード</label>
        <input
          id="password"
          name="password"
          type="password"
          required
          autocomplete="current-password"
        />
        <p>
          <button type="submit">ログイン</button>
        </p>
        <p>
          <a href="/password/forgot">パスワードを忘れた場合</a>
        </p>
      </form>
    </Layout>
  );
}

/** The socket's address (never a header a client can write); 'unknown' outside a node server. */
function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function loginRoutes(app: Hono<AppEnv>): void {
  app.get('/login', (c) => (consoleStaff(c) ? c.redirect('/') : c.html(<LoginPage />)));
  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const input = {
      companyCode: field('companyCode'),
      staffCode: field('staffCode'),
      password: field('password'),
      address: clientAddress(c),
    };
    const services = c.get('app');
    try {
      const result = await services.auth.login(input);
      setCookie(c, sessionCookieName, result.sessionToken, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: services.secureCookies,
        path: '/',
        maxAge: Math.floor(sessionLifetimeMs / 1000),
      });
      return c.redirect('/', 303);
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      services.log.info(
        { companyCode: input.companyCode, staffCode: input.staffCode },
        'login refused',
      );
      const status = (error as { kind?: string }).kind === 'too_many_requests' ? 429 : 401;
      return c.html(
        <LoginPage
          error={shown.message}
          companyCode={input.companyCode}
          staffCode={input.staffCode}
        />,
        status,
      );
    }
  });
  app.post('/logout', async (c) => {
    const principal = consoleStaff(c);
    if (principal) await readForm(c, principal);
    const cookie = getCookie(c, sessionCookieName);
    if (cookie) await c.get('app').auth.logout(cookie);
    deleteCookie(c, sessionCookieName, { path: '/' });
    return c.redirect('/login', 303);
  });
}
