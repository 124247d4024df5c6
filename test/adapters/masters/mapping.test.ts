// Goal: 取引の送信設定 is checked against the synced masters when saved (issue 11 item 7): a 勘定科目
// freee does not have, or one freee removed (archived by the next full sync), is refused on its
// field with a Japanese message naming it, and nothing is saved; a mapping of synced names saves.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../src/app/errors.js';
import { startMastersHarness, type MastersHarness } from './support.js';

let h: MastersHarness;

before(async () => {
  h = await startMastersHarness();
  const outcome = await h.sync();
  assert.equal(outcome.status, 'succeeded');
});
after(async () => {
  await h.close();
});

const posting = () => h.app.app().posting;
const current = async () => (await posting().getPostingSettings(h.companyId)).settings;

async function refusal(input: unknown): Promise<AppError> {
  try {
    await posting().savePostingSettings(h.companyId, input, 'test');
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error;
  }
  assert.fail('saved');
}

test('a mapping of synced names saves', async () => {
  const settings = await current();
  const saved = await posting().savePostingSettings(
    h.companyId,
    { ...settings, accountNames: { ...settings.accountNames, cashOver: '雑収入' } },
    'test',
  );
  assert.equal(saved.accountNames.cashOver, '雑収入');
});

test('a 勘定科目 or 税区分 freee does not have is an error on its field, nothing saved', async () => {
  const settings = await current();
  const error = await refusal({
    ...settings,
    accountNames: { ...settings.accountNames, sales: '売上高X' },
    taxCodeNames: { ...settings.taxCodeNames, reduced8: '課税売上8%(旧)' },
  });
  assert.deepEqual(
    error.fields.map((f) => [f.path, f.code]),
    [
      ['accountNames.sales', 'master_missing'],
      ['taxCodeNames.reduced8', 'master_missing'],
    ],
  );
  assert.match(
    error.fields[0]?.message ?? '',
    /売上高の勘定科目「売上高X」はfreeeの勘定科目にありません/,
  );
  assert.equal((await current()).accountNames.sales, '売上高');
});

test('a 勘定科目 removed in freee is archived by the full sync and refused at save', async () => {
  await h.app.freeePool.query(
    "delete from freee_sandbox.account_items where company_id = $1 and name = '雑損失'",
    [h.sandboxCompanyId],
  );
  const outcome = await h.sync({ masters: ['account_items'] });
  assert.equal(outcome.results[0]?.archived, 1);
  const settings = await current();
  const error = await refusal({
    ...settings,
    accountNames: { ...settings.accountNames, cashShort: '雑損失' },
  });
  assert.deepEqual(
    error.fields.map((f) => [f.path, f.code]),
    [['accountNames.cashShort', 'master_archived']],
  );
  assert.match(error.fields[0]?.message ?? '', /現金不足の勘定科目「雑損失」はfreeeで削除/);
});
