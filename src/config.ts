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
  freee: { clientId: string; clientSecret: string; redirectUrl: string } | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535, got ${env.PORT}`);
  const freee =
    env.FREEE_CLIENT_ID && env.FREEE_CLIENT_SECRET
      ? { clientId: env.FREEE_CLIENT_ID, clientSecret: env.FREEE_CLIENT_SECRET, redirectUrl: env.FREEE_REDIRECT_URL ?? '' }
      : null;
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.URIAGE_DATA_DIR ?? './data'),
    secretKey: env.URIAGE_SECRET_KEY || undefined,
    previousSecretKeys: (env.URIAGE_SECRET_KEYS_PREVIOUS ?? '').split(',').map((k) => k.trim()).filter((k) => k !== ''),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: env.URIAGE_PUBLIC_URL ?? `http://localhost:${port}`,
    sandboxFaults: env.URIAGE_SANDBOX_FAULTS || undefined,
    freee,
  };
}
