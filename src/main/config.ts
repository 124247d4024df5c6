// Every environment variable the service reads, in one place (README lists them).
import { resolve } from 'node:path';

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  secretKey: string | undefined;
  /** Older keys that still decrypt after a rotation (URIAGE_SECRET_KEYS_PREVIOUS, comma-separated). */
  previousSecretKeys: string[];
  logLevel: string;
  publicUrl: string;
  sandboxFaults: string | undefined;
  sandboxService: string | undefined;
  /** A freee sandbox served elsewhere (e.g. `uriage worker` next to a fault-run sandbox); unset = mounted in-process. */
  sandboxUrl: string | undefined;
  /** How long one freee request may take before it counts as unanswered. */
  freeeRequestTimeoutMs: number;
  /** Shrinks posting's waits (throttle, settle, lease…) for fault runs and tests; 1 in production. */
  postingTimeScale: number;
  /** Concurrent posting jobs per process. */
  postingConcurrency: number;
  /** Posting runs of one company at once per process (fairness between companies). */
  postingCompanyConcurrency: number;
  /** Posting runs of one company at once over every process on the PostgreSQL server (not embedded). */
  postingCompanyRunsMax: number;
  /** pg-boss maintenance (expires jobs of killed workers) every this many seconds. */
  jobMaintenanceIntervalSeconds: number;
  freee: { clientId: string; clientSecret: string; redirectUrl: string } | null;
  /** Outgoing mail (SMTP_URL, e.g. smtp://user:pass@host:587); unset = the console outbox. */
  smtpUrl: string | undefined;
  /** The sender of outgoing mail (MAIL_FROM). */
  mailFrom: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be an integer 0–65535, got ${env.PORT}`);
  const freee =
    env.FREEE_CLIENT_ID && env.FREEE_CLIENT_SECRET
      ? {
          clientId: env.FREEE_CLIENT_ID,
          clientSecret: env.FREEE_CLIENT_SECRET,
          redirectUrl: env.FREEE_REDIRECT_URL ?? '',
        }
      : null;
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    dataDir: resolve(env.URIAGE_DATA_DIR ?? './data'),
    secretKey: env.URIAGE_SECRET_KEY || undefined,
    previousSecretKeys: (env.URIAGE_SECRET_KEYS_PREVIOUS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: env.URIAGE_PUBLIC_URL ?? `http://localhost:${port}`,
    sandboxFaults: env.URIAGE_SANDBOX_FAULTS || undefined,
    sandboxService: env.URIAGE_SANDBOX_SERVICE || undefined,
    sandboxUrl: env.URIAGE_SANDBOX_URL || undefined,
    freeeRequestTimeoutMs: integerIn(
      'URIAGE_FREEE_TIMEOUT_MS',
      env.URIAGE_FREEE_TIMEOUT_MS,
      30_000,
      100,
      300_000,
    ),
    postingTimeScale: scaleOf(env.URIAGE_POSTING_TIME_SCALE),
    postingConcurrency: integerIn(
      'URIAGE_POSTING_CONCURRENCY',
      env.URIAGE_POSTING_CONCURRENCY,
      4,
      1,
      32,
    ),
    postingCompanyConcurrency: integerIn(
      'URIAGE_POSTING_COMPANY_CONCURRENCY',
      env.URIAGE_POSTING_COMPANY_CONCURRENCY,
      2,
      1,
      32,
    ),
    postingCompanyRunsMax: integerIn(
      'URIAGE_POSTING_COMPANY_RUNS_MAX',
      env.URIAGE_POSTING_COMPANY_RUNS_MAX,
      4,
      1,
      64,
    ),
    jobMaintenanceIntervalSeconds: integerIn(
      'URIAGE_JOB_MAINTENANCE_SECONDS',
      env.URIAGE_JOB_MAINTENANCE_SECONDS,
      120,
      1,
      3600,
    ),
    freee,
  };
}

function integerIn(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer ${min}–${max}, got ${text}`);
  return value;
}

function scaleOf(text: string | undefined): number {
  if (text === undefined || text === '') return 1;
  const value = Number(text);
  if (!(value > 0 && value <= 1))
    throw new Error(`URIAGE_POSTING_TIME_SCALE must be a number in (0, 1], got ${text}`);
  return value;
}
