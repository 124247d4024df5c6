// All console (管理画面) pages. Console errors render as a Japanese page, not JSON.
import type { Hono } from 'hono';
import type { AppEnv } from '../http/context.js';
import { accountRoutes } from './pages/account.js';
import { freeeChooseRoutes } from './pages/freee-choose.js';
import { freeeSettingsRoutes } from './pages/freee-settings.js';
import { integrationsRoutes } from './pages/integrations.js';
import { postingSettingsRoutes } from './pages/posting-settings.js';
import { ledgerCheckoutDetailRoutes } from './pages/ledger-checkout-detail.js';
import { ledgerCheckoutRoutes } from './pages/ledger-checkouts.js';
import { ledgerCloseRoutes } from './pages/ledger-close.js';
import { loginRoutes } from './pages/login.js';
import { mastersRoutes } from './pages/masters.js';
import { reconcileRoutes } from './pages/reconcile.js';
import { reportPageRoutes } from './pages/report.js';
import { reportMonthRoutes } from './pages/report-month.js';
import { registerProductPages } from './pages/register/products.js';
import { receiptIssueRoutes } from './pages/register/receipt-issues.js';
import { registerSettingsRoutes } from './pages/register/register-settings.js';
import { settingsCompanyRoutes } from './pages/settings-company.js';
import { settingsIndexRoutes } from './pages/settings-index.js';
import { settingsNetworkRoutes } from './pages/settings-network.js';
import { settingsPaymentMethodRoutes } from './pages/settings-payment-methods.js';
import { settingsStaffRoutes } from './pages/settings-staff.js';
import { settingsStoreRoutes } from './pages/settings-stores.js';
import { topRoutes } from './pages/top.js';

export type ConsolePageModule = (app: Hono<AppEnv>) => void;

export function consoleRoutes(app: Hono<AppEnv>, extra: readonly ConsolePageModule[] = []): void {
  for (const register of [
    accountRoutes,
    loginRoutes,
    topRoutes,
    settingsIndexRoutes,
    settingsCompanyRoutes,
    settingsStoreRoutes,
    settingsPaymentMethodRoutes,
    settingsStaffRoutes,
    settingsNetworkRoutes,
    ledgerCheckoutRoutes,
    ledgerCheckoutDetailRoutes,
    ledgerCloseRoutes,
    freeeSettingsRoutes,
    freeeChooseRoutes,
    postingSettingsRoutes,
    integrationsRoutes,
    mastersRoutes,
    reportPageRoutes,
    reportMonthRoutes,
    registerSettingsRoutes,
    registerProductPages,
    receiptIssueRoutes,
    reconcileRoutes,
    ...extra,
  ]) {
    register(app);
  }
}
