// 運用管理 > レジ (issue 13 §4–5): the company's 登録番号 (check digit warned), one-time pairing codes
// with a QR code per register, the paired registers and their revocation.
import type { Context, Hono } from 'hono';
import QRCode from 'qrcode';
import { forbidden } from '../../../../app/errors.js';
import type { PairedRegister } from '../../../../app/register/ports.js';
import type { AppEnv } from '../../../http/context.js';
import { CsrfField, FieldErrorText, Layout } from '../../layout.js';
import {
  canAdmin,
  consoleStaff,
  errorsByPath,
  readForm,
  type StaffPrincipal,
} from '../../session.js';

interface Notice {
  message?: string;
  error?: string;
  fields?: Record<string, string>;
  /** The registration number as entered, shown again after a refusal. */
  enteredNumber?: string;
  pairing?: { code: string; expiresAt: string; qrDataUrl: string; register: string };
}

function PairingShown(props: { pairing: Notice['pairing'] }) {
  const pairing = props.pairing;
  return (
    <>
      {pairing ? (
        <div id="pairing-code">
          <p>
            {pairing.register} のペアリングコード:{' '}
            <strong data-testid="pairing-code">{pairing.code}</strong>
            (有効期限 {pairing.expiresAt})
          </p>
          <img alt="ペアリング用QRコード" src={pairing.qrDataUrl} width={200} height={200} />
        </div>
      ) : null}
    </>
  );
}

function PairedTable(props: { principal: StaffPrincipal; paired: PairedRegister[] }) {
  const { principal, paired } = props;
  return (
    <>
      <h2>ペアリング済みのレジ</h2>
      <table>
        <thead>
          <tr>
            <th>店舗</th>
            <th>端末</th>
            <th>トークン数</th>
            <th>最終ペアリング</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {paired.map((r) => (
            <tr>
              <td>{r.storeCode}</td>
              <td>{r.registerCode}</td>
              <td>{r.tokens}</td>
              <td>{r.lastPairedAt}</td>
              <td>
                <form method="post" action="/admin/register/revoke">
                  <CsrfField principal={principal} />
                  <input type="hidden" name="register" value={`${r.storeCode}/${r.registerCode}`} />
                  <button type="submit">解除</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

async function page(c: Context<AppEnv>, principal: StaffPrincipal, notice: Notice = {}) {
  const app = c.get('app');
  const [number, stores, paired] = await Promise.all([
    app.register.registrationNumber(principal.companyId),
    app.tenancy.read.listStores(principal.companyId),
    app.register.pairedRegisters(principal.companyId),
  ]);
  const fields = notice.fields ?? {};
  return (
    <Layout title="レジ" principal={principal} section="admin">
      <h1>レジ</h1>
      <p>
        <a href="/admin/register/products">商品マスター</a> ・{' '}
        <a href="/register">レジ画面を開く</a>
      </p>
      {notice.error ? (
        <div class="alert" role="alert">
          {notice.error}
        </div>
      ) : null}
      {notice.message ? (
        <div class="notice" role="status">
          {notice.message}
        </div>
      ) : null}
      <form class="card" method="post" action="/admin/register/registration-number">
        <h2>適格請求書発行事業者の登録番号</h2>
        <CsrfField principal={principal} />
        <label for="registrationNumber">登録番号(T + 13桁)</label>
        <input
          id="registrationNumber"
          name="registrationNumber"
          value={notice.enteredNumber ?? number ?? ''}
          placeholder="T1234567890123"
        />
        <FieldErrorText errors={fields} path="registrationNumber" />
        <p>
          <button type="submit">保存</button>
        </p>
      </form>
      <form class="card" method="post" action="/admin/register/pairing">
        <h2>レジのペアリング</h2>
        <CsrfField principal={principal} />
        <label for="register">端末</label>
        <select id="register" name="register">
          {stores.flatMap((s) =>
            s.registers.map((r) => (
              <option value={`${s.code}/${r}`}>{`${s.name}(${s.code}) / レジ${r}`}</option>
            )),
          )}
        </select>
        <p>
          <button type="submit">ペアリングコードを発行</button>
        </p>
        <PairingShown pairing={notice.pairing} />
      </form>
      <PairedTable principal={principal} paired={paired} />
    </Layout>
  );
}

function registerOf(value: string | undefined) {
  const [storeCode = '', registerCode = ''] = (value ?? '').split('/');
  return { storeCode, registerCode };
}

async function adminForm(c: Context<AppEnv>) {
  const principal = consoleStaff(c);
  if (!principal) return null;
  const form = await readForm(c, principal);
  if (!canAdmin(principal)) throw forbidden();
  return { principal, form };
}

export function registerSettingsRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/register', async (c) => {
    const principal = consoleStaff(c);
    return principal ? c.html(await page(c, principal)) : c.redirect('/login');
  });
  app.post('/admin/register/registration-number', async (c) => {
    const got = await adminForm(c);
    if (!got) return c.redirect('/login');
    try {
      const saved = await c
        .get('app')
        .register.setRegistrationNumber(got.principal.companyId, got.form.registrationNumber ?? '');
      return c.html(
        await page(c, got.principal, { message: saved.warning ?? '登録番号を保存しました。' }),
      );
    } catch (error) {
      const shown = errorsByPath(error);
      if (!shown) throw error;
      return c.html(
        await page(c, got.principal, {
          error: shown.message,
          fields: shown.fields,
          enteredNumber: got.form.registrationNumber ?? '',
        }),
        400,
      );
    }
  });
  app.post('/admin/register/pairing', async (c) => {
    const got = await adminForm(c);
    if (!got) return c.redirect('/login');
    const register = registerOf(got.form.register);
    const issued = await c.get('app').register.issuePairingCode(got.principal.companyId, register);
    const url = `${new URL(c.req.url).origin}/register#pair=${issued.code}`;
    const qrDataUrl = await QRCode.toDataURL(url, { margin: 1, width: 200 });
    const label = `${register.storeCode} / レジ${register.registerCode}`;
    return c.html(
      await page(c, got.principal, { pairing: { ...issued, qrDataUrl, register: label } }),
    );
  });
  app.post('/admin/register/revoke', async (c) => {
    const got = await adminForm(c);
    if (!got) return c.redirect('/login');
    const count = await c
      .get('app')
      .register.revokeRegister(got.principal.companyId, registerOf(got.form.register));
    return c.html(
      await page(c, got.principal, { message: `${count}件のトークンを無効にしました。` }),
    );
  });
}
