// Writes from outside may carry `Idempotency-Key`: the first response is stored with a hash of the
// request; a replay returns it with `Idempotency-Hit: true`; the same key with another body is
// refused (409 idempotency_key_reused). Writes without the header rely on their natural keys
// (codes, checkout id + revision, drawer event id, store + date of a close).
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { conflict, validationError } from '../../app/errors.js';
import { idempotencyKeys } from '../db/schema/index.js';
import { drizzleOver } from '../db/unit-of-work.js';
import type { AppEnv } from './context.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const keyLengthMax = 200;

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
  const db = drizzleOver(c.get('services').pool);
  const where = and(
    eq(idempotencyKeys.companyId, principal.companyId),
    eq(idempotencyKeys.key, key),
  );
  const stored = (await db.select().from(idempotencyKeys).where(where))[0];
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
  await db
    .insert(idempotencyKeys)
    .values({
      companyId: principal.companyId,
      key,
      requestHash,
      statusCode: status,
      responseBody,
      createdAt: c.get('services').clock.now(),
    })
    .onConflictDoNothing();
};
