// 連携 (top menu): freee連携 status per store, and 連携結果 — the posting status of each store-day
// with the deals written, 再実行 for a day or a range, a 品目 filter (posting-results.tsx).
import type { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { Layout } from '../layout.js';
import { consoleStaff } from '../session.js';
import { freeeSettingsPath, StoreStatusTable } from './freee-shared.js';
import { postingSettingsPath } from './posting-settings.js';
import {
  loadResults,
  PostingResults,
  postingRerunRoutes,
  resultsFilterOf,
} from './posting-results.js';

export function integrationsRoutes(app: Hono<AppEnv>): void {
  app.get('/integrations', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const services = c.get('app');
    const runtime = services.freee;
    const rows = runtime ? await runtime.listStoreStatuses(principal.companyId) : [];
    const filter = resultsFilterOf(c);
    const stores = await services.posting.queries.listStores(principal.companyId);
    const results = await loadResults(c, principal, filter);
    return c.html(
      <Layout title="連携" principal={principal} section="integration">
        <h1>連携</h1>
        <div class="card" id="freee-connections">
          <h2>freee連携のステータス</h2>
          {runtime ? (
            <StoreStatusTable rows={rows} />
          ) : (
            <p class="alert">このサーバーではfreee連携が設定されていません。</p>
          )}
          <p>
            <a href={freeeSettingsPath}>freee連携の設定(運用管理設定)</a> ・{' '}
            <a href={postingSettingsPath}>取引の送信設定(勘定科目・品目・取引先・入金サイクル)</a>
          </p>
        </div>
        <PostingResults
          principal={principal}
          filter={filter}
          stores={stores}
          days={results.days}
          methods={results.methods}
          notice={c.req.query('notice')}
          error={c.req.query('error') ?? results.error}
        />
      </Layout>,
    );
  });
  postingRerunRoutes(app);
}
