// Parses URIAGE_SANDBOX_FAULTS, e.g. `rate=0.3,seed=7` or
// `rate=0.2,kinds=5xx|maintenance|throttle|timeout|reset_after_write|expired_token|invalid_grant|permission_loss,seed=3`.
// Optional: `timeout_ms=` (delay of a timeout fault, ≤ timeoutMsMax), `lock_ms=` (throttle lock-out).

export const faultKinds = [
  '5xx',
  'maintenance',
  'throttle',
  'timeout',
  'reset_after_write',
  'expired_token',
  'invalid_grant',
  'permission_loss',
] as const;

export type FaultKind = (typeof faultKinds)[number];

export interface FaultConfig {
  /** Probability in [0, 1] that an eligible call fails. 0 = only faults asked for explicitly. */
  rate: number;
  kinds: readonly FaultKind[];
  seed: number;
  /** How long a `timeout` fault holds the response (wall time, bounded by timeoutMsMax). */
  timeoutMs: number;
  /** How long a `throttle` fault locks the API out (by the injected clock). freee: about 10 min. */
  lockMs: number;
}

export const timeoutMsMax = 120_000;
export const defaultFaultConfig: FaultConfig = {
  rate: 0,
  kinds: faultKinds,
  seed: 1,
  timeoutMs: 65_000,
  lockMs: 10 * 60 * 1000,
};

export class FaultSpecError extends Error {
  constructor(message: string) {
    super(`URIAGE_SANDBOX_FAULTS: ${message}`);
    this.name = 'FaultSpecError';
  }
}

export function isFaultKind(text: string): text is FaultKind {
  return (faultKinds as readonly string[]).includes(text);
}

function parseKinds(text: string): FaultKind[] {
  const kinds = text
    .split('|')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const unknown = kinds.filter((k) => !isFaultKind(k));
  if (unknown.length > 0)
    throw new FaultSpecError(`unknown kind ${unknown.join(', ')} (known: ${faultKinds.join('|')})`);
  if (kinds.length === 0) throw new FaultSpecError('kinds is empty');
  return [...new Set(kinds)] as FaultKind[];
}

function parseInteger(key: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) throw new FaultSpecError(`${key} must be an integer, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max)
    throw new FaultSpecError(`${key} must be within ${min}..${max}, got ${value}`);
  return value;
}

function parseRate(text: string): number {
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(text))
    throw new FaultSpecError(`rate must be a number in [0, 1], got "${text}"`);
  return Number(text);
}

export function parseFaultSpec(text: string): FaultConfig {
  const config: FaultConfig = { ...defaultFaultConfig };
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [key, value, extra] = part.split('=').map((s) => s.trim());
    if (!key || value === undefined || extra !== undefined)
      throw new FaultSpecError(`expected key=value, got "${part}"`);
    if (key === 'rate') config.rate = parseRate(value);
    else if (key === 'seed') config.seed = parseInteger(key, value, 0, 4_294_967_295);
    else if (key === 'kinds') config.kinds = parseKinds(value);
    else if (key === 'timeout_ms') config.timeoutMs = parseInteger(key, value, 0, timeoutMsMax);
    else if (key === 'lock_ms') config.lockMs = parseInteger(key, value, 0, 24 * 60 * 60 * 1000);
    else
      throw new FaultSpecError(
        `unknown key "${key}" (known: rate, kinds, seed, timeout_ms, lock_ms)`,
      );
  }
  return config;
}
