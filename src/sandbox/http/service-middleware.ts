// Applies the ServicePlan (service.ts) to every API call, after bearer auth: the call counts against
// the company it acts on × the calling application; refused → 403 (freee's throttle, about 10
// minutes); admitted → it waits its latency, holding one of the company's concurrent slots until it
// answers or its client disconnects.
import type { Context, MiddlewareHandler } from 'hono';
import type { ServicePlan } from '../service.js';
import type { SandboxEnv } from './env.js';
import { throttledBody } from './errors.js';

const companyPathPattern = /\/companies\/(\d+)(?:\/|$)/;

function positiveId(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

async function bodyCompanyId(c: Context<SandboxEnv>): Promise<number | null> {
  if (c.req.method === 'GET' || c.req.method === 'DELETE') return null;
  if (!(c.req.header('content-type') ?? '').toLowerCase().includes('application/json')) return null;
  try {
    const body: unknown = await c.req.json();
    return body && typeof body === 'object'
      ? positiveId((body as Record<string, unknown>).company_id)
      : null;
  } catch {
    return null;
  }
}

/**
 * The company a call acts on: company_id (query, then JSON body), the 事業所 in the path, then
 * freee's `x-freee-company-id` header (freee's own client sends it; freee keys its rate limits on
 * it), then the 事業所 chosen when the token was granted.
 */
export async function companyOfCall(c: Context<SandboxEnv>): Promise<number> {
  return (
    positiveId(c.req.query('company_id')) ??
    (await bodyCompanyId(c)) ??
    positiveId(companyPathPattern.exec(c.req.path)?.[1]) ??
    positiveId(c.req.header('x-freee-company-id')) ??
    c.get('auth').companyId
  );
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function serviceMiddleware(
  service: ServicePlan,
  now: () => Date,
): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const key = { companyId: await companyOfCall(c), clientId: c.get('auth').clientId };
    const admission = await service.admit(key, now());
    if (!admission.ok) {
      c.header('X-Sandbox-Throttle', admission.refusal);
      return c.json(throttledBody, 403);
    }
    // A call whose client is gone (a killed worker) stops holding its slot: the client can no longer
    // bound it, and its company's next call must not be counted against a dead process.
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      admission.release();
    };
    const signal = c.req.raw.signal;
    signal.addEventListener('abort', release, { once: true });
    try {
      await wait(service.latencyMs());
      await next();
    } finally {
      signal.removeEventListener('abort', release);
      release();
    }
  };
}
