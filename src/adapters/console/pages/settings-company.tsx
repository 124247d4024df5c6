// 運用管理設定 > 企業情報: name and rounding mode (端数処理).
import type { Hono } from 'hono';
import type { RoundingMode } from '../../../domain/money/rounding-mode.js';
import { forbidden } from '../../../app/errors.js';
import type { AppEnv } from '../../http/context.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import { canAdmin, consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';

export const roundingLabels: Record<RoundingMode, string> = {
  floor: '切り捨て',
  'half-up': '四捨五入',
  ceil: '切り上げ',
};

function CompanyForm(props: {
  principal: StaffPrincipal;
  code: string;
  name: string;
  roundingMode: string;
  error?: string;
  fields?: Record<string, string>;
  saved?: boolean;
}) {
  const fields = props.fields ?? {};
  return (
    <Layout title="企業情報" principal={props.principal} section="admin">
      <h1>企業情報</h1>
      {props.saved ? <div class="notice">保存しました。</div> : null}
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      <form class="card" method="post" action="/admin/settings/company">
        <CsrfField principal={props.principal} />
        <label>企業コード</label>
        <input value={props.code} disabled />
        <label for="name">企業名</label>
        <input id="name" name="name" value={props.name} />
        <FieldErrorText errors={fields} path="name" />
        <label for="roundingMode">消費税の端数処理</label>
        <select id="roundingMode" name="roundingMode">
          {Object.entries(roundingLabels).map(([value, label]) => (
            <option value={value} selected={value === props.roundingMode}>
              {label}
            </option>
          ))}
        </select>
        <FieldErrorText errors={fields} path="roundingMode" />
        <p>
          <button type="submit">保存</button>
        </p>
      </form>
    </Layout>
  );
}

export function settingsCompanyRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/settings/company', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const company = await c.get('app').tenancy.read.findCompanyById(principal.companyId);
    return c.html(
      <CompanyForm
        principal={principal}
        code={company?.code ?? ''}
        name={company?.name ?? ''}
        roundingMode={company?.roundingMode ?? 'floor'}
        saved={c.req.query('saved') === '1'}
      />,
    );
  });
  app.post('/admin/settings/company', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    if (!canAdmin(principal)) throw forbidden();
    const company = await c.get('app').tenancy.read.findCompanyById(principal.companyId);
    try {
      await c.get('app').tenancy.updateCompanySettings(principal.companyId, {
        name: form.name ?? '',
        roundingMode: (form.roundingMode ?? '') as RoundingMode,
      });
      return c.redirect('/admin/settings/company?saved=1', 303);
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return c.html(
        <CompanyForm
          principal={principal}
          code={company?.code ?? ''}
          name={form.name ?? ''}
          roundingMode={form.roundingMode ?? ''}
          error={shown.message}
          fields={shown.fields}
        />,
        400,
      );
    }
  });
}
