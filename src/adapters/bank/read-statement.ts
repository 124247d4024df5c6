// One door for statement files: checks the size before reading, detects the format (全銀 by its
// header record, freee wallet_txns by JSON, else a bank CSV) and parses it whole or refuses it.
import { openSync, closeSync, fstatSync, readSync } from 'node:fs';
import type { Statement } from '../../domain/reconcile/statement.js';
import { parseBankCsv } from './bank-csv.js';
import type { CsvMapping } from './csv-presets.js';
import { StatementFileError, statementBytesMax } from './errors.js';
import { parseWalletTxns } from './wallet-txns.js';
import { looksLikeZengin, parseZengin } from './zengin.js';

export interface StatementOptions {
  mapping?: CsvMapping;
  account?: string;
}

export function parseStatement(file: Buffer, options: StatementOptions = {}): Statement {
  if (file.length > statementBytesMax)
    throw new StatementFileError(
      0,
      `file is over ${statementBytesMax} bytes`,
      'ファイルが大きすぎます',
    );
  if (looksLikeZengin(file)) return parseZengin(file);
  const first = file
    .subarray(0, 64)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (first.startsWith('[') || first.startsWith('{')) return parseWalletTxns(file);
  return parseBankCsv(file, options);
}

/** Reads a statement file from disk, refusing one over the size limit before reading it. */
export function readStatementFile(path: string, options: StatementOptions = {}): Statement {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > statementBytesMax)
      throw new StatementFileError(
        0,
        `file is ${size} bytes, over ${statementBytesMax}`,
        'ファイルが大きすぎます',
      );
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return parseStatement(buffer.subarray(0, read), options);
  } finally {
    closeSync(fd);
  }
}
