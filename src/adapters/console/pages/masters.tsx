// 運用管理設定 > マスター同期: the schedule (admin only), 今すぐ同期 (per master or all), 実行履歴
// and the mail outbox. Refusals keep what was typed and name the field in Japanese.
import type { Context, Hono } from 'hono';
import { forbidden } from '../../../app/errors.js';
import { isMasterName } from '../../../domain/masters/kinds.js';
import type { AppEnv } from '../../http/context.js';
import { canAdmin, consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';
import { postingSettingsPath } from './posting-settings-form.js';
import { MastersPage, type MastersPageProps, type ScheduleFormValues } from './masters-view.js';

async function pageProps(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  values?: ScheduleFormValues,
): Promise<MastersPageProps> {
  const masters = c.get('app').masters;
  const schedule = await masters.getSchedule(principal.companyId);
  const connections = await masters.connections(principal.companyId);
  return {
    principal,
    schedule,
    values: values ?? {
      enabled: schedule?.enabled ?? false,
      hour: String(schedule?.hour ?? 3),
      connectionId: schedule?.connectionId ?? connections[0]?.id ?? '',
      notifyEmail: schedule?.notifyEmail ?? '',
    },
    connections,
    runs: await masters.listRuns(principal.companyId, 20),
    outbox: await masters.outbox(20),
  };
}

export function mastersRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/settings/masters', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const notice =
      c.req.query('done') === 'saved'
        ? '保存しました。'
        : c.req.query('done') === 'synced'
          ? '同期しました。結果は実行履歴をご覧ください。'
          : undefined;
    return c.html(
      <MastersPage {...await pageProps(c, principal)} {...(notice ? { notice } : {})} />,
    );
  });
  app.post('/admin/settings/masters/schedule', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    if (!canAdmin(principal)) throw forbidden('マスター同期の定期実行は管理者だけが変更できます。');
    const values: ScheduleFormValues = {
      enabled: form.enabled === '1',
      hour: form.hour ?? '',
      connectionId: form.connectionId ?? '',
      notifyEmail: form.notifyEmail ?? '',
    };
    try {
      await c.get('app').masters.saveSchedule(
        {
          companyId: principal.companyId,
          staffId: principal.staff.id,
          role: principal.staff.role,
          label: principal.staff.name,
        },
        values,
      );
      return c.redirect('/admin/settings/masters?done=saved', 303);
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      const props = await pageProps(c, principal, values);
      return c.html(<MastersPage {...props} error={shown.message} fields={shown.fields} />, 400);
    }
  });
  app.post('/admin/settings/masters/sync', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    const master = form.master ?? '';
    if (master !== '' && !isMasterName(master)) {
      const props = await pageProps(c, principal);
      return c.html(
        <MastersPage {...props} error="対象のマスターを一覧から選んでください。" />,
        400,
      );
    }
    await c.get('app').masters.syncNow({
      companyId: principal.companyId,
      ...(master !== '' && isMasterName(master) ? { masters: [master] } : {}),
      full: form.full === '1',
      requestedBy: `staff:${principal.staff.name}`,
    });
    if (form.back === 'posting') return c.redirect(`${postingSettingsPath}?synced=1`, 303);
    return c.redirect('/admin/settings/masters?done=synced', 303);
  });
}
