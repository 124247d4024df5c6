// Login like USENレジ's 管理画面: 企業コード + 担当者コード + パスワード. Every attempt is counted
// before the password is checked, per account and address, per account and per address; past the
// free attempts a counter backs off exponentially. An unknown staff is verified against a dummy
// hash (same time); the error never says which part was wrong.
import type { Clock } from '../clock.js';
import { AppError, unauthorized } from '../errors.js';
import type { PasswordHasher, TenancyStore } from '../tenancy/ports.js';
import type { StaffMember } from '../tenancy/model.js';
import type { AccessStore, SessionRecord } from './ports.js';
import { hashSecret, newSecret } from './tokens.js';

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
const backoffBaseMs = 30_000;
const backoffMaxMs = 15 * 60 * 1000;
/** Free attempts before the back-off, per counter: one account from one address, one account
 *  from anywhere (a guesser spread over many addresses), one address over every account. */
const freeAttempts = { accountAddress: 4, account: 20, address: 30 } as const;
/** A counter untouched this long starts again from 0. */
const counterResetMs = 24 * 60 * 60 * 1000;
/** Re-reads of a counter another login moved on meanwhile (then 429, never a free pass). */
const claimAttemptsMax = 5;

export interface LoginDeps {
  tenancy: TenancyStore;
  access: AccessStore;
  hasher: PasswordHasher;
  clock: Clock;
}

export interface LoginResult {
  sessionToken: string;
  session: SessionRecord;
  staff: StaffMember;
}

export const loginFailedMessage =
  '企業コード・担当者コード・パスワードのいずれかが正しくありません。';

/** How long a counter must wait after `failureCount` attempts (0 = no wait). */
export function backoffMs(
  failureCount: number,
  free: number = freeAttempts.accountAddress,
): number {
  if (failureCount <= free) return 0;
  return Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.min(10, failureCount - free - 1));
}

const backoffError = (waitMs: number) =>
  new AppError(
    'too_many_requests',
    'login_backoff',
    `ログインの失敗が続いたため、${Math.ceil(waitMs / 1000)}秒後に再度お試しください。`,
  );

/** Counts one attempt on `key` BEFORE the password is checked: compare-and-set on the count read,
 *  so concurrent guesses each take their own turn and none passes the back-off. */
async function claimAttempt(access: AccessStore, key: string, free: number, now: Date) {
  for (let attempt = 1; attempt <= claimAttemptsMax; attempt += 1) {
    const failures = await access.getLoginFailures(key);
    const count = failures?.failureCount ?? 0;
    const idleMs = failures ? now.getTime() - failures.lastFailedAt.getTime() : 0;
    if (failures && idleMs < counterResetMs) {
      const waitMs = backoffMs(count, free) - idleMs;
      if (waitMs > 0) throw backoffError(waitMs);
    }
    const next = idleMs >= counterResetMs ? 1 : count + 1;
    if (await access.claimLoginAttempt(key, count, next, now)) return;
  }
  throw backoffError(backoffBaseMs);
}

/** A hash to verify against when the staff does not exist, so both take the same time. */
const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();
function dummyHashOf(hasher: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(hasher);
  if (!hash) {
    hash = hasher.hash(newSecret('dummy_'));
    dummyHashes.set(hasher, hash);
  }
  return hash;
}

export async function login(
  deps: LoginDeps,
  input: { companyCode: string; staffCode: string; password: string; address?: string },
): Promise<LoginResult> {
  const account = `${input.companyCode.trim().toLowerCase()}/${input.staffCode.trim().toLowerCase()}`;
  const address = `address:${input.address ?? 'unknown'}`;
  const now = deps.clock.now();
  // An address key has no '/', so it never meets an account key.
  await claimAttempt(deps.access, `${account}@${address}`, freeAttempts.accountAddress, now);
  await claimAttempt(deps.access, account, freeAttempts.account, now);
  await claimAttempt(deps.access, address, freeAttempts.address, now);
  const company = await deps.tenancy.findCompanyByCode(input.companyCode.trim());
  const staff = company
    ? await deps.tenancy.findStaffWithHash(company.id, input.staffCode.trim())
    : null;
  const hash = staff?.passwordHash ?? (await dummyHashOf(deps.hasher));
  const verified = await deps.hasher.verify(hash, input.password);
  if (!verified || !company || !staff || !staff.active)
    throw new AppError('unauthorized', 'login_failed', loginFailedMessage);
  await deps.access.clearLoginFailures(`${account}@${address}`);
  await deps.access.clearLoginFailures(account);
  // The address keeps its failures; this success no longer counts against it.
  await deps.access.releaseLoginAttempt(address);
  const sessionToken = newSecret('uss_');
  const session: SessionRecord = {
    tokenHash: hashSecret(sessionToken),
    staffId: staff.id,
    companyId: company.id,
    csrfToken: newSecret('', 24),
    expiresAt: new Date(now.getTime() + sessionLifetimeMs),
  };
  await deps.access.insertSession(session, now);
  const { passwordHash: _hash, ...member } = staff;
  return { sessionToken, session, staff: member };
}

export async function resolveSession(
  deps: Pick<LoginDeps, 'access' | 'tenancy' | 'clock'>,
  sessionToken: string,
) {
  const session = await deps.access.findSession(hashSecret(sessionToken));
  if (!session || session.expiresAt.getTime() <= deps.clock.now().getTime()) return null;
  const staff = await deps.tenancy.findStaffById(session.staffId);
  if (!staff || !staff.active) return null;
  return { session, staff };
}

export async function logout(deps: Pick<LoginDeps, 'access'>, sessionToken: string): Promise<void> {
  await deps.access.deleteSession(hashSecret(sessionToken));
}

/** Issues a register API token; the plain token is returned once and never stored. */
export async function createRegisterToken(
  deps: Pick<LoginDeps, 'access' | 'clock'>,
  input: { companyId: string; storeCode: string; registerCode: string; label?: string },
): Promise<string> {
  const registerId = await deps.access.findRegisterId(
    input.companyId,
    input.storeCode,
    input.registerCode,
  );
  if (!registerId) {
    throw new AppError(
      'not_found',
      'register_not_found',
      `端末が見つかりません(店舗 ${input.storeCode} / 端末 ${input.registerCode})。`,
      [{ path: 'registerCode', message: '端末が見つかりません。' }],
    );
  }
  const token = newSecret('urt_');
  await deps.access.insertApiToken(
    {
      companyId: input.companyId,
      registerId,
      tokenHash: hashSecret(token),
      label: input.label ?? '',
    },
    deps.clock.now(),
  );
  return token;
}

export async function resolveApiToken(deps: Pick<LoginDeps, 'access'>, token: string) {
  if (!token.startsWith('urt_')) throw unauthorized('APIトークンが正しくありません。');
  return deps.access.findApiToken(hashSecret(token));
}
