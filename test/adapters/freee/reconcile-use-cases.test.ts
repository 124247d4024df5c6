// Goal: 消込's use cases against the freee sandbox through the App: the automatic apply settles a
// unique exact match on import (and only when the company turned it on); a hand-picked deal with a
// shortfall books the gap as a 支払手数料 deal; the same Idempotency-Key twice writes once; two
// users accepting the same deal at once — exactly one wins. Method: the real App over PGlite (or
// DATABASE_URL) with the sandbox mounted, a company connected through the real OAuth flow.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { FreeeClient } from '../../../src/adapters/freee/client.js';
import { AppError } from '../../../src/app/errors.js';
import { connectedCompany, type Connected } from './support/connect.js';
import { startFreeeTestApp, type FreeeTestApp } from './support/freee-app.js';

let app: FreeeTestApp;
let connected: Connected;
let client: FreeeClient;
let partnerId = 0;
let sales = 0;

interface Deal {
  id: number;
  amount: number;
  due_amount: number;
  ref_number?: string | null;
  payments?: { id: number; amount: number }[];
}

async function freee<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const r = await client.call(
    `${method} ${path}`,
    (api) =>
      (method === 'GET'
        ? api.GET(path as never, {} as never)
        : api.POST(path as never, { body } as never)) as never,
    { idempotent: method === 'GET' },
  );
  if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(r.failure)}`);
  return r.data as T;
}

const dealOf = async (id: number) =>
  (await freee<{ deal: Deal }>('GET', `/api/1/deals/${id}?company_id=${client.companyId}`)).deal;

async function receivable(amount: number, issue = '2024-12-20'): Promise<number> {
  const made = await freee<{ deal: Deal }>('POST', '/api/1/deals', {
    company_id: client.companyId,
    issue_date: issue,
    type: 'income',
    partner_id: partnerId,
    details: [{ account_item_id: sales, tax_code: 129, amount }],
  });
  return made.deal.id;
}

const csv = (rows: [string, number, string][]) =>
  Buffer.from(
    [
      '取引日,入出金(円),取引後残高(円),入出金内容',
      ...rows.map(([d, a, p]) => `${d.replaceAll('-', '')},${a},1000000,振込入金 ${p}`),
      '',
    ].join('\r\n'),
    'utf8',
  );

const reconcile = () => app.app().reconcile;
const actor = (label: string) => ({ companyId: connected.company.companyId, label });

before(async () => {
  app = await startFreeeTestApp();
  connected = await connectedCompany(app, 'rcu');
  client = await connected.client();
  const items = await freee<{ account_items: { id: number; name: string }[] }>(
    'GET',
    `/api/1/account_items?company_id=${client.companyId}`,
  );
  sales = items.account_items.find((a) => a.name === '売上高')?.id ?? 0;
  partnerId = (
    await freee<{ partner: { id: number } }>('POST', '/api/1/partners', {
      company_id: client.companyId,
      name: '鈴木物産株式会社',
      name_kana: 'スズキブッサン',
    })
  ).partner.id;
});
after(async () => app?.close());

test('automatic apply settles a unique exact match on import, only when turned on', async () => {
  const companyId = connected.company.companyId;
  const first = await receivable(12_345);
  const off = await reconcile().importStatement(
    companyId,
    csv([['2025-01-06', 12_345, 'ｽｽﾞｷﾌﾞﾂｻﾝ(ｶ']]),
  );
  assert.deepEqual([off.added, off.autoApplied], [1, 0]);
  assert.equal(
    (await dealOf(first)).due_amount,
    12_345,
    'nothing applied while the setting is off',
  );
  await reconcile().saveSettings(companyId, { autoApplyExact: true, bankSynced: false });
  const on = await reconcile().importStatement(
    companyId,
    csv([
      ['2025-01-06', 12_345, 'ｽｽﾞｷﾌﾞﾂｻﾝ(ｶ'],
      ['2025-01-07', 99_999, 'ﾀﾅｶ ﾀﾛｳ'],
    ]),
  );
  assert.deepEqual([on.added, on.alreadyKnown, on.autoApplied], [1, 1, 1]);
  assert.equal((await dealOf(first)).due_amount, 0);
  const overview = await reconcile().overview(companyId);
  assert.deepEqual(
    overview.deposits.map((d) => d.line.amountYen),
    [99_999],
    'only the unmatched deposit stays open',
  );
  assert.equal(overview.applications[0]?.createdBy, 'auto');
  await reconcile().saveSettings(companyId, { autoApplyExact: false, bankSynced: false });
});

test('a hand-picked deal with a shortfall books the fee; the same key twice writes once; undo restores', async () => {
  const companyId = connected.company.companyId;
  const deal = await receivable(50_000, '2024-12-27');
  await reconcile().importStatement(companyId, csv([['2025-01-08', 49_560, 'ｽｽﾞｷ ｲﾁﾛｳ']]));
  const line = (await reconcile().overview(companyId)).deposits.find(
    (d) => d.line.amountYen === 49_560,
  )?.line;
  assert.ok(line);
  const key = randomUUID();
  const id = await reconcile().accept(actor('担当A'), line.key, [String(deal)], key);
  assert.equal(await reconcile().accept(actor('担当A'), line.key, [String(deal)], key), id);
  const settled = await dealOf(deal);
  assert.equal(settled.due_amount, 0);
  assert.equal(settled.payments?.length, 1, 'one payment for two requests with one key');
  const day = await freee<{ deals: Deal[] }>(
    'GET',
    `/api/1/deals?company_id=${client.companyId}&start_issue_date=2025-01-08&end_issue_date=2025-01-08`,
  );
  const fees = day.deals.filter((d) => d.ref_number === `uriage-rec-${id}`);
  assert.deepEqual(
    fees.map((d) => [d.amount, d.due_amount]),
    [[440, 0]],
  );
  const overview = await reconcile().overview(companyId);
  assert.deepEqual(overview.aliases.get(String(partnerId))?.includes('ｽｽﾞｷ ｲﾁﾛｳ'), true);
  await reconcile().undo(companyId, id);
  assert.equal((await dealOf(deal)).due_amount, 50_000);
  assert.equal(
    (
      await freee<{ deals: Deal[] }>(
        'GET',
        `/api/1/deals?company_id=${client.companyId}&start_issue_date=2025-01-08&end_issue_date=2025-01-08`,
      )
    ).deals.filter((d) => d.ref_number === `uriage-rec-${id}`).length,
    0,
  );
});

test('two users accepting the same deal at once: exactly one wins', async () => {
  const companyId = connected.company.companyId;
  const deal = await receivable(7_700, '2024-12-28');
  await reconcile().importStatement(
    companyId,
    csv([
      ['2025-01-09', 7_700, 'ｽｽﾞｷﾌﾞﾂｻﾝ(ｶ'],
      ['2025-01-09', 7_700, 'ｽｽﾞｷﾌﾞﾂｻﾝ ｼﾃﾝ'],
    ]),
  );
  const lines = (await reconcile().overview(companyId)).deposits.filter(
    (d) => d.line.amountYen === 7_700,
  );
  assert.equal(lines.length, 2);
  const results = await Promise.allSettled(
    lines.map((l, i) =>
      reconcile().accept(actor(`担当${i}`), l.line.key, [String(deal)], randomUUID()),
    ),
  );
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const lost = results.find((r) => r.status === 'rejected');
  assert.ok(lost && lost.reason instanceof AppError && lost.reason.kind === 'conflict');
  assert.equal((await dealOf(deal)).payments?.length, 1);
});

test('a bank account synced in freee: suggestions only, nothing written, the deals to tick named', async () => {
  const companyId = connected.company.companyId;
  const deal = await receivable(8_800, '2024-12-29');
  await reconcile().saveSettings(companyId, { autoApplyExact: true, bankSynced: true });
  const imported = await reconcile().importStatement(
    companyId,
    csv([['2025-01-10', 8_800, 'ｽｽﾞｷﾌﾞﾂｻﾝ(ｶ']]),
  );
  assert.equal(imported.autoApplied, 0, 'no automatic apply on a synced account');
  const entry = (await reconcile().overview(companyId)).deposits.find(
    (d) => d.line.amountYen === 8_800,
  );
  assert.deepEqual(entry?.suggestion?.best?.receivableIds, [String(deal)]);
  await assert.rejects(
    reconcile().accept(actor('担当A'), entry.line.key, [String(deal)], randomUUID()),
    (e: unknown) =>
      e instanceof AppError &&
      e.code === 'reconcile_bank_synced' &&
      e.userMessage.includes(`取引 ${deal}`),
  );
  assert.equal((await dealOf(deal)).payments, undefined, 'nothing written to freee');
  await reconcile().saveSettings(companyId, { autoApplyExact: false, bankSynced: false });
});
