// Storage needs of login, sessions and register API tokens.
export interface SessionRecord {
  tokenHash: string;
  staffId: string;
  companyId: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ApiTokenRecord {
  id: string;
  companyId: string;
  registerId: string;
  storeCode: string;
  registerCode: string;
}

export interface AccessStore {
  getLoginFailures(loginKey: string): Promise<{ failureCount: number; lastFailedAt: Date } | null>;
  /** Sets the count to `nextCount` if it is still `expectedCount` (0 = no row); false when another
   *  attempt moved it first. */
  claimLoginAttempt(
    loginKey: string,
    expectedCount: number,
    nextCount: number,
    now: Date,
  ): Promise<boolean>;
  /** Takes back one counted attempt (a success), never below 0. */
  releaseLoginAttempt(loginKey: string): Promise<void>;
  clearLoginFailures(loginKey: string): Promise<void>;
  insertSession(record: SessionRecord, now: Date): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  insertApiToken(
    input: { companyId: string; registerId: string; tokenHash: string; label: string },
    now: Date,
  ): Promise<string>;
  findApiToken(tokenHash: string): Promise<ApiTokenRecord | null>;
  findRegisterId(
    companyId: string,
    storeCode: string,
    registerCode: string,
  ): Promise<string | null>;
}
