// 運用管理 > freee連携 > 取引の送信設定: the company's posting mappings (posting.md "Mappings"):
// account items and tax codes by role, per payment method the 品目, the settlement partner (取引先)
// and the settlement schedule (入金サイクル), per store the 部門 and the cash 口座. Every value is a
// freee name resolved when a day is sent; empty = the default. Admins and managers save; field errors
// are shown next to their field and nothing is written.
import type { Context, Hono } from 'hono';
import { forbidden } from '../../../app/errors.js';
import type { PostingSettingsDocument } from '../../../app/posting/settings.js';
import { accountRoles, taxRoles } from '../../../domain/posting/mappings.js';
import type { SettlementSchedule } from '../../../domain/posting/settlement-schedule.js';
import type { PaymentMethod } from '../../../domain/ledger/types.js';
import type { AppEnv } from '../../http/context.js';
import { consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';
import { postingSettingsPath, SettingsPage } from './posting-settings-form.js';

export { postingSettingsPath };

const nullIfEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? null : value.trim();
const dayOf = (value: string | undefined): unknown =>
  value?.trim() === 'end' || value?.trim() === '末' ? 'end' : numberOf(value);
const numberOf = (value: string | undefined): unknown =>
  value !== undefined && /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : value;

function scheduleOf(
  form: Record<string, string>,
  code: string,
  stored: SettlementSchedule | null,
): unknown {
  const field = (name: string) => form[`m.${code}.${name}`];
  switch (field('kind')) {
    case 'sameDay':
      return { kind: 'sameDay' };
    case 'daysAfter':
      return { kind: 'daysAfter', bankingDays: numberOf(field('bankingDays')) };
    case 'monthly':
      return {
        kind: 'monthly',
        cutoffDay: dayOf(field('cutoffDay')),
        paymentMonthOffset: numberOf(field('paymentMonthOffset')),
        paymentDay: dayOf(field('paymentDay')),
      };
    case 'weekly':
      return {
        kind: 'weekly',
        cutoffWeekday: field('cutoffWeekday'),
        paymentWeekday: field('paymentWeekday'),
        weeksAfter: numberOf(field('weeksAfter') || '0'),
      };
    case 'keep':
      return stored;
    default:
      return null;
  }
}

/** The form → the document (validated by savePostingSettings). */
export function documentOf(
  form: Record<string, string>,
  current: PostingSettingsDocument,
  methods: readonly PaymentMethod[],
): unknown {
  return {
    accountNames: Object.fromEntries(accountRoles.map((role) => [role, form[`a.${role}`] ?? ''])),
    taxCodeNames: Object.fromEntries(taxRoles.map((role) => [role, form[`t.${role}`] ?? ''])),
    methods: current.methods.map((row) => {
      const cash = methods.find((m) => m.code === row.code)?.kind === 'cash';
      return {
        code: row.code,
        itemName: nullIfEmpty(form[`m.${row.code}.itemName`]),
        partnerName: cash ? null : nullIfEmpty(form[`m.${row.code}.partnerName`]),
        schedule: cash ? null : scheduleOf(form, row.code, row.schedule),
      };
    }),
    stores: current.stores.map((row) => ({
      storeCode: row.storeCode,
      sectionName: nullIfEmpty(form[`s.${row.storeCode}.sectionName`]),
      cashWalletableName: form[`s.${row.storeCode}.cashWalletableName`]?.trim() ?? '',
    })),
  };
}

async function render(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  extra: {
    settings?: PostingSettingsDocument;
    notice?: string;
    error?: string;
    fields?: Record<string, string>;
  } = {},
  status: 200 | 400 | 403 = 200,
) {
  const services = c.get('app');
  const sources = services.posting.queries;
  const settings =
    extra.settings ?? (await services.posting.getPostingSettings(principal.companyId)).settings;
  const [methods, stores] = await Promise.all([
    sources.paymentMethods(principal.companyId),
    sources.listStores(principal.companyId),
  ]);
  return c.html(
    <SettingsPage
      principal={principal}
      settings={settings}
      methods={methods}
      stores={stores}
      notice={extra.notice}
      error={extra.error}
      fields={extra.fields ?? {}}
    />,
    status,
  );
}

export function postingSettingsRoutes(app: Hono<AppEnv>): void {
  app.get(postingSettingsPath, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return render(c, principal, c.req.query('saved') ? { notice: '保存しました。' } : {});
  });
  app.post(postingSettingsPath, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    const services = c.get('app');
    const current = (await services.posting.getPostingSettings(principal.companyId)).settings;
    const methods = await services.posting.queries.paymentMethods(principal.companyId);
    try {
      if (principal.staff.role === 'staff')
        throw forbidden('freee連携の設定は管理者または店長が行ってください。');
      await services.posting.savePostingSettings(
        principal.companyId,
        documentOf(form, current, methods),
        `staff:${principal.staff.code}`,
      );
      return c.redirect(`${postingSettingsPath}?saved=1`, 303);
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return render(
        c,
        principal,
        { error: shown.message, fields: shown.fields },
        principal.staff.role === 'staff' ? 403 : 400,
      );
    }
  });
}
