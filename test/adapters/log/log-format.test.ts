// Goal: `npm start` in a terminal logs through pino-pretty, JSON otherwise (issue 14 §9), and the
// pretty output still redacts secrets. Method: the choice function over a table of cases; a pretty
// and a JSON logger writing into a collecting stream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createFormattedLogger, logFormatFor } from '../../../src/adapters/log/logger.js';

test('the choice: LOG_FORMAT when set, else pretty on a terminal and JSON otherwise', () => {
  const cases: [boolean | undefined, string | undefined, string][] = [
    [true, undefined, 'pretty'],
    [false, undefined, 'json'],
    [undefined, undefined, 'json'],
    [true, 'json', 'json'],
    [false, 'pretty', 'pretty'],
    [true, 'yaml', 'pretty'],
    [false, '', 'json'],
  ];
  for (const [isTTY, env, expected] of cases)
    assert.equal(logFormatFor(isTTY, env), expected, `isTTY ${isTTY}, LOG_FORMAT ${env}`);
});

function sink(): Writable & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

test('pretty lines are not JSON and still redact secrets; JSON lines parse', async () => {
  const pretty = sink();
  const prettyLogger = await createFormattedLogger('info', 'pretty', pretty);
  prettyLogger.info({ password: 'hunter2', store: '0001' }, 'company saved');
  const prettyText = pretty.text();
  assert.match(prettyText, /INFO.*company saved/);
  assert.match(prettyText, /store: "0001"/);
  assert.match(prettyText, /\[redacted\]/);
  assert.doesNotMatch(prettyText, /hunter2/);
  assert.throws(() => JSON.parse(prettyText.split('\n')[0] ?? ''));

  const json = sink();
  const jsonLogger = await createFormattedLogger('info', 'json', json);
  jsonLogger.info({ password: 'hunter2' }, 'company saved');
  await new Promise((resolve) => setImmediate(resolve));
  const line = JSON.parse(json.text().split('\n')[0] ?? '') as { msg: string; password: string };
  assert.equal(line.msg, 'company saved');
  assert.equal(line.password, '[redacted]');
});
