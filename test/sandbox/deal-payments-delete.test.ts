// Goal: the sandbox's DELETE /api/1/deals/{id}/payments/{payment_id} behaves as freee's: 204 and the
// deal's due_amount back; the same line again, or a line of another deal, is 404 and changes
// nothing; another company's deal is not reachable. Method: the sandbox on real HTTP (harness).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { call, login, startHarness, type Harness } from './support/harness.js';

let h: Harness;
let token: string;
let cid: number;

interface Deal {
  id: number;
  due_amount: number;
  payments?: { id: number; amount: number }[];
}

const api = (method: string, path: string, body?: unknown) => call(h, token, method, path, body);

before(async () => {
  h = await startHarness();
  token = (await login(h)).accessToken;
  cid = h.company.companyId;
});
after(async () => h.close());

async function dealWithPayments(amounts: number[]): Promise<Deal> {
  const items = (await api('GET', `/api/1/account_items?company_id=${cid}`)).body as {
    account_items: { id: number; name: string }[];
  };
  const sales = items.account_items.find((a) => a.name === '売上高')?.id;
  const made = await api('POST', '/api/1/deals', {
    company_id: cid,
    issue_date: '2025-06-10',
    type: 'income',
    details: [{ account_item_id: sales, tax_code: 129, amount: 3_000 }],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  let deal = (made.body as { deal: Deal }).deal;
  for (const amount of amounts) {
    const paid = await api('POST', `/api/1/deals/${deal.id}/payments`, {
      company_id: cid,
      date: '2025-06-12',
      from_walletable_type: 'bank_account',
      from_walletable_id: h.company.bankWalletableId,
      amount,
    });
    assert.equal(paid.status, 201, JSON.stringify(paid.body));
    deal = (paid.body as { deal: Deal }).deal;
  }
  return deal;
}

it('removes exactly one payment line; again is 404; another deal’s line is 404', async () => {
  const deal = await dealWithPayments([1_000, 2_000]);
  const other = await dealWithPayments([500]);
  assert.equal(deal.due_amount, 0);
  const [first, second] = deal.payments ?? [];
  assert.ok(first && second);
  const gone = await api(
    'DELETE',
    `/api/1/deals/${deal.id}/payments/${first.id}?company_id=${cid}`,
  );
  assert.equal(gone.status, 204);
  const after1 = (await api('GET', `/api/1/deals/${deal.id}?company_id=${cid}`)).body as {
    deal: Deal;
  };
  assert.equal(after1.deal.due_amount, 1_000);
  assert.deepEqual(
    after1.deal.payments?.map((p) => p.id),
    [second.id],
  );
  const again = await api(
    'DELETE',
    `/api/1/deals/${deal.id}/payments/${first.id}?company_id=${cid}`,
  );
  assert.equal(again.status, 404);
  const foreign = await api(
    'DELETE',
    `/api/1/deals/${deal.id}/payments/${other.payments?.[0]?.id}?company_id=${cid}`,
  );
  assert.equal(foreign.status, 404);
  const otherAfter = (await api('GET', `/api/1/deals/${other.id}?company_id=${cid}`)).body as {
    deal: Deal;
  };
  assert.equal(otherAfter.deal.payments?.length, 1);
  const wrongCompany = await api(
    'DELETE',
    `/api/1/deals/${deal.id}/payments/${second.id}?company_id=${cid + 999}`,
  );
  assert.ok(wrongCompany.status >= 400 && wrongCompany.status < 500);
  const still = (await api('GET', `/api/1/deals/${deal.id}?company_id=${cid}`)).body as {
    deal: Deal;
  };
  assert.equal(still.deal.payments?.length, 1);
});
