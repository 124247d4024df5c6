// Registered OAuth applications of the sandbox (freee: アプリ管理 in the developer console).
import { eq } from 'drizzle-orm';
import type { Clock } from '../ports.js';
import type { Pool } from '../ports.js';
import { sandboxDb } from '../db/database.js';
import { oauthClients } from '../db/schema.js';
import { randomSecret, sameText, sha256Hex } from './secrets.js';

export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface SandboxClientInput {
  redirectUri: string;
  name?: string;
  clientId?: string;
  clientSecret?: string;
}

export async function createSandboxClient(
  pool: Pool,
  clock: Clock,
  input: SandboxClientInput,
): Promise<SandboxClient> {
  const clientId = input.clientId ?? randomSecret(24);
  const clientSecret = input.clientSecret ?? randomSecret(32);
  await sandboxDb(pool)
    .insert(oauthClients)
    .values({
      clientId,
      clientSecretHash: sha256Hex(clientSecret),
      redirectUris: [input.redirectUri],
      name: input.name ?? 'Uriage',
      createdAt: clock.now(),
    });
  return { clientId, clientSecret, redirectUri: input.redirectUri };
}

export interface RegisteredClient {
  clientId: string;
  name: string;
  redirectUris: string[];
}

export async function findClient(pool: Pool, clientId: string): Promise<RegisteredClient | null> {
  const rows = await sandboxDb(pool)
    .select()
    .from(oauthClients)
    .where(eq(oauthClients.clientId, clientId))
    .limit(1);
  const row = rows[0];
  return row ? { clientId: row.clientId, name: row.name, redirectUris: row.redirectUris } : null;
}

/** client_secret_post (or HTTP Basic): the secret must match the registered one. */
export async function authenticateClient(
  pool: Pool,
  clientId: string,
  clientSecret: string,
): Promise<RegisteredClient | null> {
  const rows = await sandboxDb(pool)
    .select()
    .from(oauthClients)
    .where(eq(oauthClients.clientId, clientId))
    .limit(1);
  const row = rows[0];
  if (!row || !sameText(row.clientSecretHash, sha256Hex(clientSecret))) return null;
  return { clientId: row.clientId, name: row.name, redirectUris: row.redirectUris };
}
