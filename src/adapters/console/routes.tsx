// All console (管理画面) pages. Console errors render as a Japanese page, not JSON.
import type { Hono } from 'hono';
import type { AppEnv } from '../http/context.js';
import { loginRoutes } from './pages/login.js';
import { settingsCompanyRoutes } from './pages/settings-company.js';
import { settingsIndexRoutes } from './pages/settings-index.js';
import { settingsPaymentMethodRoutes } from './pages/settings-payment-methods.js';
import { settingsStaffRoutes } from './pages/settings-staff.js';
import { settingsStoreRoutes } from './pages/settings-stores.js';
import { topRoutes } from './pages/top.js';

export type ConsolePageModule = (app: Hono<AppEnv>) => void;

export function consoleRoutes(app: Hono<AppEnv>, extra: readonly ConsolePageModule[] = []): void {
  for (const register of [loginRoutes, topRoutes, settingsIndexRoutes, settingsCompanyRoutes, settingsStoreRoutes, settingsPaymentMethodRoutes, settingsStaffRoutes, ...extra]) {
    register(app);
  }
}
