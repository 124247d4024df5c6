// Goal: pairing (issue 13 §4) end to end: the console issues a one-time code with a QR code for a
// register; the register page exchanges it (from the QR link) for its token and rings up; the code
// works once; the console lists the paired register and revokes it, after which its token is
// refused. Also the console's 商品マスター and 登録番号 pages. Method: real HTTP, real Chromium.
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
  app = await startTestApp({ now: new Date().toISOString() });
  company = await createTestCompany(app, 'demo', ['0001']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function consolePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/login`);
  await page.fill('input[name="companyCode"]', company.code);
  await page.fill('input[name="staffCode"]', 'admin');
  await page.fill('input[name="password"]', company.adminPassword);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

test('console: 登録番号 warned, a product saved; pairing by QR link; revoke', async () => {
  const admin = await consolePage();
  await admin.goto(`${app.url}/admin/register`);
  await admin.fill('#registrationNumber', 'T8000012050002');
  await admin.click('form[action="/admin/register/registration-number"] button');
  assert.match((await admin.textContent('[role="status"]')) ?? '', /チェックデジット/);
  await admin.goto(`${app.url}/admin/register/products`);
  await admin.fill('#code', 'F1');
  await admin.fill('#name', 'ランチ');
  await admin.fill('#priceYen', '1100');
  await admin.click('form[action="/admin/register/products"] button');
  assert.match((await admin.textContent('tr[data-code="F1"]')) ?? '', /ランチ/);
  await admin.fill('#code', 'F2');
  await admin.fill('#name', '');
  await admin.fill('#priceYen', 'abc');
  await admin.click('form[action="/admin/register/products"] button');
  // The messages name the fields in Japanese (no developer paths) and the input is kept.
  assert.match((await admin.textContent('ul.error')) ?? '', /価格は0〜100000000円の整数/);
  assert.doesNotMatch((await admin.textContent('ul.error')) ?? '', /priceYen/);
  assert.equal(await admin.inputValue('#priceYen'), 'abc');
  assert.equal(await admin.inputValue('#code'), 'F2');
  assert.equal(await admin.locator('tr[data-code="F2"]').count(), 0);

  await admin.goto(`${app.url}/admin/register`);
  await admin.click('form[action="/admin/register/pairing"] button');
  const code = (await admin.textContent('[data-testid="pairing-code"]')) ?? '';
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.ok(await admin.locator('img[alt="ペアリング用QRコード"]').count());

  const tablet = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  const register = await tablet.newPage();
  await register.goto(`${app.url}/register#pair=${code}`);
  await register.waitForSelector('body[data-ready="true"]');
  await register.click('.product[data-code="F1"]');
  assert.equal(await register.textContent('#total'), '¥1,100');

  const again = await fetch(`${app.url}/register/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  assert.equal(again.status, 401, 'a pairing code works once');

  await admin.goto(`${app.url}/admin/register`);
  assert.match((await admin.textContent('table')) ?? '', /0001\s*01/);
  await admin.click('form[action="/admin/register/revoke"] button');
  const token = await register.evaluate(
    `new Promise((resolve) => { const r = indexedDB.open('uriage-register'); r.onsuccess = () => { const g = r.result.transaction('config').objectStore('config').get('setup'); g.onsuccess = () => resolve(g.result.token); }; })`,
  );
  const refused = await fetch(`${app.url}/api/v1/register/bootstrap`, {
    headers: { authorization: `Bearer ${String(token)}` },
  });
  assert.equal(refused.status, 401);
  await tablet.close();
});
