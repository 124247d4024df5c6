// Goal (issue #10 §10): login throttling holds under concurrency and tells nothing. 100 concurrent
// wrong guesses get at most 5 password checks (the count is taken before verifying); an unknown
// staff code takes as long as a known one (dummy hash); after the lock-out window the right
// password works; one address guessing over many accounts is stopped (per-address limit).
// Method: a real HTTP server and the console's login form; the clock is the test's fixed clock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCompany, startTestApp, type TestApp, type TestCompany } from '../support/app.js';

let app: TestApp;
let company: TestCompany;

before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'guess', ['0001']);
});
after(async () => app?.close());

async function tryLogin(staffCode: string, password: string): Promise<number> {
  const response = await fetch(`${app.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ companyCode: 'guess', staffCode, password }),
  });
  await response.text();
  return response.status;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

test('100 concurrent guesses: at most 5 reach the password check, the rest are 429', async () => {
  const statuses = await Promise.all(
    Array.from({ length: 100 }, (_, i) => tryLogin('admin', `wrong-${i}`)),
  );
  const checked = statuses.filter((s) => s === 401).length;
  assert.ok(checked <= 5, `${checked} guesses were checked`);
  assert.equal(statuses.filter((s) => s === 429).length, 100 - checked);
  assert.equal(await tryLogin('admin', company.adminPassword), 429, 'locked for now');
  app.clock.advanceMs(31_000);
  assert.equal(await tryLogin('admin', company.adminPassword), 303, 'after the window');
});

test('an unknown staff code takes as long as a known one', async () => {
  const timed = async (staffCode: string) => {
    const started = performance.now();
    assert.equal(await tryLogin(staffCode, 'wrong-password'), 401);
    return performance.now() - started;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    app.clock.advanceMs(60 * 60 * 1000); // a fresh window for the known account every time
    known.push(await timed('admin'));
    unknown.push(await timed(`nobody-${i}`));
  }
  const ratio = median(unknown) / median(known);
  console.log(`login ms: known ${median(known).toFixed(1)}, unknown ${median(unknown).toFixed(1)}`);
  assert.ok(ratio > 0.4, `unknown/known = ${ratio.toFixed(2)}`);
});

test('one address guessing over many accounts is stopped', async () => {
  app.clock.advanceMs(25 * 60 * 60 * 1000); // every counter starts again
  const statuses: number[] = [];
  for (let i = 0; i < 40; i += 1) statuses.push(await tryLogin(`spray-${i}`, 'wrong-password'));
  assert.ok(statuses.includes(429), 'the address is throttled');
  assert.equal(
    statuses.filter((s) => s === 401).length,
    31,
    '30 free attempts, then one per window',
  );
  // A day later the address may try again.
  app.clock.advanceMs(25 * 60 * 60 * 1000);
  assert.equal(await tryLogin('spray-x', 'wrong-password'), 401);
});

test('successful logins from one address never lock it', async () => {
  app.clock.advanceMs(25 * 60 * 60 * 1000);
  for (let i = 0; i < 8; i += 1) assert.equal(await tryLogin('admin', company.adminPassword), 303);
});
