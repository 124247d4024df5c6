// Goal: every statement format of the corpus reads (全銀 with and without CRLF, three banks' CSV in
// Shift_JIS and UTF-8, freee wallet_txns), every malformed file is refused whole with its line and
// reason, and reading a file twice or an overlapping period adds each line once. Method: the
// committed corpus (scripts/reconcile-corpus.ts writes it), and a fast-check property that random
// 全銀 files read back to the lines they were built from.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { StatementFileError } from '../../../src/adapters/bank/errors.js';
import { parseStatement, readStatementFile } from '../../../src/adapters/bank/read-statement.js';
import { newLines } from '../../../src/domain/reconcile/statement.js';
import { zenginBytes, zenginRecords, type ZenginLineSpec } from '../../support/zengin-file.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'reconcile');
const read = (name: string) => readStatementFile(join(dir, name));
const malformed = JSON.parse(readFileSync(join(dir, 'malformed.json'), 'utf8')) as Record<
  string,
  { line: number; reason: string }
>;

describe('statement corpus: good files', () => {
  it('全銀 with and without CRLF read the same lines, 和暦 dates, half-width payer names', () => {
    const a = read('zengin-crlf.txt');
    const b = read('zengin-no-crlf.txt');
    assert.deepEqual(a, b);
    assert.equal(a.lines.length, 5);
    const [first, fee] = a.lines;
    assert.equal(first?.date, '2025-01-06');
    assert.equal(first?.amountYen, 77_605);
    assert.equal(first?.payerName, 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ');
    assert.equal(first?.balanceYen, 1_077_605);
    assert.equal(fee?.direction, 'withdrawal');
    assert.deepEqual(
      a.lines.map((l) => l.line),
      [1, 2, 3, 4, 5],
    );
  });
  it('bank CSV presets: 三菱UFJ and 三井住友 (Shift_JIS), 楽天 (UTF-8 with BOM)', () => {
    const mufg = read('mufg.csv');
    assert.equal(mufg.layout, 'mufg');
    assert.deepEqual(
      mufg.lines.map((l) => [l.date, l.direction, l.amountYen, l.payerName]),
      [
        ['2025-01-06', 'deposit', 77_605, 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ'],
        ['2025-01-06', 'withdrawal', 440, 'ﾌﾘｺﾐﾃｽｳﾘﾖｳ'],
        ['2025-01-07', 'deposit', 29_330, 'ｼﾞｴｰｼｰﾋﾞｰ(ｶ'],
      ],
    );
    const smbc = read('smbc.csv');
    assert.equal(smbc.layout, 'smbc');
    assert.deepEqual(
      smbc.lines.map((l) => [l.date, l.payerName, l.balanceYen]),
      [
        ['2025-01-08', 'ｻﾄｳﾍﾞｰｶﾘｰ(ﾕ', 1_161_495],
        ['2025-01-10', 'ﾔﾏﾀﾞ(ｶ)ｵｵｻｶｼﾃﾝ', 1_171_835],
      ],
    );
    const rakuten = read('rakuten-utf8.csv');
    assert.equal(rakuten.layout, 'rakuten');
    assert.deepEqual(
      rakuten.lines.map((l) => [l.direction, l.amountYen, l.payerName]),
      [
        ['deposit', 77_605, 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ'],
        ['withdrawal', 440, '振込手数料'],
      ],
    );
  });
  it('freee wallet_txns: payer after the 振込 prefix, keyed by id', () => {
    const s = read('wallet-txns.json');
    assert.equal(s.format, 'wallet-txns');
    assert.equal(s.lines[0]?.payerName, 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ');
    assert.equal(s.lines[0]?.key, 'freee:bank_account:10:501');
  });
});

describe('statement corpus: the same line is never imported twice', () => {
  for (const name of ['zengin-crlf.txt', 'mufg.csv', 'rakuten-utf8.csv', 'wallet-txns.json'])
    it(`${name} twice imports once`, () => {
      const first = read(name).lines;
      const known = new Set(first.map((l) => l.key));
      assert.equal(known.size, first.length);
      assert.equal(newLines(known, read(name).lines).length, 0);
    });
  it('an overlapping 全銀 period adds only its new day', () => {
    const known = new Set(read('zengin-crlf.txt').lines.map((l) => l.key));
    const added = newLines(known, read('zengin-overlap.txt').lines);
    assert.deepEqual(
      added.map((l) => [l.date, l.amountYen]),
      [['2025-01-14', 12_000]],
    );
  });
});

describe('statement corpus: malformed files are refused with line and reason', () => {
  const files = readdirSync(dir).filter((f) => f.startsWith('bad-'));
  it('every malformed file is listed with its expectation', () => {
    assert.deepEqual(files.sort(), Object.keys(malformed).sort());
  });
  for (const name of files)
    it(name, () => {
      const expected = malformed[name];
      assert.ok(expected);
      assert.throws(
        () => read(name),
        (error: unknown) => {
          assert.ok(error instanceof StatementFileError, String(error));
          assert.equal(error.line, expected.line, error.message);
          assert.ok(error.message.includes(expected.reason), error.message);
          assert.ok(error.userMessage.length > 0);
          return true;
        },
      );
    });
});

describe('全銀 round trip (property)', () => {
  const lineSpec = fc.record({
    date: fc.constantFrom('070106', '070107', '061231', '010501'),
    direction: fc.constantFrom(1 as const, 2 as const),
    amount: fc.integer({ min: 1, max: 999_999_999 }),
    payer: fc.stringMatching(/^[ｱ-ﾝﾞﾟ()]{0,48}$/),
  });
  it('random files read back to their lines, with or without CRLF', () => {
    fc.assert(
      fc.property(
        fc.array(lineSpec, { maxLength: 20 }),
        fc.boolean(),
        (lines: ZenginLineSpec[], crlf) => {
          const file = zenginBytes(
            zenginRecords([
              {
                bank: '0001',
                branch: '100',
                number: '7654321',
                from: '010501',
                to: '070107',
                opening: 10 ** 10,
                lines,
              },
            ]),
            crlf,
          );
          const read = parseStatement(file).lines;
          assert.deepEqual(
            read.map((l) => [l.amountYen, l.direction === 'deposit' ? 1 : 2, l.payerName]),
            lines.map((l) => [l.amount, l.direction, (l.payer ?? '').trim()]),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
