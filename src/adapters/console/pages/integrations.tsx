// 連携 (top menu): freee連携 status per store. Posting results will be added to this page by the
// posting work; this module only shows the connection side.
import type { Hono } from 'hono';
import { listStoreStatuses } from '../../../app/freee/connect.js';
import type { AppEnv } from '../../http/context.js';
import { Layout } from '../layout.js';
import { consoleStaff } from '../session.js';
import { freeeSettingsPath, StoreStatusTable } from './freee-shared.js';

export function integrationsRoutes(app: Hono<AppEnv>): void {
  app.get('/integrations', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const runtime = c.get('services').freee;
    const rows = runtime ? await listStoreStatuses(runtime.connectDeps, principal.companyId) : [];
    return c.html(
      <Layout title="連携" principal={principal} section="integration">
        <h1>連携</h1>
        <div class="card" id="freee-connections">
          <h2>freee連携のステータス</h2>
          {runtime ? <StoreStatusTable rows={rows} /> : <p class="alert">このサーバーではfreee連携が設定されていません。</p>}
          <p><a href={freeeSettingsPath}>freee連携の設定(運用管理設定)</a></p>
        </div>
      </Layout>,
    );
  });
}
