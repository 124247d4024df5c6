// Named errors of freee連携. They are AppErrors, so the console, the API and the CLI show their
// Japanese message; `code` is stable for logs and jobs (retry or not).
import { AppError } from '../errors.js';
import { freeeMessages } from './model.js';

/** The connection cannot be used until the user acts (reconnect, fix freee rights). Not retryable. */
export class FreeeConnectionUnusableError extends AppError {
  constructor(
    code:
      | 'freee_connection_expired'
      | 'freee_connection_error'
      | 'freee_connection_disconnected'
      | 'freee_connection_not_found',
    userMessage: string,
    readonly connectionId: string,
  ) {
    super('conflict', code, userMessage, [], `${code}: connection ${connectionId}`);
    this.name = 'FreeeConnectionUnusableError';
  }
}

/** freee could not be reached or refused for now (maintenance, 5xx, network): try again later. */
export class FreeeTemporarilyUnavailableError extends AppError {
  constructor(
    readonly reason: string,
    readonly retryAfterMs: number,
  ) {
    super(
      'unavailable',
      'freee_unavailable',
      'freeeに接続できませんでした。しばらくしてから再度お試しください。',
      [],
      `freee unavailable: ${reason}`,
    );
    this.name = 'FreeeTemporarilyUnavailableError';
  }
}

/** Another caller held the refresh lease for longer than this caller may wait. Retryable. */
export class TokenRefreshBusyError extends AppError {
  constructor(
    readonly connectionId: string,
    readonly roundsMax: number,
  ) {
    super(
      'unavailable',
      'freee_token_refresh_busy',
      'freeeのアクセストークンを更新中です。しばらくしてから再度お試しください。',
      [],
      `refresh lease of ${connectionId} still held after ${roundsMax} rounds`,
    );
    this.name = 'TokenRefreshBusyError';
  }
}

export function unusableConnection(
  connectionId: string,
  status: string,
  message: string | null,
): FreeeConnectionUnusableError {
  if (status === 'expired')
    return new FreeeConnectionUnusableError(
      'freee_connection_expired',
      message ?? freeeMessages.tokenRefreshFailed,
      connectionId,
    );
  if (status === 'disconnected')
    return new FreeeConnectionUnusableError(
      'freee_connection_disconnected',
      'freee連携が解除されています。',
      connectionId,
    );
  return new FreeeConnectionUnusableError(
    'freee_connection_error',
    message ?? 'freee連携でエラーが発生しています。',
    connectionId,
  );
}
