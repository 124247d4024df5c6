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
  /** All stores of the night, the big chain's included (the issue: 10,000); unset = as drawn. */
  totalStores?: number;
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

function drawnStores(prng: Prng, shape: NightShape, index: number): number {
  if (index === 0) return shape.bigChainStores;
  // Small chains are the many: 1 + ⌊rᵏ × (max − 1)⌋, k chosen so that the mean meets the total.
  const smallMean =
    shape.totalStores === undefined
      ? 1 + (shape.storesMax - 1) / 3
      : Math.max(
          1.01,
          (shape.totalStores - shape.bigChainStores) / Math.max(1, shape.companies - 1),
        );
  const exponent = Math.max(0.1, (shape.storesMax - 1) / (smallMean - 1) - 1);
  return 1 + Math.floor(prng.next() ** exponent * (shape.storesMax - 1));
}

/** Each chain's stores (1 … storesMax but the big chain), adjusted one by one to make `totalStores`. */
export function chainSizes(prng: Prng, shape: NightShape): number[] {
  const drawn = Array.from({ length: shape.companies }, (_, i) => drawnStores(prng, shape, i));
  if (shape.totalStores === undefined || drawn.length < 2) return drawn;
  const smallDrawn = drawn.slice(1).reduce((a, b) => a + b, 0);
  const smallTarget = shape.totalStores - shape.bigChainStores;
  const sizes = drawn.map((n, i) =>
    i === 0
      ? n
      : Math.min(shape.storesMax, Math.max(1, Math.round((n * smallTarget) / smallDrawn))),
  );
  let rest = smallTarget - (sizes.reduce((a, b) => a + b, 0) - shape.bigChainStores);
  // Spread the rounding's remainder one store at a time (bounded: every chain once per pass).
  for (let pass = 0; rest !== 0 && pass < shape.storesMax; pass += 1)
    for (let i = 1; i < sizes.length && rest !== 0; i += 1) {
      const size = sizes[i] ?? 1;
      if (rest > 0 && size < shape.storesMax) [sizes[i], rest] = [size + 1, rest - 1];
      else if (rest < 0 && size > 1) [sizes[i], rest] = [size - 1, rest + 1];
    }
  return sizes;
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

/** Runs `work` over `items`, at most `limit` at once (the night's set-up in parallel). */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/** Chains set up at once, and store-days of one chain ingested at once. */
const chainsAtOnce = 4;
const ingestsAtOnce = 4;

/** Every chain created, connected, and its store-days' checkouts ingested (not closed). */
export async function createNight(
  pool: Pool,
  secretKeyText: string,
  shape: NightShape,
  businessDate: string,
  log: (line: string) => void,
): Promise<NightChain[]> {
  const prng = createPrng(shape.seed);
  // The night's shape is drawn first, in one order (deterministic for a seed), then built in parallel.
  const plans = chainSizes(prng, shape).map((storeCount, index) => ({
    index,
    closeMinutes: Array.from({ length: storeCount }, () => closeMinuteOf(prng)),
  }));
  const runtime = cleanRuntime(pool, secretKeyText);
  const ledger = ledgerDepsOver(pool, systemClock);
  const chains: NightChain[] = new Array<NightChain>(plans.length);
  let ready = 0;
  // The big chain (index 0) starts first and ingests alongside the small ones.
  await eachLimited(plans, chainsAtOnce, async ({ index, closeMinutes }) => {
    const { world, freeeCompanyId } = await createChain(pool, runtime, index, closeMinutes.length);
    const actor = { companyId: world.companyId, label: 'night' };
    const days = storeDays(
      shape.seed + index,
      world.stores.map((s) => s.storeCode),
      [businessDate],
    ).map((day, n) => ({ ...day, companyId: world.companyId, closeMinute: closeMinutes[n] ?? 60 }));
    await eachLimited(days, ingestsAtOnce, async (day) => {
      await ingestCheckouts(ledger, actor, day.checkouts, { pathOf: (i) => `checkouts[${i}]` });
      if (day.drawerEvents.length > 0)
        await recordDrawerEvents(ledger, actor, day.drawerEvents, {
          pathOf: (i) => `drawerEvents[${i}]`,
        });
    });
    chains[index] = { world, freeeCompanyId, storeDays: days };
    ready += 1;
    if (ready % 10 === 0) log(`${ready} chains ready`);
  });
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
