// Master sync's use cases bound once (App.masters): 今すぐ同期, the schedule, 実行履歴, the synced
// records (CLI `masters show`, the console's select lists) and the mail outbox. Sync needs freee
// (connections null where the process has none).
import type { MasterName } from '../../domain/masters/kinds.js';
import { AppError } from '../errors.js';
import { outboxListMax, type Mailer } from '../mail/ports.js';
import type { MastersConnections, MastersStore, RunView, StoredRecord } from './ports.js';
import {
  getMasterSchedule,
  saveMasterSchedule,
  type ScheduleActor,
  type ScheduleInput,
} from './schedule.js';
import { syncMasters, type MastersDeps, type SyncRequest } from './sync.js';
import { pushPostingMasters, type PushDeps } from './push.js';

export interface MastersPorts extends Omit<MastersDeps, 'connections'> {
  connections: MastersConnections | null;
  /** Creating / updating in freee what postings need; null where the process has no freee. */
  push?: Pick<PushDeps, 'writerFor' | 'wanted'> | null;
}

export const runsListMax = 100;
export const recordsListMax = 100_000;

const freeeUnavailable = () =>
  new AppError(
    'unavailable',
    'freee_unavailable_here',
    'このプロセスではfreee連携が設定されていません。',
  );

export function mastersDepsOf(ports: MastersPorts): MastersDeps {
  if (!ports.connections) throw freeeUnavailable();
  return { ...ports, connections: ports.connections };
}

async function listRecords(
  store: MastersStore,
  companyId: string,
  master: MasterName,
): Promise<StoredRecord[]> {
  const freeeCompanyId = await store.currentFreeeCompanyId(companyId);
  if (freeeCompanyId === null) return [];
  return store.listRecords(companyId, freeeCompanyId, master, recordsListMax);
}

export function bindMasters(ports: MastersPorts) {
  const { store, clock } = ports;
  const mailer: Mailer | null = ports.mailer;
  return Object.freeze({
    syncNow: (request: Omit<SyncRequest, 'trigger'>) =>
      syncMasters(mastersDepsOf(ports), { ...request, trigger: 'manual' }),
    getSchedule: (companyId: string) => getMasterSchedule({ store }, companyId),
    saveSchedule: (actor: ScheduleActor, input: ScheduleInput) =>
      saveMasterSchedule(
        { store, connections: mastersDepsOf(ports).connections, clock },
        actor,
        input,
      ),
    connections: (companyId: string) =>
      ports.connections ? ports.connections.connectionsOf(companyId) : Promise.resolve([]),
    listRuns: (companyId: string, limit = 20): Promise<RunView[]> =>
      store.listRuns(companyId, Math.min(Math.max(1, limit), runsListMax)),
    findRun: (companyId: string, runId: string) => store.findRun(companyId, runId),
    listRecords: (companyId: string, master: MasterName) => listRecords(store, companyId, master),
    outbox: (limit = 50) =>
      mailer ? mailer.outbox(Math.min(Math.max(1, limit), outboxListMax)) : Promise.resolve([]),
    mailTransport: () => mailer?.transport ?? null,
    /** 品目・部門・取引先 postings need, created or updated in freee (push.ts). */
    pushPostingMasters: (companyId: string) => {
      if (!ports.push) throw freeeUnavailable();
      return pushPostingMasters({ store, clock, ...ports.push }, companyId);
    },
  });
}

export type MastersApp = ReturnType<typeof bindMasters>;
