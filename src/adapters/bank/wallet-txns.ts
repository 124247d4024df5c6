// freee wallet_txns (GET /api/1/wallet_txns: `{wallet_txns:[…]}` or the array) as statement lines.
// Their id is the key, so reading them again never adds a line twice. Payer names are in
// `description` after the bank's 振込 prefix.
import { isBusinessDate } from '../../domain/calendar/business-date.js';
import { isYen, yen } from '../../domain/money/yen.js';
import type { Statement, StatementLine } from '../../domain/reconcile/statement.js';
import { decodeText } from './decode.js';
import { StatementFileError, statementLinesMax, tooManyLines } from './errors.js';

const payerPrefix = /^(?:振込|ﾌﾘｺﾐ|フリコミ|振込入金)\s*/;

function refuse(line: number, field: string, got: unknown): never {
  throw new StatementFileError(
    line,
    `wallet_txns[${line - 1}].${field} is invalid: ${JSON.stringify(got)}`,
    `${line}件目の${field}が不正です`,
  );
}

function lineOf(txn: unknown, n: number): StatementLine {
  if (typeof txn !== 'object' || txn === null) return refuse(n, 'object', txn);
  const t = txn as Record<string, unknown>;
  if (typeof t.id !== 'number') refuse(n, 'id', t.id);
  if (!isBusinessDate(t.date)) refuse(n, 'date', t.date);
  if (!isYen(t.amount) || (t.amount as number) <= 0) refuse(n, 'amount', t.amount);
  if (t.entry_side !== 'income' && t.entry_side !== 'expense')
    refuse(n, 'entry_side', t.entry_side);
  if (typeof t.walletable_type !== 'string') refuse(n, 'walletable_type', t.walletable_type);
  if (typeof t.walletable_id !== 'number') refuse(n, 'walletable_id', t.walletable_id);
  const description = typeof t.description === 'string' ? t.description : '';
  const account = `freee:${String(t.walletable_type)}:${String(t.walletable_id)}`;
  return {
    line: n,
    sourceLine: n,
    account,
    date: t.date as StatementLine['date'],
    amountYen: yen(t.amount as number),
    direction: t.entry_side === 'income' ? 'deposit' : 'withdrawal',
    payerName: description.replace(payerPrefix, '').trim(),
    description,
    balanceYen: isYen(t.balance) ? t.balance : null,
    key: `${account}:${String(t.id)}`,
  };
}

export function parseWalletTxns(file: Buffer): Statement {
  let body: unknown;
  try {
    body = JSON.parse(decodeText(file));
  } catch (error) {
    throw new StatementFileError(
      0,
      `not JSON: ${(error as Error).message}`,
      'JSONとして読めません',
    );
  }
  const txns = Array.isArray(body) ? body : (body as { wallet_txns?: unknown })?.wallet_txns;
  if (!Array.isArray(txns))
    throw new StatementFileError(0, 'no wallet_txns array', 'wallet_txnsの配列がありません');
  if (txns.length > statementLinesMax) throw tooManyLines(statementLinesMax + 1);
  return { format: 'wallet-txns', layout: 'freee', lines: txns.map((t, i) => lineOf(t, i + 1)) };
}
