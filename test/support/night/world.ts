// The night's world (issue 15 item 2): chains (Uriage companies) of 1–80 stores, one of them much
// bigger, each chain posting to ONE freee 事業所 (connected through the real OAuth flow against a
// sandbox mounted in this process); every store-day's checkouts ingested before the night; each
// store closes once at a time drawn as a real chain's are (peaks at :00 and :30, between 23:00 and
// 01:00). The close itself (preview + closeDay → day.closed in the outbox) happens during the run.
import { systemClock } from '../../../src/app/clock.js';
import { closeDay, previewClose } from '../../../src/app/ledger/close-day.js';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import { recordDrawerEvents } from '../../../src/app/ledger/record-drawer-events.js';
import { getPostingSettings, savePostingSettings } from '../../../src/app/posting/settings.js';
import { demoPaymentMethods } from '../../../src/app/tenancy/demo.js';
import { saveCompany } from '../../../src/app/tenancy/service.js';
import { argon2Hasher } from '../../../src/adapters/crypto/argon2-hasher.js';
import type { Pool } from '../../../src/adapters/db/pool.js';
import { tenancyUnitOfWork } from '../../../src/adapters/db/tenancy-store.js';
import type { FreeeRuntime } from '../../../src/adapters/freee/runtime.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { ledgerDepsOver } from '../../../src/main/app.js';
import { connectToNewSandboxCompany } from '../../../src/main/sandbox-connect.js';
import { buildServices } from '../app.js';
import { postingSettingsDepsOf } from '../deps.js';
import { storeDays, type StoreDayData } from '../fault-run/days.js';
import { cleanRuntime } from '../fault-run/setup.js';
import type { World } from '../fault-run/setup.js';
import { createPrng, type Prng } from '../prng.js';

export interface NightShape {
  companies: number;
  /** Stores of the one big chain (the issue: 1,000 at full scale). */
  bigChainStores: number;
  /** Other chains have 1 … this many stores (the issue: 80). */
  storesMax: number;
  seed: number;
}

export interface NightStoreDay extends StoreDayData {
  companyId: string;
  /** Minutes after 23:00 (0 … 120) of the simulated night. */
  closeMinute: number;
}

export interface NightChain {
  world: World;
  freeeCompanyId: number;
  storeDays: NightStoreDay[];
}

/** Most stores close on the hour or the half hour (a few minutes after), the rest any time. */
function closeMinuteOf(prng: Prng): number {
  if (prng.next() < 0.7) {
    const peak = [0, 30, 60, 90, 120][prng.below(5)] ?? 60;
    return Math.min(120, peak + prng.below(8));
  }
  return prng.below(121);
}

function storesOf(prng: Prng, shape: NightShape, index: number): number {
  if (index === 0) return shape.bigChainStores;
  // Small chains are the many: 1 + ⌊r² × (max − 1)⌋.
  const r = prng.next();
  return 1 + Math.floor(r * r * (shape.storesMax - 1));
}

async function createChain(
  pool: Pool,
  runtime: FreeeRuntime,
  index: number,
  storeCount: number,
): Promise<{ world: World; freeeCompanyId: number }> {
  const services = buildServices({ pool, clock: systemClock, logger: silentLogger });
  const storeCodes = Array.from({ length: storeCount }, (_, n) => String(n + 1).padStart(4, '0'));
  const { company } = await saveCompany(
    { uow: tenancyUnitOfWork(pool), clock: systemClock, hasher: argon2Hasher },
    {
      code: `night${String(index).padStart(3, '0')}`,
      name: `夜間チェーン${index}`,
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
  const rows = await runtime.store.listStoreConnections(company.id);
  const { sandbox } = await connectToNewSandboxCompany(runtime, pool, {
    companyId: company.id,
    staffId: null,
    storeIds: rows.map((r) => r.storeId),
    sandboxCompanyName: `夜間 ${index}`,
  });
  const deps = postingSettingsDepsOf(services);
  const current = (await getPostingSettings(deps, company.id)).settings;
  await savePostingSettings(
    deps,
    company.id,
    { ...current, stores: current.stores.map((s) => ({ ...s, sectionName: '本店' })) },
    'night',
  );
  const stores = rows.map((r) => ({
    storeCode: r.storeCode,
    storeId: r.storeId,
    freeeCompanyId: sandbox.companyId,
    sandboxUserId: sandbox.userId,
    sandboxSignIn: sandbox.signIn ?? { email: '', password: '' },
  }));
  return {
    world: { companyId: company.id, companyCode: company.code, runtime, stores },
    freeeCompanyId: sandbox.companyId,
  };
}

/** Every chain created, connected, and its store-days' checkouts ingested (not closed). */
export async function createNight(
  pool: Pool,
  secretKeyText: string,
  shape: NightShape,
  businessDate: string,
  log: (line: string) => void,
): Promise<NightChain[]> {
  const prng = createPrng(shape.seed);
  const runtime = cleanRuntime(pool, secretKeyText);
  const ledger = ledgerDepsOver(pool, systemClock);
  const chains: NightChain[] = [];
  for (let index = 0; index < shape.companies; index += 1) {
    const { world, freeeCompanyId } = await createChain(
      pool,
      runtime,
      index,
      storesOf(prng, shape, index),
    );
    const actor = { companyId: world.companyId, label: 'night' };
    const days = storeDays(
      shape.seed + index,
      world.stores.map((s) => s.storeCode),
      [businessDate],
    ).map((day) => ({ ...day, companyId: world.companyId, closeMinute: closeMinuteOf(prng) }));
    for (const day of days) {
      await ingestCheckouts(ledger, actor, day.checkouts, { pathOf: (i) => `checkouts[${i}]` });
      if (day.drawerEvents.length > 0)
        await recordDrawerEvents(ledger, actor, day.drawerEvents, {
          pathOf: (i) => `drawerEvents[${i}]`,
        });
    }
    chains.push({ world, freeeCompanyId, storeDays: days });
    if (index % 10 === 9) log(`${index + 1} chains ready`);
  }
  return chains;
}

/** The store closes (counted = expected + the day's difference): day.closed lands in the outbox. */
export async function closeStoreDay(pool: Pool, day: NightStoreDay): Promise<void> {
  const ledger = ledgerDepsOver(pool, systemClock);
  const actor = { companyId: day.companyId, label: 'night' };
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
