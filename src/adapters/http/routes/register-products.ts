// /api/v1/products (商品マスター, issue 13 §1) and /api/v1/company/registration-number (登録番号).
// A paired register reads the products; staff (admin, manager) write them. PUT is keyed by code.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { notFound } from '../../../app/errors.js';
import { requirePrincipal, requireStaff } from '../auth-middleware.js';
import type { AppEnv } from '../context.js';
import { errorResponses } from '../schemas.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const TaxCategory = z.enum(['standard10', 'reduced8', 'exempt', 'nonSales']);
const ProductBody = z.object({
  name: z.string().min(1).max(200),
  priceYen: z.number().int().min(0).max(100_000_000),
  priceMode: z.enum(['inclusive', 'exclusive']).default('inclusive'),
  taxCategory: TaxCategory,
  category: z.string().max(50).default(''),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
  active: z.boolean().default(true),
});
const ProductSchema = ProductBody.extend({
  code: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
const SaveResult = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
const CodeParam = z.object({ code: z.string().regex(/^[0-9A-Za-z_.-]{1,32}$/) });

const listProducts = createRoute({
  method: 'get',
  path: '/products',
  responses: {
    200: json(z.object({ items: z.array(ProductSchema) }), '商品一覧'),
    ...errorResponses,
  },
});
const putProduct = createRoute({
  method: 'put',
  path: '/products/{code}',
  request: {
    params: CodeParam,
    body: { content: { 'application/json': { schema: ProductBody } }, required: true },
  },
  responses: { 200: json(SaveResult, '保存結果'), ...errorResponses },
});
const productHistory = createRoute({
  method: 'get',
  path: '/products/{code}/history',
  request: { params: CodeParam },
  responses: {
    200: json(z.object({ items: z.array(z.record(z.string(), z.unknown())) }), '変更履歴'),
    ...errorResponses,
  },
});
const getRegistration = createRoute({
  method: 'get',
  path: '/company/registration-number',
  responses: {
    200: json(z.object({ registrationNumber: z.string().nullable() }), '登録番号'),
    ...errorResponses,
  },
});
const putRegistration = createRoute({
  method: 'put',
  path: '/company/registration-number',
  request: {
    body: {
      content: {
        'application/json': { schema: z.object({ registrationNumber: z.string().max(40) }) },
      },
      required: true,
    },
  },
  responses: {
    200: json(
      z.object({ registrationNumber: z.string().nullable(), warning: z.string().nullable() }),
      '保存した登録番号',
    ),
    ...errorResponses,
  },
});

export function registerProductRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(listProducts, async (c) => {
    const principal = requirePrincipal(c);
    return c.json({ items: await c.get('app').register.listProducts(principal.companyId) }, 200);
  });
  api.openapi(putProduct, async (c) => {
    const principal = requireStaff(c, ['admin', 'manager']);
    const input = { code: c.req.valid('param').code, ...c.req.valid('json') };
    return c.json(await c.get('app').register.saveProducts(principal.companyId, [input]), 200);
  });
  api.openapi(productHistory, async (c) => {
    const principal = requireStaff(c, ['admin', 'manager']);
    const code = c.req.valid('param').code;
    const items = await c.get('app').register.productHistory(principal.companyId, code);
    if (items === null) throw notFound('product', `商品コード ${code} の商品はありません。`);
    return c.json({ items }, 200);
  });
  api.openapi(getRegistration, async (c) => {
    const principal = requirePrincipal(c);
    const value = await c.get('app').register.registrationNumber(principal.companyId);
    return c.json({ registrationNumber: value }, 200);
  });
  api.openapi(putRegistration, async (c) => {
    const principal = requireStaff(c, ['admin']);
    const { registrationNumber } = c.req.valid('json');
    return c.json(
      await c.get('app').register.setRegistrationNumber(principal.companyId, registrationNumber),
      200,
    );
  });
}
