// Idempotency-Key of API writes: the first answer is kept per (company, key) and replayed for
// `idempotencyRetentionMs`; older answers are neither replayed nor kept (purged on the next save).
// The HTTP adapter scopes the key by principal (a register's key never meets a staff member's).

export const idempotencyRetentionMs = 7 * 24 * 60 * 60 * 1000;
export interface StoredAnswer {
  requestHash: string;
  statusCode: number;
  responseBody: unknown;
}

export interface IdempotencyStore {
  /** The answer kept for the key since `keptSince`. */
  find(companyId: string, key: string, keptSince: Date): Promise<StoredAnswer | null>;
  /** Keeps the answer unless one is kept already (the first one wins); answers of the company
   *  older than `keptSince` are deleted. */
  save(
    companyId: string,
    key: string,
    answer: StoredAnswer,
    now: Date,
    keptSince: Date,
  ): Promise<void>;
}
