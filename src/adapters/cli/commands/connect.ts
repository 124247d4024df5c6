// uriage connect --company C --sandbox [--store S …]: creates a sandbox 事業所 and connects the
// company's stores to it through the real OAuth flow (state, PKCE, consent, callback, 登録),
// without a browser. Real freee needs a person at freee's login page: use the console.
import { parseArgs } from 'node:util';
import { validationError } from '../../../app/errors.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { formatOption, outputFormatOf, printResult } from '../output.js';
import { storeStatusJson, storeStatusLines } from './connections.js';
import { companyByCode, freeeOf } from '../company-by-code.js';

export const connectCommand: Command = {
  name: 'connect',
  summary:
    '店舗をfreeeサンドボックスの事業所に連携する (connect stores to a new freee sandbox company)',
  usage:
    'uriage connect --company C --sandbox [--store S]... [--name 事業所名] [--format text|json]',
  run: async (ctx, argv) => {
    const { values } = parseArgs({
      args: argv,
      options: {
        company: { type: 'string' },
        sandbox: { type: 'boolean', default: false },
        store: { type: 'string', multiple: true },
        name: { type: 'string' },
        ...formatOption,
      },
    });
    const format = outputFormatOf(values.format, 'text');
    if (!values.company) throw new UsageError('--company is required');
    if (!values.sandbox)
      throw new UsageError(
        'only --sandbox connects without a browser; for real freee use the console: 運用管理 > 運用管理設定 > freee連携',
      );
    const app = await ctx.app({ sandbox: true });
    const company = await companyByCode(app, values.company);
    const freee = freeeOf(app);
    {
      const stores = await freee.listStoreStatuses(company.id);
      const wanted = values.store ?? stores.map((s) => s.storeCode);
      const unknown = wanted.filter((code) => !stores.some((s) => s.storeCode === code));
      if (unknown.length > 0)
        throw validationError(
          unknown.map((code) => ({
            path: 'store',
            code: 'unknown_store',
            message: `店舗コード ${code} の店舗が見つかりません。`,
          })),
        );
      const storeIds = stores.filter((s) => wanted.includes(s.storeCode)).map((s) => s.storeId);
      if (!freee.connectNewSandboxCompany)
        throw new UsageError('the freee sandbox is not available in this process');
      const { freeeCompanyId, signIn } = await freee.connectNewSandboxCompany({
        companyId: company.id,
        staffId: null,
        storeIds,
        sandboxCompanyName: values.name ?? `${company.name}(サンドボックス)`,
      });
      const rows = await freee.listStoreStatuses(company.id);
      printResult(
        ctx,
        format,
        { freeeCompanyId, sandboxSignIn: signIn ?? null, stores: storeStatusJson(rows) },
        (r) => [
          `freeeサンドボックスの事業所 ${r.freeeCompanyId} に連携しました。`,
          ...(r.sandboxSignIn
            ? [
                `サンドボックスのログイン（連携開始で使います）: メールアドレス: ${r.sandboxSignIn.email}  パスワード: ${r.sandboxSignIn.password}`,
              ]
            : []),
          ...storeStatusLines(rows),
        ],
      );
      return 0;
    }
  },
};
