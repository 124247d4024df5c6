// Back from freee (seed 000 §2-1 ⑥): choose the 事業所 and the stores to connect, then 登録
// (confirm dialog) → 1: 連携済. A 事業所 where the freee user cannot write deals is marked: the
// user needs the 管理者 role in freee.
import type { Hono } from 'hono';
import { AppError } from '../../../app/errors.js';
import { type AuthorizationChoices } from '../../../app/freee/connect.js';
import { freeeMessages, storeStatusText } from '../../../app/freee/model.js';
import type { AppEnv } from '../../http/context.js';
import { CsrfField, Layout } from '../layout.js';
import { consoleStaff, type StaffPrincipal } from '../session.js';
import {
  freeeRuntimeOf,
  freeeSettingsPath,
  readMultiForm,
  requireConnectionManager,
} from './freee-shared.js';
import { shown } from './freee-settings.js';

const roleLabels: Record<string, string> = {
  admin: '管理者',
  simple_accounting: '一般(経理)',
  self_only: '取引登録のみ',
  read_only: '閲覧のみ',
  workflow: '申請・承認',
  product_linkage: '一般(経理以外)',
};

type CompanyOption = AuthorizationChoices['companies'][number];
type StoreOption = AuthorizationChoices['stores'][number];

/** One 事業所 radio button, marked when the freee user cannot write deals there. */
function CompanyChoice(props: {
  company: CompanyOption;
  preselected: CompanyOption['id'] | undefined;
}) {
  const { company } = props;
  return (
    <label>
      <input
        type="radio"
        name="freeeCompanyId"
        value={String(company.id)}
        checked={company.id === props.preselected}
        style="min-width:0"
      />
      {company.name}(事業所ID: {company.id}、権限: {roleLabels[company.role] ?? company.role})
      {company.canWriteDeals === false ? (
        <span class="error admin-needed"> {freeeMessages.needsAdminRole}</span>
      ) : null}
    </label>
  );
}

/** One store checkbox with its current connection status. */
function StoreChoice(props: { store: StoreOption; preselected: CompanyOption['id'] | undefined }) {
  const { store } = props;
  return (
    <label>
      <input
        type="checkbox"
        name="storeIds"
        value={store.storeId}
        checked={
          store.status === 'unconnected' || store.connection?.freeeCompanyId === props.preselected
        }
        style="min-width:0"
      />
      {store.storeCode} {store.storeName}(現在: {storeStatusText(store.status)}
      {store.connection && store.status !== 'unconnected'
        ? ` / ${store.connection.freeeCompanyName}`
        : ''}
      )
    </label>
  );
}

function ChoosePage(props: {
  principal: StaffPrincipal;
  choices: AuthorizationChoices;
  error?: string | undefined;
}) {
  const { authorization, companies, stores } = props.choices;
  const preselected =
    companies.find((c) => c.id === authorization.freeeCompanyId)?.id ?? companies[0]?.id;
  const action = `${freeeSettingsPath}/authorizations/${authorization.id}`;
  return (
    <Layout title="freee連携: 事業所と店舗の選択" principal={props.principal} section="admin">
      <h1>freee連携: 事業所と店舗の選択</h1>
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      <form class="card" method="post" action={action} data-confirm="登録します。よろしいですか。">
        <CsrfField principal={props.principal} />
        <h2>freee事業所</h2>
        {companies.length === 0 ? <p class="alert">選択できる事業所がありません。</p> : null}
        {companies.map((company) => (
          <CompanyChoice company={company} preselected={preselected} />
        ))}
        <h2>連携する店舗</h2>
        {stores.map((store) => (
          <StoreChoice store={store} preselected={preselected} />
        ))}
        <p>
          <button type="submit" id="freee-register">
            登録
          </button>
        </p>
      </form>
      <form method="post" action={`${action}/cancel`}>
        <CsrfField principal={props.principal} />
        <button type="submit" class="cancel" style="background:#777">
          キャンセル
        </button>
      </form>
    </Layout>
  );
}

export function freeeChooseRoutes(app: Hono<AppEnv>): void {
  app.get(`${freeeSettingsPath}/authorizations/:id`, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return shown(c, principal, async () => {
      requireConnectionManager(principal);
      const choices = await freeeRuntimeOf(c).authorizationChoices(
        principal.companyId,
        c.req.param('id'),
      );
      return c.html(<ChoosePage principal={principal} choices={choices} />);
    });
  });

  app.post(`${freeeSettingsPath}/authorizations/:id`, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readMultiForm(c, principal);
    return shown(c, principal, async () => {
      requireConnectionManager(principal);
      const deps = freeeRuntimeOf(c);
      const authorizationId = c.req.param('id');
      const freeeCompanyId = Number(form.one('freeeCompanyId'));
      try {
        await deps.registerAuthorization({
          companyId: principal.companyId,
          authorizationId,
          freeeCompanyId: Number.isSafeInteger(freeeCompanyId) ? freeeCompanyId : 0,
          storeIds: form.all('storeIds'),
        });
      } catch (error) {
        if (
          !(error instanceof AppError) ||
          error.kind !== 'validation' ||
          error.code !== 'validation_failed'
        )
          throw error;
        const choices = await deps.authorizationChoices(principal.companyId, authorizationId);
        const detail = error.fields.map((f) => f.message).join(' ');
        return c.html(
          <ChoosePage
            principal={principal}
            choices={choices}
            error={`${error.userMessage} ${detail}`}
          />,
          400,
        );
      }
      return c.redirect(`${freeeSettingsPath}?done=registered`, 303);
    });
  });

  app.post(`${freeeSettingsPath}/authorizations/:id/cancel`, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    await readMultiForm(c, principal);
    return shown(c, principal, async () => {
      requireConnectionManager(principal);
      await freeeRuntimeOf(c).cancelAuthorization(principal.companyId, c.req.param('id'));
      return c.redirect(`${freeeSettingsPath}?done=cancelled`, 303);
    });
  });
}
