// Goal: in a real browser, the admin opens マスター同期, runs 今すぐ同期 and sees the run in 実行履歴
// with per-master counts; a schedule with a bad address is refused on the field in Japanese and
// keeps what was typed; a corrected one is saved with who set it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser.js';
import { startMastersHarness, type MastersHarness } from '../masters/support.js';

let h: MastersHarness;
let browser: Browser;
let page: Page;

before(async () => {
  h = await startMastersHarness({ seed: { partners: 30 } });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${h.app.url}/login`);
  await page.fill('#companyCode', h.connected.company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', h.connected.company.adminPassword);
  await page.click('main button[type=submit]');
});
after(async () => {
  await browser?.close();
  await h?.close();
});

test('今すぐ同期 shows the run in 実行履歴 with per-master counts', async () => {
  await page.goto(`${h.app.url}/admin/settings/masters`);
  await page.click('text=今すぐ同期 >> nth=-1');
  await page.waitForURL(/done=synced/);
  const history = await page.textContent('table');
  assert.match(history ?? '', /今すぐ同期/);
  assert.match(history ?? '', /成功/);
  assert.match(history ?? '', /取引先\(全件\): 対象件数 30件 成功件数 30件 失敗件数 0件/);
});

test('a bad schedule is refused on the field and keeps what was typed; a good one saves', async () => {
  await page.goto(`${h.app.url}/admin/settings/masters`);
  await page.check('input[name=enabled]');
  await page.selectOption('#hour', '5');
  await page.fill('#notifyEmail', 'owner@');
  await Promise.all([page.waitForLoadState('load'), page.click('text=設定保存')]);
  await page.waitForSelector('[role=alert]');
  assert.match((await page.textContent('main')) ?? '', /通知先メールアドレスを正しい形式/);
  assert.equal(await page.inputValue('#notifyEmail'), 'owner@');
  assert.equal(await page.inputValue('#hour'), '5');
  assert.equal(await page.isChecked('input[name=enabled]'), true);
  await page.fill('#notifyEmail', 'owner@example.jp');
  await page.click('text=設定保存');
  await page.waitForURL(/done=saved/);
  const saved = await h.store.readSchedule(h.companyId);
  assert.deepEqual(
    [saved?.enabled, saved?.hour, saved?.notifyEmail, saved?.enabledByLabel],
    [true, 5, 'owner@example.jp', '管理者'],
  );
});
