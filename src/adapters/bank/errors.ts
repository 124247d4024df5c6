// A statement file that cannot be read: refused whole, naming the line (record or row) and why.
export class StatementFileError extends Error {
  constructor(
    /** 1-based line (row or 200-byte record) of the file; 0 for the file as a whole. */
    readonly line: number,
    /** What is wrong, in English (logs). */
    readonly reason: string,
    /** What is wrong, in Japanese (users). */
    readonly userMessage: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
    this.name = 'StatementFileError';
  }
}

/** Largest statement file read (checked before reading). */
export const statementBytesMax = 20 * 1024 * 1024;

/** Most data lines in one statement. */
export const statementLinesMax = 200_000;

export function tooManyLines(line: number): StatementFileError {
  return new StatementFileError(
    line,
    `more than ${statementLinesMax} lines`,
    `明細が${statementLinesMax}行を超えています`,
  );
}
