// Goal: the sandbox serves master lists as freee does for a sync — official shapes (ajv against
// vendor/freee's schema), paging within each endpoint's limit (3000; a larger limit is a 400), id
// order, `start_update_date` filtering (inclusive, JST day), and 1,200 seeded 取引先 to page through.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  removeSandboxPartner,
  renameSandboxPartners,
  sandboxPartnerIds,
  seedSandboxMasters,
} from '../../src/sandbox/index.js';
import { assertMatchesSchema } from './support/freee-schema.js';
import { call, login, startHarness, type Harness } from './support/harness.js';

let h: Harness;
let token: string;
let cid: number;
type Partner = { id: number; name: string; update_date: string };

before(async () => {
  h = await startHarness();
  token = (await login(h)).accessToken;
  cid = h.company.companyId;
  await seedSandboxMasters(h.db.pool, h.clock, cid, {
    partners: 1_200,
    items: 10,
    updateDate: '2025-06-01',
  });
});
after(async () => {
  await h.close();
});

const partners = async (query: string) => {
  const reply = await call(h, token, 'GET', `/api/1/partners?company_id=${cid}&${query}`);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  assertMatchesSchema('/api/1/partners', 'get', 200, reply.body);
  return (reply.body as { partners: Partner[] }).partners;
};

test('1,200 partners page by offset/limit in id order; a limit above 3000 is refused', async () => {
  const pages = [
    await partners('offset=0&limit=500'),
    await partners('offset=500&limit=500'),
    await partners('offset=1000&limit=500'),
  ];
  assert.deepEqual(
    pages.map((p) => p.length),
    [500, 500, 200],
  );
  const ids = pages.flat().map((p) => p.id);
  assert.deepEqual(
    ids,
    [...ids].sort((a, b) => a - b),
  );
  assert.equal(new Set(ids).size, 1_200);
  const refused = await call(h, token, 'GET', `/api/1/partners?company_id=${cid}&limit=3001`);
  assert.equal(refused.status, 400);
});

test('start_update_date returns the records updated on or after that JST day; removed partners are not returned', async () => {
  const ids = await sandboxPartnerIds(h.db.pool, cid);
  await renameSandboxPartners(h.db.pool, h.clock, cid, [ids[3] as number, ids[700] as number]);
  const changed = await partners('start_update_date=2025-06-15&limit=3000');
  assert.deepEqual(
    changed.map((p) => p.id),
    [ids[3], ids[700]],
  );
  assert.ok(changed.every((p) => p.update_date === '2025-06-15'));
  assert.equal((await partners('start_update_date=2025-06-01&limit=3000')).length, 1_200);
  await removeSandboxPartner(h.db.pool, cid, ids[3] as number);
  assert.equal((await partners('limit=3000')).length, 1_199);
  const items = await call(
    h,
    token,
    'GET',
    `/api/1/items?company_id=${cid}&start_update_date=2025-06-01&limit=3000`,
  );
  assertMatchesSchema('/api/1/items', 'get', 200, items.body);
  assert.equal((items.body as { items: unknown[] }).items.length, 10);
});
