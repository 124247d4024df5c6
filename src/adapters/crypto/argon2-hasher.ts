// Passwords are hashed with argon2id (@node-rs/argon2, OWASP-style defaults).
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../app/tenancy/ports.js';

const argon2id = 2;

export const argon2Hasher: PasswordHasher = {
  hash: (password) =>
    hash(password, { algorithm: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
  verify: async (passwordHash, password) => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  },
};
