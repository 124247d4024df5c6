// 運用管理設定 > ネットワーク: the ranges the company's printers may be in (issue #10 item 12).
// One CIDR per line; empty = the default (private LAN ranges). Loopback and link-local addresses are
// refused unless a range inside them is listed (e.g. 127.0.0.1/32 for a printer proxy on this host).
import type { Hono } from 'hono';
import { forbidden } from '../../../app/errors.js';
import type { AppEnv } from '../../http/context.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import { canAdmin, consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../session.js';

const path = '/admin/settings/network';

function NetworkForm(props: {
  principal: StaffPrincipal;
  text: string;
  isDefault: boolean;
  error?: string;
  fields?: Record<string, string>;
  saved?: boolean;
}) {
  const fields = props.fields ?? {};
  return (
    <Layout title="ネットワーク" principal={props.principal} section="admin">
      <h1>ネットワーク</h1>
      {props.saved ? <div class="notice">保存しました。</div> : null}
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      <form class="card" method="post" action={path}>
        <CsrfField principal={props.principal} />
        <label for="printerNetworks">
          プリンターを許可するネットワーク（1行に1つ、例: 192.168.0.0/16）
        </label>
        <textarea id="printerNetworks" name="printerNetworks" rows={6}>
          {props.text}
        </textarea>
        <FieldErrorText errors={fields} path="printerNetworks" />
        <p class="hint">
          {props.isDefault
            ? '未設定のため、社内LANの範囲（10.0.0.0/8、172.16.0.0/12、192.168.0.0/16、fc00::/7）を許可しています。'
            : '空にして保存すると、社内LANの範囲だけを許可する初期設定に戻ります。'}
          ループバック（127.0.0.0/8、::1）とリンクローカル（169.254.0.0/16）は、その範囲を明示的に書いたときだけ許可されます。
        </p>
        <p>
          <button type="submit" disabled={!canAdmin(props.principal)}>
            保存
          </button>
        </p>
      </form>
    </Layout>
  );
}

export function settingsNetworkRoutes(app: Hono<AppEnv>): void {
  app.get(path, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const current = await c.get('app').network.getPrinterNetworks(principal.companyId);
    return c.html(
      <NetworkForm
        principal={principal}
        text={current.networks.join('\n')}
        isDefault={current.isDefault}
        saved={c.req.query('saved') === '1'}
      />,
    );
  });
  app.post(path, async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    if (!canAdmin(principal)) throw forbidden();
    const text = form.printerNetworks ?? '';
    try {
      await c.get('app').network.savePrinterNetworks(principal.companyId, text.split(/[\n,]/));
      return c.redirect(`${path}?saved=1`, 303);
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return c.html(
        <NetworkForm
          principal={principal}
          text={text}
          isDefault={false}
          error={shown.message}
          fields={shown.fields}
        />,
        400,
      );
    }
  });
}
