// POST /api/1/deals/{id}/payments: settles (part of) an existing deal → 201 {deal}.
// DELETE /api/1/deals/{id}/payments/{payment_id}?company_id=: removes one payment line → 204.
import { Hono } from 'hono';
import { closedPeriodProblem, loadFiscalYears } from '../deals/fiscal.js';
import { paymentParams } from '../deals/input.js';
import { paidYen } from '../deals/read.js';
import { loadReferences } from '../deals/references.js';
import { deletePayment, insertPayment } from '../deals/store.js';
import { paymentProblems, settlementProblems } from '../deals/validate.js';
import { requireCompany } from '../http/auth.js';
import { jsonBody, parseWith } from '../http/body.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { badRequest, notFound } from '../http/errors.js';
import { pathInt } from '../http/params.js';
import { dealResponse, existingDeal } from './deals.js';

export function dealPaymentsRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.post('/deals/:id/payments', async (c) => {
    const body = await jsonBody(c);
    const { companyId } = await requireCompany(
      c,
      deps,
      (body as { company_id?: unknown } | null)?.company_id,
      'write',
    );
    const payment = parseWith(paymentParams, body);
    const record = await existingDeal(deps, companyId, c);
    const wanted = {
      accountItemIds:
        payment.from_walletable_type === 'private_account_item' ? [payment.from_walletable_id] : [],
      itemIds: [],
      sectionIds: [],
      partnerIds: [],
      partnerCodes: [],
      tagIds: [],
      segmentTagIds: [],
    };
    const refs = await loadReferences(deps.db, companyId, wanted);
    const problems = paymentProblems(
      [payment],
      refs,
      await loadFiscalYears(deps.db, companyId),
      '',
    );
    if (problems.length === 0)
      problems.push(
        ...settlementProblems(record.deal.amount, paidYen(record) + payment.amount, false),
      );
    if (problems.length > 0) throw badRequest(...problems);
    await insertPayment(deps.db, deps.clock, record.deal.id, payment);
    return c.json(await dealResponse(deps, companyId, record.deal.id), 201);
  });
  app.delete('/deals/:id/payments/:payment_id', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'write');
    const record = await existingDeal(deps, companyId, c);
    const paymentId = pathInt(c, 'payment_id');
    const line = record.payments.find((p) => p.id === paymentId);
    if (!line) throw notFound('指定した支払行は存在しないか、既に削除されています。');
    const closed = closedPeriodProblem(
      await loadFiscalYears(deps.db, companyId),
      '支払日',
      line.date,
    );
    if (closed) throw badRequest(closed);
    if (!(await deletePayment(deps.db, deps.clock, record.deal.id, paymentId)))
      throw notFound('指定した支払行は存在しないか、既に削除されています。');
    return c.body(null, 204);
  });
  return app;
}
