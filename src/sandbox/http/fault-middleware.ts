// Applies the FaultPlan to API and token calls: failures before the handler (nothing written),
// a delay before it (timeout), or a dropped connection after it (reset_after_write).
import type { Context, MiddlewareHandler } from 'hono';
import type { FaultDecision, FaultPlan, FaultTarget } from '../faults.js';
import { expireAccessToken, revokeRefreshToken } from '../oauth/tokens.js';
import { bearerToken } from './auth.js';
import type { SandboxDeps, SandboxEnv } from './env.js';
import { errorBody, maintenanceBody, throttledBody, unauthorized } from './errors.js';
import { invalidGrantBody, tokenForm } from './token-form.js';

const badGatewayHtml =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';

async function targetOf(c: Context<SandboxEnv>): Promise<FaultTarget | null> {
  const path = c.req.path;
  if (path.includes('/api/1/')) return c.req.method === 'GET' ? 'api_read' : 'api_write';
  if (c.req.method === 'POST' && path.endsWith('/public_api/token')) {
    return (await tokenForm(c)).grant_type === 'refresh_token' ? 'token_refresh' : 'token_code';
  }
  return null;
}

export function faultMiddleware(deps: SandboxDeps): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const plan = deps.faults;
    const target = plan ? await targetOf(c) : null;
    if (!plan || !target) return next();
    const lockedUntil = plan.lockedUntil();
    if (target.startsWith('api') && lockedUntil && deps.clock.now() < lockedUntil)
      return throttled(c);
    const decision = plan.decide(
      { target, method: c.req.method, path: c.req.path },
      c.req.header('x-sandbox-fault'),
    );
    if (!decision) return next();
    c.header('X-Sandbox-Fault', decision.kind);
    if (decision.kind === 'timeout') {
      await plan.delay();
      return next();
    }
    if (decision.kind === 'reset_after_write') {
      await next();
      dropConnection(c);
      return;
    }
    return respond(c, deps, plan, decision);
  };
}

function throttled(c: Context<SandboxEnv>): Response {
  c.header('X-Sandbox-Fault', 'throttle');
  return c.json(throttledBody, 403);
}

async function respond(
  c: Context<SandboxEnv>,
  deps: SandboxDeps,
  plan: FaultPlan,
  decision: FaultDecision,
): Promise<Response> {
  switch (decision.kind) {
    case '5xx':
      return decision.status === 502 ? c.html(badGatewayHtml, 502) : c.json(errorBody(500), 500);
    case 'maintenance':
      return c.json(maintenanceBody(), 503);
    case 'throttle':
      plan.lockUntil(new Date(deps.clock.now().getTime() + plan.config.lockMs));
      return throttled(c);
    case 'expired_token': {
      const token = bearerToken(c);
      if (token) await expireAccessToken(deps.db, deps.clock, token);
      return c.json(unauthorized.expiredAccessToken, 401);
    }
    case 'invalid_grant': {
      const refreshToken = (await tokenForm(c)).refresh_token;
      if (refreshToken) await revokeRefreshToken(deps.db, deps.clock, refreshToken);
      return c.json(invalidGrantBody, 401);
    }
    case 'permission_loss':
      return c.json(unauthorized.userDoNotHavePermission, 401);
    default:
      return c.json(errorBody(500), 500);
  }
}

/** The write happened; the client never hears about it. */
function dropConnection(c: Context<SandboxEnv>): void {
  const socket = c.env?.incoming?.socket;
  if (socket) {
    socket.destroy();
    return;
  }
  const broken = new ReadableStream({
    start: (controller) => controller.error(new Error('sandbox: connection reset after write')),
  });
  c.res = new Response(broken, { status: c.res.status, headers: c.res.headers });
}
