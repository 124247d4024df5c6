// POST/GET /api/1/deals, GET/PUT/DELETE /api/1/deals/{id} (取引).
import { Hono, type Context } from 'hono';
import { checkDeal, paymentProblems, settlementProblems, wantedBy } from '../deals/validate.js';
import { dealCreateParams, dealUpdateParams } from '../deals/input.js';
import { closedPeriodProblem, loadFiscalYears } from '../deals/fiscal.js';
import { dealFilter, findDealIds } from '../deals/list.js';
import {
  loadDeal,
  loadDeals,
  lookupsFor,
  paidYen,
  presentDeal,
  type DealRecord,
} from '../deals/read.js';
import { loadReferences } from '../deals/references.js';
import { deleteDeal, detailIdsOf, insertDeal, updateDeal } from '../deals/store.js';
import { requireCompany } from '../http/auth.js';
import { jsonBody, parseWith } from '../http/body.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { badRequest, notFound } from '../http/errors.js';
import { pathInt, queryEnum } from '../http/params.js';

const companyIdIn = (body: unknown): unknown =>
  (body as { company_id?: unknown } | null)?.company_id;

export async function dealResponse(
  deps: SandboxDeps,
  companyId: number,
  id: number,
  accruals = false,
) {
  const record = await loadDeal(deps.db, companyId, id);
  if (!record) throw notFound();
  return {
    deal: presentDeal(record, await lookupsFor(deps.db, companyId, [record]), {
      list: false,
      accruals,
    }),
  };
}

export async function existingDeal(
  deps: SandboxDeps,
  companyId: number,
  c: Context,
): Promise<DealRecord> {
  const record = await loadDeal(deps.db, companyId, pathInt(c, 'id'));
  if (!record) throw notFound('指定した取引は存在しないか、既に削除されています。');
  return record;
}

export function dealsRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.post('/deals', (c) => createDeal(deps, c));
  app.get('/deals', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'read');
    const filter = dealFilter(c, companyId);
    const { ids, totalCount } = await findDealIds(deps.db, filter);
    const records = await loadDeals(deps.db, companyId, ids);
    const lookups = await lookupsFor(deps.db, companyId, records);
    return c.json({
      deals: records.map((r) => presentDeal(r, lookups, { list: true, accruals: filter.accruals })),
      meta: { total_count: totalCount },
    });
  });
  app.get('/deals/:id', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'read');
    const accruals = queryEnum(c, 'accruals', ['without', 'with'] as const) === 'with';
    const record = await existingDeal(deps, companyId, c);
    return c.json(await dealResponse(deps, companyId, record.deal.id, accruals));
  });
  app.put('/deals/:id', (c) => replaceDeal(deps, c));
  app.delete('/deals/:id', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'write');
    const record = await existingDeal(deps, companyId, c);
    const closed = closedPeriodProblem(
      await loadFiscalYears(deps.db, companyId),
      '発生日',
      record.deal.issueDate,
    );
    if (closed) throw badRequest(closed);
    await deleteDeal(deps.db, record.deal.id);
    return c.body(null, 204);
  });
  return app;
}

/** POST /deals: checked against the company's references and fiscal years, then inserted. */
async function createDeal(deps: SandboxDeps, c: Context<SandboxEnv>): Promise<Response> {
  const body = await jsonBody(c);
  const { companyId } = await requireCompany(c, deps, companyIdIn(body), 'write');
  const input = parseWith(dealCreateParams, body);
  const payments = input.payments ?? [];
  const refs = await loadReferences(deps.db, companyId, wantedBy(input, payments));
  const years = await loadFiscalYears(deps.db, companyId);
  const checked = checkDeal(input, refs, years);
  const problems = [...checked.problems, ...paymentProblems(payments, refs, years)];
  if (problems.length === 0)
    problems.push(
      ...settlementProblems(
        checked.deal.amount,
        payments.reduce((s, p) => s + p.amount, 0),
        checked.hasCashLine,
      ),
    );
  if (problems.length > 0) throw badRequest(...problems);
  const id = await insertDeal(deps.db, deps.clock, companyId, checked.deal, payments);
  return c.json(await dealResponse(deps, companyId, id), 201);
}

/** PUT /deals/{id}: same type, open period, its own detail ids; then checked like a new deal. */
async function replaceDeal(deps: SandboxDeps, c: Context<SandboxEnv>): Promise<Response> {
  const body = await jsonBody(c);
  const { companyId } = await requireCompany(c, deps, companyIdIn(body), 'write');
  const input = parseWith(dealUpdateParams, body);
  const record = await existingDeal(deps, companyId, c);
  const years = await loadFiscalYears(deps.db, companyId);
  const problems: string[] = [];
  if (input.type !== record.deal.type)
    problems.push('収支区分（type）は変更できません。取引を削除してから作成し直してください。');
  const closed = closedPeriodProblem(years, '変更前の発生日', record.deal.issueDate);
  if (closed) problems.push(closed);
  const lineIds = input.details.flatMap((d) => (d.id === undefined ? [] : [d.id]));
  const known = await detailIdsOf(deps.db, record.deal.id, lineIds);
  input.details.forEach(
    (d, i) =>
      d.id !== undefined &&
      !known.has(d.id) &&
      problems.push(`details[${i}].id はこの取引の取引行ではありません。`),
  );
  const checked = checkDeal(
    input,
    await loadReferences(deps.db, companyId, wantedBy(input, [])),
    years,
  );
  problems.push(...checked.problems);
  if (problems.length === 0)
    problems.push(...settlementProblems(checked.deal.amount, paidYen(record), checked.hasCashLine));
  if (problems.length > 0) throw badRequest(...problems);
  await updateDeal(deps.db, deps.clock, record.deal.id, checked.deal);
  return c.json(await dealResponse(deps, companyId, record.deal.id));
}
