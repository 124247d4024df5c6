// Random secrets and their stored form: only a sha256 of a bearer secret is ever stored.
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(prefix: string, byteCount = 32): string {
  return `${prefix}${randomBytes(byteCount).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
