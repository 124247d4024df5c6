// One posting run's shared context (post-day.ts): the claimed store-day, the freee gateway once
// connected, the planned deals, and what the lookup and the writes derive from them.
import type { PlannedPosting } from '../../domain/posting/deal-types.js';
import { parseEntryKey, refNumberOf } from '../../domain/posting/entry-keys.js';
import type { fiscalGuard } from '../../domain/posting/fiscal-guard.js';
import type { PostingMappings } from '../../domain/posting/mappings.js';
import type { PaymentMethod } from '../../domain/ledger/types.js';
import { classifyFailure, type RunCounts } from './classify.js';
import type { PostingOutcome } from './model.js';
import type { FreeeCompanyInfo, Lease, PostingGateway, RecordWrite } from './ports.js';
import type { PostingDeps, PostingRequest } from './post-day.js';
import type { ReconcileContext } from './reconcile.js';
import type { WriteDeps } from './write-actions.js';

export interface Run {
  deps: PostingDeps;
  lease: Lease;
  request: PostingRequest;
  /** The store's part of its ref_numbers. */
  refScope: string;
  autoRetries: number;
  gateway: PostingGateway | null;
  closeVersion: number | null;
  /** The last deal's answer, still to write: with the run's finish (post-day.ts). */
  unwritten: RecordWrite[];
}

export const countsOf = (run: Run): RunCounts => ({
  ...(run.gateway?.counts() ?? { calls: 0, writes: 0 }),
  closeVersion: run.closeVersion,
});

export function failed(
  run: Run,
  failure: Parameters<typeof classifyFailure>[0]['failure'],
  ambiguousWrite: boolean,
): PostingOutcome {
  return classifyFailure({
    failure,
    ambiguousWrite,
    now: run.deps.clock.now(),
    timings: run.deps.timings,
    autoRetries: run.autoRetries,
    counts: countsOf(run),
  });
}

export interface Planned {
  plan: PlannedPosting;
  mappings: PostingMappings;
  itemNames: Map<string, string>;
  methods: readonly PaymentMethod[];
  info: FreeeCompanyInfo;
  guard: ReturnType<typeof fiscalGuard>;
}

export function reconcileContext(run: Run, planned: Planned): ReconcileContext {
  const gateway = run.gateway as PostingGateway;
  const cashCodes = new Set(planned.methods.filter((m) => m.kind === 'cash').map((m) => m.code));
  const methodOf = (key: string) => parseEntryKey(key)?.methodCode ?? key;
  return {
    freeeCompanyId: gateway.freeeCompanyId,
    taxedCodes: new Set([planned.mappings.taxCodes.standard10, planned.mappings.taxCodes.reduced8]),
    isCashEntry: (key) => cashCodes.has(methodOf(key)),
    describe: (key) => ({
      methodCode: methodOf(key),
      itemName: planned.itemNames.get(methodOf(key)) ?? `【POS Reg】${methodOf(key)}`,
      refNumber: refNumberOf(run.refScope, run.request.businessDate, key),
    }),
  };
}

export function writeDepsOf(run: Run, planned: Planned): WriteDeps {
  const context = reconcileContext(run, planned);
  return {
    store: run.deps.store,
    gateway: run.gateway as PostingGateway,
    clock: run.deps.clock,
    leaseMs: run.deps.timings.leaseMs,
    lease: run.lease,
    describe: context.describe,
  };
}
