// The register ledger's use cases bound once to their ports.
import { bindAll } from '../bind.js';
import type { TenancyDeps } from '../tenancy/service.js';
import { closeDay, previewClose } from './close-day.js';
import type { LedgerDeps } from './deps.js';
import { importDayFile, type ImportProgress } from './import-day-file.js';
import { ingestCheckouts } from './ingest-checkouts.js';
import { listCloses, listDayCheckouts } from './queries.js';
import { recordDrawerEvents } from './record-drawer-events.js';

export function bindLedger(deps: LedgerDeps, tenancy: TenancyDeps) {
  return Object.freeze({
    ...bindAll(deps, {
      ingestCheckouts,
      recordDrawerEvents,
      previewClose,
      closeDay,
      listDayCheckouts,
      listCloses,
    }),
    importDayFile: (raw: unknown, onProgress?: ImportProgress) =>
      importDayFile({ tenancy, ledger: deps }, raw, onProgress),
  });
}

export type LedgerApp = ReturnType<typeof bindLedger>;
