// Passwords of console staff beyond login: a change by the user (current password required; the
// other sessions end), a reset by an admin (a temporary password shown once; the user must change it
// at the next login; every session of the user ends), and a mailed reset link when mail leaves the
// process (SMTP): a single-use token, 30 minutes, stored only as a sha256, at most
// `resetMailsPerHour` mails per staff and hour. The request never says whether the account exists.
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound, validationError, type FieldError } from '../errors.js';
import type { Mailer } from '../mail/ports.js';
import type { PasswordHasher, TenancyUnitOfWork } from '../tenancy/ports.js';
import { checkPassword } from '../tenancy/validate.js';
import { createStaff } from '../tenancy/service.js';
import type { StaffRole } from '../tenancy/model.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import type { AccountsStore } from './ports.js';

export const resetTokenLifetimeMs = 30 * 60 * 1000;
export const resetMailsPerHour = 3;

export interface AccountsDeps {
  uow: TenancyUnitOfWork;
  accounts: AccountsStore;
  hasher: PasswordHasher;
  clock: Clock;
  mailer: Mailer;
  /** The console's public base URL, for the link in the mail (never the request's Host). */
  publicUrl: string;
}

async function setPassword(
  deps: AccountsDeps,
  companyId: string,
  code: string,
  password: string,
  keepSession: string | null,
): Promise<string> {
  const passwordHash = await deps.hasher.hash(password);
  return deps.uow.transaction(async (store) => {
    const current = await store.findStaffWithHash(companyId, code);
    if (!current) throw notFound('staff', '担当者が見つかりません。');
    await store.updateStaff(
      companyId,
      code,
      { name: current.name, role: current.role, active: current.active, passwordHash },
      deps.clock.now(),
    );
    await store.endSessions(current.id, keepSession === null ? null : hashSecret(keepSession));
    return current.id;
  });
}

/** The user's own change: the current password must match; the other sessions end. */
export async function changeOwnPassword(
  deps: AccountsDeps,
  input: {
    companyId: string;
    staffCode: string;
    currentPassword: string;
    newPassword: string;
    keepSession: string | null;
  },
): Promise<void> {
  const errors: FieldError[] = [];
  if (input.currentPassword === '')
    errors.push({
      path: 'currentPassword',
      code: 'required',
      message: '現在のパスワードを入力してください。',
    });
  checkPassword('newPassword', input.newPassword, errors);
  if (errors.length > 0) throw validationError(errors);
  const staff = await deps.uow.read.findStaffWithHash(input.companyId, input.staffCode);
  if (!staff || !(await deps.hasher.verify(staff.passwordHash, input.currentPassword)))
    throw validationError([
      {
        path: 'currentPassword',
        code: 'wrong_password',
        message: '現在のパスワードが正しくありません。',
      },
    ]);
  if (input.newPassword === input.currentPassword)
    throw validationError([
      {
        path: 'newPassword',
        code: 'same_password',
        message: '現在とは違うパスワードを入力してください。',
      },
    ]);
  const staffId = await setPassword(
    deps,
    input.companyId,
    input.staffCode,
    input.newPassword,
    input.keepSession,
  );
  await deps.accounts.setMustChange(staffId, false, deps.clock.now());
}

/** An admin's reset: a temporary password, returned once (never stored in plain), to change at next login. */
export async function resetPasswordByAdmin(
  deps: AccountsDeps,
  actor: { companyId: string; role: string },
  staffCode: string,
): Promise<string> {
  if (actor.role !== 'admin') throw forbidden('パスワードをリセットできるのは管理者だけです。');
  const temporary = newSecret('', 12);
  const staffId = await setPassword(deps, actor.companyId, staffCode, temporary, null);
  await deps.accounts.setMustChange(staffId, true, deps.clock.now());
  return temporary;
}

export async function saveOwnEmail(
  deps: AccountsDeps,
  staffId: string,
  email: string,
): Promise<void> {
  const trimmed = email.trim();
  if (trimmed !== '' && (trimmed.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)))
    throw validationError([
      {
        path: 'email',
        code: 'invalid_email',
        message: 'メールアドレスは name@example.jp の形で入力してください(空欄で削除)。',
      },
    ]);
  await deps.accounts.saveEmail(staffId, trimmed === '' ? null : trimmed, deps.clock.now());
}

export const mailResetUnavailable = () =>
  new AppError(
    'unavailable',
    'mail_reset_unavailable',
    'このサーバーではメールでのパスワード再設定は使えません。管理者にパスワードのリセットを依頼してください。',
  );

/** Sends a reset link if the account exists, is active and has a mail address; silent otherwise. */
export async function requestResetMail(
  deps: AccountsDeps,
  input: { companyCode: string; staffCode: string },
): Promise<void> {
  if (deps.mailer.transport !== 'smtp') throw mailResetUnavailable();
  const company = await deps.uow.read.findCompanyByCode(input.companyCode.trim());
  const staff = company
    ? await deps.uow.read.findStaffWithHash(company.id, input.staffCode.trim())
    : null;
  if (!company || !staff || !staff.active) return;
  const account = await deps.accounts.findAccount(staff.id);
  if (!account.email) return;
  const now = deps.clock.now();
  const recent = await deps.accounts.countResetTokensSince(
    staff.id,
    new Date(now.getTime() - 60 * 60 * 1000),
  );
  if (recent >= resetMailsPerHour) return;
  const token = newSecret('upr_');
  const expiresAt = new Date(now.getTime() + resetTokenLifetimeMs);
  await deps.accounts.insertResetToken(staff.id, hashSecret(token), expiresAt, now);
  const link = `${deps.publicUrl.replace(/\/+$/, '')}/password/reset?token=${encodeURIComponent(token)}`;
  await deps.mailer.send({
    to: account.email,
    subject: 'Uriage 管理画面: パスワードの再設定',
    text: [
      `${company.name} ${staff.name}(${staff.code})様`,
      '',
      'パスワードの再設定を受け付けました。次のリンクから30分以内に新しいパスワードを設定してください(1回だけ使えます)。',
      link,
      '',
      'お心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。',
    ].join('\n'),
  });
}

export const resetLinkInvalid = () =>
  validationError([
    {
      path: 'token',
      code: 'reset_token_invalid',
      message:
        'このリンクは使えません(使用済みか30分の期限切れです)。もう一度メールを送ってください。',
    },
  ]);

export async function resetTokenUsable(deps: AccountsDeps, token: string): Promise<boolean> {
  return token !== '' && deps.accounts.resetTokenUsable(hashSecret(token), deps.clock.now());
}

/** Sets the password with a mailed token (consumed once, even when two requests race). */
export async function resetWithToken(
  deps: AccountsDeps,
  input: { token: string; newPassword: string },
): Promise<void> {
  const errors: FieldError[] = [];
  checkPassword('newPassword', input.newPassword, errors);
  if (errors.length > 0) throw validationError(errors);
  const staffId =
    input.token === ''
      ? null
      : await deps.accounts.consumeResetToken(hashSecret(input.token), deps.clock.now());
  if (!staffId) throw resetLinkInvalid();
  const staff = await deps.uow.read.findStaffById(staffId);
  if (!staff || !staff.active) throw resetLinkInvalid();
  await setPassword(deps, staff.companyId, staff.code, input.newPassword, null);
  await deps.accounts.setMustChange(staffId, false, deps.clock.now());
}

export async function mustChangePassword(deps: AccountsDeps, staffId: string): Promise<boolean> {
  return (await deps.accounts.findAccount(staffId)).mustChangePassword;
}

export async function accountOf(deps: AccountsDeps, staffId: string) {
  return deps.accounts.findAccount(staffId);
}

/**
 * A staff member with a temporary password (returned once; the user sets their own at the first
 * login): how a company imported from a day file, which has no admin, gets one (`uriage staff create`).
 */
export async function createStaffWithTemporaryPassword(
  deps: AccountsDeps,
  companyId: string,
  input: { code: string; name: string; role: StaffRole },
): Promise<string> {
  const temporary = newSecret('', 12);
  const member = await createStaff(deps, companyId, { ...input, password: temporary });
  await deps.accounts.setMustChange(member.id, true, deps.clock.now());
  return temporary;
}
