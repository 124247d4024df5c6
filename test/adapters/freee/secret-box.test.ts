// Goal: tokens at rest are AES-256-GCM sealed in the documented format, bound to company and
// purpose (a value moved to another company or field does not open), tamper-evident, and
// readable after a key rotation through the previous keys; the demo key file is created once,
// 0600, and reused. Method: seal/open round trips and deliberate corruptions; a temp data dir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  createSecretBox,
  generateSecretKeyText,
  parseSecretKey,
  SecretDecryptError,
  SecretKeyError,
} from '../../../src/adapters/crypto/secret-box.js';
import { loadSecretBox, secretKeyFileName } from '../../../src/adapters/crypto/secret-key.js';

const binding = { company: '7a3c0b5e-0000-4000-8000-000000000001', purpose: 'freee.refresh_token' };

test('format v1:<keyId>:<iv>:<tag>:<ct>, fresh IV per value, round trip for any text', () => {
  const key = parseSecretKey(generateSecretKeyText());
  const box = createSecretBox(key);
  const sealed = box.encrypt('refresh-token-value', binding);
  const parts = sealed.split(':');
  assert.equal(parts.length, 5);
  assert.equal(parts[0], 'v1');
  assert.equal(parts[1], key.id);
  assert.equal(Buffer.from(parts[2] ?? '', 'base64url').length, 12);
  assert.equal(Buffer.from(parts[3] ?? '', 'base64url').length, 16);
  assert.ok(!sealed.includes('refresh-token-value'));
  assert.notEqual(box.encrypt('refresh-token-value', binding), sealed, 'a new IV each time');
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      (text) => box.decrypt(box.encrypt(text, binding), binding) === text,
    ),
  );
});

test('bound to company and purpose; tampering is detected', () => {
  const box = createSecretBox(parseSecretKey(generateSecretKeyText()));
  const sealed = box.encrypt('secret', binding);
  const reasonOf = (fn: () => unknown) => {
    try {
      fn();
      return 'opened';
    } catch (error) {
      return error instanceof SecretDecryptError ? error.reason : 'other';
    }
  };
  assert.equal(
    reasonOf(() => box.decrypt(sealed, { ...binding, company: 'another-company' })),
    'authentication',
  );
  assert.equal(
    reasonOf(() => box.decrypt(sealed, { ...binding, purpose: 'freee.access_token' })),
    'authentication',
  );
  const parts = sealed.split(':');
  const ct = Buffer.from(parts[4] ?? '', 'base64url');
  ct[0] = (ct[0] ?? 0) ^ 1;
  assert.equal(
    reasonOf(() =>
      box.decrypt([...parts.slice(0, 4), ct.toString('base64url')].join(':'), binding),
    ),
    'authentication',
  );
  assert.equal(
    reasonOf(() => box.decrypt('v0:x:y:z:w', binding)),
    'format',
  );
  assert.equal(
    reasonOf(() => box.decrypt(`v1:unknownkey:${parts.slice(2).join(':')}`, binding)),
    'unknown_key',
  );
});

test('rotation: the new key seals, previous keys still open; without them old values do not open', () => {
  const oldKey = parseSecretKey(generateSecretKeyText());
  const newKey = parseSecretKey(generateSecretKeyText());
  const sealedOld = createSecretBox(oldKey).encrypt('old', binding);
  const rotated = createSecretBox(newKey, [oldKey]);
  assert.equal(rotated.decrypt(sealedOld, binding), 'old');
  assert.equal(rotated.keyIdOfSealed(sealedOld), oldKey.id);
  assert.equal(rotated.keyIdOfSealed(rotated.encrypt('new', binding)), newKey.id);
  assert.throws(() => createSecretBox(newKey).decrypt(sealedOld, binding), SecretDecryptError);
});

test('keys must be base64 of 32 bytes', () => {
  assert.throws(() => parseSecretKey('c2hvcnQ='), SecretKeyError);
  assert.throws(() => parseSecretKey('not base64 !!'), SecretKeyError);
  assert.equal(parseSecretKey(Buffer.alloc(32, 7).toString('base64url')).key.length, 32);
});

test('URIAGE_SECRET_KEY unset: a 0600 key file in the data dir, created once and reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uriage-key-'));
  try {
    const first = loadSecretBox({ secretKey: undefined, dataDir: dir });
    assert.equal(first.source, 'file');
    const path = join(dir, secretKeyFileName);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const sealed = first.box.encrypt('demo', binding);
    const second = loadSecretBox({ secretKey: undefined, dataDir: dir });
    assert.equal(second.box.decrypt(sealed, binding), 'demo');
    assert.equal(second.box.currentKeyId, first.box.currentKeyId);
    const fromEnv = loadSecretBox({
      secretKey: readFileSync(path, 'utf8').trim(),
      dataDir: '/nonexistent',
    });
    assert.equal(fromEnv.source, 'env');
    assert.equal(fromEnv.box.decrypt(sealed, binding), 'demo');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
