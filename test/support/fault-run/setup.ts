// The fault run's world: a Uriage company whose stores each post to their own sandbox 事業所
// (connected through the real OAuth flow against a fault-free sandbox mounted in this process),
// posting settings with each store's 部門, and every store-day ingested and closed (so the outbox
// holds one `day.closed` per store-day). Reconnecting a store (期限切れ / エラー after a fault) is the
// same flow for the same 事業所, as a user would do it.
import { systemClock, type Clock } from '../../../src/app/clock.js';
import { closeDay } from '../../../src/app/ledger/close-day.js';
import { previewClose } from '../../../src/app/ledger/close-day.js';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import { recordDrawerEvents } from '../../../src/app/ledger/record-drawer-events.js';
import {
  completeAuthorization,
  registerAuthorization,
  startAuthorization,
} from '../../../src/app/freee/connect.js';
import { getPostingSettings, savePostingSettings } from '../../../src/app/posting/settings.js';
import { demoPaymentMethods } from '../../../src/app/tenancy/demo.js';
import { saveCompany } from '../../../src/app/tenancy/service.js';
import { argon2Hasher } from '../../../src/adapters/crypto/argon2-hasher.js';
import { createSecretBox, parseSecretKey } from '../../../src/adapters/crypto/secret-box.js';
import type { Pool } from '../../../src/adapters/db/pool.js';
import { tenancyUnitOfWork } from '../../../src/adapters/db/tenancy-store.js';
import { inProcessFetch } from '../../../src/adapters/freee/endpoints.js';
import type { FreeeRuntime } from '../../../src/adapters/freee/runtime.js';
import { createFreeeRuntime } from '../../../src/main/freee.js';
import {
  answerSandboxConsent,
  connectToNewSandboxCompany,
} from '../../../src/main/sandbox-connect.js';
import { ledgerDepsOver } from '../../../src/main/app.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { postingSettingsDepsOf } from '../deps.js';
import { createSandboxApp } from '../../../src/sandbox/index.js';
import { buildServices } from '../app.js';
import type { StoreDayData } from './days.js';

export const faultRunPublicUrl = 'http://uriage-fault-run.invalid';
const cleanSandboxBase = `${faultRunPublicUrl}/sandbox/freee`;

export interface StoreLink {
  storeCode: string;
  storeId: string;
  freeeCompanyId: number;
  sandboxUserId: number;
  /** The sandbox user's consent-page sign-in (issue #10 item 3). */
  sandboxSignIn: { email: string; password: string };
}

export interface World {
  companyId: string;
  companyCode: string;
  runtime: FreeeRuntime;
  stores: StoreLink[];
}

/** A freee runtime over a fault-free sandbox app in this process (same database, same secret key). */
export function cleanRuntime(
  pool: Pool,
  secretKeyText: string,
  clock: Clock = systemClock,
): FreeeRuntime {
  const app = createSandboxApp({ pool, clock, baseUrl: cleanSandboxBase });
  return createFreeeRuntime({
    pool,
    clock,
    logger: silentLogger,
    secretBox: createSecretBox(parseSecretKey(secretKeyText)),
    publicUrl: faultRunPublicUrl,
    freee: null,
    sandbox: { baseUrl: cleanSandboxBase, fetch: inProcessFetch(app, cleanSandboxBase) },
  });
}

export async function createWorld(
  pool: Pool,
  secretKeyText: string,
  storeCount: number,
): Promise<World> {
  const services = buildServices({ pool, clock: systemClock, logger: silentLogger });
  const storeCodes = Array.from({ length: storeCount }, (_, n) => String(n + 1).padStart(4, '0'));
  const { company } = await saveCompany(
    { uow: tenancyUnitOfWork(pool), clock: systemClock, hasher: argon2Hasher },
    {
      code: 'faultrun',
      name: 'フォールト商店',
      roundingMode: 'floor',
      paymentMethods: demoPaymentMethods,
      stores: storeCodes.map((code) => ({
        code,
        name: `店舗${code}`,
        timeZone: 'Asia/Tokyo',
        registers: ['01'],
      })),
    },
  );
  const runtime = cleanRuntime(pool, secretKeyText);
  const rows = await runtime.store.listStoreConnections(company.id);
  const stores: StoreLink[] = [];
  for (const row of rows) {
    const { sandbox } = await connectToNewSandboxCompany(runtime, pool, {
      companyId: company.id,
      staffId: null,
      storeIds: [row.storeId],
      sandboxCompanyName: `フォールト ${row.storeCode}`,
    });
    stores.push({
      storeCode: row.storeCode,
      storeId: row.storeId,
      freeeCompanyId: sandbox.companyId,
      sandboxUserId: sandbox.userId,
      sandboxSignIn: sandbox.signIn ?? { email: '', password: '' },
    });
  }
  const deps = postingSettingsDepsOf(services);
  const current = (await getPostingSettings(deps, company.id)).settings;
  await savePostingSettings(
    deps,
    company.id,
    { ...current, stores: current.stores.map((s) => ({ ...s, sectionName: '本店' })) },
    'fault-run',
  );
  return { companyId: company.id, companyCode: company.code, runtime, stores };
}

/** Ingests and closes every store-day (counted = expected + the day's difference). */
export async function closeAll(
  pool: Pool,
  companyId: string,
  days: readonly StoreDayData[],
): Promise<void> {
  const ledger = ledgerDepsOver(pool, systemClock);
  const actor = { companyId, label: 'fault-run' };
  for (const day of days) {
    const ingested = await ingestCheckouts(ledger, actor, day.checkouts, {
      pathOf: (i) => `checkouts[${i}]`,
    });
    if (ingested.rejected > 0)
      throw new Error(
        `fault run: checkouts refused: ${JSON.stringify(ingested.results.filter((r) => r.result === 'rejected').slice(0, 2))}`,
      );
    if (day.drawerEvents.length > 0)
      await recordDrawerEvents(ledger, actor, day.drawerEvents, {
        pathOf: (i) => `drawerEvents[${i}]`,
      });
    const preview = await previewClose(ledger, actor, {
      storeCode: day.storeCode,
      businessDate: day.businessDate,
      float: day.float,
      countedCash: day.float,
    });
    const expected = preview.report.cash?.expected ?? day.float;
    await closeDay(ledger, actor, {
      storeCode: day.storeCode,
      businessDate: day.businessDate,
      float: day.float,
      countedCash: Math.max(0, expected + day.differenceYen),
    });
  }
}

/** 連携解除 is not needed: a new authorization for the same 事業所 replaces the dead pair. */
export async function reconnect(world: World, store: StoreLink): Promise<void> {
  const deps = world.runtime.connectDeps;
  const started = await startAuthorization(deps, {
    companyId: world.companyId,
    staffId: null,
    provider: 'sandbox',
  });
  const callbackUrl = await answerSandboxConsent(world.runtime, started.authorizationUrl, {
    ...store.sandboxSignIn,
    userId: store.sandboxUserId,
    companyId: store.freeeCompanyId,
  });
  const authorization = await completeAuthorization(deps, {
    companyId: world.companyId,
    callbackUrl,
  });
  await registerAuthorization(deps, {
    companyId: world.companyId,
    authorizationId: authorization.id,
    freeeCompanyId: store.freeeCompanyId,
    storeIds: [store.storeId],
  });
}
