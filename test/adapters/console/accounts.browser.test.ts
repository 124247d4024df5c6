// Goal: the account pages in a real browser at 1280×800 and 1024×768 — パスワードの変更 (with a refused
// change showing the field's message), パスワードを忘れた場合 (reached from the login page) and the
// admin's 仮のパスワードを発行 (after the confirm dialog, the temporary password shown once) — each
// screenshotted with no serious or critical axe violation.
// Method: a test company; Chromium (playwright-core); the dialog accepted by the test.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../support/browser.js';
import { checkConsolePage } from '../../support/page-checks.js';
import {
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';

let app: TestApp;
let company: TestCompany;
let browser: Browser;

before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'accb', ['0001']);
  await app.app().tenancy.createStaff(company.companyId, {
    code: 'clerk',
    name: '担当clerk',
    role: 'staff',
    password: 'pw-clerk-first',
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('アカウント pages: change form with field errors, forgot form, admin reset', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/login`);
  await page.click('a[href="/password/forgot"]');
  assert.match(await page.locator('h1').innerText(), /パスワードの再設定/);
  await checkConsolePage(page, 'password-forgot');

  await page.goto(`${app.url}/login`);
  await page.fill('#companyCode', company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', company.adminPassword);
  await page.click('button[type=submit]');
  await page.click('header a.account-link');
  assert.equal(new URL(page.url()).pathname, '/account/password');
  await page.fill('#currentPassword', 'wrong-password');
  await page.fill('#newPassword', 'pw-admin-second');
  await page.click('#password-form button[type=submit]');
  assert.match(
    await page.locator('#password-form .error').innerText(),
    /現在のパスワードが正しくありません/,
  );
  await checkConsolePage(page, 'account-password');

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${app.url}/admin/settings/staff/clerk`);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.click('#reset-password button[type=submit]');
  await page.waitForURL(/reset-password$/);
  assert.ok((await page.locator('#temporary-password').innerText()).length >= 12);
  await checkConsolePage(page, 'staff-reset-password');
  await context.close();
});
