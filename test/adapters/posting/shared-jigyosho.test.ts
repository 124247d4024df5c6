// Goal: two Uriage companies posting to one freee 事業所 never take each other's deals (issue #10
// item 2). Each company's ref_numbers carry its code (`URG-<company>.<store>-…`), so after an
// unclear failure company B's look-up does not adopt company A's deal for the same store code and
// day; 登録 refuses a store whose ref_numbers another company already uses in the 事業所 (legacy
// stores, which keep `URG-<store>-…` so that their existing deals are still found). Method: the
// posting harness (company `pos`, store 0001, a sandbox 事業所); company `bbb` with store 0001
// connected to the same 事業所 through the real consent flow; B's first create fails without
// reaching freee (an unclear failure), B posts again; the books are read back from the sandbox.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  completeAuthorization,
  registerAuthorization,
  startAuthorization,
} from '../../../src/app/freee/connect.js';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import { closeDay } from '../../../src/app/ledger/close-day.js';
import type { PostingGateway } from '../../../src/app/posting/ports.js';
import { postStoreDay } from '../../../src/app/posting/post-day.js';
import { ledgerDepsOver } from '../../../src/main/app.js';
import { answerSandboxConsent } from '../../../src/main/sandbox-connect.js';
import { createTestCompany, type TestCompany } from '../../support/app.js';
import { postingDepsOf } from '../../support/deps.js';
import {
  checkout,
  closeOf,
  dealsOn,
  ingest,
  item,
  post,
  startPostingHarness,
  type PostingHarness,
} from './support.js';

let h: PostingHarness;
before(async () => {
  h = await startPostingHarness();
});
after(async () => h.close());

async function connectToSameJigyosho(company: TestCompany) {
  const deps = h.app.runtime.connectDeps;
  const started = await startAuthorization(deps, {
    companyId: company.companyId,
    staffId: null,
    provider: 'sandbox',
  });
  const callbackUrl = await answerSandboxConsent(h.app.runtime, started.authorizationUrl, {
    email: h.connected.sandbox.signIn?.email ?? '',
    password: h.connected.sandbox.signIn?.password ?? '',
    userId: h.connected.sandbox.userId,
    companyId: h.connected.sandbox.companyId,
  });
  const authorization = await completeAuthorization(deps, {
    companyId: company.companyId,
    callbackUrl,
  });
  const stores = await deps.store.listStoreConnections(company.companyId);
  return registerAuthorization(deps, {
    companyId: company.companyId,
    authorizationId: authorization.id,
    freeeCompanyId: h.connected.sandbox.companyId,
    storeIds: stores.map((s) => s.storeId),
  });
}

const unclearFailure = {
  kind: 'network' as const,
  status: null,
  code: null,
  messages: ['socket hang up'],
  requestId: null,
  retryAfterMs: null,
};

describe('two Uriage companies on one freee 事業所', () => {
  const date = '2025-01-10';
  it("an unclear failure of B never adopts A's deal: both amounts reach the books", async () => {
    await ingest(h, [
      checkout(
        'a1',
        '0001',
        date,
        [item(11000, 'standard10')],
        [{ method: 'credit', amount: 11000 }],
      ),
    ]);
    await closeOf(h, '0001', date, 0, 0);
    assert.equal((await post(h, '0001', date)).status, 'posted');

    const b = await createTestCompany(h.app, 'bbb', ['0001']);
    await connectToSameJigyosho(b);
    const ledger = ledgerDepsOver(h.app.db.pool, h.app.clock);
    const actor = { companyId: b.companyId, label: 'staff:admin' };
    await ingestCheckouts(
      ledger,
      actor,
      [
        checkout(
          'b1',
          '0001',
          date,
          [item(22000, 'standard10')],
          [{ method: 'credit', amount: 22000 }],
        ),
      ],
      { pathOf: (i) => `checkouts[${i}]` },
    );
    await closeDay(ledger, actor, {
      storeCode: '0001',
      businessDate: date,
      float: 0,
      countedCash: 0,
    });
    const deps = postingDepsOf(h.app.services);
    let failFirstCreate = true;
    const connections = {
      forStore: async (companyId: string, storeId: string) => {
        const found = await deps.connections.forStore(companyId, storeId);
        if (found.kind !== 'connected') return found;
        const gateway: PostingGateway = {
          ...found.gateway,
          createDeal: async (content) => {
            if (!failFirstCreate) return found.gateway.createDeal(content);
            failFirstCreate = false;
            return { ok: false, failure: unclearFailure };
          },
        };
        return { kind: 'connected' as const, gateway };
      },
    };
    const request = { companyId: b.companyId, storeCode: '0001', businessDate: date };
    const first = await postStoreDay({ ...deps, connections }, request);
    assert.notEqual(first.status, 'posted', JSON.stringify(first));
    h.app.clock.advanceMs((h.app.services.postingTimings?.settleMs ?? 0) + 1);
    const second = await postStoreDay({ ...deps, connections }, request);
    assert.equal(second.status, 'posted', JSON.stringify(second));

    const deals = await dealsOn(h, date);
    const credit = deals.filter((deal) => (deal.ref_number ?? '').endsWith('-20250110-credit'));
    assert.deepEqual(credit.map((deal) => [deal.ref_number, deal.amount]).sort(), [
      ['URG-bbb.0001-20250110-credit', 22000],
      ['URG-pos.0001-20250110-credit', 11000],
    ]);
  });

  it('登録 refuses a store whose ref_numbers another company uses in the 事業所', async () => {
    const c = await createTestCompany(h.app, 'ccc', ['0001']);
    await h.app.db.pool.query('update stores set legacy_ref_numbers = true where code = $1', [
      '0001',
    ]);
    await assert.rejects(
      connectToSameJigyosho(c),
      (error: { userMessage?: string; code?: string }) => {
        assert.equal(error.code, 'freee_ref_number_collision');
        assert.match(
          error.userMessage ?? '',
          /店舗コード「0001」.*別の企業の取引と管理番号が重なります/,
        );
        return true;
      },
    );
  });

  it('a legacy store (posted before the company was in its ref_numbers) finds its deals again', async () => {
    await h.app.db.pool.query(
      `update stores set legacy_ref_numbers = true
        where company_id = $1 and code = '0001'`,
      [h.companyId],
    );
    const legacyDate = '2025-01-14';
    await ingest(h, [
      checkout(
        'a9',
        '0001',
        legacyDate,
        [item(330, 'standard10')],
        [{ method: 'cash', amount: 330 }],
      ),
    ]);
    await closeOf(h, '0001', legacyDate, 0, 330);
    assert.equal((await post(h, '0001', legacyDate)).status, 'posted');
    const refs = (await dealsOn(h, legacyDate)).map((deal) => deal.ref_number);
    assert.deepEqual(refs, ['URG-0001-20250114-cash']);
    const again = await post(h, '0001', legacyDate);
    assert.equal(again.status, 'posted');
    assert.equal(again.writes, 0);
  });
});
