// 会計一覧 > 会計詳細 > レシート: the prints of the checkout's receipt and 領収書 so far (count, 再発行,
// status and the printer's reason), and forms to print the receipt again or a 領収書 (宛名, 但し書き)
// on the store's printer (src/app/register/receipts.ts counts them; the second and later say 再発行).
//   POST /days/checkouts/:id/receipts?store=&date=   then back to the detail page
import type { Hono } from 'hono';
import type { ReceiptIssueRecord } from '../../../../app/register/ports.js';
import type { ReceiptActor } from '../../../../app/register/receipts.js';
import type { AppEnv } from '../../../http/context.js';
import { CsrfField } from '../../layout.js';
import { consoleStaff, errorsByPath, readForm, type StaffPrincipal } from '../../session.js';
import { dayQuery, timeIn } from '../ledger-format.js';

/** Fixed messages for a refused print (the page never echoes text from the query). */
const refusals: Record<string, string> = {
  printer_not_configured:
    'レシートプリンターが設定されていません。運用管理設定 > 店舗 で設定してください。',
  receipt_not_issuable: '完了していない会計のため、レシートを発行できません。',
  validation_failed: '宛名・但し書きは40文字以内で、改行を含めずに入力してください。',
};
const refusedOther = '印刷できませんでした。もう一度お試しください。';

const kindLabels = { receipt: 'レシート', formal: '領収書' } as const;
const statusLabels = { printing: '印刷中', printed: '印刷済み', failed: '失敗' } as const;

export const consoleReceiptActor = (principal: StaffPrincipal): ReceiptActor => ({
  companyId: principal.companyId,
  label: `staff:${principal.staff.code}`,
  source: 'console',
});

export interface ReceiptSectionProps {
  principal: StaffPrincipal;
  checkoutId: string;
  storeCode: string;
  businessDate: string;
  timeZone: string;
  issues: ReceiptIssueRecord[];
  /** Only a checkout that went through 会計完了 has a receipt. */
  printable: boolean;
  refusal: string | undefined;
}

export function ReceiptSection(props: ReceiptSectionProps) {
  const action = `/days/checkouts/${encodeURIComponent(props.checkoutId)}/receipts?${dayQuery(props.storeCode, props.businessDate)}`;
  const refusal = props.refusal === undefined ? null : (refusals[props.refusal] ?? refusedOther);
  return (
    <section data-testid="receipt-issues">
      {refusal ? <p class="error">{refusal}</p> : null}
      {props.issues.length === 0 ? (
        <p>この会計のレシート・領収書はまだ印刷されていません。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>日時</th>
              <th>種類</th>
              <th>回数</th>
              <th>再発行</th>
              <th>宛名 / 但し書き</th>
              <th>印刷</th>
              <th>依頼</th>
            </tr>
          </thead>
          <tbody>
            {props.issues.map((issue) => (
              <tr data-kind={issue.kind} data-count={issue.count}>
                <td>{timeIn(props.timeZone, new Date(issue.createdAt))}</td>
                <td>{kindLabels[issue.kind]}</td>
                <td class="num">{issue.count}</td>
                <td>{issue.reissue ? '再発行' : ''}</td>
                <td>
                  {issue.addressee ?? ''}
                  {issue.note ? ` / ${issue.note}` : ''}
                </td>
                <td>
                  {statusLabels[issue.status]}
                  {issue.reason ? `(${issue.reason})` : ''}
                </td>
                <td>{issue.requestedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.printable ? (
        <>
          <form method="post" action={action}>
            <CsrfField principal={props.principal} />
            <input type="hidden" name="kind" value="receipt" />
            <button type="submit">レシートを印刷</button>
          </form>
          <form method="post" action={action}>
            <CsrfField principal={props.principal} />
            <input type="hidden" name="kind" value="formal" />
            <label>
              宛名 <input name="addressee" maxlength={40} />
            </label>
            <label>
              但し書き <input name="note" maxlength={40} placeholder="お品代として" />
            </label>
            <button type="submit">領収書を印刷</button>
          </form>
        </>
      ) : null}
    </section>
  );
}

export function receiptIssueRoutes(app: Hono<AppEnv>): void {
  app.post('/days/checkouts/:id/receipts', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    const checkoutId = c.req.param('id');
    const back = `/days/checkouts/${encodeURIComponent(checkoutId)}?${dayQuery(c.req.query('store') ?? '', c.req.query('date') ?? '')}`;
    try {
      await c.get('app').register.issueReceipt(consoleReceiptActor(principal), {
        checkoutId,
        kind: form.kind === 'formal' ? 'formal' : 'receipt',
        ...(form.kind === 'formal' ? { addressee: form.addressee, note: form.note } : {}),
      });
    } catch (error) {
      if (!errorsByPath(error)) throw error;
      const code = (error as { code?: string }).code ?? 'other';
      return c.redirect(`${back}&receiptError=${encodeURIComponent(code)}`);
    }
    return c.redirect(back);
  });
}
