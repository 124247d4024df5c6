// Options of sendToPrinter: defaults, limits and validation (a bad value names its field).
import { PrinterSettingsError } from './printer-errors.js';

export const printerPortDefault = 9100;
export const timeoutMsDefault = 10_000;
export const timeoutMsMax = 120_000;
export const attemptsMaxDefault = 3;
/** The most attempts one call may make; retrying further is the job queue's business. */
export const attemptsMaxLimit = 10;
export const backoffMsDefault = 1_000;
export const backoffMsMax = 60_000;

export interface SendToPrinterInput {
  host: string;
  /** Default 9100. */
  port?: number;
  bytes: Uint8Array;
  /** Deadline of one attempt (connect + write). Default 10 000. */
  timeoutMs?: number;
  /** Attempts in this call, 1–10. Default 3. */
  attemptsMax?: number;
  /** Wait before the 2nd attempt; doubles for each further one. Default 1 000. */
  backoffMs?: number;
}

export interface SendTarget {
  host: string;
  port: number;
  bytes: Buffer;
  timeoutMs: number;
  attemptsMax: number;
  backoffMs: number;
}

function integerIn(
  field: string,
  value: number,
  min: number,
  max: number,
  userMessage: string,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PrinterSettingsError(
      field,
      `must be an integer from ${min} to ${max}, got ${String(value)}`,
      userMessage,
    );
  }
  return value;
}

export function resolveSendOptions(input: SendToPrinterInput): SendTarget {
  const host = typeof input.host === 'string' ? input.host.trim() : '';
  if (host === '')
    throw new PrinterSettingsError(
      'host',
      'must not be empty',
      'プリンターのIPアドレスまたはホスト名を設定してください。',
    );
  if (!(input.bytes instanceof Uint8Array) || input.bytes.length === 0) {
    throw new PrinterSettingsError(
      'bytes',
      'must be a non-empty Uint8Array',
      '印刷するデータがありません。',
    );
  }
  const port = integerIn(
    'port',
    input.port ?? printerPortDefault,
    1,
    65_535,
    'プリンターのポート番号は1〜65535で設定してください。',
  );
  const timeoutMs = integerIn(
    'timeoutMs',
    input.timeoutMs ?? timeoutMsDefault,
    1,
    timeoutMsMax,
    'タイムアウトの設定が正しくありません。',
  );
  const attemptsMax = integerIn(
    'attemptsMax',
    input.attemptsMax ?? attemptsMaxDefault,
    1,
    attemptsMaxLimit,
    `再試行回数は1〜${attemptsMaxLimit}回で設定してください。`,
  );
  const backoffMs = integerIn(
    'backoffMs',
    input.backoffMs ?? backoffMsDefault,
    0,
    backoffMsMax,
    '再試行の間隔の設定が正しくありません。',
  );
  const bytes = Buffer.from(input.bytes);
  return { host, port, bytes, timeoutMs, attemptsMax, backoffMs };
}
