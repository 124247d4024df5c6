// /api/v1/stores and register tokens.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { notFound } from '../../../app/errors.js';
import type { Store } from '../../../app/tenancy/model.js';
import { requirePrincipal, requireStaff } from '../auth-middleware.js';
import type { AppEnv } from '../context.js';
import { Code, errorResponses, StoreInputSchema, StoreSchema } from '../schemas.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const listStores = createRoute({
  method: 'get',
  path: '/stores',
  responses: {
    200: json(z.object({ items: z.array(StoreSchema) }), '店舗一覧'),
    ...errorResponses,
  },
});
const getStore = createRoute({
  method: 'get',
  path: '/stores/{code}',
  request: { params: z.object({ code: Code }) },
  responses: { 200: json(StoreSchema, '店舗'), ...errorResponses },
});
const putStore = createRoute({
  method: 'put',
  path: '/stores/{code}',
  request: {
    params: z.object({ code: Code }),
    body: { content: { 'application/json': { schema: StoreInputSchema } }, required: true },
  },
  responses: { 200: json(StoreSchema, '保存した店舗'), ...errorResponses },
});
const postToken = createRoute({
  method: 'post',
  path: '/stores/{code}/registers/{registerCode}/tokens',
  request: {
    params: z.object({ code: Code, registerCode: Code }),
    body: {
      content: {
        'application/json': { schema: z.object({ label: z.string().max(100).optional() }) },
      },
      required: false,
    },
  },
  responses: {
    201: json(z.object({ token: z.string() }), '発行したAPIトークン(一度だけ表示)'),
    ...errorResponses,
  },
});

export const publicStore = (s: Store) => ({
  code: s.code,
  name: s.name,
  timeZone: s.timeZone,
  registers: s.registers,
  reportSettings: s.reportSettings,
  printer: s.printer,
});

export function storeRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(listStores, async (c) => {
    const principal = requirePrincipal(c);
    const stores = await c.get('app').tenancy.read.listStores(principal.companyId);
    return c.json({ items: stores.map(publicStore) }, 200);
  });
  api.openapi(getStore, async (c) => {
    const principal = requirePrincipal(c);
    const store = await c
      .get('app')
      .tenancy.read.findStore(principal.companyId, c.req.valid('param').code);
    if (!store) throw notFound('store', '店舗が見つかりません。');
    return c.json(publicStore(store), 200);
  });
  api.openapi(putStore, async (c) => {
    const principal = requireStaff(c, ['admin', 'manager']);
    const store = await c.get('app').tenancy.saveStore(principal.companyId, {
      ...c.req.valid('json'),
      code: c.req.valid('param').code,
    });
    return c.json(publicStore(store), 200);
  });
  api.openapi(postToken, async (c) => {
    const principal = requireStaff(c, ['admin']);
    const { code, registerCode } = c.req.valid('param');
    const body = c.req.valid('json') as { label?: string } | undefined;
    const token = await c.get('app').auth.createRegisterToken({
      companyId: principal.companyId,
      storeCode: code,
      registerCode,
      ...(body?.label ? { label: body.label } : {}),
    });
    return c.json({ token }, 201);
  });
}
