// Goal: the ≤ 100 details rule (split-deal.ts) keeps every deal within freee's limit and the books
// unchanged: parts of at most 100 lines in line order, keys `#n`, each cash part settled for its own
// total, each receivable part with the partner and due date; the parts pass the invariant checkers
// like the single deal would. Method: a synthetic entry of 250 lines (no real day has more than 8).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDealContent, type DraftEntry } from './draft-deal.js';
import { keyOfRefNumber, refNumberOf } from './entry-keys.js';
import type { DraftLine } from './method-lines.js';
import { yen } from '../money/yen.js';
import { detailsMaxPerDeal, splitDraft } from './split-deal.js';
import { testMappings } from '../../../test/support/domain/posting-fixtures.js';

const lines: DraftLine[] = Array.from({ length: 250 }, (_, index) => ({
  accountRole: index % 2 === 0 ? 'sales' : 'drawerIn',
  taxRole: index % 2 === 0 ? 'standard10' : 'outOfScope',
  amount: yen(index % 7 === 0 ? -(index + 1) * 11 : (index + 1) * 11),
  vat: index % 2 === 0 ? yen(index % 7 === 0 ? -(index + 1) : index + 1) : null,
  description: `line ${index}`,
}));

function contents(draft: DraftEntry) {
  return splitDraft(draft).map((part) => ({
    key: part.key,
    deal: toDealContent(part, {
      mappings: testMappings,
      businessDate: '2025-01-10',
      refNumber: refNumberOf('0001', '2025-01-10', part.key),
    }),
  }));
}

const signedTotal = (deal: { type: string; details: { amount: number }[] }) =>
  (deal.type === 'income' ? 1 : -1) * deal.details.reduce((sum, each) => sum + each.amount, 0);

describe(`splitDraft: at most ${detailsMaxPerDeal} details per deal`, () => {
  it('250 lines of the cash deal → 100 + 100 + 50, keys method:cash, #2, #3, each settled for its own total', () => {
    const parts = contents({
      key: 'method:cash',
      methodCode: 'cash',
      itemId: 201,
      settlement: { kind: 'cash' },
      lines,
    });
    assert.deepEqual(
      parts.map((part) => [part.key, part.deal.details.length]),
      [
        ['method:cash', 100],
        ['method:cash#2', 100],
        ['method:cash#3', 50],
      ],
    );
    assert.deepEqual(
      parts.map((part) => keyOfRefNumber('0001', '2025-01-10', part.deal.ref_number)),
      ['method:cash', 'method:cash#2', 'method:cash#3'],
    );
    for (const { deal } of parts)
      assert.equal(
        (deal.type === 'income' ? 1 : -1) * (deal.payments?.[0]?.amount ?? 0),
        signedTotal(deal),
      );
    const total = lines.reduce((sum, each) => sum + each.amount, 0);
    assert.equal(
      parts.reduce((sum, part) => sum + signedTotal(part.deal), 0),
      total,
    );
    assert.deepEqual(
      parts.flatMap((part) => part.deal.details.map((each) => each.description)),
      lines.map((each) => each.description),
    );
  });

  it('a receivable split keeps the partner and due date on every part; the parts add up to the method total', () => {
    const parts = contents({
      key: 'method:credit',
      methodCode: 'credit',
      itemId: 202,
      settlement: { kind: 'unsettled', partnerId: 301, dueDate: '2025-02-17' },
      lines,
    });
    assert.ok(
      parts.every(
        (part) =>
          part.deal.partner_id === 301 &&
          part.deal.due_date === '2025-02-17' &&
          part.deal.payments === undefined,
      ),
    );
    assert.equal(
      parts.reduce((sum, part) => sum + signedTotal(part.deal), 0),
      lines.reduce((sum, each) => sum + each.amount, 0),
    );
  });

  it('100 lines stay one deal', () => {
    assert.equal(
      splitDraft({
        key: 'method:cash',
        methodCode: 'cash',
        itemId: 201,
        settlement: { kind: 'cash' },
        lines: lines.slice(0, 100),
      }).length,
      1,
    );
  });
});
