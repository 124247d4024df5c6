// FreeeGateway (app/freee/ports.ts) over freee or a sandbox: OAuth through oauth.ts, and the two
// account calls the connection flow needs (users/me, users/capabilities) through the typed client.
import type { FreeeCompanyChoice } from '../../app/freee/model.js';
import type { AccountOutcome, FreeeGateway, FreeeUserAccount } from '../../app/freee/ports.js';
import type { Logger } from '../log/logger.js';
import { createFreeeClient, type AccessTokenSource, type FreeeClient } from './client.js';
import {
  beginAuthorization,
  exchangeCode,
  refreshTokens,
  revokeToken,
  type FreeeOAuthSettings,
} from './oauth.js';

/** A token as it is (the connection flow holds no connection yet): no renewal. */
export function fixedTokenSource(token: string): AccessTokenSource {
  return {
    get: async () => ({ token, generation: 0 }),
    renew: async () => {
      throw new Error('fixed token cannot be renewed');
    },
    failureOf: () => ({
      kind: 'expired_access_token',
      status: 401,
      code: 'expired_access_token',
      messages: [],
      requestId: null,
      retryAfterMs: null,
    }),
  };
}

export interface GatewayOptions {
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  requestTimeoutMs?: number;
}

/** Users/me lists the 事業所 of the user; more than this is cut (the choice page stays usable). */
const userCompaniesMax = 200;

export function createFreeeGateway(
  settings: FreeeOAuthSettings,
  options: GatewayOptions,
): FreeeGateway {
  const clientFor = (accessToken: string, companyId: number): FreeeClient =>
    createFreeeClient({
      apiBaseUrl: settings.endpoints.apiBaseUrl,
      fetch: settings.endpoints.fetch,
      companyId,
      tokens: fixedTokenSource(accessToken),
      logger: options.logger,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    });

  return {
    provider: settings.endpoints.provider,
    redirectUri: settings.redirectUri,
    beginAuthorization: () => beginAuthorization(settings),
    exchangeCode: (input) => exchangeCode(settings, input),
    refresh: (refreshToken) => refreshTokens(settings, refreshToken),
    revoke: (token) => revokeToken(settings, token),
    describeUser: async (accessToken): Promise<AccountOutcome<FreeeUserAccount>> => {
      const result = await clientFor(accessToken, 0).call(
        'users/me',
        (api) => api.GET('/api/1/users/me', { params: { query: { companies: true } } }),
        { idempotent: true },
      );
      if (!result.ok)
        return {
          ok: false,
          kind: result.failure.kind,
          detail: `${result.failure.status ?? 'no answer'}`,
        };
      const companies: FreeeCompanyChoice[] = (result.data.user.companies ?? [])
        .slice(0, userCompaniesMax)
        .map((c) => ({
          id: c.id,
          name: c.display_name ?? `事業所 ${c.id}`,
          role: c.role,
          canWriteDeals: null,
        }));
      return { ok: true, value: { userId: result.data.user.id, companies } };
    },
    canWriteDeals: async (accessToken, freeeCompanyId): Promise<AccountOutcome<boolean>> => {
      const result = await clientFor(accessToken, freeeCompanyId).call(
        'users/capabilities',
        (api) =>
          api.GET('/api/1/users/capabilities', {
            params: { query: { company_id: freeeCompanyId } },
          }),
        { idempotent: true },
      );
      if (result.ok) return { ok: true, value: result.data.deals?.create === true };
      // 404: the user is not a member of that 事業所 — certainly no rights there.
      if (result.failure.kind === 'not_found') return { ok: true, value: false };
      return {
        ok: false,
        kind: result.failure.kind,
        detail: `${result.failure.status ?? 'no answer'}`,
      };
    },
  };
}
