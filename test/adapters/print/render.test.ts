import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import {
  renderReport,
  renderReceiptline,
  isPrintFormat,
} from '../../../src/adapters/print/render.js';
import { fixtureReport, fixtureSettings } from './fixture-report.js';
import { assertGolden, toHexLines } from './golden.js';

const uriageSjis = Buffer.from([0x94, 0x84, 0x8f, 0xe3]); // 売上
const escposCut = Buffer.from([0x1d, 0x56, 0x42, 0x00]); // GS V B 0: feed to the cutter and cut
const escposKanjiOn = Buffer.from([0x1c, 0x43, 0x31]); // FS C 1: Shift_JIS kanji mode
const starCut = Buffer.from([0x1b, 0x64, 0x33]); // ESC d 3: StarPRNT partial cut
const starKanjiOn = Buffer.from([0x1b, 0x24, 0x31]); // ESC $ 1: StarPRNT Shift_JIS

describe('golden files of the fixed day', () => {
  it('text, 48 characters per line (80 mm)', () => {
    const rendered = renderReport(fixtureReport(), fixtureSettings(), 'text');
    assert.equal(rendered.contentType, 'text/plain; charset=utf-8');
    assertGolden('daily-report.48.txt', rendered.bytes);
  });

  it('text, 32 characters per line (58 mm)', () => {
    assertGolden(
      'daily-report.32.txt',
      renderReport(fixtureReport(), fixtureSettings(), 'text', { cpl: 32 }).bytes,
    );
  });

  it('ESC/POS bytes', () => {
    const rendered = renderReport(fixtureReport(), fixtureSettings(), 'escpos');
    assert.equal(rendered.contentType, 'application/octet-stream');
    assertGolden('daily-report.escpos.hex', Buffer.from(toHexLines(rendered.bytes)));
  });

  it('StarPRNT bytes', () => {
    const rendered = renderReport(fixtureReport(), fixtureSettings(), 'starprnt');
    assertGolden('daily-report.starprnt.hex', Buffer.from(toHexLines(rendered.bytes)));
  });
});

describe('ESC/POS (Epson, cp932)', () => {
  const bytes = renderReport(fixtureReport(), fixtureSettings(), 'escpos').bytes;

  it('starts with ESC @ (initialize) and switches to Shift_JIS kanji', () => {
    assert.deepEqual([...bytes.subarray(0, 2)], [0x1b, 0x40]);
    assert.ok(bytes.includes(escposKanjiOn));
  });

  it('holds the Shift_JIS bytes of 売上, the store name and the title', () => {
    assert.ok(bytes.includes(uriageSjis));
    assert.ok(bytes.includes(iconv.encode('カフェ・ウリアゲ 渋谷店', 'cp932')));
    assert.ok(bytes.includes(iconv.encode('日', 'cp932')));
    assert.ok(!bytes.includes(Buffer.from('売上', 'utf8')), 'no UTF-8 text on the printer');
  });

  it('prints ¥ as 0x5C (the yen sign of the Japanese character set) and ends with a cut', () => {
    assert.ok(bytes.includes(Buffer.from('\\10,734', 'latin1')));
    assert.ok(bytes.includes(Buffer.from([0x1b, 0x52, 0x08])), 'ESC R 8: Japan character set');
    assert.ok(bytes.lastIndexOf(escposCut) > bytes.length - 8, 'cut at the end');
  });
});

describe('StarPRNT (Star, starmbcs)', () => {
  const star = renderReport(fixtureReport(), fixtureSettings(), 'starprnt').bytes;
  const escpos = renderReport(fixtureReport(), fixtureSettings(), 'escpos').bytes;

  it('differs from ESC/POS, holds Shift_JIS kanji and cuts with ESC d 3', () => {
    assert.ok(!star.equals(escpos));
    assert.ok(star.includes(uriageSjis));
    assert.ok(star.includes(starKanjiOn));
    assert.ok(star.includes(starCut));
    assert.ok(!star.includes(escposCut));
  });
});

describe('SVG preview', () => {
  it('is an <svg> document with the Japanese title, store name and escaped XML', () => {
    const report = { ...fixtureReport(), storeName: 'ウリアゲ & <本店>' };
    const rendered = renderReport(report, { ...fixtureSettings(), title: '日報(テスト)' }, 'svg');
    const svg = rendered.bytes.toString('utf8');
    assert.equal(rendered.contentType, 'image/svg+xml; charset=utf-8');
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<\/svg>\s*$/);
    const textContent = svg.replace(/<[^>]*>/g, '');
    assert.ok(textContent.includes('日報(テスト)'), 'title');
    assert.ok(
      textContent.includes('ウリアゲ&#xa0;&amp;&#xa0;&lt;本店&gt;'),
      'store name, XML-escaped',
    );
    assert.ok(!svg.includes('<本店>'));
  });
});

describe('formats', () => {
  it('accepts exactly text, escpos, starprnt, svg', () => {
    assert.deepEqual(['text', 'escpos', 'starprnt', 'svg', 'png', 'epson'].map(isPrintFormat), [
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    assert.throws(() => renderReceiptline('x', 'png' as never), /format must be one of/);
  });

  it('the text format is the printed layout (same cpl as given)', () => {
    const text = renderReport(fixtureReport(), fixtureSettings(), 'text', {
      cpl: 32,
    }).bytes.toString('utf8');
    const widths = text.split('\n').map((line) => iconv.encode(line, 'cp932').length);
    assert.ok(Math.max(...widths) <= 32, `widest line ${Math.max(...widths)}`);
  });
});
