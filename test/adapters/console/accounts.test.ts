// Goal: passwords beyond login, over real HTTP:
// - a user's change needs the current password (wrong → 400 on that field, nothing changes) and ends
//   the user's other sessions but not the one that made the change;
// - an admin's reset shows a temporary password once, ends the user's sessions, and the user is led
//   to the change form until they set their own;
// - with SMTP, a reset link arrives (smtp-server + mailparser); the token is stored only as its
//   sha256, works once, expires after 30 minutes; an unknown account gets the same answer and no
//   mail; without SMTP the page says to ask an admin.
// Method: the console routes with session cookies and form posts (CSRF field); a local SMTP server;
// the fixed clock moved for the expiry; the token table read directly.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { smtpMailer } from '../../../src/adapters/mail/smtp-mailer.js';
import {
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { waitFor } from '../../support/wait.js';

let app: TestApp;
let company: TestCompany;
let server: SMTPServer;
const received: ParsedMail[] = [];

before(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData: (stream, _session, done) => {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  app = await startTestApp({ now: '2025-01-10T09:00:00+09:00' });
  app.services.mailer = smtpMailer(`smtp://127.0.0.1:${port}`);
  company = await createTestCompany(app, 'acct', ['0001']);
  for (const code of ['clerk', 'helper', 'mailee'])
    await app.app().tenancy.createStaff(company.companyId, {
      code,
      name: `担当${code}`,
      role: 'staff',
      password: `pw-${code}-first`,
    });
});
after(async () => {
  await app?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Session {
  cookie: string;
  csrf: string;
}

async function logIn(staffCode: string, password: string): Promise<Session | null> {
  const response = await fetch(`${app.url}/login`, {
    method: 'POST',
    body: new URLSearchParams({ companyCode: company.code, staffCode, password }),
    redirect: 'manual',
  });
  if (response.status !== 303) return null;
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await (await fetch(`${app.url}/account/password`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return { cookie, csrf };
}

const get = (session: Session | null, path: string) =>
  fetch(`${app.url}${path}`, {
    headers: session ? { cookie: session.cookie } : {},
    redirect: 'manual',
  });

const post = (session: Session | null, path: string, fields: Record<string, string>) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: session ? { cookie: session.cookie } : {},
    body: new URLSearchParams(session ? { ...fields, _csrf: session.csrf } : fields),
    redirect: 'manual',
  });

test('change by the user: current password required; the other sessions end, this one stays', async () => {
  const here = await logIn('clerk', 'pw-clerk-first');
  const elsewhere = await logIn('clerk', 'pw-clerk-first');
  assert.ok(here && elsewhere);
  const wrong = await post(here, '/account/password', {
    currentPassword: 'not-my-password',
    newPassword: 'pw-clerk-second',
  });
  assert.equal(wrong.status, 400);
  assert.match(await wrong.text(), /現在のパスワードが正しくありません。/);
  assert.equal((await get(elsewhere, '/')).status, 200, 'a refused change ends nothing');
  const short = await post(here, '/account/password', {
    currentPassword: 'pw-clerk-first',
    newPassword: 'short',
  });
  assert.equal(short.status, 400);
  assert.match(await short.text(), /パスワードは8文字以上/);

  const ok = await post(here, '/account/password', {
    currentPassword: 'pw-clerk-first',
    newPassword: 'pw-clerk-second',
  });
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /パスワードを変更しました/);
  assert.equal((await get(here, '/')).status, 200);
  assert.equal((await get(elsewhere, '/')).headers.get('location'), '/login');
  assert.equal(await logIn('clerk', 'pw-clerk-first'), null);
  assert.ok(await logIn('clerk', 'pw-clerk-second'));
});

test('reset by an admin: a temporary password shown once, sessions ended, change forced at login', async () => {
  const admin = await logIn('admin', company.adminPassword);
  const helper = await logIn('helper', 'pw-helper-first');
  assert.ok(admin && helper);
  const refused = await post(helper, '/admin/settings/staff/clerk/reset-password', {});
  assert.equal(refused.status, 403, 'only an admin resets');
  const reset = await post(admin, '/admin/settings/staff/helper/reset-password', {});
  assert.equal(reset.status, 200);
  assert.equal(reset.headers.get('cache-control'), 'no-store');
  const temporary = /id="temporary-password">([^<]+)</.exec(await reset.text())?.[1] ?? '';
  assert.ok(temporary.length >= 12);
  assert.equal((await get(helper, '/')).headers.get('location'), '/login', 'sessions ended');
  assert.equal(await logIn('helper', 'pw-helper-first'), null);

  const fresh = await logIn('helper', temporary);
  assert.ok(fresh);
  for (const path of ['/', '/report', '/integrations'])
    assert.equal((await get(fresh, path)).headers.get('location'), '/account/password', path);
  assert.match(
    await (await get(fresh, '/account/password')).text(),
    /仮のパスワードでログインしています/,
  );
  const changed = await post(fresh, '/account/password', {
    currentPassword: temporary,
    newPassword: 'pw-helper-own',
  });
  assert.equal(changed.status, 200);
  assert.equal((await get(fresh, '/')).status, 200, 'free again after the change');
  assert.doesNotMatch(await (await get(fresh, '/account/password')).text(), /仮のパスワード/);
});

async function tokenRows(): Promise<{ token_hash: string; used_at: Date | null }[]> {
  const { rows } = await app.db.pool.query<{ token_hash: string; used_at: Date | null }>(
    'select token_hash, used_at from password_reset_tokens order by created_at',
  );
  return rows;
}

async function mailedToken(count: number): Promise<string> {
  await waitFor(() => received.length >= count, 10_000);
  const mail = received[count - 1] as ParsedMail;
  const link = /http:\/\/console\.test\/password\/reset\?token=(\S+)/.exec(mail.text ?? '');
  assert.ok(link, mail.text);
  return decodeURIComponent(link[1] ?? '');
}

test('mailed reset link: hashed at rest, single use, 30 minutes; unknown accounts get no mail', async () => {
  const mailee = await logIn('mailee', 'pw-mailee-first');
  assert.ok(mailee);
  const bad = await post(mailee, '/account/email', { email: 'not an address' });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /value="not an address"/, 'the typed value is kept');
  assert.equal((await post(mailee, '/account/email', { email: 'mailee@example.jp' })).status, 200);

  const unknown = await post(null, '/password/forgot', {
    companyCode: company.code,
    staffCode: 'nobody',
  });
  const unknownText = await unknown.text();
  const asked = await post(null, '/password/forgot', {
    companyCode: company.code,
    staffCode: 'mailee',
  });
  assert.equal(asked.status, 200);
  assert.equal(
    /id="forgot-sent">([^<]+)</.exec(await asked.text())?.[1],
    /id="forgot-sent">([^<]+)</.exec(unknownText)?.[1],
    'the same answer whether the account exists or not',
  );
  const token = await mailedToken(1);
  assert.equal(received.length, 1, 'no mail for the unknown account');
  const mail = received[0] as ParsedMail;
  assert.equal((mail.to as { text: string }).text, 'mailee@example.jp');
  assert.match(mail.subject ?? '', /パスワードの再設定/);
  assert.match(mail.text ?? '', /30分以内/);

  const rows = await tokenRows();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.token_hash, createHash('sha256').update(token).digest('hex'));
  const dump = JSON.stringify(
    (await app.db.pool.query('select * from password_reset_tokens')).rows,
  );
  assert.ok(!dump.includes(token), 'the token itself is not stored');

  assert.equal((await get(null, `/password/reset?token=${encodeURIComponent(token)}`)).status, 200);
  const short = await post(null, '/password/reset', { token, newPassword: 'x' });
  assert.equal(short.status, 400, 'a bad password does not use the token up');
  const done = await post(null, '/password/reset', { token, newPassword: 'pw-mailee-reset' });
  assert.equal(done.status, 200);
  assert.match(await done.text(), /id="reset-done"/);
  assert.equal((await get(mailee, '/')).headers.get('location'), '/login', 'sessions ended');
  assert.ok(await logIn('mailee', 'pw-mailee-reset'));
  const again = await post(null, '/password/reset', { token, newPassword: 'pw-mailee-again' });
  assert.equal(again.status, 400);
  assert.match(await again.text(), /使用済みか30分の期限切れ/);
  assert.equal(await logIn('mailee', 'pw-mailee-again'), null);

  await post(null, '/password/forgot', { companyCode: company.code, staffCode: 'mailee' });
  const late = await mailedToken(2);
  app.clock.advanceMs(30 * 60 * 1000 + 1_000);
  assert.equal((await get(null, `/password/reset?token=${encodeURIComponent(late)}`)).status, 400);
  const expired = await post(null, '/password/reset', {
    token: late,
    newPassword: 'pw-mailee-late',
  });
  assert.equal(expired.status, 400);
  assert.equal(await logIn('mailee', 'pw-mailee-late'), null);
});

test('without SMTP the mailed reset is refused with what to do instead', async () => {
  const smtp = app.services.mailer;
  delete app.services.mailer;
  try {
    const response = await post(null, '/password/forgot', {
      companyCode: company.code,
      staffCode: 'mailee',
    });
    assert.equal(response.status, 503);
    assert.match(await response.text(), /管理者にパスワードのリセットを依頼してください/);
  } finally {
    app.services.mailer = smtp;
  }
});
