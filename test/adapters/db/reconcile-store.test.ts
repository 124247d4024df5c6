// Goal: 消込's storage keeps its promises on a real database (PGlite, or the DATABASE_URL server):
// the same statement imported twice, or an overlapping period, stores each line once; several users
// claiming the same receivable at once — exactly one wins, the others write nothing; every freee
// write has its intent recorded with the claim; undo releases the claim. Method: the corpus files
// through the bank adapter, then concurrent claims on separate connections.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readStatementFile } from '../../../src/adapters/bank/read-statement.js';
import { reconcileStoreOver } from '../../../src/adapters/db/reconcile-store.js';
import type { PlannedApplication } from '../../../src/app/reconcile/ports.js';
import { parseBusinessDate } from '../../../src/domain/calendar/business-date.js';
import { yen } from '../../../src/domain/money/yen.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'reconcile');
const now = new Date('2025-01-15T09:00:00+09:00');
let db: TestDatabase;
let companyId: string;

before(async () => {
  db = await openTestDatabase();
  companyId = randomUUID();
  await db.pool.query(
    `insert into companies (id, code, name, created_at, updated_at) values ($1, 'rec', '消込テスト', now(), now())`,
    [companyId],
  );
});
after(async () => db.close());

describe('statement lines', () => {
  it('the same file twice, then an overlapping period: each line once', async () => {
    const store = reconcileStoreOver(db.pool);
    const week = readStatementFile(join(dir, 'zengin-crlf.txt')).lines;
    assert.deepEqual(await store.importLines(companyId, week, now), { added: 5, alreadyKnown: 0 });
    assert.deepEqual(await store.importLines(companyId, week, now), { added: 0, alreadyKnown: 5 });
    const next = readStatementFile(join(dir, 'zengin-overlap.txt')).lines;
    assert.deepEqual(await store.importLines(companyId, next, now), { added: 1, alreadyKnown: 2 });
    const { rows } = await db.pool.query(
      'select count(*)::int as n from reconcile_statement_lines where company_id = $1',
      [companyId],
    );
    assert.equal(rows[0].n, 6);
  });
});

function application(dealIds: number[], difference = 0): PlannedApplication {
  const date = parseBusinessDate('2025-01-06');
  return {
    applicationId: randomUUID(),
    companyId,
    lineKey: `line-${randomUUID()}`,
    walletable: { type: 'bank_account', id: 10 },
    plan: {
      payments: dealIds.map((id) => ({ dealId: String(id), amountYen: yen(1_000), date })),
      difference: difference
        ? {
            type: 'expense',
            account: '支払手数料',
            taxCode: 136,
            amountYen: yen(difference),
            date,
            partnerId: '1',
          }
        : null,
    },
    createdBy: 'tester',
  };
}

describe('claims', () => {
  it('five users claiming overlapping receivables at once: exactly one wins, losers write nothing', async () => {
    const store = reconcileStoreOver(db.pool);
    const tries = [[501, 502], [502], [502, 503], [504, 502], [502]].map((ids) =>
      application(ids, 440),
    );
    const results = await Promise.all(tries.map((a) => store.claim(a, now)));
    const winners = results.filter((r) => r.ok);
    assert.equal(winners.length, 1);
    for (const r of results) if (!r.ok) assert.ok(r.takenDealIds.includes('502'));
    const claims = await db.pool.query(
      'select deal_id::int as d from reconcile_claims where company_id = $1 order by 1',
      [companyId],
    );
    const winner = tries[results.findIndex((r) => r.ok)];
    assert.deepEqual(
      claims.rows.map((r) => r.d),
      winner?.plan.payments.map((p) => Number(p.dealId)).sort(),
    );
    const writes = await db.pool.query(
      'select kind, done_at from reconcile_writes where application_id = $1 order by seq',
      [winner?.applicationId],
    );
    assert.deepEqual(
      writes.rows.map((r) => r.kind),
      [...(winner?.plan.payments.map(() => 'payment') ?? []), 'difference_deal'],
    );
    assert.ok(
      writes.rows.every((r) => r.done_at === null),
      'intent recorded before any freee call',
    );
    const apps = await db.pool.query(
      'select count(*)::int as n from reconcile_applications where company_id = $1',
      [companyId],
    );
    assert.equal(apps.rows[0].n, 1, 'losing applications left no row');
  });
  it('done is recorded once; undo releases the claims so the deal may be settled again', async () => {
    const store = reconcileStoreOver(db.pool);
    const a = application([601]);
    assert.equal((await store.claim(a, now)).ok, true);
    assert.equal((await store.claim(application([601]), now)).ok, false);
    await store.recordDone(a.applicationId, 0, 9_999, now);
    await store.recordDone(a.applicationId, 0, 1_234, now);
    const done = await db.pool.query(
      'select freee_id::int as f from reconcile_writes where application_id = $1',
      [a.applicationId],
    );
    assert.deepEqual(
      done.rows.map((r) => r.f),
      [9_999],
    );
    await store.release(a.applicationId, now);
    assert.equal((await store.claim(application([601]), now)).ok, true);
  });
});

describe('learned payer names', () => {
  it('a confirmed payer name is learned once and read back per partner', async () => {
    const store = reconcileStoreOver(db.pool);
    await store.learnAlias(companyId, '101', 'ﾔﾏﾀﾞﾎｰﾙﾃﾞｨﾝｸﾞｽ', now);
    await store.learnAlias(companyId, '101', 'ﾔﾏﾀﾞﾎｰﾙﾃﾞｨﾝｸﾞｽ', now);
    await store.learnAlias(companyId, '102', 'ｻﾄｳ', now);
    const aliases = await store.aliases(companyId);
    assert.deepEqual(aliases.get('101'), ['ﾔﾏﾀﾞﾎｰﾙﾃﾞｨﾝｸﾞｽ']);
    assert.deepEqual(aliases.get('102'), ['ｻﾄｳ']);
  });
});
