// GET /books/deals/{id}?company_id=N: a read-only HTML page of one 取引 as freee's 取引の詳細 shows it
// (発生日, 種別, 取引先, 管理番号, 金額, the 明細 with 勘定科目 / 税区分 / 品目 / 部門 / 備考, 決済), so
// the demo's 連携結果 links open something a person can read. Only a signed-in sandbox user (the same
// login and session cookie as the consent page) who is a member of the 事業所 the link names sees
// it: without a session the page asks for the login (401); a deal of a 事業所 the user does not
// belong to is the same 404 as an unknown id (issue #10 item 3: nobody reads another 事業所's
// books). Everything is escaped (hono/html) and the page sends a CSP with no scripts at all.
import { and, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import {
  accountItems,
  companies,
  items,
  partners,
  sections,
  taxes,
  walletables,
} from '../db/schema.js';
import { loadDeal, type DealRecord } from '../deals/read.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { findMembership } from '../http/auth.js';
import {
  sessionCookie,
  sessionCookiePath,
  sessionSignerFor,
  verifySignIn,
} from '../oauth/sign-in.js';
import { getCookie, setCookie } from 'hono/cookie';

type Page = HtmlEscapedString | Promise<HtmlEscapedString>;

const pageCsp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'self'; frame-ancestors 'none'";
/** Where the sign-in form may send the user back to: a deal page of this router only. */
const nextPattern = /^deals\/[1-9]\d{0,9}\?company_id=[1-9]\d{0,9}$/;
const formBytesMax = 4096;

/** `action` is relative to the page that shows the form (a deal page or the sign-in answer). */
function signInForm(next: string, failed: boolean, action: string): Page {
  return page(
    'ログイン',
    html`<h1>freee サンドボックスにログイン</h1>
      <p>取引を見るには、この事業所のサンドボックスユーザーでログインしてください。</p>
      ${failed ? html`<p role="alert">メールアドレスまたはパスワードが正しくありません。</p>` : ''}
      <form method="post" action="${action}">
        <input type="hidden" name="next" value="${next}" />
        <p>
          <label for="sandbox-email">メールアドレス</label>
          <input id="sandbox-email" type="email" name="email" autocomplete="username" required />
        </p>
        <p>
          <label for="sandbox-password">パスワード</label>
          <input
            id="sandbox-password"
            type="password"
            name="password"
            autocomplete="current-password"
            required
          />
        </p>
        <button type="submit" id="sandbox-sign-in">ログイン</button>
      </form>`,
  );
}
const css = `body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}
table{border-collapse:collapse;width:100%;margin:8px 0 20px}th,td{border:1px solid #bbb;padding:6px 8px;text-align:left;vertical-align:top}
td.yen{text-align:right;white-space:nowrap}th{background:#eef2f6}dl{display:grid;grid-template-columns:9em 1fr;gap:4px 12px}dt{font-weight:bold}
.note{color:#555}`;

const yen = (amount: number) => `¥${amount.toLocaleString('ja-JP')}`;
const positiveId = (text: string | undefined) =>
  text !== undefined && /^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2_147_483_647
    ? Number(text)
    : null;

interface Names {
  company: string;
  accountItem: Map<number, string>;
  tax: Map<number, string>;
  item: Map<number, string>;
  section: Map<number, string>;
  partner: Map<number, string>;
  walletable: Map<number, string>;
}

async function namesFor(deps: SandboxDeps, companyId: number, record: DealRecord): Promise<Names> {
  const ids = (pick: (d: DealRecord['details'][number]) => number | null) => [
    ...new Set(record.details.map(pick).filter((id): id is number => id !== null)),
  ];
  const db = deps.db;
  const [company] = await db
    .select({ name: companies.displayName })
    .from(companies)
    .where(eq(companies.id, companyId));
  const byId = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  const accountIds = ids((d) => d.accountItemId);
  const itemIds = ids((d) => d.itemId);
  const sectionIds = ids((d) => d.sectionId);
  const partnerIds = [
    ...ids((d) => d.partnerId),
    ...(record.deal.partnerId === null ? [] : [record.deal.partnerId]),
  ];
  const walletIds = record.payments.map((p) => p.fromWalletableId);
  const some = (list: number[]) => (list.length === 0 ? [0] : list);
  return {
    company: company?.name ?? '',
    accountItem: byId(
      await db
        .select({ id: accountItems.id, name: accountItems.name })
        .from(accountItems)
        .where(
          and(eq(accountItems.companyId, companyId), inArray(accountItems.id, some(accountIds))),
        ),
    ),
    tax: new Map(
      (
        await db
          .select({ code: taxes.code, name: taxes.nameJa })
          .from(taxes)
          .where(eq(taxes.companyId, companyId))
      ).map((t) => [t.code, t.name]),
    ),
    item: byId(
      await db
        .select({ id: items.id, name: items.name })
        .from(items)
        .where(and(eq(items.companyId, companyId), inArray(items.id, some(itemIds)))),
    ),
    section: byId(
      await db
        .select({ id: sections.id, name: sections.name })
        .from(sections)
        .where(and(eq(sections.companyId, companyId), inArray(sections.id, some(sectionIds)))),
    ),
    partner: byId(
      await db
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(and(eq(partners.companyId, companyId), inArray(partners.id, some(partnerIds)))),
    ),
    walletable: byId(
      await db
        .select({ id: walletables.id, name: walletables.name })
        .from(walletables)
        .where(and(eq(walletables.companyId, companyId), inArray(walletables.id, some(walletIds)))),
    ),
  };
}

const nameOf = (map: Map<number, string>, id: number | null) =>
  id === null ? '' : (map.get(id) ?? `#${id}`);

function page(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>): Page {
  return html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} | freee サンドボックス</title>
        <style>
          ${css}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;
}

function detailRows(record: DealRecord, names: Names) {
  return record.details.map(
    (d) =>
      html`<tr>
        <td>${d.entrySide === 'debit' ? '借方' : '貸方'}</td>
        <td>${nameOf(names.accountItem, d.accountItemId)}</td>
        <td>${names.tax.get(d.taxCode) ?? String(d.taxCode)}</td>
        <td class="yen">${yen(d.amount)}</td>
        <td class="yen">${yen(d.vat)}</td>
        <td>${nameOf(names.item, d.itemId)}</td>
        <td>${nameOf(names.section, d.sectionId)}</td>
        <td>${nameOf(names.partner, d.partnerId)}</td>
        <td>${d.description ?? ''}</td>
      </tr>`,
  );
}

function dealPage(record: DealRecord, names: Names): Page {
  const { deal } = record;
  const payments = record.payments.map(
    (p) =>
      html`<tr>
        <td>${p.date}</td>
        <td>${nameOf(names.walletable, p.fromWalletableId)}</td>
        <td class="yen">${yen(p.amount)}</td>
      </tr>`,
  );
  const paid = record.payments.reduce((sum, p) => sum + p.amount, 0);
  return page(
    `取引 ${deal.id}`,
    html`<h1>取引の詳細 <small>(ID ${deal.id})</small></h1>
      <p class="note">${names.company} ・ freee会計サンドボックス(閲覧のみ)</p>
      <dl id="deal-summary">
        <dt>発生日</dt>
        <dd>${deal.issueDate}</dd>
        <dt>種別</dt>
        <dd>${deal.type === 'expense' ? '支出' : '収入'}</dd>
        <dt>取引先</dt>
        <dd>${nameOf(names.partner, deal.partnerId)}</dd>
        <dt>管理番号</dt>
        <dd id="deal-ref">${deal.refNumber ?? ''}</dd>
        <dt>金額</dt>
        <dd id="deal-amount">${yen(deal.amount)}</dd>
        <dt>決済期日</dt>
        <dd>${deal.dueDate ?? ''}</dd>
        <dt>状態</dt>
        <dd>${paid >= deal.amount ? '完了' : `未決済(残り ${yen(deal.amount - paid)})`}</dd>
      </dl>
      <h2>明細</h2>
      <table id="deal-details">
        <thead>
          <tr>
            <th>貸借</th>
            <th>勘定科目</th>
            <th>税区分</th>
            <th>金額</th>
            <th>消費税</th>
            <th>品目</th>
            <th>部門</th>
            <th>取引先</th>
            <th>備考</th>
          </tr>
        </thead>
        <tbody>
          ${detailRows(record, names)}
        </tbody>
      </table>
      <h2>決済</h2>
      ${
        record.payments.length === 0
          ? html`<p>決済はありません。</p>`
          : html`<table id="deal-payments">
              <thead>
                <tr>
                  <th>決済日</th>
                  <th>口座</th>
                  <th>金額</th>
                </tr>
              </thead>
              <tbody>
                ${payments}
              </tbody>
            </table>`
      }`,
  );
}

export function bookRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const sessions = sessionSignerFor(deps);
  app.use('*', async (c, next) => {
    c.header('Content-Security-Policy', pageCsp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.post('/sign-in', async (c) => {
    const length = Number(c.req.header('content-length') ?? 'NaN');
    if (!(length <= formBytesMax)) return c.text('Payload Too Large', 413);
    const form = (await c.req.parseBody()) as Record<string, string | undefined>;
    const next = form.next ?? '';
    if (!nextPattern.test(next)) return c.text('Bad Request', 400);
    const userId = await verifySignIn(deps.db, form.email ?? '', form.password ?? '');
    if (userId === null) return c.html(signInForm(next, true, 'sign-in'), 401);
    setCookie(c, sessionCookie, sessions.sign(userId, deps.clock.now()), {
      path: sessionCookiePath(deps.baseUrl),
      httpOnly: true,
      sameSite: 'Lax',
    });
    return c.redirect(next, 303);
  });
  app.get('/deals/:id', async (c) => {
    const id = positiveId(c.req.param('id'));
    const companyId = positiveId(c.req.query('company_id'));
    const userId = sessions.userOf(getCookie(c, sessionCookie), deps.clock.now());
    if (userId === null) {
      const next = id === null || companyId === null ? '' : `deals/${id}?company_id=${companyId}`;
      return c.html(signInForm(next, false, '../sign-in'), 401);
    }
    const member = companyId === null ? null : await findMembership(deps, userId, companyId);
    const record =
      id === null || companyId === null || member === null
        ? null
        : await loadDeal(deps.db, companyId, id);
    if (!record || companyId === null)
      return c.html(
        page(
          '取引が見つかりません',
          html`<h1>取引が見つかりません</h1>
            <p>この事業所にこの取引はありません(事業所IDと取引IDを確かめてください)。</p>`,
        ),
        404,
      );
    return c.html(dealPage(record, await namesFor(deps, companyId, record)));
  });
  app.all('*', (c) => c.text('Not Found', 404));
  return app;
}
