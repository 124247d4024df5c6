// Goal: URIAGE_SANDBOX_FAULTS parses strictly; a seeded plan is deterministic (same seed → same
// faults for the same calls), respects rate, kinds and which calls each kind applies to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createFaultPlan,
  faultPlanFromEnv,
  faultTargets,
  parseFaultSpec,
  type FaultTarget,
} from '../../src/sandbox/faults.js';

test('parses the documented forms', () => {
  const simple = parseFaultSpec('rate=0.3,seed=7');
  assert.equal(simple.rate, 0.3);
  assert.equal(simple.seed, 7);
  assert.equal(simple.kinds.length, 8);
  const full = parseFaultSpec(
    'rate=0.2,kinds=5xx|maintenance|throttle|timeout|reset_after_write|expired_token|invalid_grant|permission_loss,seed=3',
  );
  assert.deepEqual(full.kinds, [
    '5xx',
    'maintenance',
    'throttle',
    'timeout',
    'reset_after_write',
    'expired_token',
    'invalid_grant',
    'permission_loss',
  ]);
  assert.deepEqual(
    parseFaultSpec(' rate=1 , kinds=timeout , timeout_ms=250 , lock_ms=1000 ').kinds,
    ['timeout'],
  );
  assert.equal(parseFaultSpec('rate=1,timeout_ms=250').timeoutMs, 250);
});

test('rejects what it does not understand, naming the problem', () => {
  for (const [spec, pattern] of [
    ['rate=2', /rate/],
    ['rate=abc', /rate/],
    ['kinds=5xx|teapot', /teapot/],
    ['seed=-1', /seed/],
    ['speed=3', /unknown key/],
    ['rate', /key=value/],
    ['timeout_ms=999999', /timeout_ms/],
  ] as const)
    assert.throws(() => parseFaultSpec(spec), pattern, spec);
  assert.equal(faultPlanFromEnv({}), undefined);
  assert.equal(faultPlanFromEnv({ URIAGE_SANDBOX_FAULTS: 'rate=0.5,seed=9' })?.config.seed, 9);
});

const targets: FaultTarget[] = ['api_read', 'api_write', 'token_code', 'token_refresh'];
function run(
  seed: number,
  rate: number,
  calls = 400,
  kinds?: ReturnType<typeof parseFaultSpec>['kinds'],
): string[] {
  const plan = createFaultPlan({ seed, rate, ...(kinds ? { kinds } : {}) });
  return Array.from({ length: calls }, (_, i) => {
    const target = targets[i % targets.length] as FaultTarget;
    const decision = plan.decide({ target, method: 'GET', path: `/x/${i}` });
    return decision ? `${target}:${decision.kind}${decision.status ?? ''}` : '-';
  });
}

test('same seed → same faults; another seed → other faults; rate is honoured', () => {
  assert.deepEqual(run(7, 0.3), run(7, 0.3));
  assert.notDeepEqual(run(7, 0.3), run(8, 0.3));
  const fired = run(7, 0.3).filter((f) => f !== '-').length;
  assert.ok(fired > 400 * 0.2 && fired < 400 * 0.4, `fired ${fired} of 400 at rate 0.3`);
  assert.equal(run(7, 0).filter((f) => f !== '-').length, 0);
  assert.equal(run(7, 1).filter((f) => f !== '-').length, 400);
});

test('kinds fire only on calls they apply to (invalid_grant on refresh, reset on writes)', () => {
  for (const entry of run(3, 1, 800)) {
    const [target, kind] = entry.split(':') as [FaultTarget, string];
    const base = kind.replace(/50[02]$/, '') as keyof typeof faultTargets;
    assert.ok(faultTargets[base].includes(target), entry);
  }
  const onlyGrant = run(3, 1, 40, ['invalid_grant']);
  assert.ok(
    onlyGrant.every((f, i) => (i % 4 === 3 ? f === 'token_refresh:invalid_grant' : f === '-')),
  );
});

test('queued faults go to the next call they apply to, in order; the header forces one', () => {
  const plan = createFaultPlan({ rate: 0 });
  plan.next('invalid_grant');
  plan.next('permission_loss');
  assert.equal(
    plan.decide({ target: 'api_read', method: 'GET', path: '/a' })?.kind,
    'permission_loss',
  );
  assert.equal(plan.decide({ target: 'api_read', method: 'GET', path: '/b' }), null);
  assert.equal(
    plan.decide({ target: 'token_refresh', method: 'POST', path: '/t' })?.kind,
    'invalid_grant',
  );
  assert.equal(
    plan.decide({ target: 'api_write', method: 'POST', path: '/c' }, 'reset_after_write')?.kind,
    'reset_after_write',
  );
  assert.equal(
    plan.decide({ target: 'api_read', method: 'GET', path: '/d' }, 'reset_after_write'),
    null,
    'not a write',
  );
  assert.equal(plan.decide({ target: 'api_read', method: 'GET', path: '/e' }, 'teapot'), null);
  assert.deepEqual(
    plan.fired().map((f) => [f.kind, f.forced]),
    [
      ['permission_loss', true],
      ['invalid_grant', true],
      ['reset_after_write', true],
    ],
  );
});
