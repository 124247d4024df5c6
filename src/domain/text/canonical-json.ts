// Canonical JSON: object keys sorted by UTF-16 code unit, arrays in order, no whitespace, keys whose
// value is undefined left out (as JSON.stringify leaves them out). Two values with the same content
// get the same text whatever order their keys were built or sent in: the ledger hashes a document
// by it, and the posting diff compares a deal rebuilt from freee's answer with the one it built.
// Pure (no I/O); nesting is bounded, deeper is a named error.

export const canonicalDepthMax = 32;

export class CanonicalDepthError extends Error {
  constructor() {
    super(`JSON nested deeper than ${canonicalDepthMax}`);
    this.name = 'CanonicalDepthError';
  }
}

const byKey = ([left]: [string, unknown], [right]: [string, unknown]) =>
  left < right ? -1 : left > right ? 1 : 0;

function write(value: unknown, depth: number): string {
  if (depth > canonicalDepthMax) throw new CanonicalDepthError();
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => write(item, depth + 1)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(byKey);
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${write(item, depth + 1)}`).join(',')}}`;
}

export function canonicalJson(value: unknown): string {
  return write(value, 0);
}
