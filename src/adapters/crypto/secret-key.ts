// Where the key that encrypts freee tokens comes from. URIAGE_SECRET_KEY (base64 of 32 bytes) when
// set; older keys in URIAGE_SECRET_KEYS_PREVIOUS (comma-separated) still decrypt after a rotation.
// Unset (the embedded demo): a key file `secret.key` in the data directory, created once with mode
// 0600 from crypto randomness. The key is never logged; only its fingerprint (key id) is.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createSecretBox,
  generateSecretKeyText,
  parseSecretKey,
  type SecretBox,
  type SecretKey,
} from './secret-box.js';

export const secretKeyFileName = 'secret.key';

export interface SecretKeySettings {
  secretKey: string | undefined;
  previousSecretKeys?: readonly string[];
  dataDir: string;
}

export interface LoadedSecretBox {
  box: SecretBox;
  source: 'env' | 'file';
  /** The key file, when source is `file`. */
  path?: string;
}

/** Reads the key file, or creates it when absent (exclusive create: two processes agree on one key). */
export function keyFromFile(dataDir: string): SecretKey {
  const path = join(dataDir, secretKeyFileName);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${generateSecretKeyText()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseSecretKey(readFileSync(path, 'utf8'), path);
}

export function loadSecretBox(settings: SecretKeySettings): LoadedSecretBox {
  const previous = (settings.previousSecretKeys ?? []).map((text, i) =>
    parseSecretKey(text, `URIAGE_SECRET_KEYS_PREVIOUS[${i}]`),
  );
  if (settings.secretKey)
    return { box: createSecretBox(parseSecretKey(settings.secretKey), previous), source: 'env' };
  const path = join(settings.dataDir, secretKeyFileName);
  return { box: createSecretBox(keyFromFile(settings.dataDir), previous), source: 'file', path };
}
