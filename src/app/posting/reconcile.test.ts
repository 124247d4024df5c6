// Goal: after a lookup, our record says exactly what freee holds: an unanswered create that landed is
// adopted (never posted twice), one that did not land is dropped, an update judged by freee's
// content, a deleted deal forgotten, a foreign deal with our ref adopted, two deals for one entry
// reported, a matched receivable flagged. Method: table tests on the pure reconcileRecords.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntryRecord } from './model.js';
import { reconcileRecords, type ReconcileContext } from './reconcile.js';
import type { DealContent } from '../../domain/posting/deal-types.js';
import type { HeldDeal } from '../../domain/posting/held-deals.js';
import { yen } from '../../domain/money/yen.js';

const content = (amount: number, ref = 'URG-0001-20250110-credit'): DealContent => ({
  company_id: 9,
  issue_date: '2025-01-10',
  type: 'income',
  ref_number: ref,
  partner_id: 301,
  due_date: '2025-02-17',
  details: [
    {
      account_item_id: 901,
      tax_code: 129,
      amount: yen(amount),
      vat: yen(Math.floor(amount / 11)),
      item_id: 202,
      section_id: 11,
      description: '売上 10%',
    },
  ],
});
const held = (id: number, amount: number, extra: Partial<HeldDeal> = {}): HeldDeal => ({
  id,
  issue_date: '2025-01-10',
  type: 'income',
  partner_id: 301,
  due_date: '2025-02-17',
  ref_number: 'URG-0001-20250110-credit',
  details: [
    {
      account_item_id: 901,
      tax_code: 129,
      amount: yen(amount),
      vat: yen(Math.floor(amount / 11)),
      item_id: 202,
      section_id: 11,
      description: '売上 10% (edited text)',
    },
  ],
  ...extra,
});
const context: ReconcileContext = {
  freeeCompanyId: 9,
  taxedCodes: new Set([129, 156]),
  isCashEntry: (key) => key === 'method:cash',
  describe: (key) => ({
    methodCode: key.slice(7),
    itemName: '【POS Reg】クレジット',
    refNumber: 'URG-0001-20250110-credit',
  }),
};
const record = (extra: Partial<EntryRecord>): EntryRecord => ({
  key: 'method:credit',
  methodCode: 'credit',
  itemName: '【POS Reg】クレジット',
  refNumber: 'URG-0001-20250110-credit',
  dealId: null,
  content: null,
  hasPayments: false,
  intent: null,
  ...extra,
});
const at = new Date('2025-01-10T00:00:00Z');
const freee = (...deals: HeldDeal[]) => new Map([['method:credit', deals]]);

describe('reconcileRecords', () => {
  it('an unanswered create that landed is adopted with our content', () => {
    const r = reconcileRecords(
      [record({ intent: { op: 'create', content: content(1100), at } })],
      freee(held(701, 1100)),
      context,
    );
    assert.equal(r.records[0]?.dealId, 701);
    assert.deepEqual(r.records[0]?.content, content(1100));
    assert.equal(r.records[0]?.intent, null);
    assert.deepEqual(r.changedKeys, ['method:credit']);
  });
  it('an unanswered create that did not land is dropped (written again later)', () => {
    const r = reconcileRecords(
      [record({ intent: { op: 'create', content: content(1100), at } })],
      new Map(),
      context,
    );
    assert.deepEqual(r.records, []);
    assert.deepEqual(r.changedKeys, ['method:credit']);
  });
  it('an unanswered update: freee holds the new content → recorded; the old → kept', () => {
    const base = { dealId: 701, content: content(1100) };
    const landed = reconcileRecords(
      [record({ ...base, intent: { op: 'update', content: content(2200), at } })],
      freee(held(701, 2200)),
      context,
    );
    assert.deepEqual(landed.records[0]?.content, content(2200));
    const lost = reconcileRecords(
      [record({ ...base, intent: { op: 'update', content: content(2200), at } })],
      freee(held(701, 1100)),
      context,
    );
    assert.deepEqual(lost.records[0]?.content, content(1100));
  });
  it('an unanswered delete that landed → forgotten; one that did not → kept', () => {
    const gone = reconcileRecords(
      [
        record({
          dealId: 701,
          content: content(1100),
          intent: { op: 'delete', content: null, at },
        }),
      ],
      new Map(),
      context,
    );
    assert.deepEqual(gone.records, []);
    const kept = reconcileRecords(
      [
        record({
          dealId: 701,
          content: content(1100),
          intent: { op: 'delete', content: null, at },
        }),
      ],
      freee(held(701, 1100)),
      context,
    );
    assert.equal(kept.records[0]?.dealId, 701);
  });
  it('a deal with our ref_number and no record is adopted with freee content', () => {
    const r = reconcileRecords([], freee(held(705, 500)), context);
    assert.equal(r.records[0]?.dealId, 705);
    assert.equal(r.records[0]?.content?.details[0]?.amount, 500);
  });
  it('two deals for one entry are reported as duplicates', () => {
    const r = reconcileRecords(
      [record({ dealId: 701, content: content(1100) })],
      freee(held(701, 1100), held(702, 1100)),
      context,
    );
    assert.deepEqual(r.duplicates, [{ key: 'method:credit', dealIds: [701, 702] }]);
  });
  it('a receivable with a payment (消込) is flagged hasPayments; nothing else changes', () => {
    const payment = {
      amount: 1100,
      from_walletable_type: 'bank_account',
      from_walletable_id: 52,
      date: '2025-02-17',
    };
    const r = reconcileRecords(
      [record({ dealId: 701, content: content(1100) })],
      freee(held(701, 1100, { payments: [payment] })),
      context,
    );
    assert.equal(r.records[0]?.hasPayments, true);
    assert.deepEqual(r.records[0]?.content, content(1100));
  });
  it('an unchanged record is not rewritten', () => {
    const r = reconcileRecords(
      [record({ dealId: 701, content: content(1100) })],
      freee(held(701, 1100)),
      context,
    );
    assert.deepEqual(r.changedKeys, []);
  });
});
