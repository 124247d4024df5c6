// Goal: a key rotation can complete: with the new key current and the old one previous, `rekey`
// re-seals every freee secret so the connection works with the new key alone. Method: connect
// with key A, rotate to B (A previous), reseal, then use the connection with a runtime that only
// knows B.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createSecretBox,
  generateSecretKeyText,
  parseSecretKey,
} from '../../../src/adapters/crypto/secret-box.js';
import { resealFreeeSecrets } from '../../../src/adapters/db/freee-reseal.js';
import { createFreeeRuntime } from '../../../src/main/freee.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { startFreeeTestApp, type FreeeTestApp } from './support/freee-app.js';
import { connectedCompany } from './support/connect.js';

const keyA = parseSecretKey(generateSecretKeyText());
const keyB = parseSecretKey(generateSecretKeyText());
let app: FreeeTestApp;
before(async () => {
  app = await startFreeeTestApp({ secretBox: createSecretBox(keyA) });
});
after(async () => {
  await app?.close();
});

test('rotate A → B: reseal, then B alone opens every secret', async () => {
  const connected = await connectedCompany(app, 'rekey1');
  const runtimeWith = (box: ReturnType<typeof createSecretBox>) =>
    createFreeeRuntime({
      pool: app.freeePool,
      clock: app.clock,
      logger: silentLogger,
      secretBox: box,
      publicUrl: app.url,
      freee: null,
      sandbox: { baseUrl: app.sandboxUrl },
    });
  const onlyB = runtimeWith(createSecretBox(keyB));
  await assert.rejects(
    onlyB.store.readTokens(connected.company.companyId, connected.connection.id),
    /unknown_key/,
  );

  const rotated = createSecretBox(keyB, [keyA]);
  const resealed = await resealFreeeSecrets(app.freeePool, rotated);
  assert.ok(resealed >= 4, `re-sealed ${resealed}`);
  assert.equal(await resealFreeeSecrets(app.freeePool, rotated), 0, 'nothing left on the old key');
  const sealed = await app.freeePool.query<{ v: string }>(
    'select access_token_sealed as v from freee_connections union all select client_secret_sealed from freee_sandbox_apps',
  );
  assert.ok(sealed.rows.every((r) => r.v === null || r.v.split(':')[1] === keyB.id));

  const client = await runtimeWith(createSecretBox(keyB)).clientFor(
    connected.company.companyId,
    connected.connection.id,
  );
  assert.ok(
    (await client.call('users/me', (api) => api.GET('/api/1/users/me'), { idempotent: true })).ok,
  );
});
