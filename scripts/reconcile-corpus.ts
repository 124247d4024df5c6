// Writes the statement corpus of 消込 (test/fixtures/reconcile/): each format (全銀 with and without
// CRLF, an overlapping period, three banks' CSV in Shift_JIS and UTF-8, freee wallet_txns) and each
// malformation, with malformed.json naming the line and reason every refusal must give.
// Run: npx tsx scripts/reconcile-corpus.ts (the files are committed; the corpus test reads them).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { zenginBytes, zenginRecords, type ZenginAccountSpec } from '../test/support/zengin-file.js';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'reconcile');

const week: ZenginAccountSpec = {
  bank: '0005',
  branch: '001',
  number: '1234567',
  from: '070106',
  to: '070110',
  opening: 1_000_000,
  lines: [
    { date: '070106', direction: 1, amount: 77_605, payer: 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ' },
    { date: '070106', direction: 2, amount: 440 },
    { date: '070107', direction: 1, amount: 29_330, payer: 'ｼﾞｴｰｼｰﾋﾞｰ(ｶ' },
    { date: '070108', direction: 1, amount: 55_000, payer: 'ｻﾄｳﾍﾞｰｶﾘｰ(ﾕ' },
    { date: '070110', direction: 1, amount: 10_340, payer: 'ﾔﾏﾀﾞ(ｶ)ｵｵｻｶｼﾃﾝ' },
  ],
};

/** The next period, overlapping 01-08..01-10 with the first (same references). */
const overlap: ZenginAccountSpec = {
  ...week,
  from: '070108',
  to: '070114',
  opening: 1_000_000 + 77_605 - 440 + 29_330,
  lines: [
    ...week.lines.slice(3).map((l, i) => ({ ...l, reference: String(i + 4) })),
    { reference: '6', date: '070114', direction: 1, amount: 12_000, payer: 'ﾀﾅｶ ﾀﾛｳ' },
  ],
};

function zenginCorpus(): Record<string, Buffer> {
  const good = zenginRecords([week]);
  const swap = (i: number, f: (r: string) => string) => good.map((r, j) => (j === i ? f(r) : r));
  const put = (r: string, at: number, s: string) => r.slice(0, at) + s + r.slice(at + s.length);
  const fullWidth = Buffer.concat([
    iconv.encode(good.slice(0, 2).join('\r\n') + '\r\n', 'cp932'),
    iconv.encode(put(good[2] ?? '', 81, 'ﾔﾏﾀﾞ').slice(0, 81), 'cp932'),
    iconv.encode('山田', 'cp932'),
    iconv.encode((good[2] ?? '').slice(85) + '\r\n' + good.slice(3).join('\r\n'), 'cp932'),
  ]);
  return {
    'zengin-crlf.txt': zenginBytes(good, true),
    'zengin-no-crlf.txt': zenginBytes(good, false),
    'zengin-overlap.txt': zenginBytes(zenginRecords([overlap]), true),
    'bad-zengin-short-record.txt': zenginBytes(
      swap(2, (r) => r.slice(0, 199)),
      true,
    ),
    'bad-zengin-date.txt': zenginBytes(
      swap(3, (r) => put(r, 9, '070230')),
      true,
    ),
    'bad-zengin-direction.txt': zenginBytes(
      swap(4, (r) => put(r, 21, '3')),
      true,
    ),
    'bad-zengin-amount.txt': zenginBytes(
      swap(1, (r) => put(r, 24, '0000077A605')),
      true,
    ),
    'bad-zengin-trailer.txt': zenginBytes(
      swap(6, (r) => put(r, 1, '000003')),
      true,
    ),
    'bad-zengin-no-end.txt': zenginBytes(good.slice(0, 7), true),
    'bad-zengin-data-first.txt': zenginBytes(good.slice(1), true),
    'bad-zengin-after-end.txt': zenginBytes([...good, good[1] ?? ''], true),
    'bad-zengin-full-width.txt': fullWidth,
    'bad-zengin-cut.txt': zenginBytes(good, false).subarray(0, 1_150),
  };
}

const sjis = (text: string) => iconv.encode(text.replace(/\n/g, '\r\n'), 'cp932');
const utf8Bom = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8');

const mufgHeader = '日付,摘要,摘要内容,支払い金額,預かり金額,差引残高,メモ,未資金化区分,入払区分\n';
const mufg = `${mufgHeader}2025/1/6,振込１,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,,"77,605","1,077,605",,,入金
2025/1/6,手数料,ﾌﾘｺﾐﾃｽｳﾘﾖｳ,440,,"1,077,165",,,出金
2025/1/7,振込１,ｼﾞｴｰｼｰﾋﾞｰ(ｶ,,"29,330","1,106,495",,,入金
`;
const smbc = `年月日,お引出し,お預入れ,お取り扱い内容,残高,メモ,ラベル
R7.1.8,,55000,ﾌﾘｺﾐ ｻﾄｳﾍﾞｰｶﾘｰ(ﾕ,1161495,,
2025/01/10,,10340,ﾌﾘｺﾐ ﾔﾏﾀﾞ(ｶ)ｵｵｻｶｼﾃﾝ,1171835,,
`;
const rakuten = `取引日,入出金(円),取引後残高(円),入出金内容
20250106,77605,1077605,振込入金 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ
20250106,-440,1077165,振込手数料
`;

function csvCorpus(): Record<string, Buffer> {
  return {
    'mufg.csv': sjis(mufg),
    'smbc.csv': sjis(smbc),
    'rakuten-utf8.csv': utf8Bom(rakuten),
    'bad-csv-date.csv': sjis(mufg.replace('2025/1/7', '2025/2/30')),
    'bad-csv-amount.csv': sjis(mufg.replace('"29,330"', '29.330')),
    'bad-csv-header.csv': sjis(mufg.replace('預かり金額', '入金額')),
    'bad-csv-both.csv': sjis(mufg.replace(',440,,', ',440,440,')),
    'bad-csv-no-amount.csv': sjis(smbc.replace(',,10340,', ',,,')),
    'bad-csv-quote.csv': sjis(smbc.replace('ﾌﾘｺﾐ ｻﾄｳ', '"ﾌﾘｺﾐ ｻﾄｳ')),
  };
}

const txn = (id: number, date: string, amount: number, side: string, description: string) => ({
  id,
  company_id: 1,
  date,
  amount,
  due_amount: amount,
  balance: null,
  entry_side: side,
  walletable_type: 'bank_account',
  walletable_id: 10,
  description,
  status: 1,
  rule_matched: false,
});

function walletCorpus(): Record<string, Buffer> {
  const good = {
    wallet_txns: [
      txn(501, '2025-01-06', 77_605, 'income', '振込 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ'),
      txn(502, '2025-01-06', 440, 'expense', '振込手数料'),
    ],
  };
  const bad = {
    wallet_txns: [good.wallet_txns[0], { ...good.wallet_txns[1], date: '2025-02-30' }],
  };
  const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`);
  return { 'wallet-txns.json': json(good), 'bad-wallet-txns-date.json': json(bad) };
}

/** Each malformed file: the line its refusal names and a fragment of its reason. */
const malformed: Record<string, { line: number; reason: string }> = {
  'bad-zengin-short-record.txt': { line: 3, reason: '199 bytes' },
  'bad-zengin-date.txt': { line: 4, reason: '勘定日' },
  'bad-zengin-direction.txt': { line: 5, reason: '入払区分' },
  'bad-zengin-amount.txt': { line: 2, reason: '取引金額' },
  'bad-zengin-trailer.txt': { line: 7, reason: '入金件数' },
  'bad-zengin-no-end.txt': { line: 7, reason: 'no end record' },
  'bad-zengin-data-first.txt': { line: 1, reason: 'data record outside an account' },
  'bad-zengin-after-end.txt': { line: 9, reason: 'after the end record' },
  'bad-zengin-full-width.txt': { line: 3, reason: 'double-byte' },
  'bad-zengin-cut.txt': { line: 6, reason: 'last record is 150 bytes' },
  'bad-csv-date.csv': { line: 4, reason: '日付' },
  'bad-csv-amount.csv': { line: 4, reason: '預かり金額' },
  'bad-csv-header.csv': { line: 1, reason: 'header matches no bank layout' },
  'bad-csv-both.csv': { line: 3, reason: 'both deposit and withdrawal' },
  'bad-csv-no-amount.csv': { line: 3, reason: 'no amount' },
  'bad-csv-quote.csv': { line: 2, reason: 'CSV' },
  'bad-wallet-txns-date.json': { line: 2, reason: 'date' },
};

mkdirSync(dir, { recursive: true });
for (const [name, bytes] of Object.entries({
  ...zenginCorpus(),
  ...csvCorpus(),
  ...walletCorpus(),
}))
  writeFileSync(join(dir, name), bytes);
writeFileSync(join(dir, 'malformed.json'), `${JSON.stringify(malformed, null, 2)}\n`);
