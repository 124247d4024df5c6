// Secrets at rest (freee tokens, PKCE verifiers, OAuth client secrets): AES-256-GCM with a random
// 96-bit IV per value and additional authenticated data (AAD) that binds each value to its owner
// and purpose, so a ciphertext copied to another row or company fails to decrypt.
// Format: v1:<keyId>:<iv b64url>:<tag b64url>:<ciphertext b64url>. docs/freee-connection.md
// explains key rotation (a keyring: one current key encrypts, older keys still decrypt).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;
const formatVersion = 'v1';
/** A keyring of more keys than this is a configuration mistake. */
export const keyringKeysMax = 16;

export interface SecretKey {
  /** Short public fingerprint of the key (never the key). */
  id: string;
  key: Buffer;
}

/** What a secret is bound to: `company` (a company id, or `installation`) and `purpose`. */
export interface SecretBinding {
  company: string;
  purpose: string;
}

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

/** Decryption failed: unknown key id, tampered value, or a value bound to something else. */
export class SecretDecryptError extends Error {
  constructor(readonly reason: 'format' | 'unknown_key' | 'authentication') {
    super(`secret could not be decrypted (${reason})`);
    this.name = 'SecretDecryptError';
  }
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256')
    .update('uriage-secret-key-id:')
    .update(key)
    .digest('base64url')
    .slice(0, 10);
}

/** A base64 (or base64url) text of exactly 32 bytes → a key. */
export function parseSecretKey(text: string, name = 'URIAGE_SECRET_KEY'): SecretKey {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed))
    throw new SecretKeyError(`${name} must be base64 of 32 random bytes`);
  const key = Buffer.from(
    trimmed,
    trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64',
  );
  if (key.length !== keyBytes)
    throw new SecretKeyError(`${name} must decode to ${keyBytes} bytes, got ${key.length}`);
  return { id: keyIdOf(key), key };
}

export function generateSecretKeyText(): string {
  return randomBytes(keyBytes).toString('base64');
}

function aadOf(binding: SecretBinding): Buffer {
  return Buffer.from(`uriage:${binding.company}:${binding.purpose}`, 'utf8');
}

export interface SecretBox {
  /** Id of the key that encrypts new values. */
  readonly currentKeyId: string;
  encrypt(plaintext: string, binding: SecretBinding): string;
  decrypt(sealed: string, binding: SecretBinding): string;
  /** The key id a sealed value was written with (for re-encryption after a rotation). */
  keyIdOfSealed(sealed: string): string | null;
}

/** `current` encrypts; `current` and `previous` decrypt. */
export function createSecretBox(
  current: SecretKey,
  previous: readonly SecretKey[] = [],
): SecretBox {
  if (previous.length + 1 > keyringKeysMax)
    throw new SecretKeyError(`at most ${keyringKeysMax} keys in the keyring`);
  const keys = new Map<string, Buffer>();
  for (const k of [...previous, current]) keys.set(k.id, k.key);
  return {
    currentKeyId: current.id,
    encrypt: (plaintext, binding) => {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: tagBytes });
      cipher.setAAD(aadOf(binding));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        formatVersion,
        current.id,
        iv.toString('base64url'),
        tag.toString('base64url'),
        ciphertext.toString('base64url'),
      ].join(':');
    },
    decrypt: (sealed, binding) => {
      const parts = sealed.split(':');
      if (parts.length !== 5 || parts[0] !== formatVersion) throw new SecretDecryptError('format');
      const [, keyId, ivText, tagText, ciphertextText] = parts as [
        string,
        string,
        string,
        string,
        string,
      ];
      const key = keys.get(keyId);
      if (!key) throw new SecretDecryptError('unknown_key');
      const iv = Buffer.from(ivText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      if (iv.length !== ivBytes || tag.length !== tagBytes) throw new SecretDecryptError('format');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
        decipher.setAAD(aadOf(binding));
        decipher.setAuthTag(tag);
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertextText, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new SecretDecryptError('authentication');
      }
    },
    keyIdOfSealed: (sealed) => {
      const parts = sealed.split(':');
      return parts.length === 5 && parts[0] === formatVersion ? (parts[1] ?? null) : null;
    },
  };
}
