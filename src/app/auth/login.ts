// Login like USENレジ's 管理画面: 企業コード + 担当者コード + パスワード. Repeated failures for the
// same login key back off exponentially; the error never says which part was wrong.
import type { Clock } from '../clock.js';
import { AppError, unauthorized } from '../errors.js';
import type { PasswordHasher, TenancyStore } from '../tenancy/ports.js';
import type { StaffMember } from '../tenancy/model.js';
import type { AccessStore, SessionRecord } from './ports.js';
import { hashSecret, newSecret } from './tokens.js';

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
const freeFailures = 4;
const backoffBaseMs = 30_000;
const backoffMaxMs = 15 * 60 * 1000;

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

/** How long a login key must wait after `failureCount` failures (0 = no wait). */
export function backoffMs(failureCount: number): number {
  if (failureCount <= freeFailures) return 0;
  return Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.min(10, failureCount - freeFailures - 1));
}

export async function login(
  deps: LoginDeps,
  input: { companyCode: string; staffCode: string; password: string },
): Promise<LoginResult> {
  const loginKey = `${input.companyCode.trim().toLowerCase()}/${input.staffCode.trim().toLowerCase()}`;
  const now = deps.clock.now();
  const failures = await deps.access.getLoginFailures(loginKey);
  if (failures) {
    const waitMs =
      failures.lastFailedAt.getTime() + backoffMs(failures.failureCount) - now.getTime();
    if (waitMs > 0) {
      throw new AppError(
        'too_many_requests',
        'login_backoff',
        `ログインの失敗が続いたため、${Math.ceil(waitMs / 1000)}秒後に再度お試しください。`,
      );
    }
  }
  const company = await deps.tenancy.findCompanyByCode(input.companyCode.trim());
  const staff = company
    ? await deps.tenancy.findStaffWithHash(company.id, input.staffCode.trim())
    : null;
  const ok =
    staff !== null &&
    staff.active &&
    (await deps.hasher.verify(staff.passwordHash, input.password));
  if (!ok || !company || !staff) {
    await deps.access.recordLoginFailure(loginKey, now);
    throw new AppError('unauthorized', 'login_failed', loginFailedMessage);
  }
  await deps.access.clearLoginFailures(loginKey);
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
