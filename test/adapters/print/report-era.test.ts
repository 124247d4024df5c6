// Goal: the printed 日報 can show its date in the Japanese era (issue 14 §2): with `era: true` the
// 日付 row reads 令和7年1月10日(金) for the spec's example day, in text and SVG; without it the
// 西暦 date stays. Method: the example day file's report rendered by the print adapter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportFromDayFile } from '../../../src/app/report/day-file-report.js';
import { renderReport } from '../../../src/adapters/print/render.js';
import { exampleDay } from '../../support/ledger-fixtures.js';

const view = reportFromDayFile(exampleDay, {
  storeCode: '0001',
  businessDate: '2025-01-10',
  now: new Date('2025-01-11T00:00:00Z'),
});

test('era: true prints 令和7年1月10日(金); the default prints 2025年1月10日(金)', () => {
  const western = renderReport(view.report, view.settings, 'text').bytes.toString('utf8');
  const era = renderReport(view.report, view.settings, 'text', { era: true }).bytes.toString(
    'utf8',
  );
  assert.match(western, /日付\s+2025年1月10日\(金\)/);
  assert.doesNotMatch(western, /令和/);
  assert.match(era, /日付\s+令和7年1月10日\(金\)/);
  assert.doesNotMatch(era, /2025年1月10日/);
  const svg = renderReport(view.report, view.settings, 'svg', { era: true, cpl: 32 });
  const svgText = svg.bytes.toString('utf8').replace(/<[^>]+>/g, '');
  assert.ok(svgText.includes('令和7年1月10日(金)'), 'the SVG (tags removed) shows the era date');
});
