// Issue 13: the register page in Chromium at tablet size. Figures over 200 checkouts of 5 lines:
// tap → line on screen (the product button's click until the next animation frame shows the line)
// and tender → stored locally (確定 until the IndexedDB transaction of the checkout and its outbox
// entry completed). The browser is offline while measuring, so the send queue stays out of the
// figures. Baselines of the same run: a bare animation frame, and a bare IndexedDB put.
import type { Page } from 'playwright-core';
import { createTestCompany, startTestApp } from '../test/support/app.js';
import { launchBrowser } from '../test/support/browser.js';
import { registerToken } from '../test/support/ledger-fixtures.js';
import type { Bench, BenchFigure } from './run.js';

const checkoutsMeasured = 200;
const linesPerCheckout = 5;
const targetMs = 50;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const tapScript = (code: string) => `(async () => {
  const before = document.querySelectorAll('#cart li').length;
  const t0 = performance.now();
  document.querySelector('.product[data-code="${code}"]').click();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  if (document.querySelectorAll('#cart li').length < before) throw new Error('no line');
  return performance.now() - t0;
})()`;

const frameScript = `(async () => { const t0 = performance.now(); await new Promise((r) => requestAnimationFrame(r)); return performance.now() - t0; })()`;

const putScript = `(async () => {
  const db = await new Promise((resolve) => { const r = indexedDB.open('bench-baseline', 1); r.onupgradeneeded = () => r.result.createObjectStore('x'); r.onsuccess = () => resolve(r.result); });
  const t0 = performance.now();
  await new Promise((resolve) => { const tx = db.transaction('x', 'readwrite'); tx.objectStore('x').put({ at: t0 }, crypto.randomUUID()); tx.oncomplete = resolve; });
  return performance.now() - t0;
})()`;

async function ringUp(page: Page, codes: readonly string[], taps: number[]) {
  for (let line = 0; line < linesPerCheckout; line += 1) {
    const code = codes[line % codes.length] ?? 'P0';
    taps.push(Number(await page.evaluate(tapScript(code))));
  }
}

function figure(
  name: string,
  values: number[],
  baselineName: string,
  baseline: number[],
): BenchFigure[] {
  return [50, 95].map((p) => {
    const value = percentile(values, p);
    return {
      name: `${name} p${p}`,
      value,
      unit: 'ms',
      baselineName: `${baselineName} p${p}`,
      baselineValue: percentile(baseline, p),
      target: `p95 < ${targetMs} ms`,
      met: p === 50 || value < targetMs,
    };
  });
}

async function measure(page: Page) {
  const taps: number[] = [];
  const stores: number[] = [];
  const frames: number[] = [];
  const puts: number[] = [];
  const codes = ['P0', 'P1', 'P2', 'P3', 'P4'];
  for (let i = 0; i < checkoutsMeasured; i += 1) {
    await ringUp(page, codes, taps);
    await page.click('#pay');
    await page.click('.method[data-code="cash"]');
    await page.click('#commit');
    await page.waitForSelector('#receipt-panel:not([hidden])');
    stores.push(Number(await page.evaluate('window.__lastCommitMs')));
    await page.click('#receipt-close');
    frames.push(Number(await page.evaluate(frameScript)));
    puts.push(Number(await page.evaluate(putScript)));
  }
  return { taps, stores, frames, puts };
}

export const registerBench: Bench = {
  name: 'register (Chromium, 1024×768, 200 checkouts × 5 lines)',
  run: async () => {
    const app = await startTestApp({ now: new Date().toISOString() });
    const browser = await launchBrowser();
    try {
      const company = await createTestCompany(app, 'bench', ['0001']);
      const products = ['P0', 'P1', 'P2', 'P3', 'P4'].map((code, i) => ({
        code,
        name: `商品${i}`,
        priceYen: 100 * (i + 1),
        priceMode: 'inclusive' as const,
        taxCategory: i % 2 === 0 ? ('standard10' as const) : ('reduced8' as const),
        category: 'ベンチ',
        sortOrder: i,
        active: true,
      }));
      await app.app().register.saveProducts(company.companyId, products);
      const context = await browser.newContext({
        viewport: { width: 1024, height: 768 },
        bypassCSP: true, // the bench's string probes are evaluated; the page's CSP forbids eval
      });
      const page = await context.newPage();
      await page.goto(`${app.url}/register`);
      await page.fill('#token', await registerToken(app, company));
      await page.click('#setup-save');
      await page.waitForSelector('body[data-ready="true"]');
      await context.setOffline(true);
      const { taps, stores, frames, puts } = await measure(page);
      return [
        ...figure('tap → line on screen', taps, 'bare animation frame', frames),
        ...figure('tender → stored locally', stores, 'bare IndexedDB put', puts),
      ];
    } finally {
      await browser.close();
      await app.close();
    }
  },
};
