// POST /api/v1/checkouts and POST /api/v1/drawer-events: one item, or a batch `{ checkouts: [...] }`
// / `{ drawerEvents: [...] }` of up to 1,000. The body is NOT validated as a whole by the route: each
// item is checked on its own so that one bad checkout does not refuse its 499 neighbours; every
// rejected item names its fields (`checkouts[3].lines[0].quantity`). One item → 201 accepted,
// 200 unchanged, or the item's error (400/403/409); a batch → 200 with a result per item.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { validationError } from '../../../app/errors.js';
import { CheckoutContract, DrawerEventContract } from '../../../app/ledger/contract.js';
import { checkoutsPerBatchMax } from '../../../app/ledger/ingest-checkouts.js';
import type { BatchReport, ItemResult } from '../../../app/ledger/model.js';
import {
  drawerEventsPerBatchMax,
  rejectionError,
} from '../../../app/ledger/record-drawer-events.js';
import type { AppEnv } from '../context.js';
import { errorBody } from '../errors.js';
import { ErrorSchema, errorResponses } from '../schemas.js';
import { requireActor } from '../actors.js';

const ItemResultSchema = z.object({
  index: z.number().int(),
  id: z.string().nullable(),
  revision: z.number().int().nullable(),
  result: z.enum(['accepted', 'unchanged', 'rejected']),
  reason: z.enum(['same', 'superseded']).optional(),
  error: ErrorSchema.shape.error.optional(),
});
const BatchResultSchema = z.object({
  accepted: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  results: z.array(ItemResultSchema),
});
const SingleResultSchema = z.object({
  result: z.enum(['accepted', 'unchanged']),
  reason: z.enum(['same', 'superseded']).optional(),
  id: z.string(),
  revision: z.number().int().nullable(),
});

function publicResult(result: ItemResult) {
  const { error, ...rest } = result;
  return error
    ? { ...rest, error: errorBody(error.code, error.message, error.fields).error }
    : rest;
}

function publicReport(report: BatchReport) {
  return {
    accepted: report.accepted,
    unchanged: report.unchanged,
    rejected: report.rejected,
    results: report.results.map(publicResult),
  };
}

interface Envelope {
  key: 'checkouts' | 'drawerEvents';
  itemsMax: number;
  label: string;
}

/** `{ <key>: [...] }` → the batch; any other object → one item. */
function itemsOf(body: unknown, envelope: Envelope): { items: unknown[]; batch: boolean } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw validationError([
      {
        path: '',
        code: 'invalid_type',
        message: `${envelope.label}のオブジェクト、または { "${envelope.key}": [...] } を送信してください。`,
      },
    ]);
  }
  if (!(envelope.key in body)) return { items: [body], batch: false };
  const { [envelope.key]: items, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest).map((key) => ({
    path: key,
    code: 'unrecognized_keys',
    message: '定義されていない項目です。',
  }));
  if (extra.length > 0) throw validationError(extra);
  if (!Array.isArray(items))
    throw validationError([
      { path: envelope.key, code: 'invalid_type', message: '配列で指定してください。' },
    ]);
  if (items.length > envelope.itemsMax)
    throw validationError([
      {
        path: envelope.key,
        code: 'too_big',
        message: `1回に送信できるのは${envelope.itemsMax}件までです。`,
      },
    ]);
  return { items, batch: true };
}

async function respond(c: Context<AppEnv>, report: BatchReport, batch: boolean) {
  if (batch) return c.json(publicReport(report), 200);
  const only = report.results[0];
  if (!only) throw new Error('a single item has a result');
  if (only.error) throw rejectionError(only.error);
  return c.json(
    {
      result: only.result,
      ...(only.reason ? { reason: only.reason } : {}),
      id: only.id ?? '',
      revision: only.revision,
    },
    only.result === 'accepted' ? 201 : 200,
  );
}

const checkoutsEnvelope: Envelope = {
  key: 'checkouts',
  itemsMax: checkoutsPerBatchMax,
  label: '会計',
};
const drawerEnvelope: Envelope = {
  key: 'drawerEvents',
  itemsMax: drawerEventsPerBatchMax,
  label: 'レジ入出金',
};

/** The batch's JSON: the text its guard decoded (text-guard.ts), else the request's own. */
async function bodyOf(c: Context<AppEnv>): Promise<unknown> {
  const text = c.get('ledgerBodyText');
  return text === undefined ? c.req.json() : (JSON.parse(text) as unknown);
}

function document(api: OpenAPIHono<AppEnv>): void {
  // The contract schemas are plain zod (src/app): registry.register() would call `.openapi()` on
  // them, which only zod instances patched by @hono/zod-openapi have, so they are inlined instead.
  const registry = api.openAPIRegistry;
  const checkout = CheckoutContract;
  const drawerEvent = DrawerEventContract;
  const results = BatchResultSchema;
  for (const [path, item, key, summary] of [
    [
      '/checkouts',
      checkout,
      'checkouts',
      '会計の送信(1件、または checkouts に1,000件まで)。id + revision で冪等',
    ],
    [
      '/drawer-events',
      drawerEvent,
      'drawerEvents',
      'レジ入金・出金の送信(1件、または drawerEvents に1,000件まで)。id で冪等',
    ],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path,
      summary,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.union([item, z.object({ [key]: z.array(item).max(1000) })]),
            },
          },
        },
      },
      responses: {
        200: {
          description: '一括: 1件ごとの結果 / 1件: 既に同じ内容あり',
          content: { 'application/json': { schema: z.union([results, SingleResultSchema]) } },
        },
        201: {
          description: '1件: 受け付けた',
          content: { 'application/json': { schema: SingleResultSchema } },
        },
        413: {
          description: '大きすぎる',
          content: { 'application/json': { schema: ErrorSchema } },
        },
        ...errorResponses,
      },
    });
  }
}

export function ledgerWriteRoutes(api: OpenAPIHono<AppEnv>): void {
  document(api);
  api.post('/checkouts', async (c) => {
    const actor = requireActor(c);
    const { items, batch } = itemsOf(await bodyOf(c), checkoutsEnvelope);
    const report = await c.get('app').ledger.ingestCheckouts(actor, items, {
      pathOf: (index) => (batch ? `checkouts[${index}]` : ''),
    });
    return respond(c, report, batch);
  });
  api.post('/drawer-events', async (c) => {
    const actor = requireActor(c);
    const { items, batch } = itemsOf(await bodyOf(c), drawerEnvelope);
    const report = await c.get('app').ledger.recordDrawerEvents(actor, items, {
      pathOf: (index) => (batch ? `drawerEvents[${index}]` : ''),
    });
    return respond(c, report, batch);
  });
}
