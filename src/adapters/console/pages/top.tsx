// TOP: where to go next.
import type { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { Layout } from '../layout.js';
import { consoleStaff } from '../session.js';

export function topRoutes(app: Hono<AppEnv>): void {
  app.get('/', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const company = await c.get('app').tenancy.read.findCompanyById(principal.companyId);
    const stores = await c.get('app').tenancy.read.listStores(principal.companyId);
    return c.html(
      <Layout title="TOP" principal={principal} section="top">
        <h1>TOP</h1>
        <div class="card">
          <p>
            企業: {company?.name}({company?.code}) / 店舗数: {stores.length}
          </p>
          <ul class="menu">
            <li>
              <a href="/days/checkouts">会計一覧</a>
            </li>
            <li>
              <a href="/days/close">閉局(レジ締め)</a>
            </li>
            <li>
              <a href="/report">日報を見る</a>
            </li>
            <li>
              <a href="/integrations">freee連携の結果を見る</a>
            </li>
            <li>
              <a href="/admin/settings">運用管理設定</a>
            </li>
          </ul>
        </div>
      </Layout>,
    );
  });
  app.get('/admin', (c) => c.redirect('/admin/settings'));
}
