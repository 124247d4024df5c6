// The 日報 API (issue 4; docs/report.md):
//   GET  /api/v1/stores/{code}/days/{date}/report          the DailyReport (JSON, every figure)
//   GET  /api/v1/stores/{code}/days/{date}/report.svg      printer-faithful preview (receiptline SVG)
//   GET  /api/v1/stores/{code}/days/{date}/report.txt      the same as text (?cpl=32|48…)
//   GET  /api/v1/stores/{code}/reports?from=D1&to=D2        one report per day, at most 92 days
//   POST /api/v1/stores/{code}/days/{date}/print           { version? } → a print job (queued)
//   GET  /api/v1/stores/{code}/days/{date}/print-jobs      the day's print jobs, newest first
//   GET|PUT /api/v1/stores/{code}/report-settings          title, hourly, tax breakdowns
// Every route reads the caller's company only: another company's store is 404.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { checkActorStore } from '../../../app/report/daily-report.js';
import { reportCpl, type PrintFormat } from '../../../app/report/rendering.js';
import { requireStaff } from '../auth-middleware.js';
import type { AppEnv } from '../context.js';
import { Code, errorResponses, ReportSettingsSchema, DateParam } from '../schemas.js';
import { requireReportActor } from '../actors.js';
import { DailyReportSchema, PrintJobSchema, publicPrintJob } from './report-schemas.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const dateText = DateParam;
const DayParams = z.object({ code: Code, date: dateText });
const StoreParams = z.object({ code: Code });

const getReport = createRoute({
  method: 'get',
  path: '/stores/{code}/days/{date}/report',
  summary: '日報(店舗・営業日): 設定に関係なくすべての数値',
  request: { params: DayParams },
  responses: { 200: json(DailyReportSchema, '日報'), ...errorResponses },
});

const previewQuery = z.object({
  cpl: z.coerce
    .number()
    .int()
    .min(reportCpl.min)
    .max(reportCpl.max)
    .optional()
    .openapi({ description: '1行の文字数(既定48 = 80mm紙、58mm紙は32)' }),
});

const previewRoute = (format: 'svg' | 'txt', contentType: string, summary: string) =>
  createRoute({
    method: 'get',
    path: `/stores/{code}/days/{date}/report.${format}`,
    summary,
    request: { params: DayParams, query: previewQuery },
    responses: {
      200: { description: summary, content: { [contentType]: { schema: z.string() } } },
      ...errorResponses,
    },
  });

const getReportSvg = previewRoute(
  'svg',
  'image/svg+xml',
  '日報の印刷プレビュー(SVG、プリンターと同じ文書)',
);
const getReportText = previewRoute('txt', 'text/plain', '日報の印刷プレビュー(テキスト)');

const getReports = createRoute({
  method: 'get',
  path: '/stores/{code}/reports',
  summary: '期間の日報(1日1件、最大92日)',
  request: { params: StoreParams, query: z.object({ from: dateText, to: dateText }) },
  responses: {
    200: json(z.object({ items: z.array(DailyReportSchema) }), '日報(古い順)'),
    ...errorResponses,
  },
});

const postPrint = createRoute({
  method: 'post',
  path: '/stores/{code}/days/{date}/print',
  summary: '日報を店舗のプリンターで印刷する(印刷ジョブを登録。Idempotency-Key 可)',
  request: {
    params: DayParams,
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              version: z
                .number()
                .int()
                .min(1)
                .optional()
                .openapi({ description: '閉局の版(省略時は現在の日報)' }),
            })
            .strict(),
        },
      },
      required: false,
    },
  },
  responses: {
    202: json(
      z.object({ created: z.literal(true), printJob: PrintJobSchema }),
      '印刷ジョブを登録した',
    ),
    200: json(
      z.object({ created: z.literal(false), printJob: PrintJobSchema }),
      '同じ日報の印刷ジョブが処理待ち(それを返す)',
    ),
    ...errorResponses,
    503: json(
      z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
      '印刷キューが動いていない',
    ),
  },
});

const getPrintJobs = createRoute({
  method: 'get',
  path: '/stores/{code}/days/{date}/print-jobs',
  summary: '営業日の印刷ジョブ(新しい順): 状態と失敗の理由',
  request: { params: DayParams },
  responses: {
    200: json(z.object({ items: z.array(PrintJobSchema) }), '印刷ジョブ'),
    ...errorResponses,
  },
});

const getSettings = createRoute({
  method: 'get',
  path: '/stores/{code}/report-settings',
  summary: '店舗の日報の設定(未設定なら既定値)',
  request: { params: StoreParams },
  responses: { 200: json(ReportSettingsSchema, '日報の設定'), ...errorResponses },
});

const putSettings = createRoute({
  method: 'put',
  path: '/stores/{code}/report-settings',
  summary: '店舗の日報の設定を保存する(開始0〜23時、終了は開始〜29時)',
  request: {
    params: StoreParams,
    body: { content: { 'application/json': { schema: ReportSettingsSchema } }, required: true },
  },
  responses: { 200: json(ReportSettingsSchema, '保存した日報の設定'), ...errorResponses },
});

async function preview(
  c: Context<AppEnv>,
  format: PrintFormat,
  params: { code: string; date: string },
  cpl: number | undefined,
): Promise<Response> {
  const view = await c.get('app').report.getDailyReport(requireReportActor(c), {
    storeCode: params.code,
    businessDate: params.date,
  });
  const rendered = c.get('app').report.rendering.render(view.report, view.settings, format, {
    cpl: cpl ?? reportCpl.default,
  });
  return c.body(new Uint8Array(rendered.bytes), 200, {
    'content-type': rendered.contentType,
    'cache-control': 'no-store',
  });
}

export function reportRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openapi(getReport, async (c) => {
    const { code, date } = c.req.valid('param');
    const view = await c.get('app').report.getDailyReport(requireReportActor(c), {
      storeCode: code,
      businessDate: date,
    });
    return c.json(view.report, 200);
  });
  api.openapi(
    getReportSvg,
    (c) => preview(c, 'svg', c.req.valid('param'), c.req.valid('query').cpl) as never,
  );
  api.openapi(
    getReportText,
    (c) => preview(c, 'text', c.req.valid('param'), c.req.valid('query').cpl) as never,
  );
  api.openapi(getReports, async (c) => {
    const { from, to } = c.req.valid('query');
    const views = await c.get('app').report.getDailyReports(requireReportActor(c), {
      storeCode: c.req.valid('param').code,
      from,
      to,
    });
    return c.json({ items: views.map((view) => view.report) }, 200);
  });
  api.openapi(postPrint, async (c) => {
    const { code, date } = c.req.valid('param');
    const body = (c.req.valid('json') as { version?: number } | undefined) ?? {};
    const actor = requireReportActor(c);
    const { job, created } = await c.get('app').report.requestPrint(actor, {
      storeCode: code,
      businessDate: date,
      version: body.version,
      source: 'api',
    });
    return created
      ? c.json({ created: true as const, printJob: publicPrintJob(job) }, 202)
      : c.json({ created: false as const, printJob: publicPrintJob(job) }, 200);
  });
  api.openapi(getPrintJobs, async (c) => {
    const { code, date } = c.req.valid('param');
    const jobs = await c.get('app').report.listPrintJobs(requireReportActor(c), {
      storeCode: code,
      businessDate: date,
    });
    return c.json({ items: jobs.map(publicPrintJob) }, 200);
  });
  api.openapi(getSettings, async (c) => {
    const actor = requireReportActor(c);
    checkActorStore(actor, c.req.valid('param').code);
    const { settings } = await c
      .get('app')
      .report.getReportSettings(actor.companyId, c.req.valid('param').code);
    return c.json(settings, 200);
  });
  api.openapi(putSettings, async (c) => {
    const principal = requireStaff(c, ['admin', 'manager']);
    const settings = await c
      .get('app')
      .report.saveReportSettings(
        principal.companyId,
        c.req.valid('param').code,
        c.req.valid('json'),
      );
    return c.json(settings, 200);
  });
}
