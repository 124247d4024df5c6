// Pieces shared by the freee連携 pages: the runtime of this request, the status table, form parsing
// with multi-value fields (store checkboxes), and who may change the connection.
import type { Context } from 'hono';
import { AppError, forbidden } from '../../../app/errors.js';
import { storeStatusText, type StoreConnectionView } from '../../../app/freee/model.js';
import { csrfOk } from '../../http/auth-middleware.js';
import type { AppEnv } from '../../http/context.js';
import type { FreeeApp } from '../../../app/freee/use-cases.js';
import type { StaffPrincipal } from '../session.js';

export const freeeSettingsPath = '/admin/settings/integrations/freee';

export function freeeRuntimeOf(c: Context<AppEnv>): FreeeApp {
  const runtime = c.get('app').freee;
  if (!runtime)
    throw new AppError(
      'unavailable',
      'freee_unavailable_here',
      'このサーバーではfreee連携が設定されていません。',
    );
  return runtime;
}

/** 連携開始, 登録 and 連携解除 need a 管理者 or 店長 (as every 運用管理設定 change). */
export function requireConnectionManager(principal: StaffPrincipal): void {
  if (principal.staff.role === 'staff')
    throw forbidden('freee連携の設定は管理者または店長が行ってください。');
}

export async function readMultiForm(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
): Promise<{ one(name: string): string; all(name: string): string[] }> {
  const body = await c.req.parseBody({ all: true });
  const values = (name: string): string[] => {
    const raw = body[name];
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return list.filter((v): v is string => typeof v === 'string');
  };
  if (!csrfOk(c, principal, values('_csrf')[0])) {
    throw new AppError(
      'forbidden',
      'csrf_failed',
      '画面を再読み込みしてからやり直してください(CSRFトークンが一致しません)。',
    );
  }
  return { one: (name) => values(name)[0] ?? '', all: values };
}

export const providerLabels = { freee: 'freee', sandbox: 'freeeサンドボックス' } as const;

export function StoreStatusTable(props: { rows: readonly StoreConnectionView[] }) {
  return (
    <table id="freee-store-status">
      <thead>
        <tr>
          <th>店舗コード</th>
          <th>店舗名</th>
          <th>ステータス</th>
          <th>freee事業所</th>
          <th>メッセージ</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr data-store={row.storeCode}>
            <td>{row.storeCode}</td>
            <td>{row.storeName}</td>
            <td class="status">{storeStatusText(row.status)}</td>
            <td>
              {row.connection && row.status !== 'unconnected'
                ? `${row.connection.freeeCompanyName}(ID: ${row.connection.freeeCompanyId}, ${providerLabels[row.connection.provider]})`
                : ''}
            </td>
            <td class="message">{row.message ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
