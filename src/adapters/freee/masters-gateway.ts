// MastersConnections over the freee runtime: a company's usable connections, and for one connection
// a page source of the seven masters (reads only; retried by the client as idempotent), with
// freee's failures named the way a sync run reacts to them (seed 003).
import type {
  MasterFailure,
  MasterPageRequest,
  MastersConnections,
  PageOutcome,
} from '../../app/masters/ports.js';
import { mastersMessages } from '../../app/masters/messages.js';
import { FreeeConnectionUnusableError } from '../../app/freee/errors.js';
import type { FreeeApi, FreeeClient } from './client.js';
import type { FreeeFailure, FreeeResult } from './failures.js';
import { listKeys, toMasterRecords } from './masters-records.js';
import type { FreeeRuntime } from './runtime.js';

const disconnectedKinds: readonly FreeeFailure['kind'][] = [
  'user_do_not_have_permission',
  'invalid_grant',
  'connection_unusable',
  'expired_access_token',
];

export function masterFailureOf(failure: FreeeFailure, request: MasterPageRequest): MasterFailure {
  const message = failure.messages.join(' ') || `HTTP ${failure.status ?? '応答なし'}`;
  const base = { status: failure.status, message, retryAfterMs: failure.retryAfterMs };
  if (failure.kind === 'maintenance') return { kind: 'maintenance', ...base };
  if (failure.kind === 'throttled') return { kind: 'throttled', ...base };
  if (disconnectedKinds.includes(failure.kind)) return { kind: 'disconnected', ...base };
  if (failure.kind === 'unauthorized') return { kind: 'auth', ...base };
  if (failure.kind === 'validation' && request.master === 'segment_tags' && request.segmentId)
    return { kind: 'not_available', ...base };
  return { kind: 'other', ...base, message: `freeeの取得に失敗しました(${message})` };
}

type Sent = Promise<{ data?: unknown; error?: unknown; response: Response }>;

function sendFor(client: FreeeClient, r: MasterPageRequest): (api: FreeeApi) => Sent {
  const company_id = client.companyId;
  const paging = r.limit === null ? {} : { offset: r.offset, limit: r.limit };
  const since = r.startUpdateDate ? { start_update_date: r.startUpdateDate } : {};
  const query = { company_id, ...paging, ...since };
  switch (r.master) {
    case 'partners':
      return (api) => api.GET('/api/1/partners', { params: { query } });
    case 'items':
      return (api) => api.GET('/api/1/items', { params: { query } });
    case 'tags':
      return (api) => api.GET('/api/1/tags', { params: { query } });
    case 'account_items':
      return (api) => api.GET('/api/1/account_items', { params: { query: { company_id } } });
    case 'sections':
      return (api) => api.GET('/api/1/sections', { params: { query: { company_id } } });
    case 'taxes':
      return (api) =>
        api.GET('/api/1/taxes/companies/{company_id}', {
          params: { path: { company_id }, query: { available: true } },
        });
    case 'segment_tags':
      return (api) =>
        api.GET('/api/1/segments/{segment_id}/tags', {
          params: { path: { segment_id: r.segmentId ?? 1 }, query: { company_id, ...paging } },
        });
  }
}

function pageOf(result: FreeeResult<unknown>, r: MasterPageRequest): PageOutcome {
  if (!result.ok) return { ok: false, failure: masterFailureOf(result.failure, r) };
  const list = (result.data as Record<string, unknown> | null)?.[listKeys[r.master]];
  return { ok: true, ...toMasterRecords(r.master, Array.isArray(list) ? list : [], r.segmentId) };
}

export function mastersConnectionsOver(runtime: FreeeRuntime): MastersConnections {
  return {
    connectionsOf: async (companyId) =>
      (await runtime.store.listConnections(companyId))
        .filter((c) => c.status !== 'disconnected')
        .map((c) => ({
          id: c.id,
          freeeCompanyId: c.freeeCompanyId,
          freeeCompanyName: c.freeeCompanyName,
        })),
    open: async (companyId, connectionId) => {
      const connection = await runtime.store.findConnection(companyId, connectionId);
      if (!connection || connection.status === 'disconnected')
        return { ok: false, status: 'skipped', message: mastersMessages.connectionGone };
      if (connection.status !== 'connected')
        return {
          ok: false,
          status: 'not_run',
          message: `${mastersMessages.auth}${connection.statusMessage ? `(${connection.statusMessage})` : ''}`,
        };
      let client: FreeeClient;
      try {
        client = await runtime.clientFor(companyId, connectionId);
      } catch (error) {
        if (error instanceof FreeeConnectionUnusableError)
          return { ok: false, status: 'skipped', message: mastersMessages.connectionGone };
        throw error;
      }
      let calls = 0;
      return {
        ok: true,
        source: {
          freeeCompanyId: client.companyId,
          calls: () => calls,
          fetchPage: async (request) => {
            calls += 1;
            const result = await client.call(
              `masters/${request.master}`,
              sendFor(client, request),
              {
                idempotent: true,
              },
            );
            return pageOf(result as FreeeResult<unknown>, request);
          },
        },
      };
    },
  };
}
