// Operating errors of use cases, as values with stable codes. The HTTP adapter maps them to status
// codes in one file (src/adapters/http/errors.ts); the CLI prints their Japanese message.
export interface FieldError {
  path: string;
  /** Japanese, for the user. */
  message: string;
  /** Stable English code, for logs and clients. */
  code?: string;
}

export type AppErrorKind =
  | 'validation'
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'too_many_requests'
  | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    readonly code: string,
    /** Japanese message for the user. */
    readonly userMessage: string,
    readonly fields: FieldError[] = [],
    /** English, for logs. */
    logMessage?: string,
  ) {
    super(logMessage ?? code);
    this.name = 'AppError';
  }
}

export const validationError = (fields: FieldError[], message = '入力内容に誤りがあります。') =>
  new AppError(
    'validation',
    'validation_failed',
    message,
    fields,
    `validation failed: ${fields.map((f) => f.path).join(', ')}`,
  );

export const notFound = (what: string, userMessage: string) =>
  new AppError('not_found', 'not_found', userMessage, [], `${what} not found`);

export const conflict = (code: string, userMessage: string, fields: FieldError[] = []) =>
  new AppError('conflict', code, userMessage, fields, code);

export const forbidden = (userMessage = 'この操作を行う権限がありません。') =>
  new AppError('forbidden', 'forbidden', userMessage);

export const unauthorized = (userMessage = 'ログインしてください。') =>
  new AppError('unauthorized', 'unauthorized', userMessage);
