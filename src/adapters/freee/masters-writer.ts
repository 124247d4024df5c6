// MastersWriter over the freee runtime (issue 11 item 6): POST items / sections / partners by name,
// and upsert by code (PUT items/code/upsert, sections/code/upsert, partners/upsert_by_code —
// idempotent, so retried by the client). Only name and code are sent. The record freee answers with
// becomes a synced master record.
import type { MastersWriter, WriteOutcome } from '../../app/masters/push.js';
import type { PushMaster } from '../../domain/masters/push-plan.js';
import type { FreeeClient } from './client.js';
import type { FreeeResult } from './failures.js';
import { toMasterRecords } from './masters-records.js';
import type { FreeeRuntime } from './runtime.js';

const singular: Record<PushMaster, 'item' | 'section' | 'partner'> = {
  items: 'item',
  sections: 'section',
  partners: 'partner',
};

function outcomeOf(master: PushMaster, result: FreeeResult<unknown>): WriteOutcome {
  if (!result.ok) {
    const why = result.failure.messages.join(' ') || `HTTP ${result.failure.status ?? '応答なし'}`;
    return { ok: false, message: `freeeへの登録に失敗しました(${why})` };
  }
  const entity = (result.data as Record<string, unknown> | null)?.[singular[master]];
  const record = toMasterRecords(master, entity ? [entity] : []).records[0];
  return record
    ? { ok: true, record }
    : { ok: false, message: 'freeeの応答に登録した内容がありませんでした。' };
}

export function mastersWriterOf(client: FreeeClient): MastersWriter {
  const company_id = client.companyId;
  return {
    freeeCompanyId: company_id,
    create: async (master, name) => {
      const body = { company_id, name } as never;
      const result =
        master === 'items'
          ? await client.call('masters/items.create', (api) => api.POST('/api/1/items', { body }))
          : master === 'sections'
            ? await client.call('masters/sections.create', (api) =>
                api.POST('/api/1/sections', { body }),
              )
            : await client.call('masters/partners.create', (api) =>
                api.POST('/api/1/partners', { body }),
              );
      return outcomeOf(master, result as FreeeResult<unknown>);
    },
    upsertByCode: async (master, code, name) => {
      const body = { company_id, code, [singular[master]]: { name } } as never;
      const idempotent = { idempotent: true };
      const result =
        master === 'items'
          ? await client.call(
              'masters/items.upsert',
              (api) => api.PUT('/api/1/items/code/upsert', { body }),
              idempotent,
            )
          : master === 'sections'
            ? await client.call(
                'masters/sections.upsert',
                (api) => api.PUT('/api/1/sections/code/upsert', { body }),
                idempotent,
              )
            : await client.call(
                'masters/partners.upsert',
                (api) => api.PUT('/api/1/partners/upsert_by_code', { body }),
                idempotent,
              );
      return outcomeOf(master, result as FreeeResult<unknown>);
    },
  };
}

/** The writer over the company's first connected freee connection; null when none is usable. */
export function mastersWriterFor(
  runtime: FreeeRuntime,
): (companyId: string) => Promise<MastersWriter | null> {
  return async (companyId) => {
    const connection = (await runtime.store.listConnections(companyId)).find(
      (c) => c.status === 'connected',
    );
    if (!connection) return null;
    return mastersWriterOf(await runtime.clientFor(companyId, connection.id));
  };
}
