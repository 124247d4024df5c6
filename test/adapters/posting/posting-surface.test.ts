// Goal: what users touch: the posting settings (API and console form, defaults, field errors, who
// may save), 連携結果 (API and the /integrations page: status, deals with a freee link, the POS Reg
// filter, 再実行 of a day and a range), and the CLI (`uriage post`, `uriage deals`).
// Method: real HTTP with a staff session; the job runtime for re-runs; runCli in a worker thread over
// the same database (DATABASE_URL = the test database) with the same secret key and public URL.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { postingTimings } from '../../../src/app/posting/timings.js';
import {
  createSecretBox,
  generateSecretKeyText,
  parseSecretKey,
} from '../../../src/adapters/crypto/secret-box.js';
import { startJobRuntime, type JobRuntime } from '../../../src/main/job-runtime.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { postingJobModule } from '../../../src/app/posting/jobs.js';
import { apiSession, type ApiSession } from '../../support/app.js';
import { postingDepsOf } from '../../support/deps.js';
import {
  checkout,
  closeOf,
  dealCount,
  ingest,
  item,
  post,
  startPostingHarness,
  type PostingHarness,
} from './support.js';
import { waitFor } from '../../support/wait.js';

const now = '2025-01-10T09:00:00+09:00';
const keyText = generateSecretKeyText();
let h: PostingHarness;
let admin: ApiSession;
let runtime: JobRuntime;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uriage-posting-cli-'));
  h = await startPostingHarness({
    now,
    secretBox: createSecretBox(parseSecretKey(keyText)),
    stores: ['0001', '0002'],
  });
  admin = await apiSession(h.app, h.connected.company);
  const timings = postingTimings({ scale: 0.001, requestTimeoutMs: 2_000 });
  runtime = await startJobRuntime({
    connectionString: h.app.db.connectionString,
    pool: h.app.db.pool,
    clock: h.app.clock,
    logger: silentLogger,
    modules: [
      postingJobModule(() => postingDepsOf(h.app.services, timings), timings, { perProcess: 2 }),
    ],
    pollingIntervalSeconds: 0.5,
    dispatchIntervalMs: 60_000,
  });
  h.app.services.jobs = runtime.queue;
  await runtime.startWorkers();
  await ingest(h, [
    checkout(
      'a1',
      '0001',
      '2025-01-06',
      [item(1100, 'standard10')],
      [{ method: 'credit', amount: 1100 }],
    ),
    checkout(
      'a2',
      '0001',
      '2025-01-06',
      [item(500, 'reduced8')],
      [{ method: 'cash', amount: 500 }],
    ),
  ]);
  await closeOf(h, '0001', '2025-01-06', 0, 500);
  assert.equal((await post(h, '0001', '2025-01-06')).status, 'posted');
  await ingest(h, [
    checkout(
      'b1',
      '0001',
      '2025-01-07',
      [item(2200, 'standard10')],
      [{ method: 'paypay', amount: 2200 }],
    ),
  ]);
  await closeOf(h, '0001', '2025-01-07', 0, 0);
});
after(async () => {
  await runtime?.stop();
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('settings API', () => {
  it('GET gives every method and store with defaults', async () => {
    const response = await admin.request('GET', '/api/v1/posting/settings');
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      settings: {
        accountNames: Record<string, string>;
        methods: { code: string }[];
        stores: { storeCode: string; sectionName: string | null }[];
      };
      stored: boolean;
    };
    assert.equal(body.settings.accountNames.sales, '売上高');
    assert.deepEqual(
      body.settings.methods.map((m) => m.code),
      ['cash', 'credit', 'paypay', 'giftNoChange', 'giftChange'],
    );
    assert.deepEqual(
      body.settings.stores.map((s) => [s.storeCode, s.sectionName]),
      [
        ['0001', '本店'],
        ['0002', '本店'],
      ],
    );
    assert.equal(body.stored, true);
  });
  it('PUT refuses a bad schedule and an unknown store, naming the fields; nothing is written', async () => {
    const current = (await (await admin.request('GET', '/api/v1/posting/settings')).json()) as {
      settings: Record<string, unknown> & {
        methods: Record<string, unknown>[];
        stores: Record<string, unknown>[];
      };
    };
    const bad = {
      ...current.settings,
      methods: current.settings.methods.map((m) =>
        m.code === 'credit'
          ? {
              ...m,
              schedule: { kind: 'monthly', cutoffDay: 40, paymentMonthOffset: 1, paymentDay: 15 },
            }
          : m,
      ),
      stores: [
        ...current.settings.stores,
        { storeCode: '9999', sectionName: null, cashWalletableName: '現金' },
      ],
    };
    const response = await admin.request('PUT', '/api/v1/posting/settings', bad);
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { fields: { path: string }[] } };
    assert.ok(
      body.error.fields.some((f) => f.path.startsWith('methods[1].schedule')),
      JSON.stringify(body),
    );
    const after = (await (await admin.request('GET', '/api/v1/posting/settings')).json()) as {
      settings: { methods: { code: string; schedule: unknown }[] };
    };
    assert.equal(after.settings.methods.find((m) => m.code === 'credit')?.schedule, null);
  });
  it('PUT saves a valid document (a 15日締め当月末払い card schedule)', async () => {
    const current = (await (await admin.request('GET', '/api/v1/posting/settings')).json()) as {
      settings: { methods: Record<string, unknown>[] };
    };
    const next = {
      ...current.settings,
      methods: current.settings.methods.map((m) =>
        m.code === 'credit'
          ? {
              ...m,
              schedule: {
                kind: 'monthly',
                cutoffDay: 15,
                paymentMonthOffset: 0,
                paymentDay: 'end',
              },
            }
          : m,
      ),
    };
    const response = await admin.request('PUT', '/api/v1/posting/settings', next);
    assert.equal(response.status, 200, await response.clone().text());
    const saved = (await response.json()) as {
      settings: { methods: { code: string; schedule: { cutoffDay: number } | null }[] };
    };
    assert.equal(saved.settings.methods.find((m) => m.code === 'credit')?.schedule?.cutoffDay, 15);
  });
});

describe('連携結果', () => {
  it('API: a posted day with its deals and sandbox links; a closed day never sent shows 未送信', async () => {
    const response = await admin.request(
      'GET',
      '/api/v1/posting/results?from=2025-01-01&to=2025-01-10',
    );
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as {
      items: {
        businessDate: string;
        status: string;
        statusLabel: string;
        deals: { refNumber: string; amountYen: number; url: string; itemName: string }[];
      }[];
    };
    const posted = items.find((d) => d.businessDate === '2025-01-06');
    assert.equal(posted?.statusLabel, '送信済');
    assert.deepEqual(posted?.deals.map((d) => [d.refNumber, d.amountYen]).sort(), [
      ['URG-pos.0001-20250106-cash', 500],
      ['URG-pos.0001-20250106-credit', 1100],
    ]);
    assert.match(
      posted?.deals[0]?.url ?? '',
      /\/sandbox\/freee\/books\/deals\/\d+\?company_id=\d+$/,
    );
    assert.equal(items.find((d) => d.businessDate === '2025-01-07')?.statusLabel, '未送信');
    const filtered = (await (
      await admin.request(
        'GET',
        `/api/v1/posting/results?from=2025-01-01&to=2025-01-10&item=${encodeURIComponent('POS Reg')}`,
      )
    ).json()) as { items: { businessDate: string; deals: { itemName: string }[] }[] };
    assert.deepEqual(
      filtered.items.map((d) => d.businessDate),
      ['2025-01-06'],
    );
    assert.ok(filtered.items[0]?.deals.every((d) => d.itemName.startsWith('【POS Reg】')));
    const none = (await (
      await admin.request(
        'GET',
        '/api/v1/posting/results?from=2025-01-01&to=2025-01-10&item=nothing-like-this',
      )
    ).json()) as { items: unknown[] };
    assert.deepEqual(none.items, []);
  });
  it('console: /integrations shows statuses, amounts and links; 再実行 of a range queues the closed days', async () => {
    const page = await (
      await admin.request('GET', '/integrations?from=2025-01-01&to=2025-01-10')
    ).text();
    assert.match(page, /data-date="2025-01-06" data-status="posted"/);
    assert.match(page, /URG-pos.0001-20250106-credit<\/a>/);
    assert.match(page, /¥1,100/);
    assert.match(page, /data-date="2025-01-07" data-status="queued"/);
    const form = new URLSearchParams({
      _csrf: admin.csrfToken,
      store: '0001',
      from: '2025-01-01',
      to: '2025-01-10',
    });
    const rerun = await fetch(`${h.app.url}/integrations/posting/rerun`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    });
    assert.equal(rerun.status, 303);
    assert.match(
      decodeURIComponent(rerun.headers.get('location') ?? ''),
      /再実行を受け付けました\(2日\)/,
    );
    await waitFor(async () => {
      const { rows } = await h.app.db.pool.query<{ status: string }>(
        `select status from posting_days where business_date = '2025-01-07'`,
      );
      return rows[0]?.status === 'posted';
    }, 20_000);
  });
  it('API: 再実行 of one day (202) and GET …/deals gives freee deal JSON of the store-day', async () => {
    const rerun = await admin.request('POST', '/api/v1/stores/0001/days/2025-01-06/posting');
    assert.equal(rerun.status, 202);
    const deals = await admin.request('GET', '/api/v1/stores/0001/days/2025-01-07/deals');
    assert.equal(deals.status, 200);
    const body = (await deals.json()) as {
      deals: { ref_number: string; amount: number; partner_id: number; due_date: string }[];
    };
    assert.deepEqual(
      body.deals.map((d) => [d.ref_number, d.amount]),
      [['URG-pos.0001-20250107-paypay', 2200]],
    );
  });
  it('the settings page saves a form (a store without 部門) and shows field errors', async () => {
    const page = await (
      await admin.request('GET', '/admin/settings/integrations/freee/posting')
    ).text();
    assert.match(page, /name="a\.sales" value="売上高"/);
    const fields: Record<string, string> = { _csrf: admin.csrfToken };
    for (const match of page.matchAll(/<input([^>]*)>/g)) {
      const name = /name="([^"]+)"/.exec(match[1] as string)?.[1];
      const value = /value="([^"]*)"/.exec(match[1] as string)?.[1];
      if (name && value !== undefined) fields[name] = value.replace(/&amp;/g, '&');
    }
    for (const match of page.matchAll(
      /<select name="([^"]+)"[^>]*>(?:(?!<\/select>).)*?<option value="([^"]*)" selected=""/gs,
    ))
      fields[match[1] as string] = match[2] as string;
    fields['s.0002.sectionName'] = '';
    const saved = await fetch(`${h.app.url}/admin/settings/integrations/freee/posting`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });
    assert.equal(saved.status, 303, await saved.clone().text());
    const api = (await (await admin.request('GET', '/api/v1/posting/settings')).json()) as {
      settings: { stores: { storeCode: string; sectionName: string | null }[] };
    };
    assert.deepEqual(
      api.settings.stores.map((s) => s.sectionName),
      ['本店', null],
    );
    const bad = await fetch(`${h.app.url}/admin/settings/integrations/freee/posting`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, 'a.sales': '' }),
      redirect: 'manual',
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /勘定科目名を入力してください/);
  });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('../report/cli-worker.ts', import.meta.url).href)}); })`;
  const env = {
    URIAGE_DATA_DIR: join(dir, 'data'),
    DATABASE_URL: h.app.db.connectionString,
    URIAGE_SECRET_KEY: keyText,
    URIAGE_PUBLIC_URL: h.app.url,
    LOG_LEVEL: 'silent',
    TZ: 'UTC',
    URIAGE_POSTING_TIME_SCALE: '0.001',
    URIAGE_FREEE_TIMEOUT_MS: '2000',
    ...extraEnv,
  };
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { args, now, env },
    stdout: true,
    stderr: true,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  worker.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  worker.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const ended = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((resolve) => stream.once('end', () => resolve()));
  const streamsEnded = Promise.all([ended(worker.stdout), ended(worker.stderr)]);
  const code = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { code: number }) => resolve(message.code));
    worker.once('error', reject);
  });
  await worker.terminate();
  await streamsEnded;
  return {
    code,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

describe('CLI', () => {
  it('uriage post --from --to posts the closed days of the range; again writes nothing', async () => {
    await ingest(h, [
      checkout(
        'c1',
        '0002',
        '2025-01-08',
        [item(3300, 'standard10')],
        [{ method: 'credit', amount: 3300 }],
      ),
      checkout(
        'c2',
        '0002',
        '2025-01-09',
        [item(440, 'reduced8')],
        [{ method: 'cash', amount: 440 }],
      ),
    ]);
    await closeOf(h, '0002', '2025-01-08', 0, 0);
    await closeOf(h, '0002', '2025-01-09', 0, 440);
    const before = await dealCount(h);
    const run = await cli([
      'post',
      '--company',
      h.connected.company.code,
      '--store',
      '0002',
      '--from',
      '2025-01-07',
      '--to',
      '2025-01-09',
    ]);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /2025-01-08 {2}送信済/);
    assert.match(run.stdout, /2025-01-09 {2}送信済/);
    assert.doesNotMatch(run.stdout, /2025-01-07/);
    assert.equal(await dealCount(h), before + 2);
    const again = await cli([
      'post',
      '--company',
      h.connected.company.code,
      '--store',
      '0002',
      '--date',
      '2025-01-08',
      '--json',
    ]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((JSON.parse(again.stdout) as { writes: number; status: string }[])[0]?.writes, 0);
    assert.equal(await dealCount(h), before + 2);
  });
  it('uriage deals prints freee deal JSON of the store-day', async () => {
    const run = await cli([
      'deals',
      '--company',
      h.connected.company.code,
      '--store',
      '0002',
      '--date',
      '2025-01-08',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const body = JSON.parse(run.stdout) as {
      deals: { ref_number: string; amount: number; details: { section_id: number | null }[] }[];
    };
    assert.deepEqual(
      body.deals.map((d) => [d.ref_number, d.amount]),
      [['URG-pos.0002-20250108-credit', 3300]],
    );
    assert.equal(
      body.deals[0]?.details[0]?.section_id ?? null,
      null,
      'store 0002 has no 部門 since the form saved it so',
    );
  });
  it('uriage post honours URIAGE_SANDBOX_FAULTS (every call in maintenance: nothing written)', async () => {
    await ingest(h, [
      checkout(
        'c3',
        '0002',
        '2025-01-14',
        [item(550, 'standard10')],
        [{ method: 'cash', amount: 550 }],
      ),
    ]);
    await closeOf(h, '0002', '2025-01-14', 0, 550);
    const before = await dealCount(h);
    const args = [
      'post',
      '--company',
      h.connected.company.code,
      '--store',
      '0002',
      '--date',
      '2025-01-14',
    ];
    const run = await cli(args, { URIAGE_SANDBOX_FAULTS: 'rate=1,kinds=maintenance,seed=1' });
    assert.doesNotMatch(run.stdout, /送信済/, run.stderr + run.stdout);
    assert.match(run.stdout, /2025-01-14/, run.stderr + run.stdout);
    assert.equal(await dealCount(h), before);
  });
  it('uriage post with neither --date nor a range is a usage error', async () => {
    const run = await cli(['post', '--company', h.connected.company.code, '--store', '0002']);
    assert.equal(run.code, 2);
  });
});
