// Raw printing over TCP (port 9100, "RAW"/JetDirect) to Epson ESC/POS and Star StarPRNT printers.
// Each attempt has one deadline (timeoutMs) for connect + write; attempts are bounded (attemptsMax)
// with exponential backoff. The result is a value: on failure it keeps the bytes, so the caller can
// store the job and print it again later (nothing is lost by a switched-off printer).
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrinterUnreachableError, type AttemptFailure } from './printer-errors.js';
import { resolveSendOptions, type SendToPrinterInput, type SendTarget } from './send-options.js';

export { PrinterUnreachableError, PrinterSettingsError } from './printer-errors.js';
export { type SendToPrinterInput } from './send-options.js';

/** After the last byte is written, how long to wait for the printer to close its side. */
export const closeWaitMsMax = 1_000;

export interface PrintDelivered {
  ok: true;
  host: string;
  port: number;
  attempts: number;
  bytesSent: number;
}

export interface PrintNotDelivered {
  ok: false;
  host: string;
  port: number;
  attempts: number;
  error: PrinterUnreachableError;
  /** The job to keep for a later retry: exactly the bytes that were to be printed. */
  bytes: Buffer;
}

export type PrintResult = PrintDelivered | PrintNotDelivered;

/** Sends the bytes; never throws for network trouble (only for invalid options). */
export async function sendToPrinter(input: SendToPrinterInput): Promise<PrintResult> {
  const target = resolveSendOptions(input);
  const failures: AttemptFailure[] = [];
  for (let attempt = 1; attempt <= target.attemptsMax; attempt += 1) {
    if (attempt > 1) await sleep(target.backoffMs * 2 ** (attempt - 2));
    const failure = await attemptOnce(target, attempt);
    if (failure === null) {
      return {
        ok: true,
        host: target.host,
        port: target.port,
        attempts: attempt,
        bytesSent: target.bytes.length,
      };
    }
    failures.push(failure);
  }
  const error = new PrinterUnreachableError(target.host, target.port, target.attemptsMax, failures);
  return {
    ok: false,
    host: target.host,
    port: target.port,
    attempts: target.attemptsMax,
    error,
    bytes: target.bytes,
  };
}

/**
 * One connection. Delivered = every byte handed to the network and our side closed (FIN), then
 * the printer closed too or closeWaitMsMax passed. Incoming status bytes are read and dropped so
 * that closing never resets the connection.
 */
function attemptOnce(target: SendTarget, attempt: number): Promise<AttemptFailure | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: target.host, port: target.port });
    let connected = false;
    let finished = false;
    let closeWait: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (failure: AttemptFailure | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(closeWait);
      socket.destroy();
      resolve(failure);
    };
    const deadline = setTimeout(() => {
      const stage = connected ? 'write not finished' : 'not connected';
      settle({ attempt, reason: 'timeout', detail: `${stage} within ${target.timeoutMs} ms` });
    }, target.timeoutMs);
    socket.once('connect', () => {
      connected = true;
      socket.end(target.bytes);
    });
    socket.once('finish', () => {
      finished = true;
      clearTimeout(deadline);
      socket.resume();
      closeWait = setTimeout(() => settle(null), Math.min(closeWaitMsMax, target.timeoutMs));
    });
    socket.once('close', () =>
      settle(
        finished ? null : lost(attempt, 'closed by the printer before all bytes were written'),
      ),
    );
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const reason = connected ? 'connection-lost' : 'connect-failed';
      settle({
        attempt,
        reason,
        ...(error.code ? { code: error.code } : {}),
        detail: error.message,
      });
    });
  });
}

function lost(attempt: number, detail: string): AttemptFailure {
  return { attempt, reason: 'connection-lost', detail };
}
