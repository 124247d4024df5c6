// Goal: `uriage import FILE` and `uriage close` as a user runs them (issue 3 §5): the example day
// file imports, a second run changes nothing, close prints the version, and bad input exits
// non-zero with a message naming the field. Method: the real bin/uriage.js in a child process on a
// fresh embedded data directory, or on a fresh database of the DATABASE_URL server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useCliProcesses } from '../../support/cli-process.js';
import { exampleDay, exampleDayPath } from '../../support/ledger-fixtures.js';

const cli = useCliProcesses('ledger-cli', { timeoutMs: 60_000 });
const uriage = cli.uriage;

test('import the example day twice: created, then unchanged; close prints the version', async () => {
  const file = fileURLToPath(exampleDayPath);
  const first = await uriage('import', file);
  assert.equal(first.code, 0, first.stderr);
  const summary = JSON.parse(first.stdout);
  assert.deepEqual(
    [
      summary.company.created,
      summary.checkouts.accepted,
      summary.drawer.accepted,
      summary.closes[0].version,
    ],
    [true, 1, 1, 1],
  );
  const second = await uriage('import', file);
  assert.equal(second.code, 0, second.stderr);
  const again = JSON.parse(second.stdout);
  assert.deepEqual(
    [
      again.company.created,
      again.checkouts.unchanged,
      again.drawer.unchanged,
      again.closes[0].version,
      again.closes[0].created,
    ],
    [false, 1, 1, 1, false],
  );
  const closed = await uriage(
    'close',
    '--company',
    'demo',
    '--store',
    '0001',
    '--date',
    '2025-01-10',
    '--float',
    '30000',
    '--counted',
    '35000',
  );
  assert.equal(closed.code, 0, closed.stderr);
  assert.deepEqual(
    (({ created, version, expectedCash, difference }) => ({
      created,
      version,
      expectedCash,
      difference,
    }))(JSON.parse(closed.stdout)),
    { created: true, version: 2, expectedCash: 35880, difference: -880 },
  );
});

test('bad input: usage errors exit 2; a wrong file or store exits 1 naming the field, nothing imported', async () => {
  assert.equal(
    (
      await uriage(
        'close',
        '--company',
        'demo',
        '--store',
        '0001',
        '--date',
        '2025-01-10',
        '--float',
        '1.5',
        '--counted',
        '0',
      )
    ).code,
    2,
  );
  assert.equal((await uriage('import')).code, 2);
  const unknownStore = await uriage(
    'close',
    '--company',
    'demo',
    '--store',
    '9999',
    '--date',
    '2025-01-10',
    '--float',
    '0',
    '--counted',
    '0',
  );
  assert.equal(unknownStore.code, 1);
  assert.match(unknownStore.stderr, /9999/);
  const bad = structuredClone(exampleDay) as unknown as {
    company: { code: string };
    checkouts: { lines: { quantity: number }[] }[];
  };
  bad.company.code = 'other';
  (bad.checkouts[0] as { lines: { quantity: number }[] }).lines[0]!.quantity = 0;
  const path = join(cli.dataDir(), 'bad-day.json');
  writeFileSync(path, JSON.stringify(bad));
  const refused = await uriage('import', path);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /checkouts\[0\]\.lines\[0\]\.quantity/);
  const shown = await uriage('company', 'show', '--company', 'other');
  assert.equal(shown.code, 1, 'the company of a refused file was not created');
  writeFileSync(path, '{ not json');
  const notJson = await uriage('import', path);
  assert.equal(notJson.code, 1);
  assert.match(notJson.stderr, /JSON/);
});
