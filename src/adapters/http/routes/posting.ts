// freee連携 posting API (issue 6; docs/posting.md):
//   GET|PUT /api/v1/posting/settings                      mappings (defaults filled in); PUT: admin / manager
//   GET  /api/v1/posting/results?store&from&to&status&item  連携結果 per store-day with the deals written
//   POST /api/v1/stores/{code}/days/{date}/posting          再実行 of one day (queued, 202)
//   POST /api/v1/stores/{code}/posting {from, to}           再実行 of a range (≤ 92 days; closed days only)
//   GET  /api/v1/stores/{code}/days/{date}/deals            what freee holds for the store-day (freee's JSON)
// Every route reads the caller's company only.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { checkActorStore } from '../../../app/report/daily-report.js';
import { parseStatus } from '../../../app/posting/results.js';
import { requireStaff } from '../auth-middleware.js';
import type { AppEnv } from '../context.js';
import { Code, errorResponses, DateParam } from '../schemas.js';
import { requireReportActor } from '../actors.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const dateText = DateParam;
const Settings = z.object({}).passthrough().openapi('PostingSettings', {
  description: 'accountNames, taxCodeNames, methods[], stores[] (docs/posting.md)',
});

const getSettings = createRoute({
  method: 'get',
  path: '/posting/settings',
  summary: 'freee連携の設定(既定値を補ったもの)',
  responses: {
    200: json(z.object({ settings: Settings, stored: z.boolean() }), '設定'),
    ...errorResponses,
  },
});
const putSettings = createRoute({
  method: 'put',
  path: '/posting/settings',
  summary: 'freee連携の設定を保存する(管理者・店長)',
  request: { body: { content: { 'application/json': { schema: Settings } }, required: true } },
  responses: { 200: json(z.object({ settings: Settings }), '保存した設定'), ...errorResponses },
});
const getResults = createRoute({
  method: 'get',
  path: '/posting/results',
  summary: '連携結果: 店舗・営業日ごとの状態と登録した取引',
  request: {
    query: z.object({
      store: Code.optional(),
      from: dateText,
      to: dateText,
      status: z.string().max(32).optional(),
      item: z.string().max(60).optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(z.object({}).passthrough()) }), '連携結果(新しい日付順)'),
    ...errorResponses,
  },
});
const postDay = createRoute({
  method: 'post',
  path: '/stores/{code}/days/{date}/posting',
  summary: '営業日をfreeeへ再送する(再実行)',
  request: { params: z.object({ code: Code, date: dateText }) },
  responses: {
    202: json(z.object({ requested: z.array(z.object({}).passthrough()) }), '受け付けた'),
    ...errorResponses,
  },
});
const postRange = createRoute({
  method: 'post',
  path: '/stores/{code}/posting',
  summary: '期間の営業日をまとめてfreeeへ再送する(最大92日)',
  request: {
    params: z.object({ code: Code }),
    body: {
      content: {
        'application/json': { schema: z.object({ from: dateText, to: dateText }).strict() },
      },
      required: true,
    },
  },
  responses: {
    202: json(z.object({ requested: z.array(z.object({}).passthrough()) }), '受け付けた'),
    ...errorResponses,
  },
});
const getDeals = createRoute({
  method: 'get',
  path: '/stores/{code}/days/{date}/deals',
  summary: 'freeeにある営業日の取引(freeeのJSON)',
  request: { params: z.object({ code: Code, date: dateText }) },
  responses: {
    200: json(
      z.object({ freeeCompanyId: z.number(), deals: z.array(z.object({}).passthrough()) }),
      'freeeの取引',
    ),
    ...errorResponses,
  },
});

export function postingRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(getSettings, async (c) => {
    const principal = requireStaff(c);
    const result = await c.get('app').posting.getPostingSettings(principal.companyId);
    return c.json(result as never, 200);
  });
  api.openapi(putSettings, async (c) => {
    const principal = requireStaff(c, ['admin', 'manager']);
    const settings = await c
      .get('app')
      .posting.savePostingSettings(
        principal.companyId,
        c.req.valid('json'),
        `staff:${principal.staff.code}`,
      );
    return c.json({ settings } as never, 200);
  });
  api.openapi(getResults, async (c) => {
    const principal = requireStaff(c);
    const q = c.req.valid('query');
    const items = await c.get('app').posting.listPostingResults({
      companyId: principal.companyId,
      storeCode: q.store ?? null,
      from: q.from,
      to: q.to,
      status: parseStatus(q.status),
      item: q.item ?? null,
    });
    return c.json({ items } as never, 200);
  });
  api.openapi(postDay, async (c) => {
    const principal = requireStaff(c, ['admin', 'manager']);
    const { code, date } = c.req.valid('param');
    const requested = await c.get('app').posting.requestPosting({
      companyId: principal.companyId,
      storeCode: code,
      from: date,
      to: date,
    });
    return c.json({ requested } as never, 202);
  });
  api.openapi(postRange, async (c) => {
    const principal = requireStaff(c, ['admin', 'manager']);
    const { from, to } = c.req.valid('json');
    const requested = await c.get('app').posting.requestPosting({
      companyId: principal.companyId,
      storeCode: c.req.valid('param').code,
      from,
      to,
    });
    return c.json({ requested } as never, 202);
  });
  api.openapi(getDeals, async (c) => {
    const actor = requireReportActor(c);
    const { code, date } = c.req.valid('param');
    checkActorStore(actor, code);
    const held = await c.get('app').posting.heldDeals(actor.companyId, code, date);
    return c.json(held as never, 200);
  });
}
