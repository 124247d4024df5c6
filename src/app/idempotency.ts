// Idempotency-Key of API writes: the first answer is kept per (company, key) and replayed.
export interface StoredAnswer {
  requestHash: string;
  statusCode: number;
  responseBody: unknown;
}

export interface IdempotencyStore {
  find(companyId: string, key: string): Promise<StoredAnswer | null>;
  /** Keeps the answer unless one is kept already (the first one wins). */
  save(companyId: string, key: string, answer: StoredAnswer, now: Date): Promise<void>;
}
