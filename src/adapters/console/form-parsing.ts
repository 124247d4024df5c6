// Console form parsing: what people type (`120,000`, `１２０，０００`, `¥30,000`)
// → whole yen, or a Japanese message naming the field and what is expected. The input itself is kept
// by the page that shows the refusal.

/** Full-width digits, commas, minus and spaces → their ASCII forms; `¥`/`￥` and `円` dropped. */
export function normalizeNumberText(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，、]/g, ',')
    .replace(/[－―ー−]/g, '-')
    .replace(/[\s\u3000]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/円$/, '');
}

export const yenDigitsMax = 13;

export type ParsedYen = { ok: true; value: number } | { ok: false; message: string };

/** A whole, non-negative amount of yen with optional thousands separators. */
export function parseYenInput(text: string | undefined, label: string): ParsedYen {
  const normalized = normalizeNumberText(text ?? '');
  const example = '例: 120,000';
  if (normalized === '')
    return { ok: false, message: `${label}を入力してください(0以上の整数の円、${example})。` };
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(normalized))
    return {
      ok: false,
      message: `${label}は0以上の整数の円で入力してください(数字とカンマのみ、${example})。`,
    };
  const digits = normalized.replaceAll(',', '');
  if (digits.replace(/^0+(?=\d)/, '').length > yenDigitsMax)
    return { ok: false, message: `${label}が大きすぎます(${yenDigitsMax}桁まで)。` };
  return { ok: true, value: Number(digits) };
}

/** Several yen fields at once: their values, or a message per field (keyed by the field's name). */
export function parseYenFields<K extends string>(
  form: Record<string, string>,
  labels: Record<K, string>,
): { values: Record<K, number>; errors: Record<string, string> } {
  const values = {} as Record<K, number>;
  const errors: Record<string, string> = {};
  for (const key of Object.keys(labels) as K[]) {
    const parsed = parseYenInput(form[key], labels[key]);
    if (parsed.ok) values[key] = parsed.value;
    else errors[key] = parsed.message;
  }
  return { values, errors };
}

/** A business date typed or picked: `2026-12-02`, `2026/12/02` or full-width digits → `2026-12-02`. */
export function normalizeDateInput(text: string | undefined): string {
  const normalized = normalizeNumberText(text ?? '')
    .replace(/[/.年月]/g, '-')
    .replace(/日$/, '');
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(normalized);
  return match
    ? `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}`
    : (text ?? '');
}
