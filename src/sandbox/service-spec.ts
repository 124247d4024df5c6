// Parses URIAGE_SANDBOX_SERVICE: freee-like service behaviour of the sandbox (latency, per-company
// × app call caps by plan, 403 lock-outs, bounded concurrency). Example:
//   `latency_ms=150,tail=0.6,plan=basic,hour_cap=1000,concurrency=8,lock_ms=600000,seed=1`
//   `plans=3000001:enterprise|3000002:advance` gives single 事業所 another plan.
// Daily caps per company × application (API-NOTES §3): enterprise 10,000, advance 5,000, others 3,000.

export const freeePlans = ['basic', 'advance', 'enterprise'] as const;
export type FreeePlan = (typeof freeePlans)[number];

/** Calls per company × application per day (freee: JST day). */
export const dailyCapByPlan: Record<FreeePlan, number> = {
  basic: 3_000,
  advance: 5_000,
  enterprise: 10_000,
};

export interface ServiceConfig {
  /** Median of a call's added latency (wall time); 0 = none. */
  latencyMedianMs: number;
  /** Log-normal sigma of the latency: 0 = constant, 0.6 ≈ p99 at 4 × the median. */
  latencyTail: number;
  /** No call waits longer than this (the long tail is cut here). */
  latencyMaxMs: number;
  /** The plan of every 事業所 not named in `plans`. */
  plan: FreeePlan;
  plans: ReadonlyMap<number, FreeePlan>;
  /** Calls per company × application per clock hour; 0 = no hourly cap (sandbox choice). */
  hourCap: number;
  /** Requests served at once per company × application; more wait in line (0 = unbounded). */
  concurrency: number;
  /** Requests that may wait in line per company × application; more get 403. */
  queueMax: number;
  /** Lock-out after a cap is exceeded (by the injected clock). freee: about 10 minutes. */
  lockMs: number;
  seed: number;
}

export const defaultServiceConfig: ServiceConfig = {
  latencyMedianMs: 150,
  latencyTail: 0.6,
  latencyMaxMs: 10_000,
  plan: 'basic',
  plans: new Map(),
  hourCap: 0,
  concurrency: 0,
  queueMax: 1_000,
  lockMs: 10 * 60 * 1000,
  seed: 1,
};

export class ServiceSpecError extends Error {
  constructor(message: string) {
    super(`URIAGE_SANDBOX_SERVICE: ${message}`);
    this.name = 'ServiceSpecError';
  }
}

const plansMax = 10_000;

function integer(key: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) throw new ServiceSpecError(`${key} must be an integer, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max)
    throw new ServiceSpecError(`${key} must be within ${min}..${max}, got ${value}`);
  return value;
}

function planOf(text: string): FreeePlan {
  const plan = freeePlans.find((p) => p === text);
  if (!plan) throw new ServiceSpecError(`unknown plan "${text}" (known: ${freeePlans.join('|')})`);
  return plan;
}

function parsePlans(text: string): Map<number, FreeePlan> {
  const plans = new Map<number, FreeePlan>();
  const parts = text.split('|').filter((p) => p.trim() !== '');
  if (parts.length > plansMax) throw new ServiceSpecError(`more than ${plansMax} plans`);
  for (const part of parts) {
    const [id, plan] = part.split(':').map((s) => s.trim());
    if (!id || !plan)
      throw new ServiceSpecError(`plans: expected <company id>:<plan>, got "${part}"`);
    plans.set(integer('plans', id, 1, Number.MAX_SAFE_INTEGER), planOf(plan));
  }
  return plans;
}

function parseTail(text: string): number {
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) > 3)
    throw new ServiceSpecError(`tail must be a number in [0, 3], got "${text}"`);
  return Number(text);
}

const keys = [
  'latency_ms',
  'tail',
  'latency_max_ms',
  'plan',
  'plans',
  'hour_cap',
  'concurrency',
  'queue_max',
  'lock_ms',
  'seed',
] as const;

function apply(config: ServiceConfig, key: string, value: string): ServiceConfig {
  switch (key) {
    case 'latency_ms':
      return { ...config, latencyMedianMs: integer(key, value, 0, 60_000) };
    case 'tail':
      return { ...config, latencyTail: parseTail(value) };
    case 'latency_max_ms':
      return { ...config, latencyMaxMs: integer(key, value, 0, 120_000) };
    case 'plan':
      return { ...config, plan: planOf(value) };
    case 'plans':
      return { ...config, plans: parsePlans(value) };
    case 'hour_cap':
      return { ...config, hourCap: integer(key, value, 0, 1_000_000) };
    case 'concurrency':
      return { ...config, concurrency: integer(key, value, 0, 1_000) };
    case 'queue_max':
      return { ...config, queueMax: integer(key, value, 0, 100_000) };
    case 'lock_ms':
      return { ...config, lockMs: integer(key, value, 0, 24 * 60 * 60 * 1000) };
    case 'seed':
      return { ...config, seed: integer(key, value, 0, 4_294_967_295) };
    default:
      throw new ServiceSpecError(`unknown key "${key}" (known: ${keys.join(', ')})`);
  }
}

export function parseServiceSpec(text: string): ServiceConfig {
  let config: ServiceConfig = { ...defaultServiceConfig };
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [key, value, extra] = part.split('=').map((s) => s.trim());
    if (!key || value === undefined || extra !== undefined)
      throw new ServiceSpecError(`expected key=value, got "${part}"`);
    config = apply(config, key, value);
  }
  return config;
}
