// What the register page (/register) calls with its register token (issue 13 §2–3):
//   GET  /api/v1/register/bootstrap   company, store, payment methods, staff, products, 登録番号
//   POST /api/v1/register/close       閉局 with the register's unsent checkouts (未送信の会計)
//   POST /api/v1/checkouts/{id}/receipts  print its receipt / 領収書 on the store's printer (再発行 counted)
//   GET  /api/v1/checkouts/{id}/receipts  the prints made so far
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
import { checkoutIdLengthMax, type ReceiptActor } from '../../../app/register/receipts.js';

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

const IssueSchema = z.object({
  id: z.string(),
  checkoutId: z.string(),
  revision: z.number().int(),
  kind: z.enum(['receipt', 'formal']),
  count: z.number().int(),
  reissue: z.boolean(),
  addressee: z.string().nullable(),
  note: z.string().nullable(),
  source: z.enum(['register', 'console']),
  requestedBy: z.string(),
  status: z.enum(['printing', 'printed', 'failed']),
  reason: z.string().nullable(),
  printerAddress: z.string().nullable(),
  createdAt: z.string(),
});

const CheckoutParams = z.object({ id: z.string().min(1).max(checkoutIdLengthMax) });

const postReceipt = createRoute({
  method: 'post',
  path: '/checkouts/{id}/receipts',
  summary: '会計のレシート・領収書を店舗のプリンターで印刷する(2回目以降は再発行)',
  request: {
    params: CheckoutParams,
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              kind: z.enum(['receipt', 'formal']).default('receipt'),
              addressee: z.string().max(200).optional(),
              note: z.string().max(200).optional(),
            })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(
      z.object({
        printed: z.boolean(),
        reason: z.string().nullable(),
        issue: IssueSchema,
        receipt: z.record(z.string(), z.unknown()),
      }),
      '印刷の結果(printed=false はプリンターに届かなかった。reason に理由)',
    ),
    ...errorResponses,
  },
});

const getReceipts = createRoute({
  method: 'get',
  path: '/checkouts/{id}/receipts',
  summary: '会計のレシート・領収書の発行履歴',
  request: { params: CheckoutParams },
  responses: {
    200: json(z.object({ items: z.array(IssueSchema) }), '発行履歴(古い順)'),
    ...errorResponses,
  },
});

function receiptActorOf(principal: Principal): ReceiptActor {
  return principal.kind === 'register'
    ? {
        companyId: principal.companyId,
        storeCode: principal.storeCode,
        label: `register:${principal.storeCode}/${principal.registerCode}`,
        source: 'register',
      }
    : { companyId: principal.companyId, label: `staff:${principal.staff.code}`, source: 'console' };
}

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
        store: {
          code: store.code,
          name: store.name,
          timeZone: store.timeZone,
          hasPrinter: store.printer !== null,
        },
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
  receiptRoutes(api);
}

function receiptRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(postReceipt, async (c) => {
    const actor = receiptActorOf(requirePrincipal(c));
    const body = c.req.valid('json');
    const result = await c.get('app').register.issueReceipt(actor, {
      checkoutId: c.req.valid('param').id,
      kind: body.kind,
      addressee: body.addressee,
      note: body.note,
    });
    return c.json(
      {
        printed: result.printed,
        reason: result.reason,
        issue: result.issue,
        receipt: result.receipt as unknown as Record<string, unknown>,
      },
      200,
    );
  });
  api.openapi(getReceipts, async (c) => {
    const actor = receiptActorOf(requirePrincipal(c));
    const items = await c.get('app').register.receiptIssues(actor, c.req.valid('param').id);
    return c.json({ items }, 200);
  });
}
