// Writes from outside may carry `Idempotency-Key`: the first response is stored with a hash of the
// request; a replay returns it with `Idempotency-Hit: true`; the same key with another body is
// refused (409 idempotency_key_reused). Writes without the header rely on their natural keys
// (codes, checkout id + revision, drawer event id, store + date of a close).
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { conflict, validationError } from '../../app/errors.js';
import { idempotencyRetentionMs } from '../../app/idempotency.js';
import type { AppEnv, Principal } from './context.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const keyLengthMax = 200;

/** The key as stored: one principal's key never replays another's answer. */
function scopedKey(principal: Principal, key: string): string {
  const scope =
    principal.kind === 'staff'
      ? `staff:${principal.staff.id}`
      : `register:${principal.storeCode}/${principal.registerCode}`;
  return `${scope}\n${key}`;
}

export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  const principal = c.get('principal');
  if (!key || !writeMethods.has(c.req.method) || !principal) return next();
  if (key.length > keyLengthMax)
    throw validationError([
      {
        path: 'Idempotency-Key',
        message: `Idempotency-Key は${keyLengthMax}文字以内にしてください。`,
      },
    ]);
  const body = await c.req.raw.clone().text();
  const requestHash = createHash('sha256')
    .update(`${c.req.method} ${c.req.path}\n${body}`)
    .digest('hex');
  const app = c.get('app');
  const keptSince = new Date(app.clock.now().getTime() - idempotencyRetentionMs);
  const storedKey = scopedKey(principal, key);
  const stored = await app.idempotency.find(principal.companyId, storedKey, keptSince);
  if (stored) {
    if (stored.requestHash !== requestHash)
      throw conflict('idempotency_key_reused', 'この Idempotency-Key は別の内容で使用済みです。');
    c.header('Idempotency-Hit', 'true');
    return c.json(stored.responseBody as object, stored.statusCode as 200);
  }
  await next();
  const status = c.res.status;
  if (status >= 500 || !c.res.headers.get('content-type')?.includes('application/json')) return;
  const responseBody = await c.res.clone().json();
  await app.idempotency.save(
    principal.companyId,
    storedKey,
    { requestHash, statusCode: status, responseBody },
    app.clock.now(),
    keptSince,
  );
};
