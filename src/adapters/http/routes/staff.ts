// /api/v1/staff.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { requireStaff, sessionCookieName } from '../auth-middleware.js';
import type { AppEnv } from '../context.js';
import { Code, errorResponses, StaffSchema } from '../schemas.js';
import { publicStaff } from './company.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const Role = z.enum(['admin', 'manager', 'staff']);

const listStaff = createRoute({
  method: 'get',
  path: '/staff',
  responses: {
    200: json(z.object({ items: z.array(StaffSchema) }), '担当者一覧'),
    ...errorResponses,
  },
});
const postStaff = createRoute({
  method: 'post',
  path: '/staff',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            code: Code,
            name: z.string().min(1).max(100),
            role: Role,
            password: z.string().min(8).max(200),
          }),
        },
      },
      required: true,
    },
  },
  responses: { 201: json(StaffSchema, '作成した担当者'), ...errorResponses },
});
const patchStaff = createRoute({
  method: 'patch',
  path: '/staff/{code}',
  request: {
    params: z.object({ code: Code }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().min(1).max(100),
            role: Role,
            active: z.boolean(),
            password: z.string().min(8).max(200).optional(),
          }),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(StaffSchema, '更新した担当者'), ...errorResponses },
});

export function staffRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(listStaff, async (c) => {
    const principal = requireStaff(c, ['admin', 'manager']);
    const items = await c.get('app').tenancy.read.listStaff(principal.companyId);
    return c.json({ items: items.map(publicStaff) }, 200);
  });
  api.openapi(postStaff, async (c) => {
    const principal = requireStaff(c, ['admin']);
    const member = await c.get('app').tenancy.createStaff(principal.companyId, c.req.valid('json'));
    return c.json(publicStaff(member), 201);
  });
  api.openapi(patchStaff, async (c) => {
    const principal = requireStaff(c, ['admin']);
    const member = await c
      .get('app')
      .tenancy.updateStaff(
        principal.companyId,
        c.req.valid('param').code,
        c.req.valid('json'),
        getCookie(c, sessionCookieName),
      );
    return c.json(publicStaff(member), 200);
  });
}
