// Text nobody can store: NUL and unpaired surrogates (PostgreSQL refuses NUL; a lone surrogate has
// no UTF-8 form), and bodies that are not UTF-8 (which would be read with U+FFFD in place of the
// bad bytes). Refused with 400 naming the field before any route or use case sees them: the path
// and query of every request, and JSON and form bodies of writes. The ledger batches are walked by
// their contract item by item (a bad item must not fail its neighbours), so for them this checks the
// encoding only; it runs after their body limit (api.ts).
import { isUtf8 } from 'node:buffer';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError, type FieldError } from '../../app/errors.js';
import { firstUnsafeText, isSafeText } from '../../domain/text/safe-text.js';
import type { AppEnv } from './context.js';

const unsafeMessage = 'NUL文字や対になっていないサロゲートなど、使えない文字が含まれています。';
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

const refuse = (fields: FieldError[], logMessage: string) =>
  new AppError('validation', 'validation_failed', '入力内容に誤りがあります。', fields, logMessage);
const unsafe = (path: string): FieldError => ({
  path,
  code: 'invalid_text',
  message: unsafeMessage,
});

function checkPathAndQuery(c: Context<AppEnv>): void {
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(c.req.path);
  } catch {
    throw refuse([unsafe('path')], 'request path is not percent-encoded UTF-8');
  }
  if (!isSafeText(decodedPath)) throw refuse([unsafe('path')], 'unsafe text in path');
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (!isSafeText(name) || values.some((value) => !isSafeText(value)))
      throw refuse([unsafe(name)], `unsafe text in query ${JSON.stringify(name)}`);
  }
}

/** The body's bytes, read once; the request is rebuilt so every later reader sees them again. */
async function bodyBytes(c: Context<AppEnv>): Promise<Uint8Array> {
  const bytes = new Uint8Array(await c.req.raw.arrayBuffer());
  c.req.raw = new Request(c.req.raw, { body: bytes });
  return bytes;
}

const notUtf8 = () =>
  refuse(
    [{ path: '', code: 'invalid_encoding', message: 'UTF-8 で送信してください。' }],
    'request body is not UTF-8',
  );

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw notUtf8();
  }
}

async function checkBody(c: Context<AppEnv>, walk: boolean): Promise<void> {
  const type = c.req.header('content-type') ?? '';
  if (/json/i.test(type)) {
    const text = decodeUtf8(await bodyBytes(c));
    if (!walk) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return; // the route answers invalid_json
    }
    const path = firstUnsafeText(value);
    if (path !== null) throw refuse([unsafe(path)], 'unsafe text in JSON body');
  } else if (/form/i.test(type)) {
    const bytes = await bodyBytes(c);
    const form = await new Response(bytes, { headers: { 'content-type': type } })
      .formData()
      .catch(() => null);
    for (const [name, value] of form?.entries() ?? []) {
      if (!isSafeText(name) || (typeof value === 'string' && !isSafeText(value)))
        throw refuse([unsafe(name)], 'unsafe text in form body');
    }
  }
}

function textGuard(walkBody: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    checkPathAndQuery(c);
    if (writeMethods.has(c.req.method) && c.req.raw.body) await checkBody(c, walkBody);
    await next();
  };
}

const everyBody = textGuard(true);
const ledgerBatchPaths = new Set(['/api/v1/checkouts', '/api/v1/drawer-events']);

/** Every route; the ledger batches only path and query here (their body: `ledgerTextGuard`). */
export const requestTextGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!ledgerBatchPaths.has(c.req.path)) return everyBody(c, next);
  checkPathAndQuery(c);
  await next();
};

/**
 * The ledger batches, after their body limit: the encoding only (the contract checks each item).
 * A JSON body is decoded here once (validated, then decoded by Buffer's fast path rather than a
 * fatal TextDecoder and then again by the request's own json()) and handed to the route as text.
 */
export const ledgerTextGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (writeMethods.has(c.req.method) && c.req.raw.body) {
    if (/json/i.test(c.req.header('content-type') ?? '')) {
      const bytes = await bodyBytes(c);
      if (!isUtf8(bytes)) throw notUtf8();
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      // A leading byte order mark is dropped, as the request's own text() would.
      c.set('ledgerBodyText', text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } else await checkBody(c, false);
  }
  await next();
};
