// Goal: login back-off — after repeated failures the same login key must wait, even with the right
// password, and the wait grows; success clears the counter.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs, login } from '../../src/app/auth/login.js';
import { createTestCompany, startTestApp, type TestApp, type TestCompany } from '../support/app.js';

let app: TestApp;
let company: TestCompany;
before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'shop');
});
after(() => app.close());

const deps = () => ({
  tenancy: app.services.tenancy.read,
  access: app.services.access,
  hasher: app.services.hasher,
  clock: app.clock,
});

test('back-off grows with failures and caps', () => {
  assert.equal(backoffMs(4), 0);
  assert.ok(backoffMs(5) > 0);
  assert.ok(backoffMs(7) > backoffMs(6));
  assert.equal(backoffMs(100), 15 * 60 * 1000);
});

test('five failures lock the key; the right password waits; later it works', async () => {
  for (let i = 0; i < 5; i += 1) {
    await assert.rejects(
      login(deps(), { companyCode: 'shop', staffCode: 'admin', password: 'wrong-password' }),
      /login_failed/,
    );
  }
  await assert.rejects(
    login(deps(), { companyCode: 'shop', staffCode: 'admin', password: company.adminPassword }),
    (error: { code?: string }) => error.code === 'login_backoff',
  );
  app.clock.advanceMs(backoffMs(5) + 1);
  const ok = await login(deps(), {
    companyCode: 'shop',
    staffCode: 'admin',
    password: company.adminPassword,
  });
  assert.equal(ok.staff.code, 'admin');
  await assert.rejects(
    login(deps(), { companyCode: 'shop', staffCode: 'admin', password: 'wrong-password' }),
    /login_failed/,
  );
  const again = await login(deps(), {
    companyCode: 'shop',
    staffCode: 'admin',
    password: company.adminPassword,
  });
  assert.equal(again.staff.code, 'admin', 'one failure after a success does not lock');
});

test('unknown company and unknown staff give the same message', async () => {
  const messages: string[] = [];
  for (const input of [
    { companyCode: 'nope', staffCode: 'admin' },
    { companyCode: 'shop', staffCode: 'nobody' },
  ]) {
    await login(deps(), { ...input, password: 'whatever-1' }).catch(
      (error: { userMessage: string }) => messages.push(error.userMessage),
    );
  }
  assert.equal(messages.length, 2);
  assert.equal(messages[0], messages[1]);
});
