// Canonical JSON (object keys sorted, arrays in order, no whitespace) and its sha256: two documents
// with the same content get the same hash whatever key order the register sent.
import { createHash, hash } from 'node:crypto';

const depthMax = 32;

export class CanonicalDepthError extends Error {
  constructor() {
    super(`JSON nested deeper than ${depthMax}`);
    this.name = 'CanonicalDepthError';
  }
}

function write(value: unknown, depth: number): string {
  if (depth > depthMax) throw new CanonicalDepthError();
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => write(item, depth + 1)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${write(item, depth + 1)}`).join(',')}}`;
}

export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

/** sha256 of a text's UTF-8 (or of those bytes already encoded), as hex. */
export function sha256Hex(text: string | Uint8Array): string {
  // crypto.hash (Node ≥ 20.12) is the one-shot form: a third of createHash's cost on short texts.
  return typeof hash === 'function'
    ? hash('sha256', text, 'hex')
    : createHash('sha256').update(text).digest('hex');
}
