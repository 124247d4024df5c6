// Where freee is: the real service (two hosts) or a sandbox (one base URL, served in this process,
// alone, or mounted under /sandbox/freee). Server-side calls go through `fetch`, so the mounted
// sandbox can be called in-process while the browser is sent to its public authorize URL.
import type { FreeeProvider } from '../../app/freee/model.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface FreeeEndpoints {
  provider: FreeeProvider;
  /** OAuth issuer (for oauth4webapi; freee publishes no discovery document). */
  issuer: string;
  /** Where the user's browser is sent (連携開始). */
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  /** Base of the accounting API (paths start with /api/1). */
  apiBaseUrl: string;
  fetch: FetchLike;
}

export interface FreeeUrls {
  accountsBaseUrl: string;
  apiBaseUrl: string;
}

/** API-NOTES §1–2. */
export const realFreeeUrls: FreeeUrls = {
  accountsBaseUrl: 'https://accounts.secure.freee.co.jp',
  apiBaseUrl: 'https://api.freee.co.jp',
};

export function freeeEndpoints(
  urls: Partial<FreeeUrls> = {},
  fetchImpl: FetchLike = fetch,
): FreeeEndpoints {
  const accounts = trimSlash(urls.accountsBaseUrl ?? realFreeeUrls.accountsBaseUrl);
  return {
    provider: 'freee',
    issuer: accounts,
    authorizeUrl: `${accounts}/public_api/authorize`,
    tokenUrl: `${accounts}/public_api/token`,
    revokeUrl: `${accounts}/public_api/revoke`,
    apiBaseUrl: trimSlash(urls.apiBaseUrl ?? realFreeeUrls.apiBaseUrl),
    fetch: fetchImpl,
  };
}

/** A sandbox at `baseUrl` (e.g. http://127.0.0.1:4010 or http://localhost:3000/sandbox/freee). */
export function sandboxEndpoints(baseUrl: string, fetchImpl: FetchLike = fetch): FreeeEndpoints {
  const base = trimSlash(baseUrl);
  return {
    provider: 'sandbox',
    issuer: base,
    authorizeUrl: `${base}/public_api/authorize`,
    tokenUrl: `${base}/public_api/token`,
    revokeUrl: `${base}/public_api/revoke`,
    apiBaseUrl: base,
    fetch: fetchImpl,
  };
}

export interface FetchableApp {
  fetch(request: Request): Response | Promise<Response>;
}

/**
 * Calls to URLs under `baseUrl` go straight to `app` (its routes start at `/`), without a socket;
 * anything else goes to the network. For the sandbox mounted in the server.
 */
export function inProcessFetch(
  app: FetchableApp,
  baseUrl: string,
  fallback: FetchLike = fetch,
): FetchLike {
  const base = new URL(trimSlash(baseUrl));
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const prefix = base.pathname === '/' ? '' : base.pathname;
    if (
      url.origin !== base.origin ||
      !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))
    )
      return fallback(request);
    url.pathname = url.pathname.slice(prefix.length) || '/';
    return app.fetch(new Request(url, request));
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
