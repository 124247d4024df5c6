// Goal: the company gate lets at most perCompanyMax runs of one company in, others unaffected, and a
// place is given back once (a double leave cannot open a second place).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCompanyGate } from './company-gate.js';

test('at most perCompanyMax runs per company; other companies pass; leave is idempotent', () => {
  const gate = createCompanyGate(2);
  const a1 = gate.enter('A');
  const a2 = gate.enter('A');
  assert.ok(a1 && a2);
  assert.equal(gate.enter('A'), null, 'a third run of A is refused');
  const b1 = gate.enter('B');
  assert.ok(b1, 'B is not held up by A');
  a1();
  a1();
  assert.equal(gate.running('A'), 1);
  const a3 = gate.enter('A');
  assert.ok(a3);
  assert.equal(gate.enter('A'), null, 'the double leave did not open a second place');
  assert.throws(() => createCompanyGate(0), RangeError);
});
