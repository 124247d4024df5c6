// 運用管理 > 運用管理設定 > サービス連携 > freee連携 (seed 000 §2-1): the status per store,
// 連携開始 (confirm → freee's authorize page), the callback from freee, and 連携解除.
import type { Context, Hono } from 'hono';
import { AppError } from '../../../app/errors.js';
import {
  freeeMessages,
  type FreeeConnection,
  type StoreConnectionView,
} from '../../../app/freee/model.js';
import type { AppEnv } from '../../http/context.js';
import { callbackPath } from '../../../app/freee/model.js';
import { CsrfField, Layout } from '../layout.js';
import { consoleStaff, type StaffPrincipal } from '../session.js';
import { postingSettingsPath } from './posting-settings.js';
import {
  freeeRuntimeOf,
  freeeSettingsPath,
  providerLabels,
  readMultiForm,
  requireConnectionManager,
  StoreStatusTable,
} from './freee-shared.js';

const notices: Record<string, string> = {
  registered: '登録しました。',
  disconnected: '連携を解除しました。',
  cancelled: '連携をキャンセルしました。',
};

function ConnectionCard(props: {
  principal: StaffPrincipal;
  connection: FreeeConnection;
  stores: readonly StoreConnectionView[];
}) {
  const c = props.connection;
  const mapped = props.stores.filter((s) => s.connection?.id === c.id);
  return (
    <div class="card freee-connection" data-connection={c.id}>
      <p>
        {c.freeeCompanyName}(事業所ID: {c.freeeCompanyId}、接続先: {providerLabels[c.provider]})
        <br />
        店舗:{' '}
        {mapped.length > 0 ? mapped.map((s) => `${s.storeCode} ${s.storeName}`).join('、') : 'なし'}
      </p>
      <form
        method="post"
        action={`${freeeSettingsPath}/connections/${c.id}/disconnect`}
        data-confirm="連携を解除します。よろしいですか。"
      >
        <CsrfField principal={props.principal} />
        <button type="submit" class="disconnect">
          連携解除
        </button>
      </form>
    </div>
  );
}

function SettingsPage(props: {
  principal: StaffPrincipal;
  rows: readonly StoreConnectionView[];
  connections: readonly FreeeConnection[];
  notice?: string | undefined;
  error?: string | undefined;
  providerLabel: string;
}) {
  const needsAdmin = props.connections.some(
    (c) => c.status !== 'disconnected' && c.canWriteDeals === false,
  );
  return (
    <Layout title="freee連携" principal={props.principal} section="admin">
      <h1>freee連携</h1>
      {props.notice ? (
        <div class="notice" role="status">
          {props.notice}
        </div>
      ) : null}
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      {needsAdmin ? (
        <div class="alert" role="alert" id="freee-admin-needed">
          {freeeMessages.needsAdminRole}
        </div>
      ) : null}
      <div class="card">
        <h2>ステータス</h2>
        <StoreStatusTable rows={props.rows} />
        <form
          method="post"
          action={`${freeeSettingsPath}/start`}
          data-confirm="連携を開始します。よろしいですか。"
          style="margin-top:12px"
        >
          <CsrfField principal={props.principal} />
          <button type="submit" id="freee-start">
            連携開始
          </button>{' '}
          <span>接続先: {props.providerLabel}</span>
        </form>
        <p>
          <a href={postingSettingsPath}>取引の送信設定(勘定科目・品目・取引先・入金サイクル)</a> ・{' '}
          <a href="/integrations">連携結果</a>
        </p>
      </div>
      {props.connections
        .filter((c) => c.status !== 'disconnected')
        .map((c) => (
          <ConnectionCard principal={props.principal} connection={c} stores={props.rows} />
        ))}
    </Layout>
  );
}

type PageStatus = 200 | 400 | 403 | 404 | 409 | 503;

export async function renderSettings(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  extra: { notice?: string; error?: string } = {},
  status: PageStatus = 200,
) {
  if (!c.get('app').freee) {
    return c.html(
      <Layout title="freee連携" principal={principal} section="admin">
        <h1>freee連携</h1>
        <div class="alert" role="alert">
          このサーバーではfreee連携が設定されていません。
        </div>
      </Layout>,
      503,
    );
  }
  const runtime = freeeRuntimeOf(c);
  const [rows, connections] = await Promise.all([
    runtime.listStoreStatuses(principal.companyId),
    runtime.listConnections(principal.companyId),
  ]);
  const providerLabel = providerLabels[runtime.defaultProvider];
  return c.html(
    <SettingsPage
      principal={principal}
      rows={rows}
      connections={connections}
      notice={extra.notice}
      error={extra.error}
      providerLabel={providerLabel}
    />,
    status,
  );
}

function statusOf(error: AppError): PageStatus {
  if (error.kind === 'forbidden') return 403;
  if (error.kind === 'not_found') return 404;
  if (error.kind === 'conflict') return 409;
  if (error.kind === 'unavailable') return 503;
  return 400;
}

/** Runs a console action; an AppError is shown on the settings page instead of a JSON body. */
export async function shown(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  action: () => Promise<Response>,
): Promise<Response> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return renderSettings(c, principal, { error: error.userMessage }, statusOf(error));
  }
}

export function freeeSettingsRoutes(app: Hono<AppEnv>): void {
  app.get(freeeSettingsPath, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return renderSettings(c, principal, { notice: notices[c.req.query('done') ?? ''] ?? '' });
  });

  app.post(`${freeeSettingsPath}/start`, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    await readMultiForm(c, principal);
    return shown(c, principal, async () => {
      requireConnectionManager(principal);
      const started = await freeeRuntimeOf(c).startAuthorization({
        companyId: principal.companyId,
        staffId: principal.staff.id,
      });
      return c.redirect(started.authorizationUrl, 303);
    });
  });

  app.get(callbackPath, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return shown(c, principal, async () => {
      requireConnectionManager(principal);
      const authorization = await freeeRuntimeOf(c).completeAuthorization({
        companyId: principal.companyId,
        callbackUrl: c.req.url,
      });
      return c.redirect(`${freeeSettingsPath}/authorizations/${authorization.id}`, 303);
    });
  });

  app.post(`${freeeSettingsPath}/connections/:id/disconnect`, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    await readMultiForm(c, principal);
    return shown(c, principal, async () => {
      requireConnectionManager(principal);
      await freeeRuntimeOf(c).disconnectConnection(principal.companyId, c.req.param('id'));
      return c.redirect(`${freeeSettingsPath}?done=disconnected`, 303);
    });
  });
}
