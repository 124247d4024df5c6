// Goal (issue #10 §6 and the hostile suite): generated malformed bodies on every write route of the
// API and the console's forms never get a 5xx, never write a row when refused, and every 400 names
// its field. Method: a real HTTP server; for each route a valid base body is mutated field by field
// (wrong type, NUL, lone surrogate, huge and negative numbers, impossible dates, missing field) and
// as a whole (extra field, invalid JSON, wrong content type, bytes that are not UTF-8, non-objects);
// the rows of every table are counted before and after each request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../support/app.js';
import { checkout, drawerEvent, registerToken } from '../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;
let admin: ApiSession;
let token: string;

before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'fuzz', ['0001']);
  admin = await apiSession(app, company);
  token = await registerToken(app, company);
});
after(async () => app?.close());

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Case {
  route: string;
  method: string;
  path: string;
  label: string;
  body: string | Uint8Array;
  contentType: string;
  bearer?: boolean;
}

/** Every leaf of a JSON value with its path (`lines[0].name`). */
function leaves(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return entries.flatMap(([key, child]) => leaves(child as Json, [...path, key]));
}

function withLeaf(base: Json, path: (string | number)[], replace: Json | undefined): Json {
  const copy = structuredClone(base) as Record<string | number, Json>;
  let node: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replace === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = replace;
  return copy as Json;
}

function mutations(base: Json): { label: string; value: Json | undefined; path: string }[] {
  const out: { label: string; value: Json | undefined; path: string }[] = [];
  for (const path of leaves(base).filter((p) => p.length > 0)) {
    const name = path.join('.');
    const leaf = path.reduce<Json>((node, key) => (node as Record<string, Json>)[key]!, base);
    const variants: [string, Json | undefined][] =
      typeof leaf === 'number'
        ? [
            ['string', 'x'],
            ['huge', 1e308],
            ['beyond 2^53', 2 ** 64],
            ['negative', -1_000_000_000_000],
            ['fraction', 0.5],
          ]
        : typeof leaf === 'string'
          ? [
              ['number', 12],
              ['NUL', `${leaf}\u0000`],
              ['lone surrogate', `\uD800${leaf}`],
              ['bad date', '2026-02-30'],
              ['long', 'x'.repeat(5000)],
            ]
          : typeof leaf === 'boolean'
            ? [['string', 'yes']]
            : [['object', {}]];
    variants.push(['missing', undefined]);
    for (const [label, value] of variants)
      out.push({ label: `${name}: ${label}`, path: name, value: withLeaf(base, path, value) });
  }
  return out;
}

function casesOf(route: { method: string; path: string; base: Json; bearer?: boolean }): Case[] {
  const json = 'application/json';
  const of = (label: string, body: string | Uint8Array, contentType = json): Case => ({
    route: `${route.method} ${route.path}`,
    method: route.method,
    path: route.path,
    label,
    body,
    contentType,
    ...(route.bearer ? { bearer: true } : {}),
  });
  const cases = mutations(route.base).map((m) => of(m.label, JSON.stringify(m.value)));
  const extra = { ...(route.base as Record<string, Json>), unexpectedField: 1 };
  cases.push(
    of('extra field', JSON.stringify(extra)),
    of('invalid JSON', '{"a": '),
    of('wrong content type', JSON.stringify(route.base), 'text/plain'),
    of('array body', '[]'),
    of('null body', 'null'),
    of('not UTF-8', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
    of('NUL key', JSON.stringify({ ...(route.base as object), ['a\u0000']: 1 })),
  );
  return cases;
}

async function rowCounts(): Promise<Map<string, number>> {
  const { rows: tables } = await app.db.pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('sessions', 'login_failures') order by 1`,
  );
  const counts = new Map<string, number>();
  for (const { name } of tables) {
    const { rows } = await app.db.pool.query<{ n: number }>(
      `select count(*)::int as n from "${name}"`,
    );
    counts.set(name, rows[0]?.n ?? -1);
  }
  return counts;
}

async function send(c: Case): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': c.contentType };
  if (c.bearer) headers.authorization = `Bearer ${token}`;
  else Object.assign(headers, { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken });
  return fetch(`${app.url}${c.path}`, { method: c.method, headers, body: c.body });
}

const day = '/api/v1/stores/0001/days/2025-01-10';
const routes: { method: string; path: string; base: Json; bearer?: boolean }[] = [
  {
    method: 'POST',
    path: '/api/v1/checkouts',
    base: checkout('fz-1') as unknown as Json,
    bearer: true,
  },
  {
    method: 'POST',
    path: '/api/v1/checkouts',
    base: { checkouts: [checkout('fz-2') as unknown as Json] },
  },
  { method: 'POST', path: '/api/v1/drawer-events', base: drawerEvent('fz-d1') as Json },
  { method: 'POST', path: `${day}/close`, base: { float: 30000, countedCash: 31000 } },
  { method: 'PUT', path: '/api/v1/company', base: { name: '会社', roundingMode: 'floor' } },
  {
    method: 'PUT',
    path: '/api/v1/payment-methods/gift',
    base: {
      name: '商品券',
      kind: 'voucher',
      givesChange: false,
      settlement: 'unsettled',
      sortOrder: 9,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/staff',
    base: { code: 's9', name: '担当', role: 'staff', password: 'x' },
  },
  {
    method: 'PATCH',
    path: '/api/v1/staff/admin',
    base: { name: '管理', role: 'admin', active: 'x' },
  },
  {
    method: 'PUT',
    path: '/api/v1/stores/0001',
    base: {
      name: '店',
      timeZone: 'Asia/Tokyo',
      registers: ['01'],
      printer: { kind: 'escpos', host: '', port: 9100 },
    },
  },
  { method: 'POST', path: '/api/v1/stores/0001/registers/01/tokens', base: { label: 1 } },
  {
    method: 'POST',
    path: '/api/v1/stores/0001/posting',
    base: { from: '2025-01-10', to: '2025-02-30' },
  },
  { method: 'POST', path: `${day}/print`, base: { version: 'x', note: 1 } },
  {
    method: 'PUT',
    path: '/api/v1/stores/0001/report-settings',
    base: {
      title: '',
      hourly: { enabled: true, startHour: 30, endHour: 1 },
      taxBreakdown: { sales: true, paymentMethods: 'x' },
    },
  },
];

test('malformed bodies on every write route: no 5xx, nothing written, every 400 names a field', async () => {
  const cases = routes.flatMap(casesOf);
  assert.ok(cases.length >= 100, `${cases.length} cases`);
  const problems: string[] = [];
  const statuses = new Map<number, number>();
  for (const c of cases) {
    const before = await rowCounts();
    const response = await send(c);
    const text = await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const where = `${c.route} [${c.label}] → ${response.status}`;
    if (response.status >= 500) problems.push(`${where} ${text.slice(0, 200)}`);
    if (response.status >= 400) {
      const after = await rowCounts();
      for (const [table, n] of after)
        if (before.get(table) !== n)
          problems.push(`${where}: ${table} ${before.get(table)} → ${n}`);
    }
    if (response.status === 400) {
      const fields = (JSON.parse(text) as { error: { fields: { path: string }[] } }).error.fields;
      if (fields.length === 0) problems.push(`${where}: no field named`);
    }
    if (response.status === 200 && c.path === '/api/v1/checkouts') {
      const report = JSON.parse(text) as {
        results?: { result: string; error?: { fields: unknown[] } }[];
      };
      for (const r of report.results ?? [])
        if (r.result === 'rejected' && (r.error?.fields.length ?? 0) === 0)
          problems.push(`${where}: rejected item names no field`);
    }
  }
  console.log(`${cases.length} malformed requests; statuses ${JSON.stringify([...statuses])}`);
  assert.deepEqual(problems, []);
});
