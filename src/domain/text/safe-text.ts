// Text the ledger, the database and freee can all keep: no NUL (PostgreSQL text and jsonb refuse
// it) and no unpaired UTF-16 surrogate (it has no UTF-8 form). Every contract string is checked
// with this before anything is written.
const nul = '\u0000';
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(value: string): boolean {
  return !value.includes(nul) && !loneSurrogate.test(value);
}

/** The path (`lines[0].name`, or a key itself) of the first string, key included, that is not safe. */
export function firstUnsafeText(value: unknown, path = '', depthMax = 64): string | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path;
  if (value === null || typeof value !== 'object' || depthMax <= 0) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstUnsafeText(item, `${path}[${index}]`, depthMax - 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (!isSafeText(key)) return keyPath;
    const found = firstUnsafeText(item, keyPath, depthMax - 1);
    if (found !== null) return found;
  }
  return null;
}
