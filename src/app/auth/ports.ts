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
  recordLoginFailure(loginKey: string, now: Date): Promise<void>;
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
