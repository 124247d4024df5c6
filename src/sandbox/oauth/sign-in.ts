// Sandbox users sign in to the consent page (issue #10 item 3): a password (scrypt hash on the
// user row) and a session cookie signed with a key held by this sandbox app only (a restart or
// another process signs everybody out, which a sandbox can afford).
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { SandboxDb } from '../db/database.js';
import { users } from '../db/schema.js';
import { randomSecret, sameText } from './secrets.js';

const keyLength = 32;
const cost = { N: 4096, r: 8, p: 1 };
/** Longer inputs are refused before hashing (scrypt on a megabyte is a CPU DoS). */
const passwordMax = 200;
const emailMax = 320;
const sessionMs = 60 * 60 * 1000;

export const sessionCookie = 'freee_sandbox_session';

/**
 * The session cookie covers the whole sandbox under its public base URL (the consent page and the
 * read-only books; the sandbox may be mounted, e.g. at /sandbox/freee, and then sees its paths
 * without the prefix).
 */
export function sessionCookiePath(baseUrl: string | null | undefined): string {
  const base = baseUrl ? new URL(baseUrl).pathname.replace(/\/+$/, '') : '';
  return `${base}/`;
}

const signers = new WeakMap<object, SessionSigner>();

/** One signer per sandbox app, shared by the consent page and the books. */
export function sessionSignerFor(deps: object): SessionSigner {
  let signer = signers.get(deps);
  if (!signer) {
    signer = new SessionSigner();
    signers.set(deps, signer);
  }
  return signer;
}

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, cost, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [kind, saltText, keyText] = stored.split('$');
  if (kind !== 'scrypt' || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await derive(password, Buffer.from(saltText, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A generated password for users created without one (tests and the demo read it from the result). */
export function newPassword(): string {
  return randomSecret(18);
}

/** The user id when email and password match a user that has a password; null otherwise. */
export async function verifySignIn(
  db: SandboxDb,
  email: string,
  password: string,
): Promise<number | null> {
  if (email.length > emailMax || password.length > passwordMax || password === '') return null;
  const rows = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const row = rows[0];
  // Hash anyway when the user is unknown, so timing does not tell which e-mail addresses exist.
  const stored = row?.passwordHash ?? (await dummyHash());
  const ok = await passwordMatches(password, stored);
  return ok && row?.passwordHash ? row.id : null;
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomSecret(12));
  return dummy;
}

/** Signs and reads the session cookie's value: `<userId>.<expiresAtMs>.<hmac>`. */
export class SessionSigner {
  private readonly key = randomBytes(32);

  sign(userId: number, now: Date): string {
    const body = `${userId}.${now.getTime() + sessionMs}`;
    return `${body}.${this.mac(body)}`;
  }

  userOf(value: string | undefined, now: Date): number | null {
    const match = /^(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
    if (!match) return null;
    const [, userText, expiresText, mac] = match;
    const body = `${userText}.${expiresText}`;
    if (!sameText(this.mac(body), mac ?? '')) return null;
    if (Number(expiresText) <= now.getTime()) return null;
    return Number(userText);
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
