// What the register page (/register) calls with its register token (issue 13 §2–3):
//   GET  /api/v1/register/bootstrap   company, store, payment methods, staff, products, 登録番号
//   POST /api/v1/register/close       閉局 with the register's unsent checkouts (未送信の会計)
// Checkouts and drawer events go through the ledger's ingest (/checkouts, /drawer-events).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { forbidden, notFound, validationError } from '../../../app/errors.js';
import { CheckoutContract } from '../../../app/ledger/contract.js';
import { fieldErrorsOf } from '../../../app/ledger/field-errors.js';
import type { Checkout } from '../../../domain/ledger/types.js';
import { requireActor } from '../actors.js';
import { requirePrincipal } from '../auth-middleware.js';
import type { AppEnv, Principal } from '../context.js';
import { errorResponses } from '../schemas.js';

export const unsentAtCloseMax = 1000;

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const bootstrap = createRoute({
  method: 'get',
  path: '/register/bootstrap',
  summary: 'レジの起動に必要な設定(商品・支払い方法・担当者・登録番号)',
  responses: { 200: json(z.record(z.string(), z.unknown()), 'レジの設定'), ...errorResponses },
});

const close = createRoute({
  method: 'post',
  path: '/register/close',
  summary: 'レジからの閉局: 未送信の会計を添えて日報を確定する',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            businessDate: z.string(),
            float: z.number().int().min(0),
            countedCash: z.number().int().min(0),
            unsent: z.array(z.unknown()).max(unsentAtCloseMax).default([]),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(z.record(z.string(), z.unknown()), '閉局の結果と日報'),
    ...errorResponses,
  },
});

function registerOf(c: Parameters<typeof requirePrincipal>[0]) {
  const principal: Principal = requirePrincipal(c);
  if (principal.kind !== 'register') throw forbidden('レジのトークンで呼び出してください。');
  return principal;
}

function parsedUnsent(items: readonly unknown[]): Checkout[] {
  return items.map((item, index) => {
    const parsed = CheckoutContract.safeParse(item);
    if (!parsed.success)
      throw validationError(fieldErrorsOf(parsed.error.issues, `unsent[${index}]`));
    return parsed.data;
  });
}

export function registerTillRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(bootstrap, async (c) => {
    const principal = registerOf(c);
    const app = c.get('app');
    const company = await app.tenancy.read.findCompanyById(principal.companyId);
    const store = await app.tenancy.read.findStore(principal.companyId, principal.storeCode);
    if (!company || !store) throw notFound('store', '店舗が見つかりません。');
    const [methods, staff, products, registrationNumber] = await Promise.all([
      app.tenancy.read.listPaymentMethods(principal.companyId),
      app.tenancy.read.listStaff(principal.companyId),
      app.register.listProducts(principal.companyId),
      app.register.registrationNumber(principal.companyId),
    ]);
    return c.json(
      {
        company: { code: company.code, name: company.name, roundingMode: company.roundingMode },
        store: { code: store.code, name: store.name, timeZone: store.timeZone },
        registerCode: principal.registerCode,
        registrationNumber,
        paymentMethods: methods.map(({ code, name, kind, givesChange, settlement }) => ({
          code,
          name,
          kind,
          givesChange,
          settlement,
        })),
        staff: staff.filter((s) => s.active).map(({ code, name }) => ({ code, name })),
        products: products.filter((p) => p.active),
      },
      200,
    );
  });
  api.openapi(close, async (c) => {
    const principal = registerOf(c);
    const body = c.req.valid('json');
    const { close: record, created } = await c.get('app').ledger.closeDay(requireActor(c), {
      storeCode: principal.storeCode,
      businessDate: body.businessDate,
      float: body.float,
      countedCash: body.countedCash,
      unsent: parsedUnsent(body.unsent),
    });
    return c.json(
      {
        created,
        version: record.version,
        expectedCash: record.expectedCashYen,
        difference: record.differenceYen,
        report: record.report as unknown as Record<string, unknown>,
      },
      200,
    );
  });
}
