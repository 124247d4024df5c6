// Payer names (振込依頼人名) as banks send them — half-width kana, 法人略語 before, inside or after
// the name (`ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ`, `ﾔﾏﾀﾞ(ｶ)ｼﾃﾝ`, `ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ`), small kana written large, cut to the
// bank's width — and partner names, kana and learned aliases, brought to one comparable key.

/** 法人略語 of the 全銀 character set (after small kana are written large: シヤ for シャ). */
const corporateAbbreviations = [
  'カ',
  'ユ',
  'ド',
  'メ',
  'シ',
  'ザイ',
  'シヤ',
  'イ',
  'ガク',
  'フク',
  'トクヒ',
  'ノウ',
  'ギヨ',
  'セイ',
  'ソ',
  'ダ',
  'ベン',
  'シホ',
  'ゼイ',
  'ギヨウ',
];
const abbreviation = `(?:${corporateAbbreviations.join('|')})`;
const leadingAbbreviation = new RegExp(`^${abbreviation}\\)`);
const innerAbbreviation = new RegExp(`\\(${abbreviation}\\)`, 'g');
const trailingAbbreviation = new RegExp(`\\(${abbreviation}$`);
/** Company-form words written out (kanji, and kana after small kana are written large). */
const corporateWords =
  /株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|医療法人|カブシキガイシヤ|カブシキカイシヤ|ユウゲンガイシヤ|ユウゲンカイシヤ|ゴウドウガイシヤ|ゴウドウカイシヤ/g;

const smallToLarge: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
  ヂ: 'ジ',
  ヅ: 'ズ',
  ヲ: 'オ',
};
const smallKana = /[ァィゥェォッャュョヮヵヶヂヅヲ]/g;
const hiragana = /[\u3041-\u3096]/g;
const longVowels = /[-‐‑‒–—―−ｰ]/g;
const punctuation = /[\s.,，、。・/／'"“”‘’「」:：;；_＿]/g;

/** The comparable form of a payer or partner name (an empty string when nothing is left). */
export function normaliseName(raw: string): string {
  let s = raw.normalize('NFKC').toUpperCase();
  s = s.replace(hiragana, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  s = s.replace(smallKana, (c) => smallToLarge[c] ?? c);
  s = s.replace(longVowels, 'ー');
  s = s.replace(punctuation, '');
  s = s.replace(leadingAbbreviation, '');
  s = s.replace(innerAbbreviation, '');
  s = s.replace(trailingAbbreviation, '');
  s = s.replace(corporateWords, '');
  return s.replace(/[()]/g, '');
}

const innerAbbreviationOnce = new RegExp(`\\(${abbreviation}\\)`);

/** The keys a payer name may stand for: the whole name, and with an abbreviation in the middle
 *  (`ﾔﾏﾀﾞ(ｶ)ｼﾃﾝ`, 山田(株) 支店) the company part before it too. */
export function payerKeys(raw: string): string[] {
  const whole = normaliseName(raw);
  const folded = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(smallKana, (c) => smallToLarge[c] ?? c);
  const at = folded.search(innerAbbreviationOnce);
  if (at <= 0) return whole === '' ? [] : [whole];
  const head = normaliseName(folded.slice(0, at));
  return [whole, head].filter((k, i, all) => k !== '' && all.indexOf(k) === i);
}

/** Base kana without its voicing mark (ガ → カ, パ → ハ). */
const unvoiced = (c: string) => c.normalize('NFD').replace(/[\u3099\u309a]/g, '');

/** The payer key is the partner key cut short — possibly between a kana and its voicing mark
 *  (half-width ｶﾞ is two characters, and the bank's width may fall between them). */
function isCutOf(payerKey: string, partnerKey: string): boolean {
  if (partnerKey.startsWith(payerKey)) return true;
  const head = payerKey.slice(0, -1);
  const last = payerKey.slice(-1);
  const there = partnerKey[head.length];
  return (
    there !== undefined && partnerKey.startsWith(head) && last === unvoiced(there) && last !== there
  );
}

export type NameMatch = 'exact' | 'truncated' | 'extended';

/** Shortest key that counts as a cut name (the bank's width) or as a name with a suffix. */
export const nameMatchLengthMin = 4;

/** How a payer key meets a partner key: the same, cut short by the bank, or the name with more after
 *  it (a branch); null when neither. */
export function compareNames(payerKey: string, partnerKey: string): NameMatch | null {
  if (payerKey === '' || partnerKey === '') return null;
  if (payerKey === partnerKey) return 'exact';
  if (payerKey.length >= nameMatchLengthMin && isCutOf(payerKey, partnerKey)) return 'truncated';
  if (partnerKey.length >= nameMatchLengthMin && payerKey.startsWith(partnerKey)) return 'extended';
  return null;
}
