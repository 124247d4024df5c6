// Text of a statement file: UTF-8 (with or without BOM) when it is valid UTF-8, else Shift_JIS
// (cp932, the superset Japanese banks export).
import iconv from 'iconv-lite';

export function decodeText(file: Buffer): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return iconv.decode(file, 'cp932');
  }
}
