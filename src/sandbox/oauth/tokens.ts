// Authorization codes and token pairs. Access tokens live 6 h, refresh tokens 90 days and are
// single use: refreshing rotates the pair and kills the previous access token (API-NOTES §2).
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Clock } from '../ports.js';
import type { SandboxDb, SandboxQuery } from '../db/database.js';
import { oauthCodes, oauthTokens } from '../db/schema.js';
import { addMs } from '../dates.js';
import { randomSecret, sha256Hex } from './secrets.js';

export const accessTokenLifetimeMs = 6 * 60 * 60 * 1000;
export const refreshTokenLifetimeMs = 90 * 24 * 60 * 60 * 1000;
export const codeLifetimeMs = 10 * 60 * 1000;

export interface Grant {
  clientId: string;
  userId: number;
  companyId: number;
  /** `read`, `write` or both, space-separated: what the client asked for and was granted. */
  scope: string;
}

export interface IssuedTokens extends Grant {
  accessToken: string;
  refreshToken: string;
  createdAt: Date;
}

export async function issueCode(
  db: SandboxDb,
  clock: Clock,
  grant: Grant & { redirectUri: string; codeChallenge: string | null },
): Promise<string> {
  const code = randomSecret(24);
  await db
    .insert(oauthCodes)
    .values({ ...grant, codeHash: sha256Hex(code), expiresAt: addMs(clock, codeLifetimeMs) });
  return code;
}

export interface RedeemedCode extends Grant {
  redirectUri: string;
  codeChallenge: string | null;
}

/** Marks the code used; null when unknown, expired or already used. */
export async function redeemCode(
  db: SandboxDb,
  clock: Clock,
  code: string,
): Promise<RedeemedCode | null> {
  const now = clock.now();
  const rows = await db
    .update(oauthCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(oauthCodes.codeHash, sha256Hex(code)),
        isNull(oauthCodes.usedAt),
        gt(oauthCodes.expiresAt, now),
      ),
    )
    .returning();
  const row = rows[0];
  return row
    ? {
        clientId: row.clientId,
        userId: row.userId,
        companyId: row.companyId,
        scope: row.scope,
        redirectUri: row.redirectUri,
        codeChallenge: row.codeChallenge,
      }
    : null;
}

export async function issueTokens(
  db: SandboxQuery,
  clock: Clock,
  grant: Grant,
): Promise<IssuedTokens> {
  const accessToken = randomSecret(32);
  const refreshToken = randomSecret(32);
  const createdAt = clock.now();
  await db.insert(oauthTokens).values({
    ...grant,
    accessTokenHash: sha256Hex(accessToken),
    refreshTokenHash: sha256Hex(refreshToken),
    accessExpiresAt: addMs(clock, accessTokenLifetimeMs),
    refreshExpiresAt: addMs(clock, refreshTokenLifetimeMs),
    createdAt,
  });
  return { ...grant, accessToken, refreshToken, createdAt };
}

/** Uses a refresh token once: null when unknown, used, revoked, expired or of another client. */
export async function rotateRefreshToken(
  db: SandboxDb,
  clock: Clock,
  clientId: string,
  refreshToken: string,
): Promise<IssuedTokens | null> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const used = await tx
      .update(oauthTokens)
      .set({ refreshedAt: now })
      .where(
        and(
          eq(oauthTokens.refreshTokenHash, sha256Hex(refreshToken)),
          eq(oauthTokens.clientId, clientId),
          isNull(oauthTokens.refreshedAt),
          isNull(oauthTokens.revokedAt),
          gt(oauthTokens.refreshExpiresAt, now),
        ),
      )
      .returning();
    const row = used[0];
    if (!row) return null;
    return issueTokens(tx, clock, {
      clientId: row.clientId,
      userId: row.userId,
      companyId: row.companyId,
      scope: row.scope,
    });
  });
}

/** Revokes the pair holding this token (access or refresh); false if it was unknown. */
export async function revokeToken(
  db: SandboxDb,
  clock: Clock,
  clientId: string,
  token: string,
): Promise<boolean> {
  const hash = sha256Hex(token);
  const byAccess = await db
    .update(oauthTokens)
    .set({ revokedAt: clock.now() })
    .where(and(eq(oauthTokens.accessTokenHash, hash), eq(oauthTokens.clientId, clientId)))
    .returning({ id: oauthTokens.id });
  if (byAccess.length > 0) return true;
  const byRefresh = await db
    .update(oauthTokens)
    .set({ revokedAt: clock.now() })
    .where(and(eq(oauthTokens.refreshTokenHash, hash), eq(oauthTokens.clientId, clientId)))
    .returning({ id: oauthTokens.id });
  return byRefresh.length > 0;
}

export interface AccessGrant extends Grant {
  tokenId: number;
}

/** The grant behind a live access token, or null (unknown, expired, refreshed away, revoked). */
export async function findAccessGrant(
  db: SandboxDb,
  clock: Clock,
  accessToken: string,
): Promise<AccessGrant | null> {
  const rows = await db
    .select()
    .from(oauthTokens)
    .where(
      and(
        eq(oauthTokens.accessTokenHash, sha256Hex(accessToken)),
        isNull(oauthTokens.refreshedAt),
        isNull(oauthTokens.revokedAt),
        gt(oauthTokens.accessExpiresAt, clock.now()),
      ),
    )
    .limit(1);
  const row = rows[0];
  return row
    ? {
        tokenId: row.id,
        clientId: row.clientId,
        userId: row.userId,
        companyId: row.companyId,
        scope: row.scope,
      }
    : null;
}

/** Fault `expired_token`: the access token expires now (a refresh still works). */
export async function expireAccessToken(
  db: SandboxDb,
  clock: Clock,
  accessToken: string,
): Promise<void> {
  await db
    .update(oauthTokens)
    .set({ accessExpiresAt: clock.now() })
    .where(eq(oauthTokens.accessTokenHash, sha256Hex(accessToken)));
}

/** Fault `invalid_grant`: the refresh token is revoked (the user must authorize again). */
export async function revokeRefreshToken(
  db: SandboxDb,
  clock: Clock,
  refreshToken: string,
): Promise<void> {
  await db
    .update(oauthTokens)
    .set({ revokedAt: clock.now() })
    .where(eq(oauthTokens.refreshTokenHash, sha256Hex(refreshToken)));
}
