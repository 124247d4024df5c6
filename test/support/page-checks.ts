// Browser-test checks shared by the console's pages: a screenshot at each width the console supports
// (1280×800 and 1024×768, into test-results/, which git ignores) and an axe-core accessibility check
// with no serious or critical violation at each width.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const consoleViewports = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

const resultsDirectory = new URL('../../test-results/', import.meta.url);

/** Screenshot and axe at both widths; returns the screenshot paths. */
export async function checkConsolePage(page: Page, name: string): Promise<string[]> {
  mkdirSync(resultsDirectory, { recursive: true });
  const paths: string[] = [];
  for (const viewport of consoleViewports) {
    await page.setViewportSize(viewport);
    const path = new URL(`${name}-${viewport.width}.png`, resultsDirectory).pathname;
    await page.screenshot({ path, fullPage: true });
    paths.push(path);
    // AxeBuilder's type names playwright's Page; playwright-core's is the same class.
    const results = await new AxeBuilder({ page: page as never }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    assert.deepEqual(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `${name} at ${viewport.width}px: serious or critical axe violations`,
    );
  }
  console.log(`screenshots: ${paths.join(' ')}`);
  return paths;
}
