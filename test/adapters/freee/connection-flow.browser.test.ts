// Goal (issue 5 acceptance): in a real browser, the freee connection flow of seed 000 §2-1 against
// the sandbox mounted in the test server: 運用管理 > 運用管理設定 > freee連携 > 連携開始 → confirm
// dialog → the sandbox's consent page → 許可する → back in the console → choose the 事業所 and the
// stores → 登録 (confirm) → every chosen store shows 1: 連携済; then 連携解除 (0: 未連携) and
// reconnect. A freee user who may not write deals sees that the 管理者 role is needed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createSandboxCompany, createSandboxUser } from '../../../src/sandbox/index.js';
import { launchBrowser } from '../../support/browser.js';
import { createTestCompany, type TestCompany } from '../../support/app.js';
import { startFreeeTestApp, type FreeeTestApp } from './support/freee-app.js';

let app: FreeeTestApp;
let company: TestCompany;
let browser: Browser;

before(async () => {
  app = await startFreeeTestApp();
  company = await createTestCompany(app, 'demo', ['0001', '0002']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function logIn(page: Page): Promise<void> {
  await page.goto(`${app.url}/login`);
  await page.fill('#companyCode', company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', company.adminPassword);
  await page.click('main button[type=submit]');
  await page.waitForURL(`${app.url}/`);
}

async function statuses(page: Page): Promise<string[]> {
  return page.locator('#freee-store-status td.status').allInnerTexts();
}

/** 連携開始 → OK on the dialog → sandbox sign-in (once per browser context) → consent page: choose `selection`, 許可する → the choice page. */
async function startAndAllow(
  page: Page,
  selection: string,
  signIn: { email: string; password: string } | undefined,
): Promise<string[]> {
  const dialogs: string[] = [];
  page.once('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await page.click('#freee-start');
  await page.waitForURL(/\/sandbox\/freee\/public_api\/authorize\?/);
  const authorizeUrl = new URL(page.url());
  assert.equal(authorizeUrl.searchParams.get('prompt'), 'select_company');
  assert.equal(authorizeUrl.searchParams.get('code_challenge_method'), 'S256');
  assert.ok((authorizeUrl.searchParams.get('state') ?? '').length >= 20);
  if ((await page.locator('#sandbox-email').count()) > 0) {
    assert.ok(signIn, 'the sandbox asks to sign in');
    await page.fill('#sandbox-email', signIn.email);
    await page.fill('#sandbox-password', signIn.password);
    await page.click('#sandbox-sign-in');
  }
  assert.match(await page.locator('h1').innerText(), /アプリ連携の開始/);
  await page.check(`input[name=selection][value="${selection}"]`);
  await page.click('button[value=allow]');
  await page.waitForURL(/\/admin\/settings\/integrations\/freee\/authorizations\//);
  return dialogs;
}

async function register(page: Page, freeeCompanyId: number): Promise<string[]> {
  const dialogs: string[] = [];
  page.once('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await page.check(`input[name=freeeCompanyId][value="${freeeCompanyId}"]`);
  await page.click('#freee-register');
  await page.waitForURL(/\/admin\/settings\/integrations\/freee\?done=registered/);
  return dialogs;
}

test('連携開始 → 許可する → 事業所と店舗 → 登録: 1: 連携済; 連携解除 and reconnect', async () => {
  const sandbox = await createSandboxCompany(app.freeePool, app.clock, { name: 'ブラウザ商店' });
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page);

  await page.click('nav.top >> text=運用管理');
  await page.click('text=freee連携');
  assert.equal(new URL(page.url()).pathname, '/admin/settings/integrations/freee');
  assert.deepEqual(await statuses(page), ['0: 未連携', '0: 未連携']);

  const startDialogs = await startAndAllow(
    page,
    `${sandbox.userId}:${sandbox.companyId}`,
    sandbox.signIn,
  );
  assert.deepEqual(startDialogs, ['連携を開始します。よろしいですか。']);
  assert.match(await page.locator('main').innerText(), /ブラウザ商店/);
  const checked = await page.locator('input[name=storeIds]:checked').count();
  assert.equal(checked, 2, 'both 未連携 stores are offered checked');
  const registerDialogs = await register(page, sandbox.companyId);
  assert.deepEqual(registerDialogs, ['登録します。よろしいですか。']);
  assert.match(await page.locator('[role=status]').innerText(), /登録しました/);
  assert.deepEqual(await statuses(page), ['1: 連携済', '1: 連携済']);
  assert.match(await page.locator('#freee-store-status').innerText(), /ブラウザ商店/);

  await page.click('nav.top >> text=連携');
  assert.equal(new URL(page.url()).pathname, '/integrations');
  assert.deepEqual(await page.locator('#freee-store-status td.status').allInnerTexts(), [
    '1: 連携済',
    '1: 連携済',
  ]);

  await page.goto(`${app.url}/admin/settings/integrations/freee`);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.click('button.disconnect');
  await page.waitForURL(/done=disconnected/);
  assert.deepEqual(await statuses(page), ['0: 未連携', '0: 未連携']);

  await startAndAllow(page, `${sandbox.userId}:${sandbox.companyId}`, sandbox.signIn);
  await page.uncheck('input[name=storeIds] >> nth=1');
  await register(page, sandbox.companyId);
  assert.deepEqual(await statuses(page), ['1: 連携済', '0: 未連携']);
  await context.close();
});

test('a freee user without deal rights: the 管理者 role is shown as needed, the stores show エラー', async () => {
  const { userId, email, password } = await createSandboxUser(app.freeePool, app.clock, {
    email: 'viewer@example.jp',
  });
  const sandbox = await createSandboxCompany(app.freeePool, app.clock, {
    name: '閲覧のみ商店',
    userId,
    role: 'read_only',
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page);
  await page.goto(`${app.url}/admin/settings/integrations/freee`);
  await startAndAllow(page, `${userId}:${sandbox.companyId}`, { email, password });
  assert.match(await page.locator('.admin-needed').innerText(), /「管理者」権限/);
  await page.check('input[name=storeIds] >> nth=1');
  await register(page, sandbox.companyId);
  assert.match(await page.locator('#freee-admin-needed').innerText(), /「管理者」権限/);
  const rows = await page.locator('#freee-store-status tr[data-store]').allInnerTexts();
  assert.ok(
    rows.some((row) => row.includes('3: エラー') && row.includes('管理者')),
    rows.join('\n'),
  );
  await context.close();
});
