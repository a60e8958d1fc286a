import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf, run } from './testkit.js';

const none = { averaging: { tier: 'none' as const } };

test('LAW-01: a 9.5 h night without an averaging agreement breaks 9 h per 24 h', () => {
  const v = violationsOf(plan({ rules: none, rows: [['e1', '2027-01-05', 'N']] }), 'LAW-01');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 9.5);
  assert.equal(v[0].limit, 9);
  assert.equal(v[0].severity, 'hard');
  assert.equal(v[0].reference, 'AML § 10-4');
});

test('LAW-01: DST nights are counted by real hours – 8.5 h in March passes, 10.5 h in October fails', () => {
  const march = plan({ start: '2026-03-23', end: '2026-04-05', rules: none, rows: [['e1', '2026-03-28', 'N']] });
  assert.equal(violationsOf(march, 'LAW-01').length, 0);
  const oct = plan({ start: '2026-10-19', end: '2026-11-01', rules: none, rows: [['e1', '2026-10-24', 'N']] });
  const v = violationsOf(oct, 'LAW-01');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 10.5);
});

test('LAW-01: six day shifts in 7 days = 48 h > 40 h', () => {
  const v = violationsOf(plan({ rules: none, rows: run('e1', '2027-01-04', 6, 'D') }), 'LAW-01').filter((x) => x.limit === 40);
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 48);
});

test('LAW-01 is off when an averaging agreement exists (LAW-02 applies instead)', () => {
  assert.equal(violationsOf(plan({ rows: [['e1', '2027-01-05', 'N']] }), 'LAW-01').length, 0);
});
