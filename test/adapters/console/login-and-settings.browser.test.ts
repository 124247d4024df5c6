// Goal: in a real browser, the printed admin logs in; a wrong password shows a Japanese error and
// gets no session; 運用管理設定 creates and edits stores, payment methods and staff, with field errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser.js';
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
  company = await createTestCompany(app, 'demo', ['0001']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function logIn(page: Page, password: string): Promise<void> {
  await page.goto(`${app.url}/login`);
  await page.fill('#companyCode', company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', password);
  await page.click('main button[type=submit]');
}

test('wrong password: Japanese error, no session cookie', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, 'not-the-password');
  assert.match(await page.locator('[role=alert]').innerText(), /正しくありません/);
  const cookies = await context.cookies();
  assert.ok(!cookies.some((c) => c.name === 'uriage_session'));
  await page.goto(`${app.url}/admin/settings`);
  assert.ok(page.url().endsWith('/login'));
  await context.close();
});

test('admin logs in, sees the menu, manages stores, payment methods and staff', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, company.adminPassword);
  assert.equal(new URL(page.url()).pathname, '/');
  const menu = await page.locator('nav.top').innerText();
  for (const label of ['TOP', '日報', '連携', '運用管理']) assert.ok(menu.includes(label), label);
  const session = (await context.cookies()).find((c) => c.name === 'uriage_session');
  assert.ok(session?.httpOnly);
  assert.equal(session?.sameSite, 'Lax');

  await page.click('text=運用管理');
  await page.click('text=店舗');
  await page.click('text=店舗を追加');
  await page.fill('#code', '0002');
  await page.fill('#name', '');
  await page.click('main button[type=submit]');
  assert.match(await page.locator('.error').first().innerText(), /店舗名/);
  await page.fill('#name', '渋谷店');
  await page.click('main button[type=submit]');
  assert.ok((await page.locator('table').innerText()).includes('渋谷店'));

  await page.goto(`${app.url}/admin/settings/payment-methods/new`);
  await page.fill('#code', 'suica');
  await page.fill('#name', '交通系IC');
  await page.selectOption('#kind', 'emoney');
  await page.click('main button[type=submit]');
  assert.ok((await page.locator('table').innerText()).includes('交通系IC'));

  await page.goto(`${app.url}/admin/settings/payment-methods/new`);
  await page.fill('#code', 'cash2');
  await page.fill('#name', '現金2');
  await page.selectOption('#kind', 'cash');
  await page.selectOption('#givesChange', 'true');
  await page.selectOption('#settlement', 'settled');
  await page.click('main button[type=submit]');
  assert.match(
    await page.locator('[role=alert]').innerText(),
    /現金\(kind=cash\)の支払い方法はちょうど1つ必要です/,
  );
  assert.match(await page.locator('.error').first().innerText(), /現金/);

  await page.goto(`${app.url}/admin/settings/staff/new`);
  await page.fill('#code', 'tanaka');
  await page.fill('#name', '田中');
  await page.fill('#password', 'tanaka-password');
  await page.click('main button[type=submit]');
  assert.ok((await page.locator('table').innerText()).includes('田中'));
  await page.click('a[href="/admin/settings/staff/tanaka"]');
  await page.selectOption('#role', 'manager');
  await page.click('main button[type=submit]');
  assert.ok((await page.locator('table').innerText()).includes('店長'));
  await context.close();
});

test('a console form post without the CSRF token is refused', async () => {
  const response = await fetch(`${app.url}/admin/settings/company`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'name=x&roundingMode=floor',
    redirect: 'manual',
  });
  assert.notEqual(response.status, 200);
  const stored = await app.services.tenancy.read.findCompanyByCode('demo');
  assert.equal(stored?.name, '企業demo');
});
