// 運用管理 > freee連携 > 取引の送信設定: the company's posting mappings (posting.md "Mappings"):
// account items and tax codes by role, per payment method the 品目, the settlement partner (取引先)
// and the settlement schedule (入金サイクル), per store the 部門 and the cash 口座. Every value is a
// freee name, picked from the synced masters (マスター同期) and checked against them on save; empty =
// the default. Admins and managers save; field errors are shown next to their field, named in
// Japanese, nothing is written and the form keeps what was submitted.
import type { Context, Hono } from 'hono';
import { forbidden } from '../../../app/errors.js';
import type { PostingSettingsDocument } from '../../../app/posting/settings.js';
import { accountRoles, taxRoles } from '../../../domain/posting/mappings.js';
import type { SettlementSchedule } from '../../../domain/posting/settlement-schedule.js';
import type { PaymentMethod } from '../../../domain/ledger/types.js';
import type { AppEnv } from '../../http/context.js';
import { consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';
import type { MasterName } from '../../../domain/masters/kinds.js';
import { postingSettingsPath, SettingsPage } from './posting-settings-form.js';
import {
  masterSelectScript,
  type MasterOption,
  type MasterOptions,
} from './posting-settings-names.js';

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

/** The field an error belongs to (a schedule's inner paths are shown at the schedule). */
function fieldKeyOf(path: string): string {
  return (
    /^(accountNames\.\w+|taxCodeNames(?:\.\w+)?|methods\[\d+\]\.\w+|stores\[\d+\]\.\w+)/.exec(
      path,
    )?.[1] ?? path
  );
}

/** The synced masters as the form's lists; null when none was ever synced. */
async function masterOptions(c: Context<AppEnv>, companyId: string): Promise<MasterOptions> {
  const masters = c.get('app').masters;
  const load = async (master: MasterName): Promise<MasterOption[]> =>
    (await masters.listRecords(companyId, master)).map((r) => ({
      code: r.code,
      name: master === 'taxes' ? String(r.data.name_ja ?? r.name) : r.name,
      archived: r.archived,
      available: r.available,
    }));
  const accountItems = await load('account_items');
  if (accountItems.length === 0) return null;
  return {
    accountItems,
    taxes: await load('taxes'),
    items: await load('items'),
    partners: await load('partners'),
    sections: await load('sections'),
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
    typed?: Record<string, string>;
  } = {},
  status: 200 | 400 | 403 = 200,
) {
  const services = c.get('app');
  const sources = services.posting.queries;
  const settings =
    extra.settings ?? (await services.posting.getPostingSettings(principal.companyId)).settings;
  const [methods, stores, options] = await Promise.all([
    sources.paymentMethods(principal.companyId),
    sources.listStores(principal.companyId),
    masterOptions(c, principal.companyId),
  ]);
  return c.html(
    <SettingsPage
      principal={principal}
      settings={settings}
      methods={methods}
      stores={stores}
      options={options}
      typed={extra.typed ?? {}}
      notice={extra.notice}
      error={extra.error}
      fields={extra.fields ?? {}}
    />,
    status,
  );
}

export function postingSettingsRoutes(app: Hono<AppEnv>): void {
  app.get('/static/master-select.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(masterSelectScript);
  });
  app.get(postingSettingsPath, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const notice = c.req.query('saved')
      ? '保存しました。'
      : c.req.query('synced')
        ? 'freeeのマスターを同期しました。結果はマスター同期の実行履歴をご覧ください。'
        : undefined;
    return render(c, principal, notice ? { notice } : {});
  });
  app.post(`${postingSettingsPath}/push`, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    await readForm(c, principal);
    if (principal.staff.role === 'staff')
      throw forbidden('freee連携の設定は管理者または店長が行ってください。');
    const result = await c.get('app').masters.pushPostingMasters(principal.companyId);
    const notice = `freeeに登録しました: 作成 ${result.created.length}件 / 更新 ${result.updated.length}件 / 変更なし ${result.unchanged}件`;
    const failed = result.failed.map((f) => `${f.label}「${f.name}」: ${f.message}`).join(' ');
    return render(
      c,
      principal,
      failed ? { notice, error: `登録できなかったもの: ${failed}` } : { notice },
    );
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
      const fields: Record<string, string> = {};
      for (const [path, message] of Object.entries(shown.fields))
        fields[fieldKeyOf(path)] ??= message;
      return render(
        c,
        principal,
        { error: shown.message, fields, typed: form, settings: current },
        principal.staff.role === 'staff' ? 403 : 400,
      );
    }
  });
}
