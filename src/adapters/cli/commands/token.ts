// uriage token create: a register API token (printed once; only its hash is stored).
import { parseArgs } from 'node:util';
import { AppError } from '../../../app/errors.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { formatOption, outputFormatOf, printResult } from '../output.js';

export const tokenCommand: Command = {
  name: 'token',
  summary: '端末用APIトークンの発行 (issue a register API token)',
  usage:
    'uriage token create --company C --store S --register R [--label TEXT] [--format text|json]',
  run: async (ctx, argv) => {
    const [sub, ...rest] = argv;
    if (sub !== 'create') throw new UsageError(`unknown subcommand: ${sub ?? '(none)'}`);
    const { values } = parseArgs({
      args: rest,
      options: {
        company: { type: 'string' },
        store: { type: 'string' },
        register: { type: 'string' },
        label: { type: 'string' },
        ...formatOption,
      },
    });
    const format = outputFormatOf(values.format, 'text');
    if (!values.company || !values.store || !values.register)
      throw new UsageError('--company, --store and --register are required');
    const services = await ctx.app();
    const company = await services.tenancy.read.findCompanyByCode(values.company);
    if (!company)
      throw new AppError(
        'not_found',
        'company_not_found',
        `企業コード ${values.company} の企業が見つかりません。`,
      );
    const token = await services.auth.createRegisterToken({
      companyId: company.id,
      storeCode: values.store,
      registerCode: values.register,
      ...(values.label ? { label: values.label } : {}),
    });
    printResult(ctx, format, { token }, (t) => [t.token]);
    return 0;
  },
};
