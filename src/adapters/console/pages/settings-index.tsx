// 運用管理 > 運用管理設定.
import type { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { Layout } from '../layout.js';
import { consoleStaff } from '../session.js';

export function settingsIndexRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/settings', (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return c.html(
      <Layout title="運用管理設定" principal={principal} section="admin">
        <h1>運用管理設定</h1>
        <div class="card">
          <h2>基本設定</h2>
          <ul class="menu">
            <li>
              <a href="/admin/settings/company">企業情報</a>
            </li>
            <li>
              <a href="/admin/settings/stores">店舗</a>
            </li>
            <li>
              <a href="/admin/settings/payment-methods">支払い方法</a>
            </li>
            <li>
              <a href="/admin/settings/staff">担当者</a>
            </li>
            <li>
              <a href="/admin/settings/network">ネットワーク</a>
            </li>
          </ul>
          <h2>サービス連携</h2>
          <ul class="menu">
            <li>
              <a href="/admin/settings/integrations/freee">freee連携</a>
            </li>
            <li>
              <a href="/admin/settings/masters">マスター同期</a>
            </li>
          </ul>
        </div>
      </Layout>,
    );
  });
}
