// freee's answers as named results (API-NOTES §2–3). Branch on `code` and status, never on the
// message text (freee changes messages without notice).
export type FreeeFailureKind =
  | 'expired_access_token'
  | 'invalid_grant'
  | 'user_do_not_have_permission'
  /** 403: too many calls; freee locks the app out for about 10 minutes. */
  | 'throttled'
  /** 503 (also during freee's scheduled maintenance). */
  | 'maintenance'
  /** 400 with freee's messages. */
  | 'validation'
  /** No answer: connection refused or reset, timeout, body cut off. The write may have happened. */
  | 'network'
  /** 500, 502, 504 … */
  | 'server'
  | 'not_found'
  | 'conflict'
  /** 429 (reports, receipts downloads). */
  | 'rate_limited'
  /** Other 401 codes (company_not_found, re_authorization_required, freee_plan_limit …). */
  | 'unauthorized'
  /** The stored connection cannot be used (期限切れ, エラー, 連携解除). */
  | 'connection_unusable'
  | 'unexpected';

export interface FreeeFailure {
  kind: FreeeFailureKind;
  /** HTTP status, null without an answer. */
  status: number | null;
  /** freee's `code` (401s) when present. */
  code: string | null;
  /** freee's messages (Japanese), validation messages first. */
  messages: string[];
  /** X-Freee-Request-ID of the answer. */
  requestId: string | null;
  /** Wait at least this long before trying again; null = do not retry as is. */
  retryAfterMs: number | null;
}

/** freee: "usable again after about 10 minutes" (API-NOTES §3); we wait a little longer. */
export const throttleWaitMs = 11 * 60_000;
export const maintenanceWaitMs = 5 * 60_000;
export const serverErrorWaitMs = 30_000;

export type FreeeResult<T> =
  | { ok: true; data: T; status: number; requestId: string | null }
  | { ok: false; failure: FreeeFailure };

/** A page walk reached its maximum with pages still coming. */
export class FreeePagingLimitError extends Error {
  readonly code = 'freee_paging_limit_exceeded';
  constructor(
    operation: string,
    readonly pagesMax: number,
  ) {
    super(`freee ${operation}: more than ${pagesMax} pages`);
    this.name = 'FreeePagingLimitError';
  }
}

/** A call that needs a company_id was about to be sent without this client's one (a bug). */
export class FreeeCompanyIdError extends Error {
  readonly code = 'freee_company_id_missing';
  constructor(method: string, path: string, expected: number) {
    super(`freee ${method} ${path}: company_id ${expected} missing or different`);
    this.name = 'FreeeCompanyIdError';
  }
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** `errors[].messages` of freee's common error body; validation messages first. */
export function messagesOf(body: unknown): string[] {
  const record = asRecord(body);
  if (!record) return [];
  const out: string[] = [];
  const later: string[] = [];
  if (Array.isArray(record.errors)) {
    for (const entry of record.errors.slice(0, 100)) {
      const error = asRecord(entry);
      const messages = Array.isArray(error?.messages)
        ? error.messages.filter((m): m is string => typeof m === 'string')
        : [];
      (error?.type === 'validation' ? out : later).push(...messages);
    }
  }
  if (typeof record.message === 'string') later.push(record.message);
  if (typeof record.error_description === 'string') later.push(record.error_description);
  return [...out, ...later];
}

function codeOf(body: unknown): string | null {
  const record = asRecord(body);
  if (typeof record?.code === 'string') return record.code;
  if (typeof record?.error === 'string') return record.error;
  return null;
}

const kindsBy401Code: Record<string, FreeeFailureKind> = {
  expired_access_token: 'expired_access_token',
  invalid_access_token: 'expired_access_token',
  user_do_not_have_permission: 'user_do_not_have_permission',
  invalid_grant: 'invalid_grant',
};

function kindOf(status: number, code: string | null): FreeeFailureKind {
  if (status === 400) return code === 'invalid_grant' ? 'invalid_grant' : 'validation';
  if (status === 401) return (code && kindsBy401Code[code]) || 'unauthorized';
  if (status === 403) return 'throttled';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'maintenance';
  if (status >= 500) return 'server';
  return 'unexpected';
}

function retryAfterOf(kind: FreeeFailureKind, headers: Headers | null): number | null {
  if (kind === 'throttled') return throttleWaitMs;
  if (kind === 'maintenance') return maintenanceWaitMs;
  if (kind === 'server') return serverErrorWaitMs;
  if (kind === 'rate_limited')
    return Math.max(1_000, Number(headers?.get('retry-after') ?? '1') * 1_000 || 1_000);
  return null;
}

export function failureFromResponse(
  status: number,
  body: unknown,
  headers: Headers | null,
): FreeeFailure {
  const code = codeOf(body);
  const kind = kindOf(status, code);
  return {
    kind,
    status,
    code,
    messages: messagesOf(body),
    requestId: headers?.get('x-freee-request-id') ?? null,
    retryAfterMs: retryAfterOf(kind, headers),
  };
}

export function networkFailure(error: unknown): FreeeFailure {
  const name = (error as { name?: string })?.name;
  const detail =
    name === 'TimeoutError' || name === 'AbortError'
      ? 'timeout'
      : String((error as Error)?.message ?? error);
  return {
    kind: 'network',
    status: null,
    code: detail === 'timeout' ? 'timeout' : 'connection',
    messages: [],
    requestId: null,
    retryAfterMs: serverErrorWaitMs,
  };
}

/** Kinds a client may retry at once for an idempotent call (nothing was applied, or applying twice is harmless). */
export const retryableAtOnce: readonly FreeeFailureKind[] = ['network', 'server'];
