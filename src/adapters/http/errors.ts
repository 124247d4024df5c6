// The one place where errors become HTTP responses:
// { "error": { "code", "message" (Japanese), "fields": [{ "path", "message" }] } }. No stack traces.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type AppErrorKind, type FieldError } from '../../app/errors.js';
import type { AppEnv } from './context.js';

const statusByKind: Record<AppErrorKind, ContentfulStatusCode> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields: { path: string; message: string; code?: string }[];
  };
}

export function errorBody(code: string, message: string, fields: FieldError[] = []): ErrorBody {
  return {
    error: {
      code,
      message,
      fields: fields.map((f) => ({
        path: f.path,
        message: f.message,
        ...(f.code ? { code: f.code } : {}),
      })),
    },
  };
}

export function respondError(c: Context<AppEnv>, error: unknown): Response {
  if (error instanceof AppError) {
    return c.json(errorBody(error.code, error.userMessage, error.fields), statusByKind[error.kind]);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const malformed = /json/i.test(error.message);
    const message = malformed
      ? 'リクエストの JSON を読み取れません。'
      : 'リクエストが正しくありません。';
    return c.json(
      errorBody(malformed ? 'invalid_json' : 'bad_request', message, [{ path: '', message }]),
      error.status as ContentfulStatusCode,
    );
  }
  if (error instanceof SyntaxError) {
    return c.json(
      errorBody('invalid_json', 'リクエストの JSON を読み取れません。', [
        { path: '', message: 'JSON の形式が正しくありません。' },
      ]),
      400,
    );
  }
  c.get('app')?.log.error({ err: error, path: c.req.path }, 'unhandled error');
  return c.json(
    errorBody('internal_error', 'サーバーでエラーが発生しました。時間をおいて再度お試しください。'),
    500,
  );
}

interface ZodLikeIssue {
  path: PropertyKey[];
  code: string;
  message: string;
}

/** zod issue path → `lines[0].quantity`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out;
}

export function fieldErrorsFromIssues(issues: readonly ZodLikeIssue[], prefix = ''): FieldError[] {
  return issues.map((issue) => {
    const path = issuePath(issue.path);
    return {
      path: prefix && path ? `${prefix}.${path}` : prefix || path,
      code: issue.code,
      message: japaneseIssueMessage(issue),
    };
  });
}

function japaneseIssueMessage(issue: ZodLikeIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return '値の型が正しくないか、必須項目がありません。';
    case 'too_small':
      return '値が小さすぎるか、短すぎます。';
    case 'too_big':
      return '値が大きすぎるか、長すぎます。';
    case 'invalid_value':
      return '指定できない値です。';
    case 'invalid_format':
      return '形式が正しくありません。';
    case 'unrecognized_keys':
      return '不明な項目があります。';
    case 'not_multiple_of':
      return '整数で入力してください。';
    default:
      return '値が正しくありません。';
  }
}
