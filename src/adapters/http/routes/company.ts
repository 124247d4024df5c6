// /api/v1/me, /api/v1/company, /api/v1/payment-methods.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { notFound } from '../../../app/errors.js';
import { requirePrincipal, requireStaff } from '../auth-middleware.js';
import type { AppEnv } from '../context.js';
import {
  Code,
  CompanySchema,
  errorResponses,
  PaymentMethodSchema,
  StaffSchema,
} from '../schemas.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const getMe = createRoute({
  method: 'get',
  path: '/me',
  responses: {
    200: json(
      z.object({
        company: CompanySchema,
        staff: StaffSchema.nullable(),
        register: z.object({ storeCode: z.string(), registerCode: z.string() }).nullable(),
      }),
      'ログイン中の主体',
    ),
    ...errorResponses,
  },
});

const getCompany = createRoute({
  method: 'get',
  path: '/company',
  responses: { 200: json(CompanySchema, '企業'), ...errorResponses },
});

const putCompany = createRoute({
  method: 'put',
  path: '/company',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().min(1).max(100),
            roundingMode: CompanySchema.shape.roundingMode,
          }),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(CompanySchema, '更新した企業'), ...errorResponses },
});

const listMethods = createRoute({
  method: 'get',
  path: '/payment-methods',
  responses: {
    200: json(z.object({ items: z.array(PaymentMethodSchema) }), '支払い方法'),
    ...errorResponses,
  },
});

const putMethod = createRoute({
  method: 'put',
  path: '/payment-methods/{code}',
  request: {
    params: z.object({ code: Code }),
    body: {
      content: { 'application/json': { schema: PaymentMethodSchema.omit({ code: true }) } },
      required: true,
    },
  },
  responses: { 200: json(PaymentMethodSchema, '保存した支払い方法'), ...errorResponses },
});

export function companyRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(getMe, async (c) => {
    const principal = requirePrincipal(c);
    const company = await c.get('app').tenancy.read.findCompanyById(principal.companyId);
    if (!company) throw notFound('company', '企業が見つかりません。');
    const staff = principal.kind === 'staff' ? principal.staff : null;
    const register =
      principal.kind === 'register'
        ? { storeCode: principal.storeCode, registerCode: principal.registerCode }
        : null;
    return c.json(
      { company: publicCompany(company), staff: staff && publicStaff(staff), register },
      200,
    );
  });
  api.openapi(getCompany, async (c) => {
    const principal = requirePrincipal(c);
    const company = await c.get('app').tenancy.read.findCompanyById(principal.companyId);
    if (!company) throw notFound('company', '企業が見つかりません。');
    return c.json(publicCompany(company), 200);
  });
  api.openapi(putCompany, async (c) => {
    const principal = requireStaff(c, ['admin']);
    const company = await c
      .get('app')
      .tenancy.updateCompanySettings(principal.companyId, c.req.valid('json'));
    return c.json(publicCompany(company), 200);
  });
  api.openapi(listMethods, async (c) => {
    const principal = requirePrincipal(c);
    const items = await c.get('app').tenancy.read.listPaymentMethods(principal.companyId);
    return c.json({ items: items.map(({ id: _id, ...m }) => m) }, 200);
  });
  api.openapi(putMethod, async (c) => {
    const principal = requireStaff(c, ['admin']);
    const saved = await c.get('app').tenancy.savePaymentMethod(principal.companyId, {
      ...c.req.valid('json'),
      code: c.req.valid('param').code,
    });
    const { id: _id, ...method } = saved;
    return c.json(method, 200);
  });
}

export const publicCompany = (company: {
  code: string;
  name: string;
  roundingMode: 'floor' | 'half-up' | 'ceil';
}) => ({
  code: company.code,
  name: company.name,
  roundingMode: company.roundingMode,
});

export const publicStaff = (staff: {
  code: string;
  name: string;
  role: 'admin' | 'manager' | 'staff';
  active: boolean;
}) => ({
  code: staff.code,
  name: staff.name,
  role: staff.role,
  active: staff.active,
});
