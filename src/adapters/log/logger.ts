// Structured logs (pino) in English; secrets are redacted wherever they appear.
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger };

export const redactedPaths = [
  'password',
  '*.password',
  'access_token',
  '*.access_token',
  'refresh_token',
  '*.refresh_token',
  'client_secret',
  '*.client_secret',
  'token',
  '*.token',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
  return destination
    ? pino(options, destination as unknown as pino.DestinationStream)
    : pino(options);
}

export type LogFormat = 'pretty' | 'json';

/**
 * How `uriage serve` / `worker` (and so `npm start`) log: LOG_FORMAT=json|pretty when set, else
 * pretty when stdout is a terminal (a person is watching) and JSON lines otherwise (collectors).
 */
export function logFormatFor(stdoutIsTTY: boolean | undefined, logFormat?: string): LogFormat {
  if (logFormat === 'json' || logFormat === 'pretty') return logFormat;
  return stdoutIsTTY === true ? 'pretty' : 'json';
}

/**
 * A logger writing `format`: pretty goes through pino-pretty (a development dependency: where it
 * is not installed, JSON). The same redaction applies — pino redacts before any output.
 */
export async function createFormattedLogger(
  level: string,
  format: LogFormat,
  destination?: NodeJS.WritableStream,
): Promise<Logger> {
  if (format === 'json') return createLogger(level, destination);
  let pretty: typeof PinoPretty;
  try {
    pretty = (await import('pino-pretty')).default;
  } catch {
    return createLogger(level, destination);
  }
  const stream = pretty({
    colorize: destination === undefined,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
    ignore: 'pid,hostname',
    destination: destination ?? 1,
    sync: true,
  });
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, stream);
}

export const silentLogger: Logger = pino({ level: 'silent' });
