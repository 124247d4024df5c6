// Golden files: compared byte for byte; `UPDATE_GOLDEN=1 npm test -- test/adapters/print` rewrites them.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const bytesPerHexLine = 32;

/** Printer bytes as reviewable text: 32 bytes of lowercase hex per line. */
export function toHexLines(bytes: Buffer): string {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += bytesPerHexLine) {
    lines.push(bytes.subarray(offset, offset + bytesPerHexLine).toString('hex'));
  }
  return `${lines.join('\n')}\n`;
}

export function assertGolden(name: string, actual: Buffer): void {
  const path = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(
    existsSync(path),
    `golden file ${name} is missing; run UPDATE_GOLDEN=1 npm test -- test/adapters/print`,
  );
  const expected = readFileSync(path);
  if (!expected.equals(actual)) {
    // Show a readable diff for text, then fail on the bytes.
    assert.equal(
      actual.toString('utf8'),
      expected.toString('utf8'),
      `${name} differs from the golden file`,
    );
    assert.fail(`${name} differs from the golden file`);
  }
}
