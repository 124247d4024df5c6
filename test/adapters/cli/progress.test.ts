// Goal: the CLI's progress bar (issue 14 §9) draws counts and an ETA on a terminal and nothing at
// all on a pipe. Method: progressBar over a fake TTY stream (a Writable with isTTY and columns)
// and over a plain Writable, collecting what each receives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { progressBar } from '../../../src/adapters/cli/progress.js';

function sink(isTTY: boolean): Writable & { isTTY: boolean; columns: number; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { isTTY, columns: 100, text: () => chunks.join('') });
}

test('on a terminal: the label, done/total, percentage and the ETA are drawn', () => {
  const tty = sink(true);
  const progress = progressBar('取り込み', tty);
  assert.equal(progress.drawn, true);
  progress.update(0, 4);
  progress.update(2, 4);
  progress.update(3, 5);
  progress.update(5, 5);
  progress.stop();
  const drawn = tty.text();
  assert.match(drawn, /取り込み \[/);
  assert.match(drawn, /0\/4件 0%/);
  assert.match(drawn, /5\/5件 100%/, 'the total grew to 5');
  assert.match(drawn, /残り \S+/);
  assert.ok(
    drawn.includes(`${String.fromCharCode(27)}[?25h`),
    'the cursor is shown again at the end',
  );
});

test('not a terminal: nothing is written and the bar says it is not drawn', () => {
  const pipe = sink(false);
  const progress = progressBar('取り込み', pipe);
  assert.equal(progress.drawn, false);
  progress.update(0, 4);
  progress.update(4, 4);
  progress.stop();
  assert.equal(pipe.text(), '');
});
