// The statement-reading port over the bank adapter: its refusals become validation errors naming
// the line (Japanese for users, English for logs).
import { AppError } from '../app/errors.js';
import type { StatementReading } from '../app/reconcile/statements.js';
import { StatementFileError } from '../adapters/bank/errors.js';
import { parseStatement, readStatementFile } from '../adapters/bank/read-statement.js';
import { CsvMappingError, csvMappingFromJson } from '../adapters/bank/csv-mapping-json.js';

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

function mappingOf(body: unknown) {
  try {
    return csvMappingFromJson(body);
  } catch (error) {
    if (!(error instanceof CsvMappingError)) throw error;
    throw new AppError(
      'validation',
      'csv_mapping_invalid',
      `列の対応(--mapping)が正しくありません: ${error.fields.map((f) => `${f.path} ${f.message}`).join('、')}`,
      error.fields,
      error.message,
    );
  }
}

export const statementReading: StatementReading = Object.freeze<StatementReading>({
  readFile: (path, mapping) =>
    refused(() =>
      readStatementFile(path, mapping === undefined ? {} : { mapping: mappingOf(mapping) }),
    ),
  readBytes: (bytes) => refused(() => parseStatement(bytes)),
});
