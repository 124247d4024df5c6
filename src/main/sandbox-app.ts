// The OAuth application this installation uses in its built-in sandbox: registered once per
// redirect URI (freee: アプリ管理), its secret kept sealed in freee_sandbox_apps. Two processes
// racing both register; the first row wins and the other sandbox client stays unused.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Clock } from '../app/clock.js';
import type { SecretBox } from '../adapters/crypto/secret-box.js';
import { secretPurposes } from '../adapters/db/freee-store.js';
import type { Pool } from '../adapters/db/pool.js';
import { freeeSandboxApps } from '../adapters/db/schema/index.js';
import { drizzleOver } from '../adapters/db/unit-of-work.js';
import { createSandboxClient } from '../sandbox/index.js';

export interface SandboxAppCredentials {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

const binding = { company: 'installation', purpose: secretPurposes.sandboxClientSecret };

export async function ensureSandboxApp(
  pool: Pool,
  clock: Clock,
  box: SecretBox,
  redirectUri: string,
): Promise<SandboxAppCredentials> {
  const db = drizzleOver(pool);
  const existing = (
    await db.select().from(freeeSandboxApps).where(eq(freeeSandboxApps.redirectUri, redirectUri))
  )[0];
  if (existing)
    return {
      clientId: existing.clientId,
      clientSecret: box.decrypt(existing.clientSecretSealed, binding),
      redirectUri,
    };
  const created = await createSandboxClient(pool, clock, {
    redirectUri,
    name: 'Uriage',
    clientId: `uriage-${randomBytes(9).toString('base64url')}`,
    clientSecret: randomBytes(32).toString('base64url'),
  });
  await db
    .insert(freeeSandboxApps)
    .values({
      redirectUri,
      clientId: created.clientId,
      clientSecretSealed: box.encrypt(created.clientSecret, binding),
      createdAt: clock.now(),
    })
    .onConflictDoNothing();
  const row = (
    await db.select().from(freeeSandboxApps).where(eq(freeeSandboxApps.redirectUri, redirectUri))
  )[0];
  if (!row) throw new Error(`sandbox app for ${redirectUri} was not stored`);
  return {
    clientId: row.clientId,
    clientSecret: box.decrypt(row.clientSecretSealed, binding),
    redirectUri,
  };
}
