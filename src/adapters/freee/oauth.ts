// OAuth 2.0 with freee through oauth4webapi: authorization code + state + PKCE (S256) +
// prompt=select_company, refresh (single use, rotated), revocation (RFC 7009). Every answer
// becomes a TokenOutcome; a 5xx, 503 or a lost connection is a transient failure, never a throw.
import * as oauth from 'oauth4webapi';
import type { TokenFailureKind, TokenGrant, TokenOutcome } from '../../app/freee/ports.js';
import type { FreeeEndpoints } from './endpoints.js';

export interface FreeeOAuthSettings {
  endpoints: FreeeEndpoints;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Per token-endpoint request. */
  timeoutMs?: number;
}

const accessTokenLifetimeFallbackMs = 6 * 60 * 60_000;

function server(settings: FreeeOAuthSettings): oauth.AuthorizationServer {
  const { endpoints } = settings;
  return {
    issuer: endpoints.issuer,
    authorization_endpoint: endpoints.authorizeUrl,
    token_endpoint: endpoints.tokenUrl,
    revocation_endpoint: endpoints.revokeUrl,
  };
}

function requestOptions(settings: FreeeOAuthSettings): oauth.TokenEndpointRequestOptions {
  const insecure = !settings.endpoints.tokenUrl.startsWith('https://');
  return {
    signal: () => AbortSignal.timeout(settings.timeoutMs ?? 20_000),
    [oauth.customFetch]: (url, init) => settings.endpoints.fetch(url, init as RequestInit),
    ...(insecure ? { [oauth.allowInsecureRequests]: true } : {}),
  };
}

export async function beginAuthorization(
  settings: FreeeOAuthSettings,
): Promise<{ state: string; codeVerifier: string; authorizationUrl: string }> {
  const state = oauth.generateRandomState();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const url = new URL(settings.endpoints.authorizeUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', settings.redirectUri);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('prompt', 'select_company');
  return { state, codeVerifier, authorizationUrl: url.toString() };
}

function failure(kind: TokenFailureKind, detail: string): TokenOutcome {
  return { ok: false, failure: { kind, detail } };
}

function oauthErrorKind(error: string): TokenFailureKind {
  if (error === 'invalid_grant') return 'invalid_grant';
  if (error === 'invalid_client' || error === 'unauthorized_client') return 'invalid_client';
  if (error === 'access_denied') return 'access_denied';
  return 'invalid_response';
}

/** Status first: freee's 503 and 5xx bodies are not OAuth errors and must not look like one. */
async function processed(
  response: Response,
  process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
): Promise<TokenOutcome> {
  if (response.status === 503) return failure('maintenance', 'token endpoint 503');
  if (response.status >= 500) return failure('server', `token endpoint ${response.status}`);
  try {
    return { ok: true, grant: grantOf(await process(response)) };
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError)
      return failure(oauthErrorKind(error.error), `${error.status} ${error.error}`);
    if (error instanceof oauth.WWWAuthenticateChallengeError)
      return failure('invalid_client', `${error.status} challenge`);
    return failure('invalid_response', (error as Error).message);
  }
}

function grantOf(body: oauth.TokenEndpointResponse): TokenGrant {
  const companyId = Number(body.company_id);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? '',
    expiresInMs:
      typeof body.expires_in === 'number' && body.expires_in > 0
        ? body.expires_in * 1000
        : accessTokenLifetimeFallbackMs,
    freeeCompanyId: Number.isSafeInteger(companyId) && companyId > 0 ? companyId : null,
  };
}

/** The answer, or a network failure. (Tagged: @hono/node-server replaces the global Response, so `instanceof Response` cannot tell.) */
async function sent(
  request: () => Promise<Response>,
): Promise<{ response: Response } | { outcome: TokenOutcome }> {
  try {
    return { response: await request() };
  } catch (error) {
    const name = (error as { name?: string }).name;
    return {
      outcome: failure(
        'network',
        name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : (error as Error).message,
      ),
    };
  }
}

export async function exchangeCode(
  settings: FreeeOAuthSettings,
  input: { callbackUrl: string; expectedState: string; codeVerifier: string },
): Promise<TokenOutcome> {
  const as = server(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(
      as,
      client,
      new URL(input.callbackUrl),
      input.expectedState,
    );
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError)
      return failure(
        error.error === 'access_denied' ? 'access_denied' : 'invalid_callback',
        error.error,
      );
    return failure('invalid_callback', (error as Error).message);
  }
  const answer = await sent(() =>
    oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretPost(settings.clientSecret),
      params,
      settings.redirectUri,
      input.codeVerifier,
      requestOptions(settings),
    ),
  );
  if ('outcome' in answer) return answer.outcome;
  return processed(answer.response, (r) => oauth.processAuthorizationCodeResponse(as, client, r));
}

export async function refreshTokens(
  settings: FreeeOAuthSettings,
  refreshToken: string,
): Promise<TokenOutcome> {
  const as = server(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const answer = await sent(() =>
    oauth.refreshTokenGrantRequest(
      as,
      client,
      oauth.ClientSecretPost(settings.clientSecret),
      refreshToken,
      requestOptions(settings),
    ),
  );
  if ('outcome' in answer) return answer.outcome;
  return processed(answer.response, (r) => oauth.processRefreshTokenResponse(as, client, r));
}

/** Best effort: false when freee could not be told (the pair then dies by expiry). */
export async function revokeToken(settings: FreeeOAuthSettings, token: string): Promise<boolean> {
  const as = server(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  try {
    const response = await oauth.revocationRequest(
      as,
      client,
      oauth.ClientSecretPost(settings.clientSecret),
      token,
      requestOptions(settings),
    );
    await oauth.processRevocationResponse(response);
    return true;
  } catch {
    return false;
  }
}
