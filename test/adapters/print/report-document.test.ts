import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  reportToReceiptline,
  ReportSettingsError,
} from '../../../src/adapters/print/report-document.js';
import { renderReport } from '../../../src/adapters/print/render.js';
import type { DailyReport, ReportSettings } from '../../../src/domain/report/types.js';
import { yen } from '../../../src/domain/money/yen.js';
import { fixtureReport, fixtureSettings } from './fixture-report.js';

function text(
  report: DailyReport = fixtureReport(),
  settings: ReportSettings = fixtureSettings(),
  cpl = 48,
): string {
  return renderReport(report, settings, 'text', { cpl }).bytes.toString('utf8');
}

/** The printed lines, trimmed, with runs of spaces collapsed: `売上等 ¥10,734`. */
function lines(printed: string): string[] {
  return printed
    .split('\n')
    .map((line) => line.trim().replace(/ +/g, ' '))
    .filter((line) => line !== '');
}

function hoursPrinted(printed: string): number[] {
  return lines(printed)
    .map((line) => /^(\d+)時 /.exec(line)?.[1])
    .filter((hour): hour is string => hour !== undefined)
    .map(Number);
}

describe('reportToReceiptline: rows in the order of seed 002', () => {
  it('prints every row in order, with its figure', () => {
    const printed = lines(text());
    const expected = [
      '印刷日時 2026/08/25 01:05',
      '日 報',
      'カフェ・ウリアゲ 渋谷店',
      '日付 2026年8月24日(月)',
      '売上等 ¥10,734',
      '売上 ¥10,034',
      '純売上 ¥9,181',
      '税 ¥853',
      '売上でない入金(売上外) ¥700',
      'レジ入金 1 ¥5,000',
      'レジ出金 1 ¥1,200',
      '会計数 8',
      '客数 10',
      '商品数 14',
      '支払い方法別の回数',
      '現金 4',
      'クレジット 2',
      'PayPay 1',
      '商品券(お釣り無し) 1',
      '商品券(お釣り有り) 1',
      '支払い方法別の売上',
      '現金 ¥4,270',
      'クレジット ¥4,300',
      'PayPay ¥864',
      '商品券(お釣り無し) ¥500',
      '商品券(お釣り有り) ¥1,000',
      '金券等差額 1',
      '金額 ¥200',
      '金券等釣り 1',
      '金額 ¥400',
      '値引き 1',
      '金額 ¥100',
      '全体割引 1',
      '金額 ¥200',
      '取り消された会計 1',
      '金額 ¥550',
      'やり直した会計 1',
      '金額 ¥2,190',
      '入力中断した会計 1',
      '金額 ¥1,200',
      '返品を含む会計 1',
      '返品された商品数 1',
      '金額 ¥1,100',
      '返金を含む会計 1',
      '返金の件数 1',
      '金額 ¥1,100',
      '最終会計時刻 2026/08/25 00:35',
      '1時間ごとの売上',
      '時間 売上等 会計数 客数 商品数',
      '10時 ¥1,880 1 2 3',
      '税率ごとの内訳',
      '【売上・純売上・税】',
      '10%対象',
      '売上 ¥6,654',
      '純売上 ¥6,051',
      '税 ¥603',
      '8%対象(軽減税率)',
      '売上 ¥3,380',
      '純売上 ¥3,130',
      '税 ¥250',
      '税率ごとの内訳',
      '【支払い方法】',
      '現金',
      '10%対象 ¥1,973',
      '8%対象(軽減税率) ¥1,997',
      '売上外 ¥700',
      'クレジット',
      '10%対象 ¥3,781',
      '8%対象(軽減税率) ¥519',
      '売上外 ¥0',
      '現金差異',
      '釣銭準備金 ¥30,000',
      '理論上のレジ内現金 ¥38,070',
      '実際のレジ内現金 ¥38,050',
      '差異 -¥20',
      '未送信の会計',
      '保留中の会計 1',
      '金額 ¥880',
      '入力完了した会計 0',
      '金額 ¥0',
    ];
    let from = 0;
    for (const line of expected) {
      const at = printed.indexOf(line, from);
      assert.ok(
        at >= from,
        `"${line}" not found after line ${from}: ${printed.slice(from, from + 3).join(' / ')}`,
      );
      from = at + 1;
    }
  });

  it('prints negative money with a minus sign and hours after midnight as 24時, 25時', () => {
    const printed = lines(text());
    assert.ok(printed.includes('15時 -¥1,100 1 1 -1'));
    assert.ok(printed.includes('24時 ¥3,300 1 2 3'));
    assert.ok(printed.includes('25時 ¥0 0 0 0'));
    assert.ok(
      !printed.some((line) => line.startsWith('非課税')),
      'a rate with nothing is left out',
    );
  });

  it('uses the settings title, then the report title', () => {
    assert.ok(
      lines(text(fixtureReport(), { ...fixtureSettings(), title: '締め' })).includes('締 め'),
    );
    assert.ok(
      lines(
        text({ ...fixtureReport(), title: '売上日報' }, { ...fixtureSettings(), title: ' ' }),
      ).includes('売 上 日 報'),
    );
  });
});

describe('report settings shape the printout', () => {
  it('hourly off → no hourly section', () => {
    const settings = fixtureSettings();
    const printed = text(fixtureReport(), {
      ...settings,
      hourly: { ...settings.hourly, enabled: false },
    });
    assert.ok(!printed.includes('1時間ごとの売上'));
    assert.deepEqual(hoursPrinted(printed), []);
    assert.ok(text().includes('1時間ごとの売上'), 'and on → printed');
  });

  it('only hours from startHour to endHour, every one of them', () => {
    const cases: Array<{ startHour: number; endHour: number; hours: number[] }> = [
      { startHour: 10, endHour: 25, hours: Array.from({ length: 16 }, (_, index) => 10 + index) },
      { startHour: 11, endHour: 14, hours: [11, 12, 13, 14] },
      { startHour: 24, endHour: 29, hours: [24, 25, 26, 27, 28, 29] },
      { startHour: 0, endHour: 0, hours: [0] },
    ];
    for (const { startHour, endHour, hours } of cases) {
      const printed = text(fixtureReport(), {
        ...fixtureSettings(),
        hourly: { enabled: true, startHour, endHour },
      });
      assert.deepEqual(hoursPrinted(printed), hours, `${startHour}..${endHour}`);
    }
    const late = lines(
      text(fixtureReport(), {
        ...fixtureSettings(),
        hourly: { enabled: true, startHour: 11, endHour: 14 },
      }),
    );
    assert.ok(!late.some((line) => line.startsWith('10時') || line.startsWith('24時')));
  });

  it('tax breakdowns: each section only when enabled', () => {
    const cases = [
      { sales: true, paymentMethods: true, salesShown: true, methodsShown: true },
      { sales: false, paymentMethods: true, salesShown: false, methodsShown: true },
      { sales: true, paymentMethods: false, salesShown: true, methodsShown: false },
      { sales: false, paymentMethods: false, salesShown: false, methodsShown: false },
    ];
    for (const { sales, paymentMethods, salesShown, methodsShown } of cases) {
      const printed = text(fixtureReport(), {
        ...fixtureSettings(),
        taxBreakdown: { sales, paymentMethods },
      });
      assert.equal(printed.includes('【売上・純売上・税】'), salesShown, `sales ${sales}`);
      assert.equal(
        printed.includes('【支払い方法】'),
        methodsShown,
        `paymentMethods ${paymentMethods}`,
      );
      assert.equal(printed.includes('税率ごとの内訳'), sales || paymentMethods);
    }
  });

  it('現金差異 only once the day is closed; 未送信 only when supplied', () => {
    const { unsent: _unsent, ...withoutUnsent } = fixtureReport();
    const printed = text({ ...withoutUnsent, cash: null, lastCheckoutAt: null });
    assert.ok(!printed.includes('現金差異') && !printed.includes('釣銭準備金'));
    assert.ok(!printed.includes('未送信の会計') && !printed.includes('保留中の会計'));
    assert.ok(lines(printed).includes('最終会計時刻 なし'));
  });

  it('rejects hours outside 0–29 or an end before the start, naming the field', () => {
    const bad: Array<[number, number, string]> = [
      [-1, 10, 'hourly.startHour'],
      [10, 30, 'hourly.endHour'],
      [12, 11, 'hourly.endHour'],
      [1.5, 3, 'hourly.startHour'],
    ];
    for (const [startHour, endHour, field] of bad) {
      const settings = { ...fixtureSettings(), hourly: { enabled: true, startHour, endHour } };
      assert.throws(
        () => reportToReceiptline(fixtureReport(), settings),
        (error: unknown) => {
          assert.ok(error instanceof ReportSettingsError);
          assert.equal(error.field, field);
          assert.match(error.userMessage, /時/);
          return true;
        },
      );
    }
    assert.throws(
      () => reportToReceiptline(fixtureReport(), fixtureSettings(), { cpl: 20 }),
      /cpl/,
    );
  });
});

describe('user text is escaped', () => {
  const hostile = 'A|B {x:1} ~_^"` \\n --- === ;';

  it('store and method names print literally, on their own line', () => {
    const report = fixtureReport();
    report.storeName = hostile;
    report.paymentMethods[0] = { code: 'cash', name: '---', count: 4, amount: yen(4_270) };
    report.paymentMethods[1] = {
      code: 'credit',
      name: '{width:1}|x',
      count: 2,
      amount: yen(4_300),
    };
    const printed = lines(text(report, { ...fixtureSettings(), title: '^^^日報|' }));
    assert.ok(
      printed.includes(hostile.replace('\\', '¥')),
      'backslash prints as ¥ in the Japanese character set',
    );
    assert.ok(printed.includes('--- 4') && printed.includes('--- ¥4,270'));
    assert.ok(printed.includes('{width:1}|x 2') && printed.includes('{width:1}|x ¥4,300'));
    assert.ok(printed.includes('^ ^ ^ 日 報 |'), 'title markup is text, not size');
    assert.ok(printed.includes('売上等 ¥10,734'), 'later rows keep their layout');
  });

  it('line breaks become spaces; characters cp932 cannot print (emoji, 𠮷) become 〓', () => {
    const report = { ...fixtureReport(), storeName: '渋谷\n店\t①☕🍰 𠮷野家' };
    const printed = lines(text(report));
    assert.ok(printed.includes('渋谷 店 ①〓〓 〓野家'), printed.slice(0, 4).join(' / '));
  });
});
