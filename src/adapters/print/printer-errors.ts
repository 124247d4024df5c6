// Errors of the printer adapter. English `message` for logs, Japanese `userMessage` for the shop.
import { isIPv6 } from 'node:net';

/** Why one attempt failed; plain data, so a failed job can be stored as JSON. */
export interface AttemptFailure {
  attempt: number;
  /**
   * connect-failed: refused, unreachable, DNS; timeout: connect or write not done in timeoutMs;
   * connection-lost: reset or closed by the printer before every byte was written.
   */
  reason: 'connect-failed' | 'timeout' | 'connection-lost';
  /** Node's error code when there is one (ECONNREFUSED, EHOSTUNREACH, ENOTFOUND, ECONNRESET…). */
  code?: string;
  detail: string;
}

export function printerAddress(host: string, port: number): string {
  return isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Every attempt failed. The bytes were not (fully) delivered; print them again later. */
export class PrinterUnreachableError extends Error {
  readonly userMessage: string;

  constructor(
    readonly host: string,
    readonly port: number,
    readonly attempts: number,
    readonly failures: readonly AttemptFailure[],
  ) {
    const last = failures.at(-1);
    const why =
      last === undefined
        ? 'no attempt'
        : `${last.reason}${last.code ? ` ${last.code}` : ''}: ${last.detail}`;
    super(
      `printer ${printerAddress(host, port)} unreachable after ${attempts} attempt(s); last: ${why}`,
    );
    this.name = 'PrinterUnreachableError';
    this.userMessage = `プリンター(${printerAddress(host, port)})に接続できません。電源とネットワークを確認して再印刷してください。`;
  }
}

/** A printer setting or send option is invalid (a programming or configuration error). */
export class PrinterSettingsError extends Error {
  readonly userMessage: string;

  constructor(
    readonly field: string,
    detail: string,
    userMessage: string,
  ) {
    super(`printer settings: ${field} ${detail}`);
    this.name = 'PrinterSettingsError';
    this.userMessage = userMessage;
  }
}
