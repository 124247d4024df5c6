// A store's business date: its checkouts, the close (閉局) and the versions of the close.
//   POST /api/v1/stores/{code}/days/{date}/close      { float, countedCash } → the close version
//   GET  /api/v1/stores/{code}/days/{date}/checkouts  ?status=&after=&limit=
//   GET  /api/v1/stores/{code}/days/{date}/closes     every version, oldest first
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { checkoutStatuses } from '../../../domain/ledger/types.js';
import { BusinessDateContract, CloseContract } from '../../../app/ledger/contract.js';
import type { DayCloseRecord, StoredCheckout } from '../../../app/ledger/model.js';
import { dayCheckoutsPageMax } from '../../../app/ledger/queries.js';
import type { AppEnv } from '../context.js';
import { Code, errorResponses } from '../schemas.js';
import { requireActor } from '../actors.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const DayParams = z.object({
  code: Code,
  date: BusinessDateContract.meta({
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    example: '2025-01-10',
  }),
});

const CloseSchema = z
  .object({
    version: z.number().int(),
    businessDate: z.string(),
    float: z.number().int(),
    countedCash: z.number().int(),
    expectedCash: z.number().int(),
    difference: z.number().int(),
    closedAt: z.string(),
    closedBy: z.string(),
    report: z.record(z.string(), z.unknown()),
  })
  .openapi('DayClose');

const StoredCheckoutSchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    registerCode: z.string(),
    status: z.enum(checkoutStatuses),
    completedAt: z.string().nullable(),
    total: z.number().int(),
    receivedAt: z.string(),
    checkout: z.record(z.string(), z.unknown()),
  })
  .openapi('StoredCheckout');

export const publicClose = (close: DayCloseRecord) => ({
  version: close.version,
  businessDate: close.businessDate,
  float: close.floatYen,
  countedCash: close.countedCashYen,
  expectedCash: close.expectedCashYen,
  difference: close.differenceYen,
  closedAt: close.closedAt.toISOString(),
  closedBy: close.closedBy,
  report: close.report as unknown as Record<string, unknown>,
});

const publicCheckout = (stored: StoredCheckout) => ({
  id: stored.checkoutId,
  revision: stored.revision,
  registerCode: stored.registerCode,
  status: stored.status,
  completedAt: stored.completedAt ? stored.completedAt.toISOString() : null,
  total: stored.totalYen,
  receivedAt: stored.receivedAt.toISOString(),
  checkout: stored.document as Record<string, unknown>,
});

const postClose = createRoute({
  method: 'post',
  path: '/stores/{code}/days/{date}/close',
  summary: '閉局: 釣銭準備金と実際のレジ内現金で日報を確定する(閉局し直すと新しい版)',
  request: {
    params: DayParams,
    body: { content: { 'application/json': { schema: CloseContract } }, required: true },
  },
  responses: {
    201: json(z.object({ created: z.literal(true), close: CloseSchema }), '新しい版を記録した'),
    200: json(
      z.object({ created: z.literal(false), close: CloseSchema }),
      '最新の版と同じ内容(記録済み)',
    ),
    ...errorResponses,
  },
});

const getCheckouts = createRoute({
  method: 'get',
  path: '/stores/{code}/days/{date}/checkouts',
  summary: '営業日の会計一覧(最新の版、id順、after で次のページ)',
  request: {
    params: DayParams,
    query: z.object({
      status: z.enum(checkoutStatuses).optional(),
      after: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(dayCheckoutsPageMax).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({ items: z.array(StoredCheckoutSchema), nextAfter: z.string().nullable() }),
      '会計一覧',
    ),
    ...errorResponses,
  },
});

const getCloses = createRoute({
  method: 'get',
  path: '/stores/{code}/days/{date}/closes',
  summary: '閉局の版の履歴(古い順)',
  request: { params: DayParams },
  responses: {
    200: json(z.object({ items: z.array(CloseSchema) }), '閉局の版'),
    ...errorResponses,
  },
});

export function ledgerDayRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(postClose, async (c) => {
    const { code, date } = c.req.valid('param');
    const body = c.req.valid('json');
    const { close, created } = await c.get('app').ledger.closeDay(requireActor(c), {
      storeCode: code,
      businessDate: date,
      float: body.float,
      countedCash: body.countedCash,
    });
    return created
      ? c.json({ created: true as const, close: publicClose(close) }, 201)
      : c.json({ created: false as const, close: publicClose(close) }, 200);
  });
  api.openapi(getCheckouts, async (c) => {
    const { code, date } = c.req.valid('param');
    const query = c.req.valid('query');
    const page = await c.get('app').ledger.listDayCheckouts(requireActor(c), {
      storeCode: code,
      businessDate: date,
      status: query.status,
      afterId: query.after,
      limit: query.limit,
    });
    return c.json({ items: page.items.map(publicCheckout), nextAfter: page.nextAfterId }, 200);
  });
  api.openapi(getCloses, async (c) => {
    const { code, date } = c.req.valid('param');
    const closes = await c.get('app').ledger.listCloses(requireActor(c), {
      storeCode: code,
      businessDate: date,
    });
    return c.json({ items: closes.map(publicClose) }, 200);
  });
}
