// The freee accounting API client: openapi-fetch over the generated types, one 事業所 per client
// (company_id is checked on every call before it leaves), a token source that refreshes once per
// connection, bounded retries with back-off for idempotent calls, and every answer's
// X-Freee-Request-ID in the log. Tokens never reach the log.
import createClient, { type Client } from 'openapi-fetch';
import type { Logger } from '../log/logger.js';
import type { FetchLike } from './endpoints.js';
import {
  failureFromResponse,
  FreeeCompanyIdError,
  networkFailure,
  retryableAtOnce,
  type FreeeFailure,
  type FreeeResult,
} from './failures.js';
import type { paths } from './generated/accounting.js';

export type FreeeApi = Client<paths>;

export interface AccessTokenSource {
  get(): Promise<{ token: string; generation: number }>;
  /** freee said 401 expired_access_token to the token of `rejectedGeneration`. */
  renew(rejectedGeneration: number): Promise<{ token: string; generation: number }>;
  /** Turns an error thrown by get/renew into a result (connection 期限切れ, freee unreachable …). */
  failureOf(error: unknown): FreeeFailure | null;
}

export interface RetryPolicy {
  attemptsMax: number;
  /** Wait before attempt n+1 (the last value repeats). */
  backoffMs: readonly number[];
}

export const defaultRetryPolicy: RetryPolicy = { attemptsMax: 3, backoffMs: [250, 1_000] };
/** At most one token renewal per call: a second 401 is an answer, not a race. */
export const tokenRenewalsMax = 1;

export interface FreeeClientOptions {
  apiBaseUrl: string;
  fetch?: FetchLike;
  /** The 事業所 every call is for. */
  companyId: number;
  tokens: AccessTokenSource;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
}

export interface CallOptions {
  /** GET is idempotent; writes are retried only when the caller says so (e.g. PUT). */
  idempotent?: boolean;
}

type Sent<T> = { data?: T; error?: unknown; response: Response };

export interface FreeeClient {
  readonly companyId: number;
  /** One operation with retries: `send` builds the request on the typed openapi-fetch client. */
  call<T>(
    operation: string,
    send: (api: FreeeApi) => Promise<Sent<T>>,
    options?: CallOptions,
  ): Promise<FreeeResult<T>>;
}

/** Calls without a company (API-NOTES §4): the user and the list of their 事業所. */
const companyFreePaths = new Set(['GET /api/1/users/me', 'GET /api/1/companies']);
const companyInPath = [/^\/api\/1\/companies\/(\d+)$/, /^\/api\/1\/taxes\/companies\/(\d+)$/];

async function companyIdsOf(request: Request, apiPath: string): Promise<string[]> {
  const ids: string[] = [];
  const query = new URL(request.url).searchParams.get('company_id');
  if (query !== null) ids.push(query);
  for (const pattern of companyInPath) {
    const match = pattern.exec(apiPath);
    if (match?.[1]) ids.push(match[1]);
  }
  if (request.body && (request.headers.get('content-type') ?? '').includes('json')) {
    const body = (await request
      .clone()
      .json()
      .catch(() => null)) as { company_id?: unknown } | null;
    if (body && body.company_id !== undefined) ids.push(String(body.company_id));
  }
  return ids;
}

/** The fetch given to openapi-fetch: a call for another 事業所 is refused before it leaves; a time limit. */
function companyGuardedFetch(
  fetchImpl: FetchLike,
  basePath: string,
  companyId: number,
  timeoutMs: number,
): (request: Request) => Promise<Response> {
  return async (request: Request): Promise<Response> => {
    const apiPath = new URL(request.url).pathname.slice(basePath.length);
    if (!companyFreePaths.has(`${request.method} ${apiPath}`)) {
      const ids = await companyIdsOf(request, apiPath);
      if (ids.length === 0 || ids.some((id) => id !== String(companyId)))
        throw new FreeeCompanyIdError(request.method, apiPath, companyId);
    }
    return fetchImpl(new Request(request, { signal: AbortSignal.timeout(timeoutMs) }));
  };
}

/** Where one attempt goes and where it is logged. */
interface AttemptTarget {
  base: string;
  fetch: (request: Request) => Promise<Response>;
  logger: Logger;
}

/** One attempt with one token: the answer or the failure, logged with freee's request id. */
async function attemptOnce<T>(
  target: AttemptTarget,
  operation: string,
  token: string,
  send: (api: FreeeApi) => Promise<Sent<T>>,
  attemptNo: number,
): Promise<FreeeResult<T>> {
  const api = createClient<paths>({
    baseUrl: target.base,
    fetch: target.fetch,
    headers: { authorization: `Bearer ${token}` },
  });
  const started = performance.now();
  let sent: Sent<T>;
  try {
    sent = await send(api);
  } catch (error) {
    if (error instanceof FreeeCompanyIdError) throw error;
    const failure = networkFailure(error);
    target.logger.warn(
      { freee: { operation, attempt: attemptNo, failure: failure.kind, detail: failure.code } },
      'freee call failed without an answer',
    );
    return { ok: false, failure };
  }
  const requestId = sent.response.headers.get('x-freee-request-id');
  const log = {
    freee: {
      operation,
      status: sent.response.status,
      requestId,
      attempt: attemptNo,
      durationMs: Math.round(performance.now() - started),
    },
  };
  if (sent.response.ok) {
    target.logger.info(log, 'freee call');
    return { ok: true, data: sent.data as T, status: sent.response.status, requestId };
  }
  const failure = failureFromResponse(sent.response.status, sent.error, sent.response.headers);
  target.logger.warn(
    { freee: { ...log.freee, failure: failure.kind, code: failure.code } },
    'freee call refused',
  );
  return { ok: false, failure };
}

/** A token from the source, or the failure its error stands for (anything else is thrown on). */
async function tokenOrFailure(
  tokens: AccessTokenSource,
  get: () => Promise<{ token: string; generation: number }>,
): Promise<{ token: string; generation: number } | FreeeFailure> {
  try {
    return await get();
  } catch (error) {
    const failure = tokens.failureOf(error);
    if (!failure) throw error;
    return failure;
  }
}

export function createFreeeClient(options: FreeeClientOptions): FreeeClient {
  const retry = options.retry ?? defaultRetryPolicy;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const base = options.apiBaseUrl.replace(/\/+$/, '');
  const target: AttemptTarget = {
    base,
    fetch: companyGuardedFetch(
      options.fetch ?? fetch,
      new URL(base).pathname.replace(/\/+$/, ''),
      options.companyId,
      options.requestTimeoutMs ?? 30_000,
    ),
    logger: options.logger,
  };

  return {
    companyId: options.companyId,
    call: async (operation, send, callOptions = {}) => {
      const idempotent = callOptions.idempotent ?? false;
      let current = await tokenOrFailure(options.tokens, () => options.tokens.get());
      if ('kind' in current) return { ok: false, failure: current };
      let renewals = 0;
      let last: FreeeResult<never> | null = null;
      for (let attemptNo = 1; attemptNo <= retry.attemptsMax + tokenRenewalsMax; attemptNo++) {
        const result = await attemptOnce(target, operation, current.token, send, attemptNo);
        if (result.ok) return result;
        last = result;
        const { failure } = result;
        if (failure.kind === 'expired_access_token' && renewals < tokenRenewalsMax) {
          renewals++;
          const rejected = current.generation;
          const renewed = await tokenOrFailure(options.tokens, () =>
            options.tokens.renew(rejected),
          );
          if ('kind' in renewed) return { ok: false, failure: renewed };
          current = renewed;
          continue;
        }
        const retriesUsed = attemptNo - renewals;
        if (
          !idempotent ||
          !retryableAtOnce.includes(failure.kind) ||
          retriesUsed >= retry.attemptsMax
        )
          return result;
        await sleep(retry.backoffMs[Math.min(retriesUsed - 1, retry.backoffMs.length - 1)] ?? 0);
      }
      return last ?? { ok: false, failure: networkFailure(new Error('no attempt made')) };
    },
  };
}
