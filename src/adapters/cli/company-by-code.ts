// The company a CLI run names by its 企業コード (not found → exit 1 with the Japanese message).
import type { App } from '../../app/app.js';
import { AppError } from '../../app/errors.js';
import type { Company } from '../../app/tenancy/model.js';

export async function companyByCode(app: App, code: string): Promise<Company> {
  const company = await app.tenancy.read.findCompanyByCode(code);
  if (!company)
    throw new AppError(
      'not_found',
      'company_not_found',
      `企業コード ${code} の企業が見つかりません。`,
    );
  return company;
}

/** The freee part of the App; refused where this process has none. */
export function freeeOf(app: App) {
  if (!app.freee)
    throw new AppError(
      'unavailable',
      'freee_unavailable_here',
      'このプロセスではfreee連携が設定されていません。',
    );
  return app.freee;
}
