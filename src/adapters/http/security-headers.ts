// Headers of every answer of ours (the mounted sandbox keeps its own): no framing, no sniffing, no
// referrer to other sites, scripts only from this origin, and nothing with data kept in a cache
// (pages and API answers are per user; only /static/ may be cached).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // The console's one <style> and a few style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const headers = c.res.headers;
  headers.set('content-security-policy', contentSecurityPolicy);
  headers.set('x-frame-options', 'DENY');
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'same-origin');
  if (!c.req.path.startsWith('/static/')) headers.set('cache-control', 'no-store');
};
