// Goal: the company's settings resolve to freee ids by name (NFKC: （軽） = (軽)), report what is
// missing (品目 to create, accounts and tax codes to fix) and refuse item names over 30 characters.
// Method: masters shaped like freee's GET responses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PostingMappingError } from './errors.js';
import {
  defaultAccountNames,
  defaultTaxCodeNames,
  itemNameFor,
  type PostingSettings,
} from './mappings.js';
import { resolvePostingMappings, type PostingMasters } from './resolve-mappings.js';
import { testPaymentMethods } from '../../../test/support/domain/fixtures.js';

const settings: PostingSettings = {
  accountNames: { ...defaultAccountNames },
  taxCodeNames: { ...defaultTaxCodeNames, reduced8: '課税売上8%(軽)' },
  methods: [{ code: 'credit', partnerId: 301, schedule: { kind: 'daysAfter', bankingDays: 2 } }],
  stores: [
    { storeCode: '0001', companyId: 1, sectionId: 11, cashWalletable: { type: 'wallet', id: 51 } },
  ],
};

const accountNames = ['売上高', '売掛金', '前受金', '雑収入', '雑損失', '仮受金', '仮払金'];
const masters: PostingMasters = {
  accountItems: accountNames.map((name, index) => ({ id: 900 + index, name, available: true })),
  taxes: [
    { code: 129, name: 'sales_with_tax_10', name_ja: '課税売上10%', available: true },
    { code: 156, name: 'sales_with_tax_reduced_8', name_ja: '課税売上8%（軽）', available: true },
    { code: 23, name: 'sales_with_no_tax', name_ja: '非課売上', available: true },
    { code: 2, name: 'non_taxable', name_ja: '対象外', available: true },
  ],
  items: testPaymentMethods.map((method, index) => ({
    id: 200 + index,
    name: itemNameFor(method),
  })),
};

describe('resolvePostingMappings', () => {
  it('resolves every role, tax code and 品目 by name', () => {
    const result = resolvePostingMappings(settings, '0001', testPaymentMethods, masters);
    assert.ok(result.kind === 'resolved');
    assert.deepEqual(result.mappings.accounts, {
      sales: 900,
      receivable: 901,
      nonSales: 902,
      cashOver: 903,
      cashShort: 904,
      voucherShortfall: 903,
      voucherChange: 905,
      drawerIn: 905,
      drawerOut: 906,
    });
    assert.deepEqual(result.mappings.taxCodes, {
      standard10: 129,
      reduced8: 156,
      exempt: 23,
      outOfScope: 2,
    });
    assert.deepEqual(result.mappings.methods.credit, {
      itemId: 201,
      partnerId: 301,
      schedule: { kind: 'daysAfter', bankingDays: 2 },
    });
    assert.deepEqual(result.mappings.methods.cash, {
      itemId: 200,
      partnerId: null,
      schedule: null,
    });
  });

  it('lists the 品目 to create and the accounts missing', () => {
    const result = resolvePostingMappings(settings, '0001', testPaymentMethods, {
      ...masters,
      items: masters.items.slice(0, 2),
      accountItems: masters.accountItems.filter((each) => each.name !== '前受金'),
    });
    assert.ok(result.kind === 'missing');
    assert.deepEqual(
      result.missing.items.map((each) => each.name),
      ['【POS Reg】商品券(お釣り無し)', '【POS Reg】商品券(お釣り有り)', '【POS Reg】PayPay'],
    );
    assert.deepEqual(result.missing.accounts, [{ role: 'nonSales', name: '前受金' }]);
    assert.deepEqual(result.missing.taxCodes, []);
  });

  it('an unavailable tax code does not count; an unknown store or a long item name is a mapping error', () => {
    const hidden = {
      ...masters,
      taxes: masters.taxes.map((tax) => (tax.code === 23 ? { ...tax, available: false } : tax)),
    };
    const result = resolvePostingMappings(settings, '0001', testPaymentMethods, hidden);
    assert.deepEqual(result.kind === 'missing' && result.missing.taxCodes, [
      { role: 'exempt', name: '非課売上' },
    ]);
    assert.throws(
      () => resolvePostingMappings(settings, '9999', testPaymentMethods, masters),
      PostingMappingError,
    );
    const long = {
      ...settings,
      methods: [
        {
          code: 'credit',
          itemName: '【POS Reg】' + 'ク'.repeat(22),
          partnerId: 301,
          schedule: null,
        },
      ],
    };
    assert.throws(
      () => resolvePostingMappings(long, '0001', testPaymentMethods, masters),
      PostingMappingError,
    );
  });
});
