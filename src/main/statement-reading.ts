// The statement-reading port over the bank adapter: its refusals become validation errors naming
// the line (Japanese for users, English for logs).
import { AppError } from '../app/errors.js';
import type { StatementReading } from '../app/reconcile/statements.js';
import { StatementFileError } from '../adapters/bank/errors.js';
import { parseStatement, readStatementFile } from '../adapters/bank/read-statement.js';

function refused<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof StatementFileError)) throw error;
    const path = error.line > 0 ? `line ${error.line}` : 'file';
    const where = error.line > 0 ? `${error.line}行目: ` : '';
    throw new AppError(
      'validation',
      'statement_invalid',
      `明細ファイルを取り込めません（何も取り込んでいません）。${where}${error.userMessage}`,
      [{ path, message: error.userMessage, code: 'statement_invalid' }],
      error.message,
    );
  }
}

export const statementReading: StatementReading = Object.freeze<StatementReading>({
  readFile: (path) => refused(() => readStatementFile(path)),
  readBytes: (bytes) => refused(() => parseStatement(bytes)),
});
