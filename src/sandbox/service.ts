// freee-like service behaviour (URIAGE_SANDBOX_SERVICE, service-spec.ts): each API call waits a
// log-normal latency, counts against its company × application's caps (day by plan, optional
// hour), a call over a cap locks that company × application out with 403 for lockMs, and at most
// `concurrency` calls per company × application are served at once (the rest wait in line).
// State is in memory, per sandbox instance: run one sandbox (sandbox-alone) for several workers.
import { createPrng } from './prng.js';
import {
  dailyCapByPlan,
  defaultServiceConfig,
  parseServiceSpec,
  type FreeePlan,
  type ServiceConfig,
} from './service-spec.js';

export interface CallKey {
  companyId: number;
  clientId: string;
}

export type Refusal = 'locked' | 'day_cap' | 'hour_cap' | 'queue_full';

export type Admission = { ok: true; release(): void } | { ok: false; refusal: Refusal };

export interface CompanyUsage {
  companyId: number;
  clientId: string;
  plan: FreeePlan;
  dayCap: number;
  hourCap: number;
  callsTotal: number;
  /** Most calls in one clock hour, and in one JST day. */
  hourPeak: number;
  dayPeak: number;
  /** Calls answered 403 because of a cap or a lock-out. */
  throttled: number;
  /** Most calls served at once. */
  inFlightPeak: number;
}

export interface ServicePlan {
  readonly config: ServiceConfig;
  /** Admits a call (waiting for a slot) or refuses it; `now` by the injected clock. */
  admit(key: CallKey, now: Date): Promise<Admission>;
  /** One latency sample (wall ms), within latencyMaxMs. */
  latencyMs(): number;
  planOf(companyId: number): FreeePlan;
  usage(): CompanyUsage[];
  /** Forgets counters and lock-outs. */
  reset(): void;
}

interface Slot {
  usage: CompanyUsage;
  hourKey: number;
  hourCalls: number;
  dayKey: number;
  dayCalls: number;
  lockedUntilMs: number;
  inFlight: number;
  waiting: (() => void)[];
}

const hourMs = 60 * 60 * 1000;
const jstOffsetMs = 9 * hourMs;
/** Distinct company × application pairs tracked (a runaway client cannot grow memory without end). */
export const trackedKeysMax = 100_000;

function normalSample(next: () => number): number {
  const u = Math.max(next(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

function newSlot(key: CallKey, plan: FreeePlan, hourCap: number): Slot {
  return {
    usage: {
      ...key,
      plan,
      dayCap: dailyCapByPlan[plan],
      hourCap,
      callsTotal: 0,
      hourPeak: 0,
      dayPeak: 0,
      throttled: 0,
      inFlightPeak: 0,
    },
    hourKey: -1,
    hourCalls: 0,
    dayKey: -1,
    dayCalls: 0,
    lockedUntilMs: 0,
    inFlight: 0,
    waiting: [],
  };
}

/** Counts one call, or refuses it (and starts a lock-out when it is over a cap). */
function countCall(slot: Slot, nowMs: number, config: ServiceConfig): Refusal | null {
  if (nowMs < slot.lockedUntilMs) return 'locked';
  const hourKey = Math.floor(nowMs / hourMs);
  const dayKey = Math.floor((nowMs + jstOffsetMs) / (24 * hourMs));
  if (hourKey !== slot.hourKey) [slot.hourKey, slot.hourCalls] = [hourKey, 0];
  if (dayKey !== slot.dayKey) [slot.dayKey, slot.dayCalls] = [dayKey, 0];
  const overHour = config.hourCap > 0 && slot.hourCalls >= config.hourCap;
  const refusal = slot.dayCalls >= slot.usage.dayCap ? 'day_cap' : overHour ? 'hour_cap' : null;
  if (refusal) {
    slot.lockedUntilMs = nowMs + config.lockMs;
    return refusal;
  }
  slot.hourCalls += 1;
  slot.dayCalls += 1;
  slot.usage.callsTotal += 1;
  slot.usage.hourPeak = Math.max(slot.usage.hourPeak, slot.hourCalls);
  slot.usage.dayPeak = Math.max(slot.usage.dayPeak, slot.dayCalls);
  return null;
}

export function createServicePlan(overrides: Partial<ServiceConfig> = {}): ServicePlan {
  const config: ServiceConfig = { ...defaultServiceConfig, ...overrides };
  const prng = createPrng(config.seed);
  const slots = new Map<string, Slot>();
  const planOf = (companyId: number): FreeePlan => config.plans.get(companyId) ?? config.plan;

  const slotOf = (key: CallKey): Slot => {
    const id = `${key.companyId}\u0000${key.clientId}`;
    const found = slots.get(id);
    if (found) return found;
    if (slots.size >= trackedKeysMax)
      throw new Error(`sandbox service: more than ${trackedKeysMax} company × app pairs`);
    const slot = newSlot(key, planOf(key.companyId), config.hourCap);
    slots.set(id, slot);
    return slot;
  };

  const release = (slot: Slot) => () => {
    slot.inFlight -= 1;
    slot.waiting.shift()?.();
  };

  const admit: ServicePlan['admit'] = async (key, now) => {
    const slot = slotOf(key);
    const refusal = countCall(slot, now.getTime(), config);
    if (refusal) {
      slot.usage.throttled += 1;
      return { ok: false, refusal };
    }
    if (config.concurrency > 0 && slot.inFlight >= config.concurrency) {
      if (slot.waiting.length >= config.queueMax) {
        slot.usage.throttled += 1;
        return { ok: false, refusal: 'queue_full' };
      }
      await new Promise<void>((resolve) => slot.waiting.push(resolve));
    }
    slot.inFlight += 1;
    slot.usage.inFlightPeak = Math.max(slot.usage.inFlightPeak, slot.inFlight);
    return { ok: true, release: release(slot) };
  };

  return {
    config,
    admit,
    latencyMs: () => {
      if (config.latencyMedianMs <= 0) return 0;
      const sample =
        config.latencyMedianMs * Math.exp(config.latencyTail * normalSample(prng.next));
      return Math.min(Math.round(sample), config.latencyMaxMs);
    },
    planOf,
    usage: () => [...slots.values()].map((slot) => ({ ...slot.usage })),
    reset: () => slots.clear(),
  };
}

/** The service URIAGE_SANDBOX_SERVICE asks for; undefined when unset (calls answer at once, no caps). */
export function servicePlanFromEnv(
  env: Record<string, string | undefined> = process.env,
): ServicePlan | undefined {
  const spec = env.URIAGE_SANDBOX_SERVICE;
  if (spec === undefined || spec.trim() === '') return undefined;
  return createServicePlan(parseServiceSpec(spec));
}
