// GET /api/1/segments/{segment_id}/tags — only segments the 事業所's plan includes.
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { companies, segmentTags } from '../db/schema.js';
import { requireCompany } from '../http/auth.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { badRequest } from '../http/errors.js';
import { updateDateConditions } from '../http/filters.js';
import { parseIntParam, queryPage } from '../http/params.js';
import { presentSegmentTag } from '../present/masters.js';

export function segmentsRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/segments/:segment_id/tags', async (c) => {
    const segmentId = parseIntParam('segment_id', c.req.param('segment_id'), {
      required: true,
      min: 1,
      max: 3,
    }) as number;
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'read');
    const company = (
      await deps.db
        .select({ segments: companies.segmentsAvailable })
        .from(companies)
        .where(eq(companies.id, companyId))
    )[0];
    if (!company || segmentId > company.segments)
      throw badRequest(`セグメント${segmentId}は現在のプランではご利用いただけません。`);
    const page = queryPage(c, 20, 500);
    const rows = await deps.db
      .select()
      .from(segmentTags)
      .where(
        and(
          eq(segmentTags.companyId, companyId),
          eq(segmentTags.segmentId, segmentId),
          ...updateDateConditions(c, segmentTags.updateDate),
        ),
      )
      .orderBy(asc(segmentTags.id))
      .offset(page.offset)
      .limit(page.limit);
    return c.json({ segment_tags: rows.map(presentSegmentTag) });
  });
  return app;
}
