// Storage needs of the accounts use cases (password change and reset). Implemented by
// src/adapters/db/accounts-store.ts over the accounts wing's tables.
export interface StaffAccount {
  email: string | null;
  mustChangePassword: boolean;
}

export interface AccountsStore {
  findAccount(staffId: string): Promise<StaffAccount>;
  saveEmail(staffId: string, email: string | null, now: Date): Promise<void>;
  setMustChange(staffId: string, mustChange: boolean, now: Date): Promise<void>;
  /** Stores a reset token's hash; earlier unused tokens of the staff stop working. */
  insertResetToken(staffId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void>;
  /** Reset mails sent to the staff since `since` (the rate limit). */
  countResetTokensSince(staffId: string, since: Date): Promise<number>;
  /** Marks the token used if it is unused and not expired; its staff id, or null. One winner only. */
  consumeResetToken(tokenHash: string, now: Date): Promise<string | null>;
  /** Whether a token would be accepted now (the reset form is shown only then). */
  resetTokenUsable(tokenHash: string, now: Date): Promise<boolean>;
}
