// uriage staff create|reset-password: a console login for a company that has none (a company
// imported from a day file comes without an admin) and a forgotten password. Each prints a temporary
// password once (it is stored only as a hash); the user sets their own at the first login.
import { parseArgs } from 'node:util';
import { staffRoles, type StaffRole } from '../../../app/tenancy/model.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { companyByCode } from '../company-by-code.js';

const usage = `uriage staff create --company C --code CODE [--name NAME] [--role admin|manager|staff]
uriage staff reset-password --company C --code CODE`;

function passwordLines(company: string, code: string, temporary: string): string {
  return [
    `企業 ${company} / 担当者 ${code}`,
    `仮のパスワード: ${temporary}`,
    'この表示は一度だけです。管理画面(/login)で企業コード・担当者コード・仮のパスワードでログインし、新しいパスワードを設定してください。',
  ].join('\n');
}

export const staffCommand: Command = {
  name: 'staff',
  summary: '管理画面の担当者の作成・仮パスワードの発行 (create staff, reset a password)',
  usage,
  run: async (ctx, argv) => {
    const [sub, ...rest] = argv;
    if (sub !== 'create' && sub !== 'reset-password')
      throw new UsageError(`unknown subcommand: ${sub ?? '(none)'}`);
    const { values } = parseArgs({
      args: rest,
      options: {
        company: { type: 'string' },
        code: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', default: 'admin' },
      },
    });
    if (!values.company || !values.code) throw new UsageError('--company and --code are required');
    if (!(staffRoles as readonly string[]).includes(values.role))
      throw new UsageError('--role must be admin, manager or staff');
    const app = await ctx.app();
    const company = await companyByCode(app, values.company);
    const temporary =
      sub === 'create'
        ? await app.accounts.createStaffWithTemporaryPassword(company.id, {
            code: values.code,
            name: values.name ?? (values.role === 'admin' ? '管理者' : values.code),
            role: values.role as StaffRole,
          })
        : await app.accounts.resetPasswordByAdmin(
            { companyId: company.id, role: 'admin' },
            values.code,
          );
    ctx.out(passwordLines(company.code, values.code, temporary));
    return 0;
  },
};
