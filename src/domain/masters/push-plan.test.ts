// Goal: which masters a push writes — by code where the company uses codes (create or rename), by
// name otherwise; archived records are not reused; a name already present is used whatever its code;
// the same record wanted twice is written once; empty names are never sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pushPlan, usesCodes, type KnownRecord, type WantedRecord } from './push-plan.js';

const want = (master: WantedRecord['master'], name: string, code: string | null = null) => ({
  master,
  name,
  code,
  label: `${master}:${name}`,
});
const rec = (key: string, name: string, code: string | null = null, archived = false) => ({
  key,
  name,
  code,
  archived,
});
const none: KnownRecord[] = [];

test('without codes: by name; archived records are not reused; duplicates and empties skipped', () => {
  const plan = pushPlan(
    [
      want('items', '【POS Reg】現金', 'cash'),
      want('items', '【POS Reg】カード', 'card'),
      want('items', '【POS Reg】カード', 'card2'),
      want('items', '【POS Reg】旧', 'old'),
      want('items', '  ', 'blank'),
    ],
    {
      items: [rec('1', '【POS Reg】現金'), rec('2', '【POS Reg】旧', null, true)],
      sections: none,
      partners: none,
    },
  );
  assert.deepEqual(
    plan.map((a) => [a.kind, a.want.name]),
    [
      ['none', '【POS Reg】現金'],
      ['create', '【POS Reg】カード'],
      ['create', '【POS Reg】旧'],
    ],
  );
});

test('with codes: rename by code, create by code, reuse a record carrying the name', () => {
  const partners = [rec('10', 'カード会社(旧)', 'credit'), rec('11', 'PayPay株式会社', 'P-1')];
  assert.equal(usesCodes(partners), true);
  const plan = pushPlan(
    [
      want('partners', 'カード会社', 'credit'),
      want('partners', 'PayPay株式会社', 'paypay'),
      want('partners', '商品券', 'gift'),
    ],
    { items: none, sections: none, partners },
  );
  assert.deepEqual(
    plan.map((a) => [a.kind, a.want.name, a.kind === 'upsertByCode' ? a.existingKey : null]),
    [
      ['upsertByCode', 'カード会社', '10'],
      ['none', 'PayPay株式会社', null],
      ['upsertByCode', '商品券', null],
    ],
  );
});
