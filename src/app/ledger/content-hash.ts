// sha256 of a text or of its bytes, as hex: the ledger's content hashes (of canonical JSON,
// src/domain/text/canonical-json.ts, or of a document's UTF-8 as stored).
import { createHash, hash } from 'node:crypto';

/** sha256 of a text's UTF-8 (or of those bytes already encoded), as hex. */
export function sha256Hex(text: string | Uint8Array): string {
  // crypto.hash (Node ≥ 20.12) is the one-shot form: a third of createHash's cost on short texts.
  return typeof hash === 'function'
    ? hash('sha256', text, 'hex')
    : createHash('sha256').update(text).digest('hex');
}
