// Goal: a create of a 品目 / 取引先 that freee refuses (another process created it first: 400
// 「品目名が重複しています」) or leaves unanswered is settled by re-reading the 事業所's masters; only a
// name still missing keeps the failure. Concurrent creators in one process share one request.
// Method: a gateway over an in-memory 事業所 that answers like freee's items/partners endpoints.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMissingMasters } from './create-masters.js';
import type { FreeeCallFailure, FreeeCompanyInfo, NamedMaster, PostingGateway } from './ports.js';

const duplicate: FreeeCallFailure = {
  kind: 'validation',
  status: 400,
  code: null,
  messages: ['品目名が重複しています。既に同じ名前の品目が存在します。'],
  requestId: null,
  retryAfterMs: null,
};

function emptyInfo(): FreeeCompanyInfo {
  return {
    fiscalYears: [],
    accountItems: [],
    items: [],
    partners: [],
    sections: [],
    walletables: [],
    taxes: [],
  };
}

function fakeGateway(companyId: number, behaviour: 'createdElsewhere' | 'missing' | 'normal') {
  const held = emptyInfo();
  const creates: string[] = [];
  let nextId = 1;
  const create = async (name: string) => {
    creates.push(name);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (behaviour === 'createdElsewhere') {
      held.items.push({ id: nextId++, name });
      return { ok: false as const, failure: duplicate };
    }
    if (behaviour === 'missing') return { ok: false as const, failure: duplicate };
    const row: NamedMaster = { id: nextId++, name };
    held.items.push(row);
    return { ok: true as const, value: row };
  };
  const gateway = {
    provider: 'sandbox',
    freeeCompanyId: companyId,
    companyInfo: async () => ({ ok: true as const, value: structuredClone(held) }),
    createItem: create,
    createPartner: create,
  } as unknown as PostingGateway;
  return { gateway, creates };
}

describe('createMissingMasters', () => {
  it('a duplicate answer is read as "exists": the re-read master is used', async () => {
    const { gateway } = fakeGateway(101, 'createdElsewhere');
    const info = emptyInfo();
    const failure = await createMissingMasters(gateway, info, {
      items: ['【POS Reg】現金'],
      partners: [],
    });
    assert.equal(failure, null);
    assert.deepEqual(
      info.items.map((row) => row.name),
      ['【POS Reg】現金'],
    );
  });
  it('a failure stands when the re-read does not find the name', async () => {
    const { gateway } = fakeGateway(102, 'missing');
    const failure = await createMissingMasters(gateway, emptyInfo(), {
      items: ['【POS Reg】現金'],
      partners: [],
    });
    assert.deepEqual(failure, duplicate);
  });
  it('concurrent creators of one name in one 事業所 send one request', async () => {
    const { gateway, creates } = fakeGateway(103, 'normal');
    const infos = Array.from({ length: 5 }, emptyInfo);
    const failures = await Promise.all(
      infos.map((info) =>
        createMissingMasters(gateway, info, { items: ['【POS Reg】QR'], partners: [] }),
      ),
    );
    assert.deepEqual(failures, [null, null, null, null, null]);
    assert.deepEqual(creates, ['【POS Reg】QR']);
    assert.ok(infos.every((info) => info.items[0]?.name === '【POS Reg】QR'));
  });
});
