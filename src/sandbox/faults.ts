// Fault injection for the sandbox: random (seeded, reproducible) and per call (faults.next(kind)
// or the X-Sandbox-Fault header). The HTTP side lives in http/fault-middleware.ts.
import { createPrng, type Prng } from './prng.js';
import {
  defaultFaultConfig,
  isFaultKind,
  parseFaultSpec,
  timeoutMsMax,
  type FaultConfig,
  type FaultKind,
} from './fault-spec.js';

export {
  faultKinds,
  parseFaultSpec,
  FaultSpecError,
  type FaultConfig,
  type FaultKind,
} from './fault-spec.js';

/** What a call is, as far as faults go. */
export type FaultTarget = 'api_read' | 'api_write' | 'token_code' | 'token_refresh';

const everywhere: readonly FaultTarget[] = ['api_read', 'api_write', 'token_code', 'token_refresh'];
const api: readonly FaultTarget[] = ['api_read', 'api_write'];

export const faultTargets: Record<FaultKind, readonly FaultTarget[]> = {
  '5xx': everywhere,
  maintenance: everywhere,
  throttle: api,
  timeout: everywhere,
  reset_after_write: ['api_write', 'token_code', 'token_refresh'],
  expired_token: api,
  invalid_grant: ['token_refresh'],
  permission_loss: api,
};

export interface FaultDecision {
  kind: FaultKind;
  /** 500 or 502 for `5xx`. */
  status?: 500 | 502;
}

export interface FiredFault extends FaultDecision {
  method: string;
  path: string;
  forced: boolean;
}

export interface FaultPlan {
  readonly config: FaultConfig;
  /** Makes the next eligible call fail with `kind` (queued in order; bounded). */
  next(kind: FaultKind): void;
  /** Drops queued faults and any throttle lock-out. */
  reset(): void;
  decide(
    call: { target: FaultTarget; method: string; path: string },
    headerKind?: string,
  ): FaultDecision | null;
  lockedUntil(): Date | null;
  lockUntil(until: Date): void;
  /** Faults that fired, oldest first (the last firedMax). */
  fired(): readonly FiredFault[];
  /** Waits config.timeoutMs for a `timeout` fault; cut short by close(). */
  delay(): Promise<void>;
  close(): void;
}

export const queuedMax = 100;
export const firedMax = 1000;

function takeQueued(queue: FaultKind[], target: FaultTarget): FaultKind | null {
  const index = queue.findIndex((kind) => faultTargets[kind].includes(target));
  if (index < 0) return null;
  return queue.splice(index, 1)[0] ?? null;
}

function randomKind(config: FaultConfig, prng: Prng, target: FaultTarget): FaultKind | null {
  if (config.rate <= 0) return null;
  if (prng.next() >= config.rate) return null;
  const eligible = config.kinds.filter((kind) => faultTargets[kind].includes(target));
  if (eligible.length === 0) return null;
  return eligible[prng.below(eligible.length)] ?? null;
}

export function createFaultPlan(overrides: Partial<FaultConfig> = {}): FaultPlan {
  const config: FaultConfig = { ...defaultFaultConfig, ...overrides };
  const prng = createPrng(config.seed);
  const queue: FaultKind[] = [];
  const log: FiredFault[] = [];
  const closing = new AbortController();
  let locked: Date | null = null;

  const decide: FaultPlan['decide'] = (call, headerKind) => {
    const header =
      headerKind && isFaultKind(headerKind) && faultTargets[headerKind].includes(call.target)
        ? headerKind
        : null;
    const forced = header ?? takeQueued(queue, call.target);
    const kind = forced ?? randomKind(config, prng, call.target);
    if (!kind) return null;
    const decision: FaultDecision =
      kind === '5xx' ? { kind, status: prng.below(2) === 0 ? 500 : 502 } : { kind };
    log.push({ ...decision, method: call.method, path: call.path, forced: forced !== null });
    if (log.length > firedMax) log.shift();
    return decision;
  };

  return {
    config,
    next: (kind) => {
      if (queue.length >= queuedMax)
        throw new Error(`more than ${queuedMax} queued sandbox faults`);
      queue.push(kind);
    },
    reset: () => {
      queue.length = 0;
      locked = null;
    },
    decide,
    lockedUntil: () => locked,
    lockUntil: (until) => {
      locked = until;
    },
    fired: () => [...log],
    delay: () => delay(Math.min(config.timeoutMs, timeoutMsMax), closing.signal),
    close: () => closing.abort(),
  };
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The plan URIAGE_SANDBOX_FAULTS asks for; undefined when unset (faults and the header are off). */
export function faultPlanFromEnv(
  env: Record<string, string | undefined> = process.env,
): FaultPlan | undefined {
  const spec = env.URIAGE_SANDBOX_FAULTS;
  if (spec === undefined || spec.trim() === '') return undefined;
  return createFaultPlan(parseFaultSpec(spec));
}
