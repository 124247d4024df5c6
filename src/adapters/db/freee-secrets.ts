// Sealing of the freee secrets (AES-256-GCM through the SecretBox, AAD = company + purpose).
import type { TokenPair } from '../../app/freee/model.js';
import type { SecretBox } from '../crypto/secret-box.js';

export const secretPurposes = {
  accessToken: 'freee.access_token',
  refreshToken: 'freee.refresh_token',
  codeVerifier: 'freee.pkce_verifier',
  /** Bound to `installation` (not a company): the sandbox app's client secret. */
  sandboxClientSecret: 'freee.sandbox_client_secret',
} as const;

export interface SealedPair {
  accessTokenSealed: string;
  refreshTokenSealed: string;
}

/** A row's sealed pair (either half may be wiped). */
interface SealedRow {
  accessTokenSealed: string | null;
  refreshTokenSealed: string | null;
  accessExpiresAt: Date | null;
}

export interface FreeeSecrets {
  seal(companyId: string, purpose: string, value: string): string;
  open(companyId: string, purpose: string, sealed: string): string;
  sealedPair(companyId: string, tokens: TokenPair): SealedPair;
  /** The pair of a row, or null when a half is missing; refresh expiry defaults to the access one. */
  openPair(companyId: string, row: SealedRow, refreshExpiresAt: Date | null): TokenPair | null;
}

export function freeeSecretsOver(box: SecretBox): FreeeSecrets {
  const seal = (companyId: string, purpose: string, value: string) =>
    box.encrypt(value, { company: companyId, purpose });
  const open = (companyId: string, purpose: string, sealed: string) =>
    box.decrypt(sealed, { company: companyId, purpose });
  return {
    seal,
    open,
    sealedPair: (companyId, tokens) => ({
      accessTokenSealed: seal(companyId, secretPurposes.accessToken, tokens.accessToken),
      refreshTokenSealed: seal(companyId, secretPurposes.refreshToken, tokens.refreshToken),
    }),
    openPair: (companyId, row, refreshExpiresAt) => {
      if (!row.accessTokenSealed || !row.refreshTokenSealed || !row.accessExpiresAt) return null;
      return {
        accessToken: open(companyId, secretPurposes.accessToken, row.accessTokenSealed),
        refreshToken: open(companyId, secretPurposes.refreshToken, row.refreshTokenSealed),
        accessExpiresAt: row.accessExpiresAt,
        refreshExpiresAt: refreshExpiresAt ?? row.accessExpiresAt,
      };
    },
  };
}
