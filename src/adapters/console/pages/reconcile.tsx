// 連携 > 消込 (/reconcile): upload a statement (size checked before the body is read), the open
// deposits with suggestions, accept (one click; Idempotency-Key = the form's application id, CSRF),
// undo, retry, manual search by amount/partner/date, the automatic-apply setting (admin).
import type { Context, Hono } from 'hono';
import { AppError, forbidden, validationError } from '../../../app/errors.js';
import type { Overview } from '../../../app/reconcile/use-cases.js';
import type { Receivable } from '../../../domain/reconcile/model.js';
import { statementUploadBytesMax as statementBytesMax } from '../../../app/reconcile/statements.js';
import { csrfOk } from '../../http/auth-middleware.js';
import type { AppEnv } from '../../http/context.js';
import { normalizeDateInput, parseYenInput } from '../form-parsing.js';
import { canAdmin, consoleStaff, readForm, type StaffPrincipal } from '../session.js';
import { ReconcilePage, type ManualSearch } from './reconcile-view.js';

/** Room for the multipart framing and the other fields around the file. */
const uploadOverheadBytes = 64 * 1024;
const foundMax = 50;

function searchOf(c: Context<AppEnv>): ManualSearch {
  return {
    amount: c.req.query('amount') ?? '',
    partner: c.req.query('partner') ?? '',
    from: c.req.query('from') ?? '',
    to: c.req.query('to') ?? '',
  };
}

/** The open receivables the manual search names (null: nothing searched). */
function found(overview: Overview, s: ManualSearch): Receivable[] | null {
  if (s.amount === '' && s.partner === '' && s.from === '' && s.to === '') return null;
  const amount = s.amount === '' ? null : parseYenInput(s.amount, '金額');
  if (amount && !amount.ok) throw validationError([{ path: 'amount', message: amount.message }]);
  const from = s.from === '' ? '' : normalizeDateInput(s.from);
  const to = s.to === '' ? '' : normalizeDateInput(s.to);
  const partner = s.partner.trim();
  return overview.receivables
    .filter(
      (r) =>
        (!amount || r.dueAmountYen === amount.value || r.amountYen === amount.value) &&
        (partner === '' ||
          (r.partnerId !== null &&
            (overview.partnerNames.get(r.partnerId) ?? '').includes(partner))) &&
        (from === '' || r.issueDate >= from) &&
        (to === '' || r.issueDate <= to),
    )
    .slice(0, foundMax);
}

async function render(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  extra: { error?: string; notice?: string } = {},
  status: 200 | 400 | 409 | 413 | 503 = 200,
) {
  const overview = await c.get('app').reconcile.overview(principal.companyId);
  const search = searchOf(c);
  let list: Receivable[] | null = null;
  let error = extra.error;
  try {
    list = found(overview, search);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.fields[0]?.message ?? e.userMessage;
  }
  return c.html(
    <ReconcilePage
      principal={principal}
      overview={overview}
      search={search}
      found={list}
      {...(error ? { error } : {})}
      {...(extra.notice ? { notice: extra.notice } : {})}
    />,
    status,
  );
}

const failureStatus = (e: AppError) =>
  e.kind === 'conflict' ? 409 : e.kind === 'unavailable' ? 503 : 400;

/** Runs a write; an AppError shows the page with its message (nothing else was written). */
async function writing(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  work: () => Promise<string>,
): Promise<Response> {
  try {
    return c.redirect(`/reconcile?done=${await work()}`, 303);
  } catch (e) {
    if (!(e instanceof AppError) || e.kind === 'forbidden') throw e;
    const message = e.userMessage === '入力内容に誤りがあります。' ? e.fields[0]?.message : null;
    return render(c, principal, { error: message ?? e.userMessage }, failureStatus(e));
  }
}

const notices: Record<string, string> = {
  imported: '明細を取り込みました。',
  accepted: '消し込みました。freeeの取引に入金を登録しました。',
  undone: '消込を取り消しました。',
  resumed: '再試行しました。',
  saved: '保存しました。',
};

async function importUpload(c: Context<AppEnv>, principal: StaffPrincipal): Promise<Response> {
  const length = Number(c.req.header('content-length') ?? 'NaN');
  if (!Number.isFinite(length))
    return render(
      c,
      principal,
      { error: '明細ファイルの大きさが分かりません(Content-Lengthがありません)。' },
      400,
    );
  if (length > statementBytesMax + uploadOverheadBytes)
    return render(
      c,
      principal,
      { error: `明細ファイルが大きすぎます(${statementBytesMax / 1024 / 1024}MBまで)。` },
      413,
    );
  const body = await c.req.parseBody();
  const token = typeof body._csrf === 'string' ? body._csrf : undefined;
  if (!csrfOk(c, principal, token))
    throw new AppError('forbidden', 'csrf_failed', '画面を再読み込みしてからやり直してください。');
  const file = body.statement;
  if (!(file instanceof File) || file.size === 0)
    return render(c, principal, { error: '明細ファイルを選んでください。' }, 400);
  if (file.size > statementBytesMax)
    return render(c, principal, { error: '明細ファイルが大きすぎます。' }, 413);
  const bytes = Buffer.from(await file.arrayBuffer());
  return writing(c, principal, async () => {
    const r = await c.get('app').reconcile.importStatement(principal.companyId, bytes);
    return `imported&added=${r.added}&known=${r.alreadyKnown}&auto=${r.autoApplied}`;
  });
}

/** Every value of `deals` (a combination sends several). */
async function acceptForm(c: Context<AppEnv>, principal: StaffPrincipal) {
  const body = await c.req.parseBody({ all: true });
  const one = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : '');
  if (!csrfOk(c, principal, one(body._csrf)))
    throw new AppError('forbidden', 'csrf_failed', '画面を再読み込みしてからやり直してください。');
  const deals = ([] as unknown[]).concat(body.deals ?? []).filter((v) => typeof v === 'string');
  return {
    line: one(body.line),
    deals: deals as string[],
    idempotencyKey: c.req.header('idempotency-key') ?? one(body.idempotencyKey),
  };
}

export function reconcileRoutes(app: Hono<AppEnv>): void {
  app.get('/reconcile', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const done = c.req.query('done');
    let notice = done ? notices[done] : undefined;
    if (done === 'imported')
      notice = `明細を取り込みました(新規 ${c.req.query('added') ?? 0}件、取り込み済み ${c.req.query('known') ?? 0}件、自動消込 ${c.req.query('auto') ?? 0}件)。`;
    return render(c, principal, notice ? { notice } : {});
  });
  app.post('/reconcile/import', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    return importUpload(c, principal);
  });
  app.post('/reconcile/accept', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await acceptForm(c, principal);
    const actor = { companyId: principal.companyId, label: principal.staff.name };
    return writing(c, principal, async () => {
      await c.get('app').reconcile.accept(actor, form.line, form.deals, form.idempotencyKey);
      return 'accepted';
    });
  });
  for (const [path, done] of [
    ['/reconcile/undo', 'undone'],
    ['/reconcile/resume', 'resumed'],
  ] as const)
    app.post(path, async (c) => {
      const principal = consoleStaff(c);
      if (!principal) return c.redirect('/login');
      const form = await readForm(c, principal);
      const reconcile = c.get('app').reconcile;
      return writing(c, principal, async () => {
        const id = form.application ?? '';
        if (done === 'undone') await reconcile.undo(principal.companyId, id);
        else await reconcile.resume(principal.companyId, id);
        return done;
      });
    });
  app.post('/reconcile/settings', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    if (!canAdmin(principal)) throw forbidden('消込の設定は管理者だけが変更できます。');
    return writing(c, principal, async () => {
      await c.get('app').reconcile.saveSettings(principal.companyId, {
        autoApplyExact: form.autoApplyExact === '1',
        bankSynced: form.bankSynced === '1',
      });
      return 'saved';
    });
  });
}
