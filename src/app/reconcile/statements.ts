// Reading statement files (全銀, bank CSV, freee wallet_txns): a port the bank adapter implements,
// bound by src/main/. A malformed file is an AppError naming the line; nothing is read from it.
import type { Statement } from '../../domain/reconcile/statement.js';

export interface StatementReading {
  /** The whole statement, or AppError('validation', 'statement_invalid') with the line. */
  /** `mapping`: a bank CSV column mapping as JSON (refused naming its field when malformed). */
  readFile(path: string, mapping?: unknown): Statement;
  readBytes(bytes: Buffer): Statement;
}

/** An uploaded statement's maximum size (the bank adapter refuses larger files by the same figure). */
export const statementUploadBytesMax = 20 * 1024 * 1024;
