// The console's 404: a Japanese page with the way back (the API keeps its JSON error body).
import type { Context } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { Layout } from '../layout.js';
import { consoleStaff } from '../session.js';

export function consoleNotFound(c: Context<AppEnv>): Response | Promise<Response> {
  const principal = consoleStaff(c) ?? undefined;
  return c.html(
    <Layout title="ページが見つかりません" principal={principal} section="none">
      <h1>ページが見つかりません</h1>
      <div class="card">
        <p>
          お探しのページ(<code>{c.req.path}</code>
          )は見つかりませんでした。アドレスが正しいか確かめてください。
        </p>
        <p>
          <a href={principal ? '/' : '/login'}>{principal ? 'TOP に戻る' : 'ログイン画面へ'}</a>
        </p>
      </div>
    </Layout>,
    404,
  );
}
