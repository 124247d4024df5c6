// Goal: 連携結果 in a real browser at 1280×800 and 1024×768: one summary row per store-day with a
// status badge that stays on one line, 送信日時, the 日報 total against the sent total, and a detail
// row per day (per payment method: 日報 vs the books, the deals with amounts and 管理番号) whose
// deal link opens the sandbox's read-only deal page, which escapes what it shows and answers 404
// for a deal of another 事業所. Screenshots and axe (0 serious/critical) at both widths.
// Method: the posting harness (Uriage with the freee sandbox mounted, a connected company); two
// days ingested and closed, the first posted through the use case; Chromium (playwright-core).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../support/browser.js';
import { checkConsolePage } from '../../support/page-checks.js';
import {
  checkout,
  closeOf,
  ingest,
  item,
  post,
  startPostingHarness,
  type PostingHarness,
} from '../posting/support.js';

let h: PostingHarness;
let browser: Browser;

before(async () => {
  h = await startPostingHarness({ now: '2025-01-10T09:00:00+09:00', code: 'res' });
  await ingest(h, [
    checkout(
      'a1',
      '0001',
      '2025-01-06',
      [item(1100, 'standard10')],
      [{ method: 'credit', amount: 1100 }],
    ),
    checkout(
      'a2',
      '0001',
      '2025-01-06',
      [item(500, 'reduced8')],
      [{ method: 'cash', amount: 500 }],
    ),
    checkout(
      'b1',
      '0001',
      '2025-01-07',
      [item(2200, 'standard10')],
      [{ method: 'paypay', amount: 2200 }],
    ),
  ]);
  await closeOf(h, '0001', '2025-01-06', 0, 500);
  assert.equal((await post(h, '0001', '2025-01-06')).status, 'posted');
  await closeOf(h, '0001', '2025-01-07', 0, 0);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await h?.close();
});

test('連携結果: badges, 送信日時, 日報 vs sent per method, deals whose links open the sandbox page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const company = h.connected.company;
  await page.goto(`${h.app.url}/login`);
  await page.fill('#companyCode', company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', company.adminPassword);
  await page.click('button[type=submit]');
  await page.goto(`${h.app.url}/integrations?from=2025-01-01&to=2025-01-10`);

  const posted = page.locator('#posting-days tr.summary[data-date="2025-01-06"]');
  assert.equal(await posted.locator('.badge').innerText(), '送信済');
  assert.match(await posted.locator('.sent-at').innerText(), /^2025\/01\/10 \d\d:\d\d/);
  assert.equal(await posted.locator('.report-total').innerText(), '¥1,600');
  assert.equal(await posted.locator('.sent-total').innerText(), '¥1,600');
  const unsent = page.locator('#posting-days tr.summary[data-date="2025-01-07"]');
  assert.equal(await unsent.locator('.badge').innerText(), '未送信');
  assert.equal(await unsent.locator('.sent-at').innerText(), '—');
  assert.equal(await unsent.locator('.report-total').innerText(), '¥2,200');

  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    // The badge and the 再実行 button each stay on one line (one-character-per-line was the bug).
    const boxes = await page.locator('#posting-days .badge, #posting-days button.rerun').all();
    const heights = await Promise.all(boxes.map(async (b) => (await b.boundingBox())?.height ?? 0));
    assert.ok(heights.length >= 4);
    assert.ok(
      heights.every((px) => px > 0 && px < 40),
      `at ${width}px: badge/button heights ${heights}`,
    );
    const table = await page.locator('#posting-days').boundingBox();
    const overflow = (table?.x ?? 0) + (table?.width ?? Infinity) - width;
    assert.ok(overflow <= 0, `at ${width}px the table overflows by ${overflow}px`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  const details = page.locator('#day-0001-2025-01-06');
  await details.locator('summary').click();
  const method = (code: string) =>
    details.locator(`table.methods tr[data-method="${code}"]`).innerText();
  assert.match(await method('credit'), /¥1,100\s+¥1,100/);
  assert.match(await method('cash'), /¥500\s+¥500/);
  assert.match(await method('total'), /¥1,600\s+¥1,600/);
  const link = details.locator('li[data-ref="URG-res.0001-20250106-credit"] a');
  assert.match(
    await details.locator('li[data-ref="URG-res.0001-20250106-credit"]').innerText(),
    /¥1,100/,
  );
  await checkConsolePage(page, 'posting-results');

  await page.setViewportSize({ width: 1280, height: 800 });
  const [dealPage] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await dealPage.waitForLoadState();
  // The books are the sandbox user's: the link asks for the sandbox login first (issue #10 item 3).
  assert.equal(await dealPage.locator('#deal-ref').count(), 0);
  const signIn = h.connected.sandbox.signIn;
  assert.ok(signIn, 'the harness made a sandbox user with a login');
  await dealPage.fill('#sandbox-email', signIn.email);
  await dealPage.fill('#sandbox-password', signIn.password);
  await Promise.all([dealPage.waitForURL(/\/books\/deals\//), dealPage.click('#sandbox-sign-in')]);
  assert.match(new URL(dealPage.url()).pathname, /^\/sandbox\/freee\/books\/deals\/\d+$/);
  assert.equal(await dealPage.locator('#deal-ref').innerText(), 'URG-res.0001-20250106-credit');
  assert.equal(await dealPage.locator('#deal-amount').innerText(), '¥1,100');
  assert.match(await dealPage.locator('#deal-details').innerText(), /売上高/);
  await checkConsolePage(dealPage, 'sandbox-deal');

  // The same deal id under another 事業所 id is not shown.
  const url = new URL(dealPage.url());
  url.searchParams.set('company_id', String(Number(url.searchParams.get('company_id')) + 1));
  const other = await context.request.get(url.toString());
  assert.equal(other.status(), 404);
  assert.doesNotMatch(await other.text(), /URG-res/);
  // Without the sandbox session nobody reads the deal.
  const anonymous = await fetch(dealPage.url());
  assert.equal(anonymous.status, 401);
  assert.doesNotMatch(await anonymous.text(), /URG-res/);
  // What the books hold is text, never markup.
  const dealId = Number(new URL(dealPage.url()).pathname.split('/').pop());
  await h.app.freeePool.query(
    `update freee_sandbox.deal_details set description = '<img src=x id=injected>' where deal_id = $1`,
    [dealId],
  );
  await dealPage.reload();
  assert.equal(await dealPage.locator('#injected').count(), 0);
  assert.match(await dealPage.locator('#deal-details').innerText(), /<img src=x id=injected>/);
  await context.close();
});
