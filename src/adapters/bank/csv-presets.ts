// Column mappings of bank CSV exports (入出金明細). A mapping names the header cells that hold each
// field; a bank either splits deposits and withdrawals in two columns or signs one amount.
export interface CsvMapping {
  /** Preset name, e.g. `mufg`. */
  name: string;
  date: string;
  /** Two columns (お預入れ / お引出し) or one signed column. */
  amount: { deposit: string; withdrawal: string } | { signed: string };
  /** Where the payer name is, and prefixes the bank writes before it (振込, ﾌﾘｺﾐ …). */
  payer: string;
  payerPrefixes: string[];
  description: string[];
  balance: string | null;
}

/** 三菱UFJ銀行 (三菱UFJダイレクト 入出金明細 CSV). */
const mufg: CsvMapping = {
  name: 'mufg',
  date: '日付',
  amount: { deposit: '預かり金額', withdrawal: '支払い金額' },
  payer: '摘要内容',
  payerPrefixes: [],
  description: ['摘要', 'メモ'],
  balance: '差引残高',
};

/** 三井住友銀行 (SMBCダイレクト 明細照会 CSV). */
const smbc: CsvMapping = {
  name: 'smbc',
  date: '年月日',
  amount: { deposit: 'お預入れ', withdrawal: 'お引出し' },
  payer: 'お取り扱い内容',
  payerPrefixes: ['ﾌﾘｺﾐ', 'フリコミ', '振込', 'ﾌﾘｺﾐｼｷﾝ'],
  description: ['お取り扱い内容', 'メモ'],
  balance: '残高',
};

/** 楽天銀行 (入出金明細 CSV): one signed amount. */
const rakuten: CsvMapping = {
  name: 'rakuten',
  date: '取引日',
  amount: { signed: '入出金(円)' },
  payer: '入出金内容',
  payerPrefixes: ['振込入金', 'ﾌﾘｺﾐ', '振込'],
  description: ['入出金内容'],
  balance: '取引後残高(円)',
};

export const csvPresets: readonly CsvMapping[] = [mufg, smbc, rakuten];

/** The columns a mapping needs in the header. */
export function requiredColumns(m: CsvMapping): string[] {
  const amount = 'signed' in m.amount ? [m.amount.signed] : [m.amount.deposit, m.amount.withdrawal];
  return [m.date, ...amount, m.payer];
}
