// freee's error bodies (API-NOTES §3, schema components badRequestError … serviceUnavailableError)
// and the one exception type routes throw; app.ts maps it to a response in one place.

export type ErrorType = 'status' | 'validation' | 'error';

export interface FreeeErrorBody {
  status_code: number;
  errors: { type: ErrorType; messages: string[] }[];
}

const statusMessages: Record<number, string> = {
  400: '不正なリクエストです。',
  404: 'リソースが見つかりません。',
  409: 'リクエストが競合しました。',
  500: 'エラーが発生しました。',
  503: 'このAPIは現在ご利用いただけません。',
};

export function errorBody(status: number, validation: readonly string[] = []): FreeeErrorBody {
  const errors: FreeeErrorBody['errors'] = [
    { type: 'status', messages: [statusMessages[status] ?? 'エラーが発生しました。'] },
  ];
  if (validation.length > 0) errors.push({ type: 'validation', messages: [...validation] });
  return { status_code: status, errors };
}

export function maintenanceBody(): FreeeErrorBody {
  return {
    status_code: 503,
    errors: [{ type: 'error', messages: [statusMessages[503] as string] }],
  };
}

/** 401/403 bodies carry a stable `code` and a message that may change (API-NOTES §2). */
export interface CodedErrorBody {
  code?: string;
  message: string;
}

export const unauthorized = {
  expiredAccessToken: { code: 'expired_access_token', message: 'アクセスする権限がありません' },
  userDoNotHavePermission: {
    code: 'user_do_not_have_permission',
    message: 'このAPIにアクセスしたい場合、事業所の管理者にご確認ください',
  },
} satisfies Record<string, CodedErrorBody>;

export const throttledBody: CodedErrorBody = {
  message: 'APIの利用が制限されています。しばらく時間をおいてから再度お試しください。',
};

/** Thrown by handlers: status + body, rendered by the app's error handler. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 500 | 503,
    readonly body: FreeeErrorBody | CodedErrorBody,
  ) {
    super(`sandbox ${status}`);
    this.name = 'SandboxHttpError';
  }
}

export function badRequest(...messages: string[]): SandboxHttpError {
  return new SandboxHttpError(400, errorBody(400, messages));
}

export function notFound(...messages: string[]): SandboxHttpError {
  return new SandboxHttpError(404, errorBody(404, messages));
}

export function noPermission(): SandboxHttpError {
  return new SandboxHttpError(401, unauthorized.userDoNotHavePermission);
}
