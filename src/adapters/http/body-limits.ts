// One body limit per route family, applied before anything reads a body (the idempotency hash, any
// parser): ledger batches (checkouts, drawer events) may carry 1,000 items; every other form and
// JSON body is small. A declared Content-Length past the limit is refused without reading; a
// chunked body is counted as it streams and refused as soon as it passes the limit. The ledger
// limit runs after authentication (headers only), so a caller without a principal is refused
// before a byte of its body is read.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { errorBody } from './errors.js';

/** 1,000 checkouts of a few dozen lines (~5 KB each) fit three times over; a body past this is
 *  refused before parsing. A chunked body is held up to this size while it is counted. */
export const ledgerBodyBytesMax = 16 * 1024 * 1024;
/** Forms of the console and JSON of the API (settings, staff, closes): far below this. */
export const formBodyBytesMax = 256 * 1024;
/** Reads of one body (a stream of empty chunks must end too). */
const bodyReadsMax = 1_000_000;

const ledgerBatchPaths = new Set(['/api/v1/checkouts', '/api/v1/drawer-events']);

function tooLarge(c: Context<AppEnv>, bytesMax: number): Response {
  c.get('app')?.log.info({ path: c.req.path, bytesMax }, 'request body too large');
  // The rest of the body is never read: the connection closes after this answer.
  c.header('connection', 'close');
  const size = bytesMax >= 1024 * 1024 ? `${bytesMax / 1024 / 1024}MB` : `${bytesMax / 1024}KB`;
  return c.json(
    errorBody(
      'payload_too_large',
      `リクエストが大きすぎます(${size}まで)。分割して送信してください。`,
      [{ path: '', message: 'リクエストが大きすぎます。' }],
    ),
    413,
  );
}

/** The body as bytes, or null past `bytesMax` (chunks are kept apart until the end: no regrowth). */
async function readUpTo(body: ReadableStream<Uint8Array>, bytesMax: number) {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let reads = 0; reads < bodyReadsMax; reads += 1) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > bytesMax) return null;
    chunks.push(value);
  }
  return null;
}

function limitBody(bytesMax: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding')) {
      // Node's parser never delivers more than the declared length.
      if (!/^\d+$/.test(declared) || Number(declared) > bytesMax) return tooLarge(c, bytesMax);
      return next();
    }
    const bytes = await readUpTo(raw.body, bytesMax);
    if (!bytes) return tooLarge(c, bytesMax);
    c.req.raw = new Request(raw, { body: bytes });
    return next();
  };
}

const smallLimit = limitBody(formBodyBytesMax);

/** Every route but the ledger batches: the small limit, first of all middleware. */
export const smallBodyLimit: MiddlewareHandler<AppEnv> = (c, next) =>
  ledgerBatchPaths.has(c.req.path) ? next() : smallLimit(c, next);

/** The ledger batches (mounted on them, after authentication, before idempotency). */
export const ledgerBodyLimit = limitBody(ledgerBodyBytesMax);
