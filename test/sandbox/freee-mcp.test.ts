// Goal (issue 15 item 1): freee's own client, its official MCP server (npm freee-mcp, a pinned
// devDependency), works against the sandbox as it works against freee. The real
// node_modules/freee-mcp/bin/freee-mcp.js runs as a child process pointed at the sandbox by its
// FREEE_* variables, logs in through the sandbox's OAuth (its PKCE authorize URL, the consent
// page's sign-in and 許可する, its own callback server exchanging the code), then reads users/me,
// companies, deals, partners, items, account_items, taxes, sections and walletables through its
// tools, each compared with what the sandbox's database holds, and creates one deal, read back
// from the database. freee-mcp names the 事業所 only in the x-freee-company-id header.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxClient, type SandboxClient } from '../../src/sandbox/oauth/clients.js';
import { seedSandboxMasters } from '../../src/sandbox/seed/masters.js';
import { taxSeeds } from '../../src/sandbox/seed/taxes.js';
import { startMcpProcess, type McpProcess } from './support/mcp-stdio.js';
import { answerConsent, call, login, startHarness, type Harness } from './support/harness.js';

type Rec = Record<string, unknown>;

/** The package's own `freee-mcp` bin (resolved, so knip sees the devDependency used). */
const freeeMcpBin = fileURLToPath(import.meta.resolve('freee-mcp/bin/freee-mcp.js'));
const startTimeoutMs = 20_000;
const toolTimeoutMs = 15_000;
const httpTimeoutMs = 10_000;
const phaseTimeoutMs = 60_000;

let h: Harness;
let mcp: McpProcess;
let client: SandboxClient;
let scratch = '';
let cid: number;
let uriageToken: string;
let seededDealId: number;

/** A port free right now on 127.0.0.1 (freee-mcp listens on it for its OAuth callback). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function rows<T>(sql: string, params: unknown[]): Promise<T[]> {
  return (await h.db.pool.query<T & Rec>(sql, params)).rows;
}

/** A freee-mcp tool that must succeed; its text. */
async function tool(name: string, args: Rec = {}): Promise<string> {
  const answer = await mcp.tool(name, args, toolTimeoutMs);
  assert.equal(answer.isError, false, `${name}: ${answer.text}`);
  return answer.text;
}

/** freee_api_get / freee_api_post: the JSON freee-mcp got from the sandbox (fails on its error text). */
async function api(method: 'get' | 'post', path: string, extra: Rec = {}): Promise<Rec> {
  const text = await tool(`freee_api_${method}`, { service: 'accounting', path, ...extra });
  try {
    return JSON.parse(text) as Rec;
  } catch {
    assert.fail(`${method} ${path}: not JSON: ${text}`);
  }
}

before(
  async () => {
    h = await startHarness();
    cid = h.company.companyId;
    await seedSandboxMasters(h.db.pool, h.clock, cid, { partners: 3, items: 2 });
    // One deal already in the books (made by Uriage's own flow), for freee-mcp to list.
    uriageToken = (await login(h)).accessToken;
    const sales = await rows<{ id: number }>(
      `select id from freee_sandbox.account_items where company_id = $1 and name = '売上高'`,
      [cid],
    );
    const seeded = await call(h, uriageToken, 'POST', '/api/1/deals', {
      company_id: cid,
      issue_date: '2025-06-13',
      type: 'income',
      ref_number: 'seeded-1',
      details: [{ account_item_id: sales[0]?.id, tax_code: 129, amount: 1100 }],
    });
    assert.equal(seeded.status, 201, JSON.stringify(seeded.body));
    seededDealId = ((seeded.body as Rec).deal as Rec).id as number;

    const port = await freePort();
    client = await createSandboxClient(h.db.pool, h.clock, {
      redirectUri: `http://127.0.0.1:${port}/callback`,
      name: 'freee-mcp',
    });
    scratch = mkdtempSync(join(tmpdir(), 'uriage-freee-mcp-'));
    mcp = await startMcpProcess({
      command: process.execPath,
      args: [freeeMcpBin],
      // Only what it needs: no real FREEE_* credentials or proxies of the test's own environment.
      env: {
        PATH: process.env.PATH,
        HOME: scratch,
        XDG_CONFIG_HOME: scratch,
        TZ: 'UTC',
        LOG_LEVEL: 'warn',
        FREEE_CLIENT_ID: client.clientId,
        FREEE_CLIENT_SECRET: client.clientSecret,
        FREEE_CALLBACK_PORT: String(port),
        FREEE_AUTHORIZATION_ENDPOINT: `${h.url}/public_api/authorize`,
        FREEE_TOKEN_ENDPOINT: `${h.url}/public_api/token`,
        FREEE_API_BASE_URL: h.url,
        // Without it the freee_api_* tools call https://api.freee.co.jp.
        FREEE_API_BASE_URL_ACCOUNTING: h.url,
      },
      initializeTimeoutMs: startTimeoutMs,
    });
  },
  { timeout: phaseTimeoutMs },
);

after(async () => {
  await mcp?.close();
  await h?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test(
  'freee-mcp logs in: its authorize URL, the consent page, its callback, a valid token',
  { timeout: phaseTimeoutMs },
  async () => {
    assert.match(await tool('freee_auth_status'), /未認証/);
    const started = await tool('freee_authenticate');
    const authorizeUrl = new URL(/認証URL: (\S+)/.exec(started)?.[1] ?? assert.fail(started));
    assert.equal(`${authorizeUrl.origin}${authorizeUrl.pathname}`, `${h.url}/public_api/authorize`);
    const query = authorizeUrl.searchParams;
    assert.equal(query.get('client_id'), client.clientId);
    assert.equal(query.get('redirect_uri'), client.redirectUri);
    assert.equal(query.get('code_challenge_method'), 'S256');
    assert.equal(query.get('scope'), 'read write');
    const { location, page } = await answerConsent(h, query);
    assert.match(page, /サンドボックス商店/);
    assert.equal(`${location.origin}${location.pathname}`, client.redirectUri);
    assert.equal(location.searchParams.get('state'), query.get('state'));
    // freee-mcp's callback server exchanges the code before it answers.
    const callback = await fetch(location, { signal: AbortSignal.timeout(httpTimeoutMs) });
    const callbackPage = await callback.text();
    assert.equal(callback.status, 200, `${callbackPage}\n${mcp.stderr()}`);
    assert.match(callbackPage, /認証完了/);
    assert.match(await tool('freee_auth_status'), /認証状態: 有効/);
  },
);

test('companies and users/me through its own tools', { timeout: phaseTimeoutMs }, async () => {
  const listed = await tool('freee_list_companies');
  assert.match(listed, new RegExp(`サンドボックス商店 \\(${cid}\\)`));
  const set = await tool('freee_set_current_company', { company_id: String(cid) });
  assert.match(set, new RegExp(`サンドボックス商店 \\(ID: ${cid}\\)`));
  const current = await tool('freee_current_user');
  const userJson = /ユーザー詳細:\n([\s\S]*)$/.exec(current)?.[1] ?? assert.fail(current);
  const user = (JSON.parse(userJson) as { user: Rec }).user;
  assert.equal(user.id, h.company.userId);
  assert.equal(user.email, h.company.signIn?.email);
  const me = await api('get', '/api/1/users/me', { query: { companies: true } });
  assert.deepEqual(
    ((me.user as Rec).companies as Rec[]).map((c) => [c.id, c.display_name, c.role]),
    [[cid, 'サンドボックス商店', 'admin']],
  );
  const companies = (await api('get', '/api/1/companies')).companies as Rec[];
  assert.deepEqual(
    companies.map((c) => [c.id, c.display_name]),
    [[cid, 'サンドボックス商店']],
  );
});

test(
  'masters and deals by the x-freee-company-id header alone, as the database holds them',
  { timeout: phaseTimeoutMs },
  async () => {
    const deals = (await api('get', '/api/1/deals')).deals as Rec[];
    assert.deepEqual(
      deals.map((d) => [d.id, d.company_id, d.issue_date, d.amount, d.ref_number]),
      [[seededDealId, cid, '2025-06-13', 1100, 'seeded-1']],
    );

    const partners = (await api('get', '/api/1/partners')).partners as Rec[];
    const partnerRows = await rows<{ id: number; name: string }>(
      'select id, name from freee_sandbox.partners where company_id = $1 order by id',
      [cid],
    );
    assert.equal(partnerRows.length, 3);
    assert.deepEqual(
      partners.map((p) => [p.id, p.name]),
      partnerRows.map((p) => [p.id, p.name]),
    );

    const items = (await api('get', '/api/1/items')).items as Rec[];
    const itemRows = await rows<{ id: number; name: string }>(
      'select id, name from freee_sandbox.items where company_id = $1 order by id',
      [cid],
    );
    assert.deepEqual(
      items.map((i) => [i.id, i.name]),
      [
        [itemRows[0]?.id, '品目000001'],
        [itemRows[1]?.id, '品目000002'],
      ],
    );

    const accounts = (await api('get', '/api/1/account_items')).account_items as Rec[];
    const accountRows = await rows<{ id: number; name: string }>(
      'select id, name from freee_sandbox.account_items where company_id = $1',
      [cid],
    );
    const byId = (list: { id: unknown; name: unknown }[]) =>
      list.map((a) => `${String(a.id)} ${String(a.name)}`).sort();
    assert.ok(accountRows.length > 10);
    assert.deepEqual(byId(accounts as { id: unknown; name: unknown }[]), byId(accountRows));
    assert.equal(accounts.find((a) => a.name === '現金')?.account_category_id, 36);

    const codes = (await api('get', '/api/1/taxes/codes')).taxes as Rec[];
    assert.deepEqual(
      codes,
      [...taxSeeds]
        .sort((a, b) => a.code - b.code)
        .map((t) => ({ code: t.code, name: t.name, name_ja: t.nameJa })),
    );
    assert.ok(codes.some((t) => t.code === 129 && t.name_ja === '課税売上10%'));
    const companyTaxes = (await api('get', `/api/1/taxes/companies/${cid}`)).taxes as Rec[];
    const taxRows = await rows<{ code: number; name: string; available: boolean }>(
      'select code, name, available from freee_sandbox.taxes where company_id = $1 order by code',
      [cid],
    );
    assert.deepEqual(
      companyTaxes.map((t) => [t.code, t.name, t.available]),
      taxRows.map((t) => [t.code, t.name, t.available]),
    );

    const sections = (await api('get', '/api/1/sections')).sections as Rec[];
    assert.deepEqual(
      sections.map((s) => s.name),
      ['本店'],
    );

    const wallets = (await api('get', '/api/1/walletables', { query: { with_balance: true } }))
      .walletables as Rec[];
    assert.deepEqual(
      wallets.map((w) => [w.id, w.name, w.type]),
      [
        [h.company.cashWalletableId, '現金', 'wallet'],
        [h.company.bankWalletableId, 'サンドボックス銀行', 'bank_account'],
      ],
    );
  },
);

test(
  'a deal created through freee_api_post is in the sandbox database and its API',
  { timeout: phaseTimeoutMs },
  async () => {
    const [sales] = await rows<{ id: number }>(
      `select id from freee_sandbox.account_items where company_id = $1 and name = '売上高'`,
      [cid],
    );
    const created = (
      await api('post', '/api/1/deals', {
        body: {
          company_id: cid,
          issue_date: '2025-06-14',
          type: 'income',
          ref_number: 'freee-mcp-1',
          details: [
            { account_item_id: sales?.id, tax_code: 156, amount: 1080, description: 'freee-mcp' },
          ],
        },
      })
    ).deal as Rec;
    const id = created.id as number;
    assert.notEqual(id, seededDealId);
    const [stored] = await rows<Rec>(
      `select d.company_id, d.issue_date::text as issue_date, d.type, d.ref_number, d.amount::int as amount,
              l.account_item_id, l.tax_code, l.amount::int as line_amount, l.vat::int as vat, l.description
         from freee_sandbox.deals d join freee_sandbox.deal_details l on l.deal_id = d.id
        where d.id = $1`,
      [id],
    );
    assert.deepEqual(stored, {
      company_id: cid,
      issue_date: '2025-06-14',
      type: 'income',
      ref_number: 'freee-mcp-1',
      amount: 1080,
      account_item_id: sales?.id,
      tax_code: 156,
      line_amount: 1080,
      vat: 80,
      description: 'freee-mcp',
    });
    const readBack = await call(h, uriageToken, 'GET', `/api/1/deals/${id}?company_id=${cid}`);
    assert.equal(readBack.status, 200, JSON.stringify(readBack.body));
    assert.equal(((readBack.body as Rec).deal as Rec).ref_number, 'freee-mcp-1');
    // And freee-mcp lists both deals now.
    const deals = (await api('get', '/api/1/deals')).deals as Rec[];
    const ascending = (a: number, b: number) => a - b;
    assert.deepEqual(
      deals.map((d) => d.id as number).sort(ascending),
      [seededDealId, id].sort(ascending),
    );
  },
);
