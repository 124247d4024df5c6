// A bank CSV column mapping given as JSON (the CLI's --mapping M.json): the header cells of each
// field, as the presets in csv-presets.ts name them. Each bad field is named; nothing is guessed.
import type { CsvMapping } from './csv-presets.js';

export class CsvMappingError extends Error {
  constructor(readonly fields: { path: string; message: string }[]) {
    super(`csv mapping: ${fields.map((f) => f.path).join(', ')}`);
    this.name = 'CsvMappingError';
  }
}

const cellsMax = 20;
const isCell = (v: unknown): v is string =>
  typeof v === 'string' && v.trim() !== '' && v.length <= 100;

function cellList(v: unknown, path: string, errors: CsvMappingError['fields']): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v) && v.length <= cellsMax && v.every(isCell)) return v;
  errors.push({ path, message: `列名の配列(${cellsMax}個まで)ではありません` });
  return [];
}

function amountOf(v: unknown, errors: CsvMappingError['fields']): CsvMapping['amount'] | null {
  const a = (v ?? {}) as Record<string, unknown>;
  if (isCell(a.signed)) return { signed: a.signed };
  if (isCell(a.deposit) && isCell(a.withdrawal))
    return { deposit: a.deposit, withdrawal: a.withdrawal };
  errors.push({
    path: 'mapping.amount',
    message: '{"deposit":"列名","withdrawal":"列名"} か {"signed":"列名"} が必要です',
  });
  return null;
}

/** `{"date","amount":{"deposit","withdrawal"}|{"signed"},"payer","payerPrefixes"?,"description"?,"balance"?}`. */
export function csvMappingFromJson(body: unknown): CsvMapping {
  const m = (body ?? {}) as Record<string, unknown>;
  const errors: CsvMappingError['fields'] = [];
  for (const f of ['date', 'payer'])
    if (!isCell(m[f])) errors.push({ path: `mapping.${f}`, message: '列名がありません' });
  const amount = amountOf(m.amount, errors);
  const payerPrefixes = cellList(m.payerPrefixes, 'mapping.payerPrefixes', errors);
  const description = cellList(m.description, 'mapping.description', errors);
  if (m.balance !== undefined && m.balance !== null && !isCell(m.balance))
    errors.push({ path: 'mapping.balance', message: '列名ではありません' });
  if (errors.length > 0 || !amount) throw new CsvMappingError(errors);
  return {
    name: typeof m.name === 'string' && m.name !== '' ? m.name : 'custom',
    date: m.date as string,
    amount,
    payer: m.payer as string,
    payerPrefixes,
    description,
    balance: isCell(m.balance) ? m.balance : null,
  };
}
