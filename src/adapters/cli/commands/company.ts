// uriage company create|show
import { parseArgs } from 'node:util';
import { AppError } from '../../../app/errors.js';
import type { RoundingMode } from '../../../domain/money/rounding-mode.js';
import { demoPaymentMethods } from '../../../app/tenancy/demo.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { fields, formatOption, outputFormatOf, printResult, table } from '../output.js';

const usage = `uriage company create --code C --name NAME [--rounding floor|half-up|ceil] [--store CODE --store-name NAME]
                      [--admin-code admin --admin-password PASSWORD] [--format json|text]
uriage company show --company C [--format json|text]
(JSON by default: the documented output of these two)`;

export const companyCommand: Command = {
  name: 'company',
  summary: '企業の作成・表示 (create or show a company)',
  usage,
  run: async (ctx, argv) => {
    const [sub, ...rest] = argv;
    if (sub === 'create') return create(ctx, rest);
    if (sub === 'show') return show(ctx, rest);
    throw new UsageError(`unknown subcommand: ${sub ?? '(none)'}`);
  },
};

async function create(ctx: Parameters<Command['run']>[0], argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      rounding: { type: 'string', default: 'floor' },
      store: { type: 'string', default: '0001' },
      'store-name': { type: 'string' },
      'admin-code': { type: 'string' },
      'admin-password': { type: 'string' },
      ...formatOption,
    },
  });
  const format = outputFormatOf(values.format, 'json');
  if (!values.code || !values.name) throw new UsageError('--code and --name are required');
  const services = await ctx.app();
  const admin =
    values['admin-code'] && values['admin-password']
      ? { code: values['admin-code'], name: '管理者', password: values['admin-password'] }
      : undefined;
  const result = await services.tenancy.saveCompany({
    code: values.code,
    name: values.name,
    roundingMode: values.rounding as RoundingMode,
    paymentMethods: demoPaymentMethods,
    stores: [
      {
        code: values.store,
        name: values['store-name'] ?? `店舗${values.store}`,
        timeZone: 'Asia/Tokyo',
        registers: ['01'],
      },
    ],
    ...(admin ? { admin } : {}),
  });
  printResult(
    ctx,
    format,
    {
      created: result.created,
      company: {
        code: result.company.code,
        name: result.company.name,
        roundingMode: result.company.roundingMode,
      },
    },
    (r) => [
      `${r.created ? '作成しました' : '更新しました'}: ${r.company.code} ${r.company.name}(端数処理 ${r.company.roundingMode})`,
    ],
  );
  return 0;
}

async function show(ctx: Parameters<Command['run']>[0], argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { company: { type: 'string' }, ...formatOption },
  });
  if (!values.company) throw new UsageError('--company is required');
  const format = outputFormatOf(values.format, 'json');
  const services = await ctx.app();
  const company = await services.tenancy.read.findCompanyByCode(values.company);
  if (!company)
    throw new AppError(
      'not_found',
      'company_not_found',
      `企業コード ${values.company} の企業が見つかりません。`,
    );
  const [stores, methods, staff] = await Promise.all([
    services.tenancy.read.listStores(company.id),
    services.tenancy.read.listPaymentMethods(company.id),
    services.tenancy.read.listStaff(company.id),
  ]);
  const shown = {
    code: company.code,
    name: company.name,
    roundingMode: company.roundingMode,
    stores: stores.map(({ id: _id, companyId: _c, ...s }) => s),
    paymentMethods: methods.map(({ id: _id, ...m }) => m),
    staff: staff.map((s) => ({ code: s.code, name: s.name, role: s.role, active: s.active })),
  };
  printResult(ctx, format, shown, (c) => [
    ...fields([
      ['企業コード', c.code],
      ['企業名', c.name],
      ['端数処理', c.roundingMode],
    ]),
    '',
    '店舗:',
    ...table(
      ['コード', '名前', 'タイムゾーン'],
      stores.map((s) => [s.code, s.name, s.timeZone]),
    ),
    '',
    '支払方法:',
    ...table(
      ['コード', '名前', '種類'],
      methods.map((m) => [m.code, m.name, m.kind]),
    ),
    '',
    'スタッフ:',
    ...table(
      ['コード', '名前', '権限', '有効'],
      c.staff.map((s) => [s.code, s.name, s.role, s.active]),
    ),
  ]);
  return 0;
}
